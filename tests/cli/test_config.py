"""Project configuration: factcheck.yaml and [tool.factcheck], strict, with positions."""

from __future__ import annotations

import json

from factcheck.cli.config import load_config
from factcheck.cli.main import main
from tests.conftest import SEED

RULE = "event-count-matches-timeline"


def broken_project(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("eighth conversation", "fifth conversation", 1)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_yaml_config_sets_severity_format_and_globs(tmp_path, capsys, monkeypatch):
    broken_project(tmp_path)
    (tmp_path / "factcheck.yaml").write_text(
        "include: ['**/*.md']\nexclude: [drafts/**]\nformat: json\nfail-on: error\n"
        f"severity:\n  {RULE}: warning\n"
    )
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # found in a parent directory
    assert main(["run"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [d["path"].split("/")[-2] for d in report["documents"]] == ["articles"]
    assert report["documents"][0]["findings"][0]["severity"] == "warning"


def test_disable_and_cli_overrides(tmp_path, capsys, monkeypatch):
    broken_project(tmp_path)
    (tmp_path / "factcheck.yaml").write_text(f"disable: [{RULE}]\nfail-on: warning\n")
    monkeypatch.chdir(tmp_path)
    assert main(["run", "articles"]) == 0
    (tmp_path / "factcheck.yaml").write_text("fail-on: never\n")
    assert main(["run", "articles"]) == 0
    assert main(["run", "articles", "--fail-on", "error"]) == 1


def test_unknown_yaml_key_has_a_position(tmp_path, capsys):
    path = tmp_path / "factcheck.yaml"
    path.write_text("format: json\nfail_on: error\n")
    assert main(["run", str(SEED), "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "factcheck.yaml:2:1: unknown key 'fail_on'" in err and "did you mean 'fail-on'" in err


def test_unknown_rule_in_config(tmp_path, capsys):
    path = tmp_path / "factcheck.yaml"
    path.write_text("disable: [no-such-rule]\n")
    assert main(["run", str(SEED), "--config", str(path)]) == 2
    assert "unknown rule id 'no-such-rule'" in capsys.readouterr().err


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\ndate = 2025-10-16\nrules = ["my-rules"]\n"fail-on" = "warning"\n'
    )
    config = load_config(start=tmp_path)
    assert config.fail_on == "warning" and str(config.date) == "2025-10-16"
    assert config.rules == [tmp_path / "my-rules"]


def test_pyproject_unknown_key_names_the_key_path(tmp_path, capsys):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.factcheck]\nformt = "json"\n')
    assert main(["run", str(SEED), "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[tool.factcheck] formt: unknown key 'formt'" in err and "did you mean 'format'" in err


def test_default_date_from_config(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Trump and Putin held their fifth conversation in eight months.\n")
    (tmp_path / "factcheck.yaml").write_text("date: 2025-10-16\n")
    assert main(["run", str(article), "--config", str(tmp_path / "factcheck.yaml")]) == 1
