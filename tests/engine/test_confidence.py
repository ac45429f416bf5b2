"""A finding's confidence from its claims: binding, certainty, hedges, and the rule's cap."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from factcheck.claims.model import Binding, Claim
from factcheck.engine.confidence import assess
from factcheck.findings import Confidence
from factcheck.spans import Span
from factcheck.values import Hedge


def number(text: str = "5", **changes) -> Claim:
    return replace(Claim("number", text, Span(0, len(text)), Decimal(5)), **changes)


def composite(*parts: Claim, **changes) -> Claim:
    fields = {"from": parts[0], "to": list(parts[1:])}
    return replace(Claim("change", "x", Span(0, 1), fields=fields), **changes)


@pytest.mark.parametrize(
    ("binding", "expected"),
    [
        (Binding.PHRASE, Confidence.HIGH),
        (Binding.CLAUSE, Confidence.HIGH),
        (Binding.SENTENCE, Confidence.MEDIUM),
        (Binding.NEXT_SENTENCE, Confidence.MEDIUM),
        (Binding.DOCUMENT, Confidence.LOW),
    ],
)
def test_the_loosest_binding_sets_the_start(binding, expected):
    assert assess([composite(number(), number(), binding=binding)]).confidence is expected


def test_a_part_bound_further_away_counts_too():
    inner = composite(number(), number(), binding=Binding.NEXT_SENTENCE)
    outer = composite(number(), inner)
    assessment = assess([outer])
    assert assessment.confidence is Confidence.MEDIUM
    assert assessment.reasons == ("parts joined across sentences",)


def test_an_inferred_value_lowers_one_step():
    assessment = assess([composite(number(), number("Oct. 16", certain=False))])
    assert assessment.confidence is Confidence.MEDIUM
    assert '"Oct. 16" rests on an inference' in assessment.reasons


def test_an_approximate_value_lowers_one_step_but_a_bound_does_not():
    assert assess([number(hedge=Hedge.APPROX)]).confidence is Confidence.MEDIUM
    assert assess([number(hedge=Hedge.MORE_THAN)]).confidence is Confidence.HIGH


def test_doubts_add_up_to_the_floor():
    claims = [composite(number(hedge=Hedge.APPROX), number(certain=False), binding=Binding.NEXT_SENTENCE)]
    assert assess(claims).confidence is Confidence.LOW
    assert assess([number(certain=False), number(certain=False)]).confidence is Confidence.MEDIUM


def test_the_rule_cap_limits_but_never_raises():
    assert assess([number()], Confidence.MEDIUM).confidence is Confidence.MEDIUM
    assert assess([number(binding=Binding.DOCUMENT)], Confidence.MEDIUM).confidence is Confidence.LOW
    assert assess([], Confidence.LOW).confidence is Confidence.LOW


def _resolved(text: str) -> Claim:
    claim = Claim("time", text, Span(0, len(text)), None, fields={"timex_type": "TIME"})
    return replace(claim, certain=False)


def test_an_inferred_day_is_no_doubt_for_a_rule_comparing_times_with_each_other():
    claims = [composite(_resolved("2 p.m."), _resolved("6 p.m."), number("three"))]
    assert assess(claims).confidence is Confidence.MEDIUM
    assert assess(claims, relative_time=True) == assess([composite(number(), number(), number())])


def test_relative_time_still_counts_inferences_that_are_not_temporal():
    claims = [composite(_resolved("2 p.m."), number("8", certain=False))]
    assessment = assess(claims, relative_time=True)
    assert assessment.confidence is Confidence.MEDIUM
    assert assessment.reasons == ('"8" rests on an inference',)
