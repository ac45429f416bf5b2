"""--min-confidence joins --fail-on: findings below it are reported, marked, and do not gate."""

from __future__ import annotations

import json

import pytest

from factcheck.cli.main import main

LOW = "In the poll, 48% backed the plan, 41% opposed it and 8% stayed away.\n"  # capped at low
HIGH = "Membership rose from 40,000 to 50,000, a 20% increase.\n"


def run(args, capsys):
    code = main(args)
    return code, capsys.readouterr().out


@pytest.fixture
def low(tmp_path):
    path = tmp_path / "poll.txt"
    path.write_text(LOW, encoding="utf-8")
    return path


def test_a_low_confidence_error_does_not_gate_by_default(low, capsys):
    code, out = run(["run", str(low)], capsys)
    assert code == 0
    assert "shares-add-up-to-whole" not in out
    assert "1 finding below medium confidence not shown (--min-confidence low shows them)" in out


def test_min_confidence_low_gates_and_shows_it(low, capsys):
    code, out = run(["run", str(low), "--min-confidence", "low"], capsys)
    assert code == 1
    assert "error[shares-add-up-to-whole] (low confidence):" in out


def test_the_configuration_sets_min_confidence(low, tmp_path, capsys, monkeypatch):
    (tmp_path / "factcheck.yaml").write_text("min-confidence: low\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(["run", str(low)], capsys)[0] == 1
    assert run(["run", str(low), "--min-confidence", "high"], capsys)[0] == 0


def test_pyproject_min_confidence_is_checked(tmp_path, capsys, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nmin-confidence = "sure"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(HIGH, encoding="utf-8")
    code = main(["run", "a.txt"])
    assert code == 2
    assert "min-confidence: expected one of high, medium, low, found 'sure'" in capsys.readouterr().err


def test_json_marks_findings_below_the_minimum(low, capsys):
    _, out = run(["run", str(low), "--format", "json"], capsys)
    data = json.loads(out)
    (finding,) = data["documents"][0]["findings"]
    marks = (finding["severity"], finding["confidence"], finding["below_min_confidence"])
    assert marks == ("error", "low", True)
    assert data["summary"]["min_confidence"] == "medium"
    assert data["summary"]["below_min_confidence"] == 1


def test_github_annotates_a_finding_below_the_minimum_as_a_notice(low, capsys):
    _, out = run(["run", str(low), "--format", "github"], capsys)
    assert out.startswith("::notice ") and "title=shares-add-up-to-whole (low confidence)" in out


def test_junit_lists_a_finding_below_the_minimum_without_failing(low, capsys):
    _, out = run(["run", str(low), "--format", "junit"], capsys)
    assert 'failures="0"' in out and "<system-out>" in out and "error (low confidence)" in out


def test_text_shows_the_suggested_correction(tmp_path, capsys):
    path = tmp_path / "change.txt"
    path.write_text(HIGH, encoding="utf-8")
    code, out = run(["run", str(path)], capsys)
    assert code == 1
    assert '(suggested: "20%" → "25%")' in out
    assert '= help: replace "20%" with "25%"' in out


def test_json_and_sarif_carry_the_fix_as_an_exact_region(tmp_path, capsys, shared_data):
    jsonschema = pytest.importorskip("jsonschema")
    text = "Intro.\n\nMembership rose from 40,000 to 50,000, a 20% increase.\n"
    path = tmp_path / "change.md"
    path.write_text(text, encoding="utf-8")
    _, out = run(["run", str(path), "--format", "json"], capsys)
    fix = json.loads(out)["documents"][0]["findings"][0]["fix"]
    assert fix["replacement"] == "25%"
    assert text[fix["span"]["start"] : fix["span"]["end"]] == "20%"
    assert (fix["span"]["line"], fix["span"]["column"]) == (3, 42)

    _, out = run(["run", str(path), "--format", "sarif"], capsys)
    sarif = json.loads(out)
    schema = json.loads((shared_data / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    (result,) = sarif["runs"][0]["results"]
    assert result["rank"] == 90.0 and result["properties"]["confidence"] == "high"
    (change,) = result["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    region = replacement["deletedRegion"]
    assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == "20%"
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 42, 45)
    assert replacement["insertedContent"] == {"text": "25%"}


def test_html_labels_confidence_and_the_fix(low, tmp_path, capsys):
    path = tmp_path / "change.txt"
    path.write_text(HIGH, encoding="utf-8")
    _, out = run(["run", str(path), str(low), "--format", "html"], capsys)
    assert '<span class="conf conf-high">high confidence</span>' in out
    assert "low confidence, below the minimum (medium)" in out and "below-min" in out
    assert "Suggested correction: replace <code>20%</code> with <code>25%</code>" in out


def test_explain_shows_the_cap_the_confidence_and_the_suggestion(tmp_path, capsys):
    path = tmp_path / "votes.txt"
    path.write_text("Of the 120 delegates present, 70 voted yes and 60 voted no.\n", encoding="utf-8")
    code, out = run(["explain", "parts-within-whole", str(path)], capsys)
    assert code == 0
    assert "parts-within-whole  (error, confidence at most medium)" in out
    assert "fix:    c.whole → sum(p in c.parts: value(p))" in out
    assert "confidence: medium (the rule's readings are at most medium confidence)" in out
    assert 'suggested: replace "120" with "130"' in out
