"""A rule's ``fix:`` and ``confidence:`` keys: checked by the loader with positions, and applied."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from factcheck.authoring.ruletest import run_example
from factcheck.claims.patterns.loader import default_known
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.runner import Engine
from factcheck.errors import ExpressionTypeError, RuleLoadError
from factcheck.facts.memory import MemoryFactBase
from factcheck.findings import Confidence
from factcheck.language.env import TypeEnv
from factcheck.language.types import ClaimTypes
from factcheck.rules.loader import load_rule_text

RULE = """\
id: part-share
title: A share matches its part and whole
severity: error
confidence: medium
for: c in claims.part_of_whole
where: c.whole != null and c.share.unit == "%"
assert: |
  let ratio = value(c.part) / value(c.whole) * 100
  in high(c.share) >= ratio - 1 and low(c.share) <= ratio + 1
message: "{c.part.text} of {c.whole.text} is not {c.share.text}"
fix:
  figure: c.share
  value: ratio
examples:
  - text: It won 45 of 150, or 45 percent.
    expect:
      - at: 45 of 150, or 45 percent
        fix: 30 percent
        confidence: medium
"""


def load(text: str):
    """The rule, type-checked against the default pack's claim kinds (``part_of_whole`` is one)."""
    env = TypeEnv.standard(claims=ClaimTypes(default_known()))
    return load_rule_text("pack/rule.yaml", textwrap.dedent(text), env)


def test_the_cap_and_the_fix_apply_and_the_example_asserts_the_fix():
    (rule,) = load(RULE)
    assert rule.info.confidence is Confidence.MEDIUM
    assert run_example(rule, rule.examples[0], MemoryFactBase()) == ()


def test_a_wrong_fix_fails_the_example():
    (rule,) = load(RULE.replace("fix: 30 percent", "fix: 31 percent"))
    missed, extra = run_example(rule, rule.examples[0], MemoryFactBase())
    assert "suggesting '31 percent'" in missed
    assert '(suggested: "45 percent" → "30 percent")' in extra


def test_an_example_asserts_the_confidence():
    (rule,) = load(RULE.replace("        confidence: medium", "        confidence: high"))
    missed, extra = run_example(rule, rule.examples[0], MemoryFactBase())
    assert "with high confidence" in missed and "(medium confidence)" in extra


def test_the_figure_must_be_a_claim():
    with pytest.raises(ExpressionTypeError) as info:
        load(RULE.replace("figure: c.share", "figure: ratio"))
    # part_of_whole's part and whole may be numbers, money or quantities: the ratio's type is "any"
    assert "'fix.figure' must be a claim, not any" in info.value.message
    assert (info.value.location.line, info.value.location.column) == (12, 11)


def test_the_value_must_be_restatable():
    with pytest.raises(ExpressionTypeError) as info:
        load(RULE.replace("value: ratio", "value: ratio > 1"))
    assert "'fix.value' must be a number, percent, money, duration or string, not bool" in info.value.message
    assert info.value.location.line == 13


def test_fix_keys_are_strict():
    with pytest.raises(RuleLoadError) as info:
        load(RULE.replace("  value: ratio\n", "  value: ratio\n  with: 3\n"))
    assert "unknown key 'with'" in info.value.message


def test_confidence_is_one_of_three():
    with pytest.raises(RuleLoadError) as info:
        load(RULE.replace("confidence: medium", "confidence: sure"))
    assert info.value.location.line == 4 and "high, medium, low" in info.value.message


def test_relative_time_is_a_boolean_with_its_position():
    (rule,) = load(RULE.replace("confidence: medium", "confidence: medium\nrelative_time: true", 1))
    assert rule.info.relative_time is True
    assert load(RULE)[0].info.relative_time is False
    with pytest.raises(RuleLoadError) as info:
        load(RULE.replace("confidence: medium", "confidence: medium\nrelative_time: sometimes", 1))
    assert (info.value.location.line, info.value.location.column) == (5, 16)
    assert "expected true or false" in info.value.message


def test_the_schema_accepts_what_the_loader_accepts():
    jsonschema = pytest.importorskip("jsonschema")
    yaml = pytest.importorskip("yaml")
    schema_path = Path(__file__).resolve().parents[2] / "factcheck" / "schemas" / "rule.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(RULE), schema)
    bad = yaml.safe_load(RULE.replace("  value: ratio\n", ""))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)



READING = RULE.replace("confidence: medium\n", "").replace("""fix:
  figure: c.share
  value: ratio
""", """reading: 'if value(c.whole) > 1000 then "low" else "medium"'
""").replace("        fix: 30 percent\n", "")



def _findings(rule, text: str):
    document = Document(path="t.md", text=text, original=text, offsets=OffsetMap.identity(len(text)))
    return Engine([rule], MemoryFactBase()).check(document).findings


def test_the_reading_caps_each_finding_by_its_own_evidence():
    (rule,) = load(READING)
    assert rule.info.confidence is None and rule.reading is not None
    assert run_example(rule, rule.examples[0], MemoryFactBase()) == ()  # whole 150: medium
    (finding,) = _findings(rule, "It won 450 of 1,500, or 45 percent.")
    assert finding.confidence is Confidence.LOW
    assert "the rule reads this pairing at low confidence" in finding.evidence["confidence"]


def test_the_reading_must_be_a_string():
    with pytest.raises(ExpressionTypeError) as info:
        load(READING.replace("""'if value(c.whole) > 1000 then "low" else "medium"'""", "c.whole != null"))
    assert "'reading' must be a string (high, medium or low), not bool" in info.value.message
    assert info.value.location.line == 10


def test_a_reading_that_names_no_level_is_a_rule_error():
    (rule,) = load(READING.replace('"medium"', '"sure"'))
    (finding,) = _findings(rule, "It won 45 of 150, or 45 percent.")
    assert finding.rule == "factcheck/rule-error"
    assert "'reading' gave 'sure'; it must be one of high, medium, low" in finding.message


CASES = """\
id: range-order
title: A range ends after it starts
severity: error
relative_time: true
confidence:
  - at_most: medium
    when: text_between(a, b) == " to " and not ("from" in words_before(a, 1))
    because: '"{a.text} to {b.text}" has no "from"'
  - at_most: low
    when: is_numeral(coalesce(words_after(b, 1)[0], ""))
    because: a figure follows "{b.text}"
for: >-
  a in [x in claims.date where x.day != null],
  b in [y in following(a, claims.date, 5) where y.day != null]
where: text_between(a, b) in [" to ", "-"]
assert: a.day <= b.day or a.month != b.month
message: "{a.text} to {b.text} ends before it starts"
"""


def test_confidence_cases_cap_only_the_findings_they_hold_for():
    (rule,) = load(CASES)
    assert rule.info.confidence is None and [c.level for c in rule.confidence_cases] == [
        Confidence.MEDIUM, Confidence.LOW]
    (sure,) = _findings(rule, "The show runs from June 12 to June 3, 2024.")
    assert sure.confidence is Confidence.HIGH and "confidence" not in sure.evidence
    (bare,) = _findings(rule, "The show runs June 12 to June 3, 2024.")
    assert bare.confidence is Confidence.MEDIUM
    assert bare.evidence["confidence"] == 'medium: "June 12 to June 3, 2024" has no "from"'


def test_the_lowest_case_that_holds_wins_and_every_reason_is_given():
    (rule,) = load(CASES)
    (finding,) = _findings(rule, "Output fell on June 12 to June 3 20 tonnes.")
    assert finding.confidence is Confidence.LOW
    assert finding.evidence["confidence"].startswith("low: ")
    assert 'has no "from"' in finding.evidence["confidence"] and 'a figure follows "June 3"' in \
        finding.evidence["confidence"]


def test_a_case_must_be_a_condition_with_its_position():
    with pytest.raises(ExpressionTypeError) as info:
        load(CASES.replace('when: is_numeral(coalesce(words_after(b, 1)[0], ""))', "when: a.day"))
    assert info.value.location.line == 10


def test_case_keys_are_strict_and_the_list_is_not_empty():
    with pytest.raises(RuleLoadError) as info:
        load(CASES.replace("  - at_most: low\n", "  - at_most: low\n    unless: true\n"))
    assert "unknown key 'unless'" in info.value.message
    with pytest.raises(RuleLoadError) as info:
        load(CASES.replace("  - at_most: low", "  - at_most: lowest"))
    assert info.value.location.line == 9
    start, end = CASES.index("confidence:\n"), CASES.index("for: >-")
    with pytest.raises(RuleLoadError) as info:
        load(CASES[:start] + "confidence: []\n" + CASES[end:])
    assert "'confidence' is an empty list" in info.value.message


def test_the_schema_accepts_confidence_cases():
    jsonschema = pytest.importorskip("jsonschema")
    yaml = pytest.importorskip("yaml")
    schema_path = Path(__file__).resolve().parents[2] / "factcheck" / "schemas" / "rule.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(CASES), schema)
    with pytest.raises(jsonschema.ValidationError):
        bad = CASES.replace("    because: a figure", "    since: a figure")
        jsonschema.validate(yaml.safe_load(bad), schema)
