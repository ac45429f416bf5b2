"""Integration files that work as written: the pre-commit hooks, the Actions workflow in docs/ci.md,
the README's sample output (reproduced from its own commands) and the distribution name."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from tests.conftest import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _hook(hook_id: str) -> dict:
    return next(hook for hook in HOOKS if hook["id"] == hook_id)


def _runs_on(hook: dict, path: str) -> bool:
    """pre-commit's own test: ``files`` and ``exclude`` are searched (re.search) in the path."""
    return bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)


def test_rule_hook_matches_rule_packs_only() -> None:
    hook = _hook("factcheck-rules")
    for path in ("rules/change.yaml", "house-rules/a.yml", "packs/style-rules/sub/b.yaml"):
        assert _runs_on(hook, path), path
    for path in (".github/workflows/ci.yml", "docker-compose.yaml", "rules/facts/people.yaml",
                 "rules/tests/case.yaml", "rules/patterns/change.yaml", "config/rules.yaml", "rules.yaml"):
        assert not _runs_on(hook, path), path
    assert hook["pass_filenames"] is False  # the configured packs are checked, with their patterns


def test_every_file_of_the_default_pack_triggers_the_rule_hook() -> None:
    hook = _hook("factcheck-rules")
    rule_files = [p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").glob("*.yaml")]
    assert rule_files and all(_runs_on(hook, path) for path in rule_files)


def _workflow() -> dict:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = text.split("## GitHub Actions", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)


def test_workflow_runs_the_pack_once_and_uploads_sarif_with_private_repo_permissions() -> None:
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    steps = workflow["jobs"]["factcheck"]["steps"]
    runs = [step["run"] for step in steps if "factcheck run" in step.get("run", "")]
    assert len(runs) == 1 and "--output-format sarif=factcheck.sarif" in runs[0]
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["if"] == "always()" and upload["with"]["sarif_file"] == "factcheck.sarif"


def test_workflow_command_line_is_accepted(tmp_path: Path) -> None:
    steps = _workflow()["jobs"]["factcheck"]["steps"]
    [run] = [step["run"] for step in steps if "factcheck run" in step.get("run", "")]
    (tmp_path / "articles").mkdir()
    shutil.copy(ROOT / "seeds" / "trump-putin-call.md", tmp_path / "articles")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(run, shell=True, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "factcheck.sarif").is_file()


def test_readme_sample_output_comes_from_its_own_commands(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    commands = [line[2:] for line in sample if line.startswith("$ ")]
    expected = [line for line in sample if not line.startswith("$ ")]
    assert len(commands) == 2 and expected
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    output = ""
    for command in commands:
        done = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, env=env)
        output = done.stdout
    assert output.splitlines() == expected


def test_distribution_name_is_not_the_unrelated_pypi_project_and_the_command_stays() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "factcheck-prose"
    assert project["scripts"] == {"factcheck": "factcheck.cli.main:run"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert '"factcheck-prose @ git+https://' in readme
