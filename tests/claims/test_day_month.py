"""Year-less numeric dates (claims/daymonth.py) and the week written before its day (perioddays.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.extract import extract_claims
from factcheck.timex.resolve import resolve_claims

MARCH_1_2024 = dt.date(2024, 3, 1)


def dates(text: str) -> dict[str, str | None]:
    claims = resolve_claims(text, extract_claims(text), MARCH_1_2024)
    return {c.text: c.fields["timex"] for c in claims if c.kind == "date"}


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Ballots must arrive by 22/4 to count.", "22/4", "2024-04-22"),
    ("The plant reopens 4/22, the company said.", "4/22", "2024-04-22"),
    ("Doors open on 3/15 at 9am.", "3/15", "2024-03-15"),
    ("Tickets go on sale on 4-12.", "4-12", "2024-04-12"),
    # both parts 12 or under: a date word says it is a date, the document's dates say the order
    ("Filed 14/02/2024. The hearing is on 3/4.", "3/4", "2024-04-03"),
    ("The hearing is on 3/4.", "3/4", "2024-03-04"),
    ("We meet next week on Tuesday.", "next week on Tuesday", "2024-03-05"),
    ("Payment is due the 20th day of next month.", "the 20th day of next month", "2024-04-20"),
])
def test_read(text: str, span: str, value: str) -> None:
    assert dates(text)[span] == value


@pytest.mark.parametrize("text", [
    "Add 3/4 cup of flour.", "Use a 7/16 inch drill bit.", "The notes pay 6 1/4% interest.",
    "The store is open 24/7.", "Roughly 2/3 of members agreed.", "The Knicks won 12-3 in overtime.",
    "He went 4-22 from the field.",
])
def test_numbers_stay_numbers(text: str) -> None:
    assert not dates(text)
