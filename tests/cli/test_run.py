"""`factcheck run` end to end: the seed article, its broken variants, formats and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from factcheck.cli.main import main
from tests.conftest import ROOT, SEED


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def variant(tmp_path, old: str, new: str):
    text = SEED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.md"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text.replace(old, new, 1)


def test_seed_article_checks_clean(capsys):
    code, out, _ = run(["run", str(ROOT / "seeds")], capsys)
    assert code == 0
    assert "error[" not in out
    assert re.search(r"Checked 1 document: \d+ claims, \d+ rules", out)


def test_seed_claims_are_checked_in_json(capsys):
    code, out, _ = run(["run", str(SEED), "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 0
    (document,) = report["documents"]
    assert document["date"] == "2025-10-16"
    assert [f for f in document["findings"] if f["severity"] == "error"] == []


@pytest.mark.parametrize(
    "old,new,rule,pointed",
    [
        ("eighth conversation", "fifth conversation", "event-count-matches-timeline", "fifth"),
        ("nine months", "six months", "elapsed-period-matches-interval", "six months"),
    ],
)
def test_broken_variant_is_an_error_at_the_changed_words(tmp_path, capsys, old, new, rule, pointed):
    path, text = variant(tmp_path, old, new)
    code, out, _ = run(["run", str(path), "--format", "json"], capsys)
    assert code == 1
    findings = json.loads(out)["documents"][0]["findings"]
    (finding,) = [f for f in findings if f["rule"] == rule]
    assert finding["severity"] == "error"
    span = finding["span"]
    covered = text[span["start"] : span["end"]]
    assert pointed in covered and len(covered) < 60
    line = text.splitlines()[span["line"] - 1]
    assert line[span["column"] - 1 :].startswith(covered.split("\n")[0])


def test_text_format_shows_caret_under_the_span(tmp_path, capsys):
    path, _ = variant(tmp_path, "eighth conversation", "fifth conversation")
    code, out, _ = run(["run", str(path)], capsys)
    assert code == 1
    assert "error[event-count-matches-timeline]" in out
    lines = out.splitlines()
    caret = next(i for i, line in enumerate(lines) if "^^^^^" in line)
    source, marks = lines[caret - 1], lines[caret]
    start = marks.index("^")
    assert source[start:].startswith("fifth conversation")


def test_fail_on_levels(tmp_path, capsys):
    path, _ = variant(tmp_path, "eighth conversation", "fifth conversation")
    assert run(["run", str(path), "--fail-on", "never"], capsys)[0] == 0
    assert run(["run", str(path), "--fail-on", "warning"], capsys)[0] == 1


def test_date_override_changes_the_verdict(capsys):
    code, out, _ = run(["run", str(SEED), "--date", "2025-06-01", "--format", "json"], capsys)
    assert code == 1
    rules = {f["rule"] for f in json.loads(out)["documents"][0]["findings"]}
    assert "event-count-matches-timeline" in rules


def test_undated_document_skips_date_rules_with_a_note(tmp_path, capsys):
    path = tmp_path / "undated.txt"
    path.write_text("Trump and Putin held their fifth conversation in eight months.\n")
    code, out, _ = run(["run", str(path)], capsys)
    assert code == 0
    assert "skipped, the document has no date" in out


def test_output_file(tmp_path, capsys):
    target = tmp_path / "report.json"
    code, out, _ = run(["run", str(SEED), "--format", "json", "--output", str(target)], capsys)
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["tool"] == "factcheck"


def test_sarif_validates_against_the_official_schema(tmp_path, capsys, shared_data):
    jsonschema = pytest.importorskip("jsonschema")
    path, _ = variant(tmp_path, "nine months", "six months")
    code, out, _ = run(["run", str(path), "--format", "sarif"], capsys)
    assert code == 1
    sarif = json.loads(out)
    schema = json.loads((shared_data / "sarif" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(sarif, schema)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "elapsed-period-matches-interval"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert "six months" in region["snippet"]["text"]
    driver_ids = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert {"event-count-matches-timeline", "elapsed-period-matches-interval"} <= driver_ids


def test_unreadable_input_is_a_finding_and_the_run_goes_on(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait\n")
    code, out, _ = run(["run", str(bad), str(SEED), "--format", "json"], capsys)
    documents = json.loads(out)["documents"]
    assert code == 1
    assert [f["rule"] for f in documents[0]["findings"]] == ["factcheck/input-error"]
    assert len(documents) == 2


def test_no_readable_input_exits_2(tmp_path, capsys):
    assert run(["run", str(tmp_path / "missing.txt")], capsys)[0] == 2


@pytest.mark.parametrize(
    "rule_text,where",
    [
        ("id: broken\ntitle: t\nseverity: error\nfor: c in claims.number\nassert: c.value >\nmessage: m\n",
         ":5:"),
        ("id: broken\ntitle: t\nseverity: error\nfor: c in claims.number\nassert: c.text > 1\nmessage: m\n",
         ":5:9"),
        ("id: broken\ntitle: t\nseverity: error\nfor: c in claims.number\nassert: true\nmesage: m\n", ":6:1"),
    ],
    ids=["syntax", "type", "unknown-key"],
)
def test_broken_rule_pack_exits_2_with_position(tmp_path, capsys, rule_text, where):
    (tmp_path / "broken.yaml").write_text(rule_text)
    code, _, err = run(["run", str(SEED), "--rules", str(tmp_path)], capsys)
    assert code == 2
    assert f"broken.yaml{where}" in err
    assert "^" in err


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Trump and Putin held their fifth call in eight months.\n"))
    code, out, _ = run(["run", "-", "--date", "2025-10-16", "--format", "json"], capsys)
    assert code == 1
    assert json.loads(out)["documents"][0]["findings"][0]["rule"] == "event-count-matches-timeline"


def test_console_script_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "factcheck.cli.main", "run", str(SEED)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
