"""The JSON format's offsets, lines and columns point into the original file (DESIGN §6)."""

from __future__ import annotations

import json
from dataclasses import replace

from factcheck.engine.results import RunResult
from factcheck.reporters import render

from .conftest import Fixture


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, computed independently of the reporters."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def spans_of(finding: dict) -> list[dict]:
    return ([finding["span"]] if finding["span"] else []) + finding["related"]


def test_markdown_offsets_slice_the_original(fixture: Fixture) -> None:
    data = json.loads(render("json", fixture.run))
    original = fixture.markdown.original
    findings = data["documents"][0]["findings"]
    assert [f["excerpt"] for f in findings] == [
        "eighth",
        "eight months*,\na call of nearly 90 minutes",
        "Smith &amp; Jones",
        None,
    ]
    for finding in findings:
        if finding["span"]:
            assert original[finding["span"]["start"] : finding["span"]["end"]] == finding["excerpt"]
        for related in finding["related"]:
            assert original[related["start"] : related["end"]] == related["text"]


def test_markdown_lines_and_columns(fixture: Fixture) -> None:
    data = json.loads(render("json", fixture.run))
    original = fixture.markdown.original
    for finding in data["documents"][0]["findings"]:
        for span in spans_of(finding):
            assert (span["line"], span["column"]) == line_and_column(original, span["start"])
            assert (span["end_line"], span["end_column"]) == line_and_column(original, span["end"])


def test_original_offsets_differ_from_normalized(fixture: Fixture) -> None:
    first = json.loads(render("json", fixture.run))["documents"][0]["findings"][0]
    normalized = fixture.run.documents[0].findings[0].span
    assert normalized is not None and first["span"]["start"] != normalized.start
    assert (first["span"]["line"], first["span"]["column"]) == (7, 19)


def test_record_positions_are_within_the_record_text(fixture: Fixture) -> None:
    document = json.loads(render("json", fixture.run))["documents"][1]
    assert document["record"] == "r-42"
    finding = document["findings"][0]
    assert (finding["span"]["line"], finding["span"]["column"]) == (2, 21)
    assert fixture.record.original[finding["span"]["start"] : finding["span"]["end"]] == "2 hours"


def test_unreadable_input_and_summary(fixture: Fixture) -> None:
    data = json.loads(render("json", fixture.run))
    assert list(data) == ["version", "tool", "documents", "summary"]
    missing = data["documents"][3]
    assert missing == {
        "path": "missing.txt",
        "date": None,
        "findings": [
            {
                "rule": "factcheck/input-error",
                "severity": "error",
                "confidence": "high",
                "below_min_confidence": False,
                "message": "cannot read missing.txt: No such file or directory",
                "span": None,
                "excerpt": None,
                "related": [],
                "evidence": {},
                "fix": None,
            }
        ],
        "notes": [],
        "skipped": [],
    }
    assert data["summary"]["findings"] == {"error": 3, "warning": 2, "info": 1}
    assert data["version"] == "0.0.0-test" and data["tool"] == "factcheck"


def test_non_ascii_is_written_as_is(fixture: Fixture) -> None:
    result = fixture.run.documents[3]
    finding = replace(result.findings[0], message="café “quoted”")
    run = RunResult([replace(result, findings=[finding])], fixture.run.rules)
    assert '"message": "café “quoted”"' in render("json", run)


def test_notes_and_skipped_rules(fixture: Fixture) -> None:
    notes = json.loads(render("json", fixture.run))["documents"][2]
    assert notes["skipped"] == [{"rule": "weekday-matches-date", "reason": "the document has no date"}]
    assert notes["notes"] == ["weekday-matches-date: skipped, the document has no date",
                              "the title was taken from the first line"]
