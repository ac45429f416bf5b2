"""Generated rule expressions and rule files load with a position or not at all, and never crash,
stall or report an internal error when they run. Deep ones (nesting, long chains, deep YAML) that
do not load fail with the file, line and column, never a RecursionError."""

from __future__ import annotations

import pytest
from hypothesis import given

from factcheck.documents.plaintext import parse_text
from factcheck.engine.runner import Engine
from factcheck.errors import FactcheckError
from factcheck.facts.memory import MemoryFactBase
from factcheck.findings import is_internal
from factcheck.rules.loader import load_rule_text
from tests.fuzz import strategies as S
from tests.fuzz.budget import size_of, tried

TEXT = ("They held a 90-minute call on Oct. 14, 2025. The two-hour call was their eighth in eight "
        "months; sales rose from 10 to 20, a 50% rise, yesterday, October 14. 3 of 4 said so.")
DOCUMENT = parse_text("fuzz.txt", TEXT)
DOCUMENT.date = __import__("datetime").date(2025, 10, 15)


def _run(rule_text: str, located: bool = False) -> None:
    try:
        rules = load_rule_text("fuzz-rule.yaml", rule_text)
    except FactcheckError as error:
        assert error.message  # a load error says what is wrong
        if located:  # ... and where: the file, a line and a column
            where = error.location
            assert where is not None and where.path == "fuzz-rule.yaml", error
            assert where.line >= 1 and where.column >= 1, error
        return
    result = Engine(rules, MemoryFactBase(), timeout=S_TIMEOUT).check(DOCUMENT)
    internal = [f.message for f in result.findings if is_internal(f) or "nested too deeply" in f.message]
    assert not internal, internal


S_TIMEOUT = 8.0


@pytest.fixture(autouse=True, scope="module")
def _warm() -> None:
    """The first check in a process imports and builds the extractors (seconds under load): done
    once before any input is timed."""
    _run('{"id": "w", "title": "w", "severity": "info", "for": "a in claims.number", "assert": "true", '
         '"message": "m"}')


@given(S.rule_files())
def test_generated_rules_load_or_fail_cleanly(rule_text: str) -> None:
    with tried("rule files (grammars/rule.lark, depth-bounded)", size_of(rule_text)):
        _run(rule_text)


@given(S.deep_rule_files())
def test_deep_rule_files_load_or_fail_at_a_position(rule_text: str) -> None:
    with tried("deep rule files (nesting, chains, deep YAML)", size_of(rule_text)):
        _run(rule_text, located=True)
