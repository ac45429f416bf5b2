"""Annotated documents: an expect's span and confidence, an ok's gate, and documents with their own
date (``<!-- document date: ... -->``)."""

from __future__ import annotations

from factcheck.cli.main import main

DATED = "---\ndate: 2024-01-10\n---\n"
RANGE = "The exhibition runs from June 12 to June 3, 2024, in the east wing.\n"
PAST = "Engineers inspected the bridge on 12 October 2021 and found no damage.\n"


def run(tmp_path, text: str, capsys) -> tuple[int, str]:
    path = tmp_path / "doc.md"
    path.write_text(text if text.startswith("---") else DATED + text, encoding="utf-8")
    code = main(["test", str(path)])
    return code, capsys.readouterr().out


def test_the_span_and_the_least_confidence_are_checked(tmp_path, capsys):
    good = f"<!-- expect: date-range-in-order; at: June 12; min-confidence: high -->\n{RANGE}"
    assert run(tmp_path, good, capsys)[0] == 0
    code, out = run(tmp_path, good.replace("at: June 12", "at: June 3, 2024"), capsys)
    assert code == 1 and "missed: expected date-range-in-order at 'June 3, 2024'" in out
    assert "found 'June 12' (high confidence)" in out


def test_a_finding_below_the_least_confidence_is_missed(tmp_path, capsys):
    text = f"<!-- expect: date-range-in-order; confidence: medium -->\n{RANGE}"
    code, out = run(tmp_path, text, capsys)
    assert code == 1 and "with medium confidence" in out


def test_a_document_takes_its_own_date(tmp_path, capsys):
    marked = ("<!-- expect: past-tense-date-not-in-future; at: 12 October 2021; min-confidence: medium -->\n"
              + PAST)
    early = f"---\ndate: 2025-01-01\n---\n<!-- document date: 2019-05-02 -->\n{marked}"
    assert run(tmp_path, early, capsys)[0] == 0
    late = f"---\ndate: 2019-05-02\n---\n<!-- document date: 2025-01-01 -->\n{marked}"
    code, out = run(tmp_path, late, capsys)
    assert code == 1 and "missed: expected past-tense-date-not-in-future" in out


def test_an_ok_with_a_least_confidence_allows_findings_below_it(tmp_path, capsys):
    text = ("---\ndate: 2025-10-16\n---\n<!-- ok: past-tense-date-not-in-future; min-confidence: medium -->\n"
            "If the board had approved the merger on 3 March 2026, the shares would have risen.\n")
    assert run(tmp_path, text, capsys)[0] == 0
    code, out = run(tmp_path, text.replace("; min-confidence: medium", ""), capsys)
    assert code == 1 and "extra: past-tense-date-not-in-future where marked ok" in out


def test_bad_annotations_are_reported_with_their_line(tmp_path, capsys):
    code, out = run(tmp_path, f"<!-- expect: date-range-in-order; near: June -->\n{RANGE}", capsys)
    assert code == 1 and "line 4: unknown annotation 'near: June'" in out
    code, out = run(tmp_path, f"<!-- expect: date-range-in-order; min-confidence: sure -->\n{RANGE}", capsys)
    assert code == 1 and "is not high, medium or low" in out
    code, out = run(tmp_path, f"<!-- ok: date-range-in-order; at: June 12 -->\n{RANGE}", capsys)
    assert code == 1 and "an ok takes only min-confidence" in out
    code, out = run(tmp_path, f"<!-- document date: 2019-02-30 -->\n{RANGE}", capsys)
    assert code == 1 and "2019-02-30 is no calendar date" in out
