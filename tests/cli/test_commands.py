"""`factcheck test`, `rules` and `claims` from the command line."""

from __future__ import annotations

import json

from factcheck.cli.main import main
from tests.conftest import SEED

FAILING_EXAMPLE = """\
id: always-small
title: Ordinals are small
severity: error
for: c in claims.ordinal
assert: c.value < 5
message: "{c.text} is not small"
examples:
  - text: It was the third time.
    expect: []
  - name: wrongly expected to pass
    text: It was the eighth time.
    expect: []
"""


def test_test_command_passes_on_the_default_pack(capsys):
    assert main(["test"]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("0 failed")


def test_test_command_reports_only_what_failed(tmp_path, capsys):
    (tmp_path / "rule.yaml").write_text(FAILING_EXAMPLE)
    assert main(["test", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "wrongly expected to pass" in out
    assert "extra: always-small at 'eighth'" in out
    assert "1 passed, 1 failed" in out


def test_rules_lists_the_default_pack_as_json(capsys):
    assert main(["rules", "--format", "json"]) == 0
    ids = {r["id"] for r in json.loads(capsys.readouterr().out)["rules"]}
    shipped = {"event-count-matches-timeline", "elapsed-period-matches-interval", "restated-duration-agrees"}
    assert shipped <= ids


def test_claims_json_lists_the_seed_claims(capsys):
    assert main(["claims", str(SEED), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    kinds = {(c["kind"], c["text"]) for c in doc["claims"]}
    assert ("ordinal", "eighth") in kinds
    durations = {c["text"]: c for c in doc["claims"] if c["kind"] == "duration"}
    assert durations["two-and-a-half-hour"]["value"] == "PT2H30M"
    assert durations["two-and-a-half-hour"]["hedge"] == "at_most"
    assert durations["eight months"]["value"] == "P8M"


def test_usage_error_without_paths(capsys):
    assert main(["run"]) == 2
    assert "no input" in capsys.readouterr().err
