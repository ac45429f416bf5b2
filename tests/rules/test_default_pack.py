"""The default pack: every rule loads, validates against the shipped schema, and passes its examples."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources as importlib_resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck.authoring.ruletest import run_example
from factcheck.facts.loader import load_fact_files
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir

PACK = load_packs([rules_dir()])
FACTS = load_fact_files(PACK.fact_files)
EXAMPLES = [(rule, example) for rule in PACK.rules for example in rule.examples]


def _schema(name: str) -> dict:
    return json.loads(importlib_resources.files("factcheck.schemas").joinpath(name).read_text())


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_rule_file_validates_against_schema(rule):
    data = _jsonable(yaml.safe_load(Path(rule.info.path).read_text(encoding="utf-8")))
    jsonschema.validate(data, _schema("rule.schema.json"))


YAML_FACT_FILES = [p for p in PACK.fact_files if p.suffix != ".csv"]  # CSV files have no schema


@pytest.mark.parametrize("path", YAML_FACT_FILES, ids=lambda p: p.name)
def test_fact_file_validates_against_schema(path):
    data = _jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, _schema("facts.schema.json"))


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_rule_has_passing_and_failing_examples(rule):
    assert sum(1 for e in rule.examples if not e.expect) >= 3, "fewer than 3 examples that must pass"
    assert sum(1 for e in rule.examples if e.expect) >= 3, "fewer than 3 examples that must fail"
    assert rule.info.description, "no description"


@pytest.mark.parametrize(
    "rule,example", EXAMPLES, ids=[f"{r.id}:{e.name or e.location.line}" for r, e in EXAMPLES]
)
def test_example(rule, example):
    assert run_example(rule, example, FACTS) == ()


def test_schema_rejects_what_the_loader_rejects():
    bad = {"id": "x", "title": "t", "severity": "fatal", "message": "m", "for": "c in claims.number",
           "assert": "true"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, _schema("rule.schema.json"))
