"""Date expressions read whole, as an editor underlines them: "the" before a day of a month, a year
after "of" or "in", a weekday with its day of the month and no month ("Tuesday the 19th", resolved to
the nearest month whose 19th is a Tuesday). Each written as reporters write, not copied from a suite."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

DOCUMENT_DATE = dt.date(2027, 3, 10)  # a Wednesday


def _dates(text: str) -> list[tuple[str, str | None]]:
    claims = resolve_claims(text, extract_claims(text), DOCUMENT_DATE)
    return [(c.text, c["timex"]) for c in claims if c.kind == "date"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair opens on the 15th of February, 2028.", [("the 15th of February, 2028", "2028-02-15")]),
        ("Minutes: the meeting of the first of March was adjourned.", [("the first of March", "2027-03-01")]),
        ("Independence was declared on the 4th of July of 1776.",
         [("the 4th of July of 1776", "1776-07-04")]),
        ("The couple married on 28 June in 2020 in Leeds.", [("28 June in 2020", "2020-06-28")]),
        ("She was born January 12 of 1961.", [("January 12 of 1961", "1961-01-12")]),
    ],
)
def test_the_day_and_the_year_in_the_span(text: str, expected: list) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The hearing resumes on Tuesday the 16th.", [("Tuesday the 16th", "2027-03-16")]),
        ("Dear members, we meet Thu 4th at the club.", [("Thu 4th", "2027-03-04")]),
        ("It went wrong on Friday the thirteenth, as ever.", [("Friday the thirteenth", "2026-11-13")]),
        ("Bins will be collected on monday 8th and monday 22nd.",
         [("monday 8th", "2027-03-08"), ("monday 22nd", "2027-03-22")]),
    ],
)
def test_a_weekday_with_its_day_of_the_month(text: str, expected: list) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Friday, the fourth biggest bank failed.", [("Friday", "2027-03-05")]),
        ("Friday the 13th anniversary of the club passed quietly.", [("Friday", "2027-03-05")]),
        ("He finished Sunday 3rd place overall.", [("Sunday", "2027-03-07")]),
        ("In March 5, 2019 dollars the cost doubled", [("March 5, 2019", "2019-03-05")]),
    ],
)
def test_a_weekday_keeps_apart_from_what_is_no_day(text: str, expected: list) -> None:
    assert _dates(text) == expected


def test_with_no_tense_the_day_behind_weighs_less() -> None:
    # news looks back: with no tense the 22nd behind (a Monday in February) beats the one ahead
    assert _dates("Bins: monday 22nd.") == [("monday 22nd", "2027-02-22")]


def test_a_time_joins_a_weekday_and_its_day() -> None:
    text = "The recital will be on Saturday the 20th at 7:30 p.m."
    claims = resolve_claims(text, extract_claims(text), DOCUMENT_DATE)
    assert [(c.text, c["timex"]) for c in claims if c.kind == "time"] == [
        ("Saturday the 20th at 7:30 p.m.", "2027-03-20T19:30")]
