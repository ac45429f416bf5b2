"""The cheap copies resolution makes are the copies ``dataclasses.replace`` and a sorted
:class:`ClaimSet` make: no field of a claim is dropped, no claim moves."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from factcheck.claims.model import Binding, Claim, ClaimSet
from factcheck.spans import Span
from factcheck.values import Hedge


def _claim(start: int = 3, kind: str = "date") -> Claim:
    # every field away from its default, so a copy that dropped one would differ
    return Claim(kind, "text", Span(start, start + 4), value=Decimal(5), unit="day", hedge=Hedge.APPROX,
                 precision=Decimal(1), fields={"a": 1}, binding=Binding.SENTENCE, certain=False)


def test_with_fields_is_dataclasses_replace() -> None:
    names = {field.name for field in dataclasses.fields(Claim)}
    assert names == {"kind", "text", "span", "value", "unit", "hedge", "precision", "fields", "binding",
                     "certain"}, "a new Claim field: copy it in Claim.with_fields"
    claim = _claim()
    assert claim.with_fields({"b": 2}) == dataclasses.replace(claim, fields={"b": 2})
    assert claim.with_fields({"b": 2}, certain=True) == dataclasses.replace(claim, fields={"b": 2},
                                                                             certain=True)


def test_in_order_is_the_sorted_set_of_the_same_claims() -> None:
    claims = [_claim(9, "number"), _claim(0), _claim(0, "number"), _claim(4)]
    sorted_set = ClaimSet(claims, [(Span(0, 1), "why")])
    again = ClaimSet.in_order([claim.with_fields({"resolved": True}) for claim in sorted_set],
                              sorted_set.problems)
    assert [(c.kind, c.span) for c in again] == [(c.kind, c.span) for c in sorted_set]
    assert again.problems == sorted_set.problems
    for kind in ("date", "number"):
        assert [c.span for c in again.of_kind(kind)] == [c.span for c in sorted_set.of_kind(kind)]
        assert again.owns(again.of_kind(kind))
