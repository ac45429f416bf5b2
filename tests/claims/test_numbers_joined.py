"""Numbers written in two mentions, read as one: powers and scientific notation, fractions with
"over", digits with spelled scales continued, and a figure restated in brackets; and the readings
that must stay two figures (years compared, an amount over a time, a product, a Boeing model)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims import extract_claims


def _numbers(text: str) -> list[tuple[str, Decimal]]:
    return [(text[c.span.start : c.span.end], c.value) for c in extract_claims(text) if c.kind == "number"]


def _close(found: Decimal, expected: Decimal) -> bool:
    return abs(found - expected) <= abs(expected) * Decimal("1e-9")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Avogadro's constant is about 6.022e23 per mole.", "6.022e23", Decimal("6.022e23")),
        ("The model's loss fell to 3e-4 after tuning.", "3e-4", Decimal("0.0003")),
        ("Typical readings sat near 1.5E+6 counts", "1.5E+6", Decimal(1500000)),
        ("In the old sense a kilobyte was 2^10, not 1,000.", "2^10", Decimal(1024)),
        ("The decay constant, 4.2 × 10^-3, was revised.", "4.2 × 10^-3", Decimal("0.0042")),
        ("Drift of 1.7×10−9 per day was measured", "1.7×10−9", Decimal("1.7e-9")),
        ("The speed of light is roughly 3.0 x 10⁸ in SI units", "3.0 x 10⁸", Decimal(300000000)),
        ("Council minutes: the odds were put at one over fifty.", "one over fifty", Decimal("0.02")),
        ("The coefficient works out to 7 over 8; the board accepted it.", "7 over 8", Decimal("0.875")),
        ("The deficit was minus three over four.", "minus three over four", Decimal("-0.75")),
        ("Organisers printed 2 thousand 5 hundred flyers.", "2 thousand 5 hundred", Decimal(2500)),
        ("The hall seats 6 hundred and 40 people.", "6 hundred and 40", Decimal(640)),
        ("Fines reached 7 thousand four hundred and twelve in all",
         "7 thousand four hundred and twelve", Decimal(7412)),
        ("The city counted 9 hundred and one stray dogs.", "9 hundred and one", Decimal(901)),
        ("Census takers found 4 million and a half residents.", "4 million and a half", Decimal(4500000)),
        ("The landlord must be paid within fourteen (14) days of notice; penalties of twenty (20) apply.",
         "twenty (20)", Decimal(20)),
        ("A total of 12 (twelve) members voted.", "12 (twelve)", Decimal(12)),
        ("A quarter million people marched.", "A quarter million", Decimal(250000)),
        ("Organisers expected quarter million visitors", "quarter million", Decimal(250000)),
    ],
)
def test_one_number_in_two_mentions(text: str, span: str, value: Decimal) -> None:
    found = dict(_numbers(text))
    assert span in found, _numbers(text)
    assert _close(found[span], value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales in 1986 over 1985, it said.", ["1985"]),  # years compared ("in 1986" is a date)
        ("Exports rose in 1987 over 1986.", ["1986"]),
        ("He shot one over par on Sunday.", ["one"]),
        ("They won 3 over 2 sets in straight games", ["3", "2"]),
        ("Boeing's 7E7 will compete with the A350.", []),
        ("The board is a 3 x 10 grid.", ["3", "10"]),
        ("There were 2.5 million and one other claim.", ["2.5 million", "one"]),
        ("It had 2 million 30 were hurt", ["2 million", "30"]),
        ("A population of 44 million and half live in poverty", ["44 million", "half"]),
        ("Rooms 4 (of 12) were closed", ["4", "12"]),
        ("The quarter ended in a loss.", []),
    ],
)
def test_figures_that_stay_apart(text: str, expected: list[str]) -> None:
    assert [span for span, _ in _numbers(text)] == expected


def test_restated_figure_before_a_unit_is_one_length() -> None:
    text = "Tenants have thirty (30) days to reply."
    durations = [c for c in extract_claims(text) if c.kind == "duration"]
    assert [text[c.span.start : c.span.end] for c in durations] == ["thirty (30) days"]
    assert not _numbers(text)


def test_digits_over_a_unit_are_one_quantity() -> None:
    text = "A kibibyte holds 2^10 bytes; light travels 3.0 x 10⁸ metres a second."
    claims = extract_claims(text)
    quantities = [(text[c.span.start : c.span.end], c.value) for c in claims if c.kind == "quantity"]
    assert quantities == [("2^10 bytes", 1024), ("3.0 x 10⁸ metres", 300000000)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The family received Rs 5 lac in compensation.", "Rs 5 lac", Decimal(500000)),
        ("The flyover will cost Rs 300 cr, officials said.", "Rs 300 cr", Decimal(3000000000)),
        ("The scheme reached twelve lac fifty thousand farmers", "twelve lac fifty thousand",
         Decimal(1250000)),
    ],
)
def test_indian_scales_as_abbreviated(text: str, span: str, value: Decimal) -> None:
    found = {text[c.span.start : c.span.end]: c.value for c in extract_claims(text)
             if c.kind in ("number", "money")}
    assert span in found
    assert (found[span].amount if hasattr(found[span], "amount") else found[span]) == value


def test_bare_decimal_glued_to_a_unit_is_a_quantity() -> None:
    text = "Each vial holds .25ml of the vaccine."
    claims = extract_claims(text)
    assert [(text[c.span.start : c.span.end], c.value) for c in claims if c.kind == "quantity"] == [
        (".25ml", Decimal("0.25"))]
    assert not _numbers(text)
