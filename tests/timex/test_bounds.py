"""The days a resolved period names (`begins`, `ends`), as rules comparing a period with a day read
them: weeks Monday to Sunday, a weekend its Saturday and Sunday, months, quarters, halves, seasons,
years, decades, and the generous halves "early", "mid" and "late" name."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims
from factcheck.timex.bounds import value_bounds

D = dt.date


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2025-10-16", None, (D(2025, 10, 16), D(2025, 10, 16))),
        ("2025-10-16TNI", None, (D(2025, 10, 16), D(2025, 10, 16))),
        ("2025-W43", None, (D(2025, 10, 20), D(2025, 10, 26))),
        ("2025-W43-WE", None, (D(2025, 10, 25), D(2025, 10, 26))),
        ("2025-W43", "END", (D(2025, 10, 23), D(2025, 10, 26))),
        ("2025-W43", "START", (D(2025, 10, 20), D(2025, 10, 23))),
        ("2025-11", None, (D(2025, 11, 1), D(2025, 11, 30))),
        ("2025-11", "START", (D(2025, 11, 1), D(2025, 11, 15))),
        ("2025-11", "END", (D(2025, 11, 16), D(2025, 11, 30))),
        ("2025-11", "MID", (D(2025, 11, 8), D(2025, 11, 23))),
        ("2024-02", None, (D(2024, 2, 1), D(2024, 2, 29))),
        ("2025-Q4", None, (D(2025, 10, 1), D(2025, 12, 31))),
        ("2025-H1", None, (D(2025, 1, 1), D(2025, 6, 30))),
        ("2025-WI", None, (D(2025, 12, 1), D(2026, 2, 28))),
        ("2025", "END", (D(2025, 7, 2), D(2025, 12, 31))),
        ("199", None, (D(1990, 1, 1), D(1999, 12, 31))),
        ("19", None, (D(1900, 1, 1), D(1999, 12, 31))),
    ],
)
def test_a_value_names_its_days(value: str, mod: str | None, expected: tuple[dt.date, dt.date]) -> None:
    assert value_bounds(value, mod) == expected


@pytest.mark.parametrize(
    "value", [None, "PRESENT_REF", "PAST_REF", "XXXX-WXX-5", "P3M", "2025-W53", "2025-02-30"])
def test_no_stretch_of_days_no_bounds(value: str | None) -> None:
    assert value_bounds(value) is None


@pytest.mark.parametrize(
    ("text", "resolved", "begins", "ends"),
    [
        ("The vote comes early next month.", D(2025, 11, 1), D(2025, 11, 1), D(2025, 11, 15)),
        ("Talks resume late next week.", D(2025, 10, 20), D(2025, 10, 23), D(2025, 10, 26)),
        ("The board meets on Tuesday next week.", D(2025, 10, 21), D(2025, 10, 21), D(2025, 10, 21)),
        ("Payment is due on the 15th of next month.", D(2025, 11, 15), D(2025, 11, 15), D(2025, 11, 15)),
        ("Sales fell last month.", D(2025, 9, 1), D(2025, 9, 1), D(2025, 9, 30)),
        ("Shares rose this week.", D(2025, 10, 13), D(2025, 10, 13), D(2025, 10, 19)),
    ],
)
def test_relative_periods_name_their_days(text: str, resolved: D, begins: D, ends: D) -> None:
    """A period counted from the document date (Thursday 16 October 2025) names from its first day."""
    [date] = [c for c in resolve_claims(text, extract_claims(text), D(2025, 10, 16)) if c.kind == "date"]
    assert (date["resolved"], date["begins"], date["ends"]) == (resolved, begins, ends)


def test_a_fiscal_year_has_no_calendar_bounds() -> None:
    text = "Profit rose in fiscal 2026, the company said."
    [date] = [c for c in resolve_claims(text, extract_claims(text), D(2025, 10, 16)) if c.kind == "date"]
    assert date["begins"] is None and date["ends"] is None
