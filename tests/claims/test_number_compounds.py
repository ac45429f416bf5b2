"""Numbers built of several parts: rising scales ("three thousand million", "two lakh crore"), a part
after a scale ("two million and one half", "one billion and a half million"), fractions in words
where what surrounds them says they are parts ("nearly three quarters voted", "a hundredth."), and
fractions in digits over any denominator before "of" ("1/40 of")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.numbers import parse_words


def _numbers(text: str) -> list[tuple[str, Decimal]]:
    return [(c.text, c.value) for c in extract_claims(text) if c.kind == "number"]


def _close(found: Decimal, expected: Decimal) -> bool:
    return abs(found - expected) <= abs(expected) * Decimal("1e-9")


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three thousand million", 3 * 10**9),
        ("one hundred thousand million", 10**11),
        ("a thousand million", 10**9),
        ("two lakh crore", 2 * 10**12),
        ("a million million", 10**12),
        ("four thousand millions", 4 * 10**9),
        ("seven hundred krores", 7 * 10**9),
        ("six koti", 6 * 10**7),
        ("nine lkhs", 900_000),
        ("five cr twenty lac", 52_000_000),
        ("one thousand million two hundred thousand", 1_000_200_000),
    ],
)
def test_rising_scales_multiply(words: str, value: int) -> None:
    parsed = parse_words(words)
    assert parsed is not None and parsed[0] == value and not parsed[2]


@pytest.mark.parametrize("words", ["two million thousand", "a billion thousand", "three crore lakh"])
def test_falling_scales_in_one_group_are_no_number(words: str) -> None:
    assert parse_words(words) is None


@pytest.mark.parametrize(
    ("words", "value", "step"),
    [
        ("four million and one half", "4500000", "500000"),
        ("nine and one half", "9.5", "0.5"),
        ("six and one quarter", "6.25", "0.25"),
        ("two billion and a half million", "2000500000", "500000"),
        ("eight million and a quarter thousand", "8000250", "250"),
        ("three billion and three quarters", "3750000000", "250000000"),
        ("three billion and three quarters million", "3000750000", "250000"),
        ("two hundred and three quarters", "200.75", "0.25"),
        ("four and three quarters", "4.75", "0.25"),
        ("one and three quarters million", "1750000", "250000"),
    ],
)
def test_parts_after_a_number(words: str, value: str, step: str) -> None:
    assert parse_words(words) == (Decimal(value), Decimal(step), False)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The treasury borrowed three thousand million pounds in the year.",
         "three thousand million pounds", 3 * 10**9),
        ("Ministers set aside 2 lakh crore for roads.", "2 lakh crore", 2 * 10**12),
        ("Britain spent 4 thousand million on the fleet, the minutes say.", "4 thousand million", 4 * 10**9),
        ("Exports were worth 10 tln yen.", "10 tln yen", 10 * 10**12),
        ("The region counts 45 lkh voters.", "45 lkh", 4_500_000),
    ],
)
def test_digits_with_scales(text: str, span: str, value: int) -> None:
    found = {c.text: getattr(c.value, "amount", c.value) for c in extract_claims(text)
             if c.kind in ("number", "money")}
    assert span in found and found[span] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Its share of the market shrank to almost a third in two years.", "a third", Decimal(1) / 3),
        ("Rents rose by one-fifth over the decade.", "one-fifth", Decimal("0.2")),
        ("Turnout: a tenth, officials said.", "a tenth", Decimal("0.1")),
        ("Nearly three quarters voted to strike.", "three quarters", Decimal("0.75")),
        ("The error is about a hundredth.", "a hundredth", Decimal("0.01")),
        ("The lens moved a thousandth.", "a thousandth", Decimal("0.001")),
        ("Share of the vote: two fifths", "two fifths", Decimal("0.4")),
        ("- three quarters\n- a third", "three quarters", Decimal("0.75")),
        ("Its weight was one hundred and three quarters.", "one hundred and three quarters",
         Decimal("100.75")),
        ("The bill came to five billion and three quarters.", "five billion and three quarters",
         Decimal(5_750_000_000)),
        ("A glass holds one hundred and two thirds.", "one hundred and two thirds", 100 + Decimal(2) / 3),
    ],
)
def test_fractions_in_words_where_they_are_parts(text: str, span: str, value: Decimal) -> None:
    found = dict(_numbers(text))
    assert span in found and _close(found[span], value)


@pytest.mark.parametrize(
    "text",
    [
        "She finished a distant fifth and is going for a sixth.",
        "The champion is chasing a third.",
        "Earnings were weak in the remaining three quarters.",
        "The launch was delayed by two quarters.",
        "Growth two quarters ahead edged up.",
        "It was his hundredth match for the club.",
    ],
)
def test_ordinals_and_periods_stay(text: str) -> None:
    assert all(value >= 1 for _, value in _numbers(text))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The gap is about 1/40 of the wavelength.", "1/40", Decimal("0.025")),
        ("Each holder gets 3/10 of a share.", "3/10", Decimal("0.3")),
        ("Nearly 2/3 of the members voted.", "2/3", Decimal(2) / 3),
        ("The reading was -3/5 on the scale.", "-3/5", Decimal("-0.6")),
    ],
)
def test_fractions_in_digits_over_any_denominator(text: str, span: str, value: Decimal) -> None:
    found = dict(_numbers(text))
    assert span in found and _close(found[span], value)


@pytest.mark.parametrize(
    "text",
    ["The attacks of 9/11 changed air travel.", "Bookmakers offered odds of 1/5 on a win.",
     "The meeting is on 3/15 this year.", "Section 10b of the act applies."],
)
def test_slash_pairs_that_are_no_fractions(text: str) -> None:
    assert all(value >= 1 or value == 0 for _, value in _numbers(text))


@pytest.mark.parametrize("text", ["The camp has an 802.11b wireless network.", "Version 2.0b ships today."])
def test_a_glued_b_is_no_billion(text: str) -> None:
    assert all(value < 1000 for _, value in _numbers(text))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Only one half of the loans were repaid.", "one half", Decimal("0.5")),
        ("They ordered two hundred & forty chairs.", "two hundred & forty", Decimal(240)),
        ("The bakery sells two hundred dozen rolls a week.", "two hundred dozen", Decimal(2400)),
        ("The shop took three hundred and two dozen eggs.", "three hundred and two dozen", Decimal(324)),
        ("Order 4 doz eggs and five dozs rolls.", "4 doz", Decimal(48)),
        ("Order 4 doz eggs and five dozs rolls.", "five dozs", Decimal(60)),
        ("La ville compte 2.500.000 habitants.", "2.500.000", Decimal(2_500_000)),
        ("The register lists 1'250'000 entries.", "1'250'000", Decimal(1_250_000)),
    ],
)
def test_halves_dozens_and_separators(text: str, span: str, value: Decimal) -> None:
    found = dict(_numbers(text))
    assert span in found and found[span] == value


@pytest.mark.parametrize(
    "text", ["The router answers at 10.100.200.100 today.", "Two half measures failed.", "Price: 1.250 each."]
)
def test_addresses_and_decimals_are_no_thousands(text: str) -> None:
    assert all(value < 1000 for _, value in _numbers(text))
