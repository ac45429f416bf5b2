"""A currency code or "Rs"/"RM" glued before the amount, as price lists, filings and South Asian
copy write it; product and model names with digits stay silent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims import extract_claims


def _money(text: str) -> list[tuple[str, Decimal, str]]:
    return [(text[c.span.start : c.span.end], c.value.amount, c.value.currency) for c in extract_claims(text)
            if c.kind == "money"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tickets are priced at GBP45 and EUR52.50.",
         [("GBP45", Decimal(45), "GBP"), ("EUR52.50", Decimal("52.5"), "EUR")]),
        ("The scheme pays Rs.1,500 a month to each family.", [("Rs.1,500", Decimal(1500), "INR")]),
        ("Fares rose to RM8 from RM6.", [("RM8", Decimal(8), "MYR"), ("RM6", Decimal(6), "MYR")]),
        ("The board approved a SGD2.4 million grant.", [("SGD2.4 million", Decimal(2400000), "SGD")]),
    ],
)
def test_codes_glued_before_the_amount(text: str, expected: list) -> None:
    assert _money(text) == expected


@pytest.mark.parametrize("text", ["The A320 and the F16 flew past.", "Model XUSD3 ships in May.",
                                  "The COVID19 wards were full."])
def test_names_with_digits_are_no_money(text: str) -> None:
    assert _money(text) == []
