"""Quantities written without a plain "number unit": pounds weighed rather than paid, parts of one
unit, temperatures below zero, heights in feet and inches, inch marks, cubic and squared units; and
the look-alikes that stay what they were (money in pounds, a quoted "top 10")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims import extract_claims


def _claims(text: str, kind: str) -> list[tuple[str, Decimal, str | None]]:
    found = []
    for claim in extract_claims(text):
        if claim.kind == kind:
            value = claim.value.amount if kind == "money" else claim.value
            found.append((text[claim.span.start : claim.span.end], value, claim.unit))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The prototype weighs 17 pounds, the company said.", ("17 pounds", 17, "pound")),
        ("He has shed about 40 pounds since the spring", ("40 pounds", 40, "pound")),
        ("The aircraft has a take-off weight of 870,000 pounds.", ("870,000 pounds", 870000, "pound")),
        ("The Cessna was overloaded by 700 pounds, investigators found.", ("700 pounds", 700, "pound")),
        ("Each crate is ten pounds heavier than last year's.", ("ten pounds", 10, "pound")),
        ("Jets dropped a 2,000-pound bomb on the bridge.", ("2,000-pound", 2000, "pound")),
        ("Police found half a mile of cable.", ("half a mile", Decimal("0.5"), "mile")),
        ("The spill covered three quarters of a mile of beach",
         ("three quarters of a mile", Decimal("0.75"), "mile")),
        ("Add half a litre of stock.", ("half a litre", Decimal("0.5"), "litre")),
        ("The village lies a mile and a half from the border.",
         ("a mile and a half", Decimal("1.5"), "mile")),
        ("Overnight lows of 15 degrees below zero are forecast.", ("15 degrees below zero", -15, "degree")),
        ("Wind chills made it feel like twenty below zero.", ("twenty below zero", -20, "degree")),
        ("The 6-foot-7 center signed on Monday.", ("6-foot-7", 79, "inch")),
        ("She is listed at 5'9\" and plays guard.", ("5'9\"", 69, "inch")),
        ("Police described the man as about 5' 10\" tall.", ("5' 10\"", 70, "inch")),
        ("A 6′2″ rookie started the game.", ("6′2″", 74, "inch")),
        ("Buy a 12\" skillet and a lid.", ("12\"", 12, "inch")),
        ("Reserves are put at 1.2 trillion cubic feet of gas.",
         ("1.2 trillion cubic feet", Decimal("1.2e12"), "cubic foot")),
        ("The reservoir holds 3 cubic kilometres of water.", ("3 cubic kilometres", 3, "cubic kilometre")),
        ("The park covers 40 km squared of forest.", ("40 km squared", 40, "square kilometre")),
    ],
)
def test_quantity(text: str, expected: tuple) -> None:
    span, value, unit = expected
    assert (span, Decimal(value), unit) in _claims(text, "quantity"), extract_claims(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fans must pay five pounds for a ticket.", ("five pounds", 5)),
        ("The firm lost 25 million pounds last year.", ("25 million pounds", 25000000)),
        ("The official rate is about 1.36 pounds to the dollar.", ("1.36 pounds", Decimal("1.36"))),
        ("He handed over a ten-pound note.", ("ten-pound", 10)),
    ],
)
def test_pounds_that_are_money(text: str, expected: tuple) -> None:
    span, amount = expected
    assert (span, Decimal(amount)) in [(s, v) for s, v, _ in _claims(text, "money")]
    assert not _claims(text, "quantity")


@pytest.mark.parametrize(
    "text",
    [
        'The "top 10" list came out on Friday.',
        "He said ``we need 10'' and left.",
        "Turnout fell below zero growth for the first time.",
        "Half a dozen officials resigned.",
    ],
)
def test_no_quantity(text: str) -> None:
    assert not _claims(text, "quantity")
