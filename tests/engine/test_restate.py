"""Suggested corrections restate a figure in the style it was written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims import extract_claims
from factcheck.engine.restate import restate, spell
from factcheck.values import Duration, Money, Percent


def figure(text: str, kind: str):
    return next(c for c in extract_claims(text) if c.kind == kind and c.text in text)


@pytest.mark.parametrize(
    ("text", "kind", "value", "expected"),
    [
        ("a 20% increase", "percent", Decimal("25"), "25%"),
        ("up 33 pct", "percent", Decimal("36.79"), "37 pct"),
        ("rose 3.5 percent", "percent", Decimal("4.04"), "4.0 percent"),
        ("twenty per cent of them", "percent", Percent(Decimal(30)), "thirty per cent"),
        ("sales of 14.5 mln dlrs", "money", Money(Decimal("13100000"), "USD"), "13.1 mln dlrs"),
        ("a total of $1.2 billion", "money", Decimal("1300000000"), "$1.3 billion"),
        ("Of the 1,200 members", "number", Decimal(1100), "1,100"),
        ("Of the 300 members", "number", Decimal(1350), "1,350"),
        ("Of the 12000 members", "number", Decimal(13500), "13500"),
        ("Five countries", "number", Decimal(4), "Four"),
        ("lasting six months", "duration", Duration(months=Decimal("8.85")), "nine months"),
        ("lasting four hours", "duration", Duration(seconds=Decimal(9000)), "2.5 hours"),
        ("declined two pct", "percent", Decimal("1.46"), "one pct"),
        ("for one month", "duration", Duration(months=Decimal(2)), "two months"),
        ("for two days", "duration", Duration(days=Decimal(1)), "one day"),
        ("at 45 years old", "age", Decimal(44), "44 years old"),
        ("It cost €3 million.", "money", Decimal(3_500_000), "€3.5 million"),
        ("It cost $5.5bn.", "money", Decimal(6_200_000_000), "$6.2bn"),
        ("a fall of -3% overall", "percent", Decimal(-5), "-5%"),
        ("one hundred and twenty delegates", "number", Decimal(130), "one hundred and thirty"),
        # the writer's "a", dozens and scale word stay
        ("A hundred and twenty-five homes", "number", Decimal(140), "A hundred and forty"),
        ("a hundred and twenty-five homes", "number", Decimal(240), "two hundred and forty"),
        ("a thousand delegates", "number", Decimal(1200), "one thousand two hundred"),
        ("two dozen tents", "number", Decimal(36), "three dozen"),
        ("three dozen tents", "number", Decimal(12), "a dozen"),
        ("two dozen tents", "number", Decimal(30), "thirty"),
        ("a seven million pound grant", "money", Money(Decimal(9_000_000), "GBP"), "nine million pound"),
        ("a seven million pound grant", "money", Decimal(9_500_000), "9.5 million pound"),
    ],
)
def test_restates_in_the_figures_style(text, kind, value, expected):
    assert restate(figure(text, kind), value) == expected


def test_a_string_is_used_as_it_is():
    assert restate(figure("a 20% increase", "percent"), "a quarter") == "a quarter"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("a 20% increase", "percent", Decimal("-25")),  # the sign is the rule's to choose
        ("lasting six months", "duration", Decimal(9)),  # a bare number names no unit of time
        ("a 20% increase", "percent", Decimal("20.001")),  # two more decimals still restate it unchanged
        ("totalling more than 2.0 mln", "number", Decimal(78)),  # "0.0 mln" would say nothing
        ("a 20% increase", "percent", None),
        ("one-third of them", "number", Decimal("0.25")),  # a fraction in words: no guessed fraction
        ("two-thirds of them", "number", Decimal("0.5")),
    ],
)
def test_no_dishonest_restatement(text, kind, value):
    assert restate(figure(text, kind), value) is None


def test_keeps_one_more_decimal_when_rounding_would_change_nothing():
    assert restate(figure("a 20% increase", "percent"), Decimal("20.6")) == "21%"
    assert restate(figure("a 20% increase", "percent"), Decimal("19.6")) == "19.6%"


@pytest.mark.parametrize(
    ("number", "words"),
    [(0, "zero"), (7, "seven"), (21, "twenty-one"), (340, "three hundred forty"),
     (2005, "two thousand five")],
)
def test_spell(number, words):
    assert spell(number) == words


def test_spell_british():
    assert spell(340, british=True) == "three hundred and forty"
    assert spell(2005, british=True) == "two thousand and five"
    assert spell(2340, british=True) == "two thousand three hundred and forty"
