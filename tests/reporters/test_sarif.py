"""SARIF validates against the official 2.1.0 schema and describes every loaded rule."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.engine.results import DocumentResult, RunResult
from factcheck.reporters import render
from factcheck.reporters.sarif import artifact_location, pascal_name

from .conftest import MARKDOWN_PIECES, Fixture, build_markdown

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_NAME = Path("sarif") / "sarif-schema-2.1.0.json"


def schema_path() -> Path:
    """Under ``$FACTCHECK_DATA`` (relative to the repository root), else ``../shared/data``."""
    value = os.environ.get("FACTCHECK_DATA")
    candidates = [REPO_ROOT / value] if value else []  # an absolute value replaces the root
    candidates += [REPO_ROOT.parent / "shared" / "data"]
    for base in candidates:
        if (base / SCHEMA_NAME).is_file():
            return base / SCHEMA_NAME
    looked = ", ".join(str(base / SCHEMA_NAME) for base in candidates)
    pytest.skip(f"the official SARIF 2.1.0 schema is not available (looked for {looked})")


def sarif(run: RunResult) -> dict:
    return json.loads(render("sarif", run))


def test_validates_against_official_schema(fixture: Fixture) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(sarif(fixture.run)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_rules_and_results_line_up(fixture: Fixture) -> None:
    run = sarif(fixture.run)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [
        "count-vs-period",
        "duration-rounding",
        "entity-mention",
        "weekday-matches-date",
        "factcheck/input-error",
        "factcheck/rule-error",
    ]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = " ".join(result["level"] for result in run["results"])
    assert levels == "error warning note error warning error"


def test_region_matches_original_text(fixture: Fixture) -> None:
    first = sarif(fixture.run)["runs"][0]["results"][0]
    region = first["locations"][0]["physicalLocation"]["region"]
    start, length = region["charOffset"], region["charLength"]
    assert fixture.markdown.original[start : start + length] == region["snippet"]["text"] == "eighth"
    lines = region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]
    assert lines == (7, 19, 7, 25)


def test_record_result_uses_the_file_line(fixture: Fixture) -> None:
    result = sarif(fixture.run)["runs"][0]["results"][4]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "endLine": 3}
    assert result["message"]["text"].endswith("(record r-42)")
    assert result["properties"]["record"] == "r-42"


def test_fingerprint_ignores_line_numbers(fixture: Fixture) -> None:
    result = fixture.run.documents[0]
    original, text, offsets = build_markdown([("drop", "\n\n", ""), *MARKDOWN_PIECES])
    moved = replace(fixture.markdown, original=original, offsets=offsets, _lines=None)
    assert moved.text == text
    moved_run = RunResult(
        [DocumentResult(result.path, moved, result.claims, result.findings)], fixture.run.rules
    )
    before = sarif(fixture.run)["runs"][0]["results"][0]
    after = sarif(moved_run)["runs"][0]["results"][0]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == 9
    assert after["partialFingerprints"] == before["partialFingerprints"]
    other_rule = sarif(fixture.run)["runs"][0]["results"][1]["partialFingerprints"]
    assert other_rule != before["partialFingerprints"]


def test_paths_become_uri_references() -> None:
    assert artifact_location("a b/c.md") == {"uri": "a%20b/c.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/abs/x.md") == {"uri": "file:///abs/x.md"}
    assert pascal_name("factcheck/rule-error") == "FactcheckRuleError"


def test_skipped_rules_and_notes_are_notifications(fixture) -> None:
    [invocation] = json.loads(render("sarif", fixture.run))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    notifications = invocation["toolExecutionNotifications"]
    skipped = [n for n in notifications if n.get("associatedRule")]
    assert [n["associatedRule"]["id"] for n in skipped] == ["weekday-matches-date"]
    assert skipped[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes.txt"
    assert [n["message"]["text"] for n in notifications if "associatedRule" not in n] == [
        "the title was taken from the first line"
    ]
