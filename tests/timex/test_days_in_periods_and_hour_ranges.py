"""Days inside relative periods ("Tuesday next week", "the 15th of next month"), parts of relative
periods ("late next week", "earlier this month": TIMEX3 mod START, MID, END) and ranges of hours whose
half of the day is written only after the high end ("3:30 to 6 PM" is 15:30 to 18:00) (issue 11,
round 10). Each written as reporters write it, not copied from a suite."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

WED_JUNE_11_2025 = dt.date(2025, 6, 11)


def resolved(text: str) -> dict[str, tuple[str | None, str | None]]:
    claims = resolve_claims(text, extract_claims(text), WED_JUNE_11_2025)
    return {c.text: (c["timex"], c["timex_mod"]) for c in claims if c.kind in ("date", "time")}


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The board meets Tuesday next week to approve the budget.", "Tuesday next week", "2025-06-17"),
    ("He was arrested on Friday of last week in Leeds.", "Friday of last week", "2025-06-06"),
    ("minutes: next meeting monday of this week, room 4", "monday of this week", "2025-06-09"),
    ("The fair opens the first Saturday of next month.", "the first Saturday of next month", "2025-07-05"),
    ("Rent is due by the last Friday of this month.", "the last Friday of this month", "2025-06-27"),
    ("Payment falls due on the 15th of next month, the lender said.", "the 15th of next month", "2025-07-15"),
    ("Prices were cut on the first of this month.", "the first of this month", "2025-06-01"),
    # July 2025 has no fifth Friday: the month
    ("The club meets on the fifth Friday of next month.", "the fifth Friday of next month", "2025-07"),
])
def test_a_day_inside_a_relative_period_is_a_full_date(text: str, span: str, value: str) -> None:
    assert resolved(text)[span][0] == value


def test_a_week_qualifying_a_noun_takes_no_weekday() -> None:
    found = resolved("On Tuesday, last week's winner spoke to reporters.")
    assert "Tuesday, last week" not in found and found["last week"][0] == "2025-W23"


@pytest.mark.parametrize(("text", "span", "value", "mod"), [
    ("The report arrives late next week.", "late next week", "2025-W25", "END"),
    ("Shipments resume early next month, the port said.", "early next month", "2025-07", "START"),
    ("The plant opens mid-next year.", "mid-next year", "2026", "MID"),
    ("The firm hopes to list later this year.", "later this year", "2025", "END"),
    ("Earlier this month the firm cut 200 jobs.", "Earlier this month", "2025-06", "START"),
    ("Profits slumped late last quarter.", "late last quarter", "2025-Q1", "END"),
])
def test_a_part_of_a_relative_period_is_the_period_with_its_mod(text: str, span: str, value: str,
                                                                 mod: str) -> None:
    assert resolved(text)[span] == (value, mod)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("The office is open 3-4pm on weekdays.", ("3", "T15:00"), ("4pm", "T16:00")),
    ("The show runs from 7 to 10 p.m.", ("7", "T19:00"), ("10 p.m.", "T22:00")),
    ("The clinic is open 9 to 11 a.m.", ("9", "T09:00"), ("11 a.m.", "T11:00")),
    ("The hearing runs 3:30 to 6 PM.", ("3:30", "T15:30"), ("6 PM", "T18:00")),
    ("Lunch is served 11 to 1 p.m.", ("11", "T11:00"), ("1 p.m.", "T13:00")),
    ("The bar is open from 10 to noon.", ("10", "T10:00"), ("noon", "T12:00")),
    ("Doors open from seven to ten p.m.", ("seven", "T19:00"), ("ten p.m.", "T22:00")),
    ("The shift runs from 6 to 11 at night.", ("6", "T18:00"), ("11 at night", "T23:00")),
])
def test_the_low_end_of_a_range_of_hours_takes_the_high_ends_half(text: str, low: tuple[str, str],
                                                                   high: tuple[str, str]) -> None:
    claims = resolve_claims(text, extract_claims(text), WED_JUNE_11_2025)
    ranges = [c for c in claims if c.kind == "range" and c.fields["of"] == "time"]
    assert len(ranges) == 1
    ends = ranges[0].fields["low"], ranges[0].fields["high"]
    assert [(end.text, end["timex"][10:]) for end in ends] == [low, high]


def test_the_low_end_is_on_the_high_ends_day() -> None:
    text = "Talks ran between 2 and 4 p.m. on Monday."
    claims = resolve_claims(text, extract_claims(text), WED_JUNE_11_2025)
    assert [c["timex"] for c in claims if c.kind == "time"] == ["2025-06-09T14:00", "2025-06-09T16:00"]


@pytest.mark.parametrize("text", [
    "The store closes at 20 minutes to 3.",  # minutes to the hour, stated as minutes
    "Her birthday is on June 3-4pm is when the party starts.",  # a day of a month, not an hour
    "They scored 2 and 3 p.m. came too soon.",  # "and" without "between"
    "The vigil ran 10 to 2 a.m.",  # neither half of the day is before the high end
])
def test_no_range_of_hours(text: str) -> None:
    claims = extract_claims(text)
    assert not [c for c in claims if c.kind == "range" and c.fields["of"] == "time"]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("We leave next Monday morning.", "next Monday morning", "2025-06-16TMO"),
    ("He called last friday evening.", "last friday evening", "2025-06-06TEV"),
    ("The debate is on Tuesday – 7pm.", "Tuesday – 7pm", "2025-06-10T19:00"),
])
def test_weekdays_with_their_direction_case_and_time(text: str, span: str, value: str) -> None:
    assert resolved(text)[span][0] == value
