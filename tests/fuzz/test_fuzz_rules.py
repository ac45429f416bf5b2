"""Generated rule expressions and rule files load with a position or not at all, and never crash,
stall or report an internal error when they run."""

from __future__ import annotations

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


def _run(rule_text: str) -> None:
    try:
        rules = load_rule_text("fuzz-rule.yaml", rule_text)
    except FactcheckError as error:
        assert error.message  # a load error says what is wrong
        return
    result = Engine(rules, MemoryFactBase(), timeout=S_TIMEOUT).check(DOCUMENT)
    internal = [f.message for f in result.findings if is_internal(f)]
    assert not internal, internal


S_TIMEOUT = 8.0


@given(S.rule_files())
def test_generated_rules_load_or_fail_cleanly(rule_text: str) -> None:
    with tried("rule files (grammars/rule.lark)", size_of(rule_text)):
        _run(rule_text)
