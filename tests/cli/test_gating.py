"""CI gating: exit codes, --quiet, colour, suppressions, baselines and project configuration."""

from __future__ import annotations

import argparse
import json

import pytest

from factcheck.cli.main import _color, main
from tests.conftest import SEED

RULE = "event-count-matches-timeline"


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def broken(tmp_path, name="broken.md", before=""):
    """The seed article with "fifth conversation", optionally with text inserted before that line."""
    text = SEED.read_text(encoding="utf-8").replace("eighth conversation", "fifth conversation", 1)
    if before:
        text = text.replace("The Kremlin has orchestrated", before + "The Kremlin has orchestrated", 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def findings(out: str) -> list[dict]:
    return [f for doc in json.loads(out)["documents"] for f in doc["findings"]]


# -- exit codes, quiet, colour ---------------------------------------------------------------------
@pytest.mark.parametrize("level,code", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_levels_on_the_broken_seed(tmp_path, capsys, level, code):
    assert run(["run", str(broken(tmp_path)), "--fail-on", level], capsys)[0] == code


def test_quiet_prints_nothing_without_findings(capsys):
    code, out, _ = run(["run", str(SEED), "--quiet"], capsys)
    assert (code, out) == (0, "")


def test_quiet_still_prints_findings(tmp_path, capsys):
    assert RULE in run(["run", str(broken(tmp_path)), "--quiet"], capsys)[1]


@pytest.mark.parametrize(
    "tty,no_color,output,expected",
    [(True, None, None, True), (False, None, None, False), (True, "1", None, False),
     (True, None, "x", False)],
)
def test_color_only_on_a_terminal(monkeypatch, tty, no_color, output, expected):
    monkeypatch.setattr("sys.stdout.isatty", lambda: tty)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert _color(argparse.Namespace(output=output, color="auto")) is expected


# -- suppressions ----------------------------------------------------------------------------------
def test_disable_next_line_suppresses_and_is_listed(tmp_path, capsys):
    comment = f"<!-- factcheck-disable-next-line {RULE}: wire copy, fixed upstream -->\n"
    path = broken(tmp_path, before=comment)
    code, out, _ = run(["run", str(path), "--format", "json"], capsys)
    assert code == 0 and findings(out) == []
    code, out, _ = run(["run", str(path), "--list-suppressions"], capsys)
    assert code == 0
    assert f"{path}:6" in out and RULE in out and "wire copy, fixed upstream" in out
    assert out.splitlines()[1].split()[2] == "1"


def test_block_suppression(tmp_path, capsys):
    before = f"<!-- factcheck-disable {RULE}: quoted from a source -->\n"
    path = broken(tmp_path, before=before)
    enable = f"<!-- factcheck-enable {RULE} -->\nDuring this"
    text = path.read_text(encoding="utf-8").replace("During this", enable)
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(["run", str(path), "--format", "json"], capsys)
    assert code == 0 and findings(out) == []


def test_suppression_without_reason_is_reported(tmp_path, capsys):
    path = broken(tmp_path, before=f"<!-- factcheck-disable-next-line {RULE} -->\n")
    code, out, _ = run(["run", str(path), "--format", "json"], capsys)
    rules = {f["rule"] for f in findings(out)}
    assert code == 1 and {"factcheck/bad-suppression", RULE} <= rules


def test_unknown_rule_in_suppression_is_reported(tmp_path, capsys):
    path = broken(tmp_path, before="<!-- factcheck-disable-next-line event-count-matches-timelin: x -->\n")
    out = run(["run", str(path), "--format", "json"], capsys)[1]
    (bad,) = [f for f in findings(out) if f["rule"] == "factcheck/bad-suppression"]
    assert "did you mean" in bad["message"]


def test_unused_suppression_is_a_warning(tmp_path, capsys):
    text = SEED.read_text(encoding="utf-8").replace(
        "The Kremlin", f"<!-- factcheck-disable-next-line {RULE}: not needed -->\nThe Kremlin", 1
    )
    path = tmp_path / "clean.md"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(["run", str(path), "--format", "json"], capsys)
    (unused,) = findings(out)
    assert code == 0 and unused["rule"] == "factcheck/unused-suppression" and unused["severity"] == "warning"
    assert unused["span"]["line"] == 7
    assert run(["run", str(path), "--fail-on", "warning"], capsys)[0] == 1


def test_sarif_describes_suppression_rules(tmp_path, capsys):
    path = broken(tmp_path, before=f"<!-- factcheck-disable-next-line {RULE} -->\n")
    sarif = json.loads(run(["run", str(path), "--format", "sarif"], capsys)[1])
    ids = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "factcheck/bad-suppression" in ids


def text_article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Intro line.\nTrump and Putin held their fifth conversation in eight months.\n")
    return path


def test_sidecar_suppresses_in_text_files(tmp_path, capsys):
    path = text_article(tmp_path)
    sidecar = tmp_path / "article.txt.factcheck.yaml"
    sidecar.write_text(f"suppressions:\n  - rule: {RULE}\n    text: fifth conversation\n    reason: satire\n")
    assert run(["run", str(path), "--date", "2025-10-16"], capsys)[0] == 0
    sidecar.write_text(f"suppressions:\n  - rule: {RULE}\n    line: 2\n    reason: satire\n")
    assert run(["run", str(path), "--date", "2025-10-16"], capsys)[0] == 0
    out = run(["run", str(path), "--date", "2025-10-16", "--list-suppressions"], capsys)[1]
    assert "article.txt.factcheck.yaml:2" in out and "satire" in out


def test_sidecar_entry_without_reason_and_unknown_keys(tmp_path, capsys):
    path = text_article(tmp_path)
    sidecar = tmp_path / "article.txt.factcheck.yaml"
    sidecar.write_text(f"suppressions:\n  - rule: {RULE}\n    line: 2\n")
    out = run(["run", str(path), "--date", "2025-10-16", "--format", "json"], capsys)[1]
    assert "factcheck/bad-suppression" in {f["rule"] for f in findings(out)}
    sidecar.write_text(f"suppressions:\n  - rule: {RULE}\n    lines: 2\n    reason: r\n")
    code, _, err = run(["run", str(path), "--date", "2025-10-16"], capsys)
    assert code == 2 and "factcheck.yaml:3:5" in err and "did you mean 'line'" in err


# -- baseline --------------------------------------------------------------------------------------
def test_baseline_survives_edits_elsewhere_and_reports_new_findings(tmp_path, capsys):
    path = broken(tmp_path)
    base = tmp_path / "baseline.json"
    assert run(["run", str(path), "--write-baseline", str(base)], capsys)[0] == 0
    assert json.loads(base.read_text())["findings"][0]["rule"] == RULE
    assert run(["run", str(path), "--baseline", str(base)], capsys)[0] == 0
    broken(tmp_path, before="A new first paragraph.\n\nAnd another.\n\n")  # lines move
    code, out, _ = run(["run", str(path), "--baseline", str(base), "--format", "json"], capsys)
    assert code == 0 and findings(out) == []
    text = path.read_text(encoding="utf-8").replace("nine months", "six months")  # a new finding
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(["run", str(path), "--baseline", str(base), "--format", "json"], capsys)
    assert code == 1 and [f["rule"] for f in findings(out)] == ["elapsed-period-matches-interval"]


def test_baseline_fingerprint_matches_sarif(tmp_path, capsys):
    path = broken(tmp_path)
    base = tmp_path / "baseline.json"
    run(["run", str(path), "--write-baseline", str(base)], capsys)
    sarif = json.loads(run(["run", str(path), "--format", "sarif"], capsys)[1])
    prints = {r["partialFingerprints"]["factcheckFingerprint/v1"] for r in sarif["runs"][0]["results"]}
    assert {f["fingerprint"] for f in json.loads(base.read_text())["findings"]} <= prints


def test_bad_baseline_exits_2(tmp_path, capsys):
    bad = tmp_path / "b.json"
    bad.write_text("[]")
    assert run(["run", str(SEED), "--baseline", str(bad)], capsys)[0] == 2
