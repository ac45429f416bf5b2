"""Fractions in words over any ordinal denominator, with a whole number before "and": read as one
number each, and ordinals, quarters of a year and seconds left alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[str, Decimal]]:
    return [(text[c.span.start : c.span.end], c.value) for c in extract_claims(text) if c.kind == "number"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout reached two-thirds, against three fifths last time.",
         [("two-thirds", Decimal(2) / 3), ("three fifths", Decimal("0.6"))]),
        ("The margin was one twenty-fifth of the votes cast.", [("one twenty-fifth", Decimal("0.04"))]),
        ("Each partner holds three sixteenths of the firm.", [("three sixteenths", Decimal("0.1875"))]),
        ("It is seven hundredths of the total.", [("seven hundredths", Decimal("0.07"))]),
        ("Officials spend a thousandth of the budget on audits.", [("a thousandth", Decimal("0.001"))]),
        ("The index closed at forty-one and two thirds.",
         [("forty-one and two thirds", 41 + Decimal(2) / 3)]),
        ("The minutes record nine and a fifth", [("nine and a fifth", Decimal("9.2"))]),
        ("Reserves stood at four million and three eighths.", [("four million and three eighths", 4375000)]),
        ("Output rose to twelve million and two fifths.", [("twelve million and two fifths", 12400000)]),
        ("The ratio was thirteen fifths.", [("thirteen fifths", Decimal("2.6"))]),
    ],
)
def test_fractions_in_words(text: str, expected: list) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She won a third term and a fifth consecutive title.",
        "Profits fell in the fourth quarter and the past two quarters.",
        "The town marks its one hundredth anniversary on the thirty-first day.",
        "Two seconds later the lights went out.",
    ],
)
def test_ordinals_periods_and_seconds_are_no_fractions(text: str) -> None:
    assert all(c.kind != "number" or c.value >= 1 for c in extract_claims(text))
