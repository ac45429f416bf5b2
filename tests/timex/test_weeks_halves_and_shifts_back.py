"""Parts of a period as TIMEX3 writes them (issue 11, dates, round 9): a week of a month by its place
("the last week of March": an ISO week), a quarter or half of a year named by its direction ("the
second quarter of next year": ``2026-Q2``), "early", "mid", "late" as TIMEX3's ``mod`` START, MID,
END, and shifts back with a count ("a couple of weeks back": two weeks, about) or without one ("a few
months back": ``PAST_REF``). Each written as reporters write it, not copied from a suite."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

WED_NOV_12_2025 = dt.date(2025, 11, 12)


def resolved(text: str, date: dt.date = WED_NOV_12_2025) -> dict[str, tuple[str | None, str | None]]:
    return {c.text: (c["timex"], c["timex_mod"]) for c in resolve_claims(text, extract_claims(text), date)
            if c.kind == "date"}


@pytest.mark.parametrize(("text", "span", "value"), [
    # the ISO week holding the middle day of those seven days
    ("Voting takes place in the first week of June 2027.", "the first week of June 2027", "2027-W22"),
    ("Turnout peaked during the last week of March 2025, officials said.", "the last week of March 2025",
     "2025-W13"),
    ("The ferry runs again from the third week of April 2026.", "the third week of April 2026", "2026-W16"),
    ("Ticket sales open in the second week of next month.", "the second week of next month", "2025-W50"),
    ("Minutes: the committee met in the final week of last month.", "the final week of last month",
     "2025-W44"),
    ("Crews worked through the first full week of January 2026.", "the first full week of January 2026",
     "2026-W02"),
])
def test_a_week_of_a_month_is_its_iso_week(text: str, span: str, value: str) -> None:
    assert resolved(text)[span][0] == value


def test_a_year_less_week_of_a_month_follows_the_tense() -> None:
    """Told in the past on 12 November, "the last week of March" is this year's March, behind the
    document date; told in the future on 12 November, next year's."""
    past = resolve_claims("The plant closed in the last week of March.",
                          extract_claims("The plant closed in the last week of March."), WED_NOV_12_2025)
    week = next(c for c in past if c.text == "the last week of March")
    assert week["timex"] == "2025-W13" and week["resolved"] <= WED_NOV_12_2025
    future = "Repairs will finish in the last week of March."
    assert resolved(future)["the last week of March"][0] == "2026-W13"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Deliveries begin in the second quarter of next year.", "the second quarter of next year", "2026-Q2"),
    ("The firm returned to profit in the final quarter of last year.", "the final quarter of last year",
     "2024-Q4"),
    ("Council tax receipts fell in the first half of this year.", "the first half of this year", "2025-H1"),
    ("The council expects a surplus in the second half of next year.", "the second half of next year",
     "2026-H2"),
    ("GDP shrank 0.3% in the last quarter of 2024.", "the last quarter of 2024", "2024-Q4"),
    ("Sales are weakest in the first quarter of the year.", "the first quarter of the year", "2025-Q1"),
])
def test_a_part_of_a_year_named_by_its_direction(text: str, span: str, value: str) -> None:
    assert resolved(text)[span][0] == value


def test_the_last_quarter_alone_is_still_the_one_before() -> None:
    assert resolved("Profit fell in the last quarter.")["the last quarter"][0] == "2025-Q3"


@pytest.mark.parametrize(("text", "span", "value", "mod"), [
    ("Construction starts in early 2026.", "2026", "2026", "START"),
    ("The bridge reopened in late 2024 after repairs.", "2024", "2024", "END"),
    ("A decision is due by mid-2026.", "2026", "2026", "MID"),
    ("The vote is in early December.", "early December", "2025-12", "START"),
    ("Prices climbed through late October, traders said.", "late October", "2025-10", "END"),
    ("The fund will be wound up at the end of the month.", "the end of the month", "2025-11", "END"),
    ("Officers hope for an arrest by the end of next month.", "the end of next month", "2025-12", "END"),
    ("Results come at the start of next year.", "the start of next year", "2026", "START"),
    ("The label pioneered the sound in the early 1980s.", "the early 1980s", "198", "START"),
])
def test_early_mid_and_late_are_timex3_modifiers(text: str, span: str, value: str, mod: str) -> None:
    assert resolved(text)[span] == (value, mod)


@pytest.mark.parametrize(("text", "span", "value"), [
    ("She moved to Leeds a couple of years ago.", "a couple of years ago", "2023"),
    ("We spoke a couple of weeks back, and he sounded well.", "a couple of weeks back", "2025-W44"),
    ("\"A couple of days ago I had no idea,\" she said.", "A couple of days ago", "2025-11-10"),
])
def test_a_couple_of_units_ago_is_two_of_them_about(text: str, span: str, value: str) -> None:
    assert resolved(text)[span] == (value, "APPROX")


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The mill shut two years back.", "two years back", "2023"),
    ("Three weeks back, the mayor resigned.", "Three weeks back", "2025-W43"),
    ("A few months back, the board changed course.", "A few months back", "PAST_REF"),
    ("Some years back the council sold the land.", "Some years back", "PAST_REF"),
])
def test_back_counts_back_from_the_document_date(text: str, span: str, value: str) -> None:
    assert resolved(text)[span][0] == value


@pytest.mark.parametrize("text", [
    "He was two years back in charge of the club.",  # back in charge: a return, not a shift
    "The vote was pushed back two weeks.",
    "She came a week back home from the tour.",
    "The plan was put back a couple of weeks.",
])
def test_back_of_a_return_or_a_delay_is_no_date(text: str) -> None:
    assert not any(span.endswith("back") for span in resolved(text))
