"""Holidays by name: fixed, counted in a month, counted from Easter, and lunar or lunisolar ones,
each resolved against the document date (claims/holidays.py, timex/holidays.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.extract import extract_claims
from factcheck.timex.resolve import resolve_claims

JUNE_3_2024 = dt.date(2024, 6, 3)


def dates(text: str, on: dt.date = JUNE_3_2024) -> dict[str, tuple[str | None, dt.date | None]]:
    claims = resolve_claims(text, extract_claims(text), on)
    return {c.text: (c.fields["timex"], c.fields.get("ends")) for c in claims if c.kind == "date"}


@pytest.mark.parametrize(("text", "span", "value"), [
    # fixed days, in wire copy, features and minutes
    ("Retail sales rose 4 pct in the week before Christmas 2019, the group said.", "Christmas 2019",
     "2019-12-25"),
    ("The council will not meet on Boxing Day.", "Boxing Day", "2024-12-26"),
    ("Fireworks were banned on New Year’s Eve, 2022.", "New Year’s Eve, 2022", "2022-12-31"),
    ("Pubs in Dublin reopened for St Patrick's Day.", "St Patrick's Day", "2024-03-17"),
    ("Trick-or-treaters were out in force last Halloween.", "last Halloween", "2023-10-31"),
    # counted in their month, before and after the document date
    ("Airports expect record traffic this Thanksgiving.", "this Thanksgiving", "2024-11-28"),
    ("The pool opens on Memorial Day and closes on Labor Day.", "Labor Day", "2024-09-02"),
    ("Florists sold out before Mother's Day.", "Mother's Day", "2024-05-12"),
    ("Offices shut for MLK Day 2021.", "MLK Day 2021", "2021-01-18"),
    # counted from Easter, Western and Orthodox
    ("Services were held on Ash Wednesday 2025.", "Ash Wednesday 2025", "2025-03-05"),
    ("Pentecost 2023 fell late in May.", "Pentecost 2023", "2023-05-28"),
    ("Orthodox Easter 2018 was a week after Western Easter.", "Orthodox Easter 2018", "2018-04-08"),
    ("Banks are closed on Whit Monday.", "Whit Monday", "2024-05-20"),
    # the Islamic, Hebrew, Chinese and Hindu calendars
    ("Eid al-Fitr 2018 began on a Friday.", "Eid al-Fitr 2018", "2018-06-15"),
    ("Markets were quiet during Eid ul-Adha 1980.", "Eid ul-Adha 1980", "1980-10-19"),
    ("Synagogues filled for Yom Kippur 2018.", "Yom Kippur 2018", "2018-09-19"),
    ("Lanterns were lit for Lunar New Year 2014.", "Lunar New Year 2014", "2014-01-31"),
    ("Sweet shops did brisk trade before Diwali 2019.", "Diwali 2019", "2019-10-27"),
    ("Colours filled the streets for Holi 2019.", "Holi 2019", "2019-03-21"),
    # a direction counted in occurrences, "of next year" in years
    ("Sales slumped after last Chinese New Year.", "last Chinese New Year", "2024-02-10"),
    ("The fair returns next Easter.", "next Easter", "2025-04-20"),
    ("see you thanksgiving of next year", "thanksgiving of next year", "2025-11-27"),
])
def test_holiday_values(text: str, span: str, value: str) -> None:
    assert dates(text)[span][0] == value


@pytest.mark.parametrize(("text", "span", "first", "last"), [
    ("Ramadan 2018 ended with Eid.", "Ramadan 2018", "2018-05-16", dt.date(2018, 6, 14)),
    ("The festival of lights, Hanukkah 2018, drew crowds.", "Hanukkah 2018", "2018-12-03",
     dt.date(2018, 12, 10)),
    ("Lent 2018 began in February.", "Lent 2018", "2018-02-14", dt.date(2018, 3, 31)),
    ("Passover 2018 began on a Friday night.", "Passover 2018", "2018-03-31", dt.date(2018, 4, 7)),
])
def test_an_observance_of_several_days_is_its_first_day_with_its_last(text: str, span: str, first: str,
                                                                       last: dt.date) -> None:
    assert dates(text)[span] == (first, last)


@pytest.mark.parametrize("text", [
    "we got engaged on new years eve", "see you at xmas!", "what day is rosh hashanah 2018",
    "remind me before diwali",
])
def test_lower_case_text_reads_lower_case_names(text: str) -> None:
    assert any(value for value, _ in dates(text).values())


@pytest.mark.parametrize("text", [
    "He lent the club $5,000 in May.",  # a verb, not the season
    "The Good Friday Agreement was signed in Belfast.",  # a name, and its weekday no date
    "Christmas Island lies south of Java.",
    "Easter Island's statues face inland.",
    "The Easter Rising began in Dublin.",
    "A pre-Christmas rush lifted sales.",
    "The Christmas Tree Shops chain closed its stores.",
])
def test_names_that_are_no_holiday(text: str) -> None:
    found = dates(text)
    assert not [span for span in found if span not in ("May",)]


def test_a_lunar_holiday_outside_its_table_has_a_reason() -> None:
    text = "Passover 1850 was observed quietly."
    claim = next(c for c in resolve_claims(text, extract_claims(text), JUNE_3_2024) if c.kind == "date")
    assert claim.fields["timex"] is None and "calendar" in claim.fields["unresolved"]
