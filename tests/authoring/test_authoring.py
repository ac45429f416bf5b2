"""Rule authoring: annotated documents, check-rules, generated rule docs, explain."""

from __future__ import annotations

from factcheck.authoring.ruledocs import render_docs
from factcheck.cli.main import main
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir
from tests.conftest import ROOT, SEED

RULE = "event-count-matches-timeline"
BROKEN_RULE = (
    "id: broken\ntitle: t\nseverity: error\nfor: c in claims.number\nassert: c.text > 1\nmessage: m\n"
)


def test_default_pack_annotated_document_passes(capsys):
    assert main(["test", str(rules_dir() / "tests" / "default-pack.md")]) == 0
    assert capsys.readouterr().out.strip().endswith(" 0 failed")


def test_annotated_document_reports_missed_and_extra(tmp_path, capsys):
    text = (rules_dir() / "tests" / "default-pack.md").read_text(encoding="utf-8")
    text = text.replace(f"<!-- expect: {RULE} -->", f"<!-- ok: {RULE} -->")
    text = text.replace("<!-- ok: elapsed-period-matches-interval -->\nYet",
                        "<!-- expect: elapsed-period-matches-interval -->\nYet")
    path = tmp_path / "annotated.md"
    path.write_text(text, encoding="utf-8")
    assert main(["test", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"extra: {RULE} where marked ok" in out
    assert "missed: expected elapsed-period-matches-interval" in out
    assert "2 failed" in out



def test_a_folder_of_annotated_documents_is_checked_against_the_pack(tmp_path, capsys):
    """A directory without rule files holds documents to check, not an empty pack whose every
    expectation would be missed."""
    folder, dated = tmp_path / "cases" / "more", "---\ndate: 2025-06-01\n---\n"
    folder.mkdir(parents=True)
    (tmp_path / "cases" / "a.md").write_text(
        f"{dated}<!-- expect: breakdown-sums-to-total -->\nThe 30 medals: 12 gold, 10 silver and 5 bronze.\n",
        encoding="utf-8")
    (folder / "b.md").write_text(
        f"{dated}<!-- ok: breakdown-sums-to-total -->\nThe 27 medals: 12 gold, 10 silver and 5 bronze.\n",
        encoding="utf-8")
    assert main(["test", str(tmp_path / "cases")]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.strip().endswith("2 passed, 0 failed")

def test_annotated_file_holds_several_documents(tmp_path, capsys):
    """A restatement is compared within its own document, never with the previous one's event."""
    one = ("---\ndate: 2025-10-16\n---\nIt was a 45-minute call.\n"
           "<!-- expect: restated-duration-agrees -->\nThe two-hour call ended.\n")
    two = "<!-- ok: restated-duration-agrees -->\nThe 45-minute call ended.\n"
    path = tmp_path / "corpus.md"
    path.write_text(f"{one}\n<!-- document -->\n{two}", encoding="utf-8")
    assert main(["test", str(path)]) == 0, capsys.readouterr().out
    path.write_text(f"{one}\n{two}", encoding="utf-8")  # one document: the second restates the first
    assert main(["test", str(path)]) == 1
    assert "extra: restated-duration-agrees where marked ok" in capsys.readouterr().out


def test_loader_skips_tests_and_patterns_folders(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "patterns").mkdir()
    (tmp_path / "tests" / "not-a-rule.yaml").write_text("anything: 1\n")
    (tmp_path / "patterns" / "p.yaml").write_text(  # a pattern file: loaded as a kind, not as a rule
        "kind: skipped_demo\ndescription: A demo.\nfields: {n: claim<number>}\n"
        "patterns: ['{number:n} widgets']\n"
    )
    assert load_packs([tmp_path]).rules == ()


def test_check_rules_ok_and_broken(tmp_path, capsys):
    assert main(["check-rules"]) == 0
    assert "rules OK" in capsys.readouterr().out
    (tmp_path / "broken.yaml").write_text(BROKEN_RULE)
    assert main(["check-rules", str(tmp_path)]) == 2
    assert "broken.yaml:5:9" in capsys.readouterr().err
    assert main(["test", "--syntax-only", str(tmp_path)]) == 2


def test_committed_rule_docs_are_up_to_date():
    pages = render_docs(load_packs([rules_dir()]).rules)
    docs = ROOT / "docs" / "rules"
    stale = [name for name, text in pages.items() if not (docs / name).is_file()
             or (docs / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run `factcheck rules --write-docs docs/rules` and commit the result"
    assert {p.name for p in docs.glob("*.md")} == set(pages)


def test_rules_doc_writes_pages(tmp_path, capsys):
    assert main(["rules", "--write-docs", str(tmp_path)]) == 0
    page = (tmp_path / f"{RULE}.md").read_text(encoding="utf-8")
    headings = [line for line in page.split("\n") if line.startswith("## ")]
    assert headings == ["## What it checks", "## Why it matters", "## Example", "## Write instead",
                        "## Tolerance and limits", "## The rule", "## Tested examples"]
    assert "**Flagged**" in page and "assert: |" in page and "Dated 2025-10-16." in page
    assert f"({RULE}.md)" in (tmp_path / "index.md").read_text(encoding="utf-8")


def test_explain_on_the_broken_seed(tmp_path, capsys):
    path = tmp_path / "broken.md"
    path.write_text(SEED.read_text(encoding="utf-8").replace("eighth conversation", "fifth conversation"))
    assert main(["explain", RULE, str(path)]) == 0
    out = capsys.readouterr().out
    assert "assert: let t = timeline(c)" in out
    assert '"fifth conversation in just eight months"' in out
    assert "c.ordinal == n = false" in out and "[5 == 8]" in out
    assert "fact used:" in out and "assert failed" in out


def test_explain_without_document_and_unknown_rule(capsys):
    assert main(["explain", RULE]) == 0
    assert "defined at" in capsys.readouterr().out
    assert main(["explain", "event-count-matches-timelin"]) == 2
    assert "did you mean" in capsys.readouterr().err


def test_a_section_whose_check_fails_whole_is_reported_with_its_line(tmp_path):
    """A finding with no span (the section's time limit, a rule error) is a problem of the section,
    never dropped, so an expectation it hides is not reported as a bare "missed"."""
    from types import SimpleNamespace

    from factcheck.authoring.annotated import check_document
    from factcheck.findings import Finding, Severity

    class TimingOut:
        def check(self, document):
            failed = Finding("factcheck/input-error", Severity.ERROR, "took too long")
            return SimpleNamespace(notes=[], findings=[failed])

    path = tmp_path / "corpus.md"
    path.write_text("One.\n<!-- document -->\nTwo.\n<!-- expect: restated-duration-agrees -->\nThree.\n",
                    encoding="utf-8")
    _, problems = check_document(path, TimingOut())
    assert f"{path}: the section from line 1: factcheck/input-error: took too long" in problems
    assert f"{path}: the section from line 3: factcheck/input-error: took too long" in problems


def test_an_undated_section_is_no_failure_for_the_rules_that_need_a_date(tmp_path):
    """A section written without a date tests what the rules do without one; the rules that need
    the date skipping it is what it asks for, while a dated section's notes stay problems."""
    from types import SimpleNamespace

    from factcheck.authoring.annotated import check_document
    from factcheck.engine.runner import NO_DATE

    class SkipsUndated:
        def check(self, document):
            notes = [f"some-rule: skipped, {NO_DATE}", "other-rule: skipped, no facts"]
            return SimpleNamespace(notes=notes if document.date is None else notes[1:], findings=[])

    path = tmp_path / "corpus.md"
    path.write_text("<!-- document -->\nOne.\n<!-- document date: 2024-05-01 -->\nTwo.\n", encoding="utf-8")
    _, problems = check_document(path, SkipsUndated())
    assert problems == [f"{path}: other-rule: skipped, no facts"]
