"""Command-line conventions, through the installed ``factcheck`` command and ``python -m factcheck``:
no abbreviations and a did-you-mean, -V, help with examples and exit codes, rule selection, colour,
width, concise output, statistics, several outputs from one run, completion, and ``test`` and
``check-rules`` honouring the configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import __version__

FACTCHECK = Path(sys.executable).with_name("factcheck")
ARTICLE = "Revenue rose 30% to $1.05 billion from $840 million.\n"
ESC = "\x1b["


def factcheck(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    environment["TERM"] = "xterm"
    environment.update(env or {})
    return subprocess.run([str(FACTCHECK), *args], capture_output=True, text=True, cwd=cwd, env=environment)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(article: Path, *args: str, env: dict[str, str] | None = None):
    return factcheck("run", "--date", "2025-01-01", *args, str(article), env=env)


# -- parsing ---------------------------------------------------------------------------------------
def test_version_and_python_m() -> None:
    assert factcheck("-V").stdout.strip() == f"factcheck {__version__}"
    result = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"factcheck {__version__}"


def test_a_mistyped_option_gets_a_suggestion(article: Path) -> None:
    result = run(article, "--formt", "json")
    assert result.returncode == 2 and "did you mean --format?" in result.stderr


def test_abbreviations_are_not_accepted(article: Path) -> None:
    result = run(article, "--form", "json")
    assert result.returncode == 2 and "unrecognized arguments: --form" in result.stderr


def test_a_mistyped_command_or_choice_gets_a_suggestion(article: Path) -> None:
    assert "did you mean 'run'?" in factcheck("rn", str(article)).stderr
    assert "did you mean 'sarif'?" in run(article, "--format", "sraif").stderr


def test_help_shows_examples_and_exit_codes() -> None:
    for args in (["--help"], ["run", "--help"]):
        out = factcheck(*args).stdout
        assert "examples:" in out and "exit codes:" in out and "--output-format sarif=" in out


# -- selection -------------------------------------------------------------------------------------
RULE = "change-percent-matches-endpoints"


def test_select_and_ignore_by_id_tag_and_glob(article: Path) -> None:
    assert RULE in run(article, "--select", "arithmetic").stdout
    assert RULE in run(article, "--select", f"shares-within-whole,{RULE}").stdout
    ignored = run(article, "--ignore", "change-percent-*")
    assert ignored.returncode == 0 and RULE not in ignored.stdout
    only_other = run(article, "--select", "weekday-matches-date", "--format", "json")
    assert json.loads(only_other.stdout)["summary"]["rules"] == 1


def test_a_selector_matching_nothing_is_a_usage_error(article: Path) -> None:
    result = run(article, "--select", "change-percent-matches-endpoint")
    assert result.returncode == 2 and f"did you mean '{RULE}'?" in result.stderr


def test_a_selected_rule_still_gets_its_facts(tmp_path: Path) -> None:
    from tests.conftest import SEED

    path = tmp_path / "variant.md"
    path.write_text(SEED.read_text(encoding="utf-8").replace("eighth conversation", "ninth conversation"),
                    encoding="utf-8")
    result = factcheck("run", "--select", "event-count-matches-timeline", "--format", "json", str(path))
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert [f["rule"] for f in findings] == ["event-count-matches-timeline"]
    assert findings[0]["evidence"]["facts"]


# -- terminal --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # a pipe
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        (("--color", "always"), {"TERM": "dumb"}, True),
    ],
)
def test_color_choice_and_environment(article: Path, args, env, coloured) -> None:
    assert (ESC in run(article, *args, env=env).stdout) is coloured


def test_text_wraps_to_the_terminal_width(article: Path) -> None:
    narrow = run(article, env={"COLUMNS": "60"}).stdout
    prose = [line for line in narrow.splitlines() if "|" not in line and str(article) not in line]
    assert len(prose) >= 6 and max(map(len, prose)) <= 60
    assert max(map(len, run(article).stdout.splitlines())) > 60  # a pipe is not wrapped


def test_concise_format(article: Path) -> None:
    out = run(article, "--format", "concise").stdout
    assert out.splitlines()[0] == (
        f"{article}:1:9: error[{RULE}] \"rose 30% to $1.05 billion from $840 million\": from $840 million"
        " to $1.05 billion is a change of 25%, not up 30% (suggested: \"30%\" → \"25%\")"
    )


def test_statistics(article: Path) -> None:
    result = run(article, "--statistics")
    assert result.returncode == 1
    title = "A stated percentage change matches the amounts it runs between"
    assert result.stdout.split() == ["1", "error", RULE, *title.split()]
    [row] = json.loads(run(article, "--statistics", "--format", "json").stdout)
    assert row == {"rule": RULE, "count": 1, "severity": "error", "title": title}


def test_several_outputs_from_one_run(article: Path, tmp_path: Path) -> None:
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    result = run(article, "--output-format", f"sarif={sarif}", "--output-format", f"junit={junit}")
    assert result.returncode == 1 and f"error[{RULE}]" in result.stdout
    assert json.loads(sarif.read_text())["runs"][0]["results"][0]["ruleId"] == RULE
    assert "<testsuites" in junit.read_text()
    bad = run(article, "--output-format", "srif=x.sarif")
    assert bad.returncode == 2 and "did you mean 'sarif'?" in bad.stderr


def test_shell_completion_script() -> None:
    result = factcheck("completion", "bash")
    assert result.returncode == 0
    assert "--output-format" in result.stdout and "_shtab_factcheck" in result.stdout


# -- test and check-rules honour the configuration -------------------------------------------------
BROKEN_RULE = """\
id: house-rule
title: A house rule
severty: error
message: "x"
for: c in claims.duration
where: c.value > "a"
assert: c.nosuch == 3
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house-rule.yaml").write_text(BROKEN_RULE, encoding="utf-8")
    (tmp_path / "factcheck.yaml").write_text("rules: [house/]\n", encoding="utf-8")
    return tmp_path


def test_test_command_uses_the_configured_packs(project: Path) -> None:
    result = factcheck("test", cwd=project)
    assert result.returncode == 2 and "house-rule.yaml" in result.stderr


def test_check_rules_reports_every_error_of_the_configured_packs(project: Path) -> None:
    result = factcheck("check-rules", cwd=project)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("factcheck: error:")]
    assert len(errors) == 4, result.stderr
    assert "unknown key 'severty'" in result.stderr and "did you mean 'severity'?" in result.stderr
    assert "house-rule.yaml:6:8: operator '>'" in result.stderr
    assert "house-rule.yaml:7:11: claim<duration> has no member 'nosuch'" in result.stderr
    from factcheck.rules.loader import load_packs
    from factcheck.startup.resources import rules_dir

    assert f"4 errors; {len(load_packs([rules_dir()]).rules)} rules OK" in result.stderr
