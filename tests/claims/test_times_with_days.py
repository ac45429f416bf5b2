"""A time of day and the day written beside it are one claim, as TimeML marks them and as an editor
underlines them: "10 p.m. Wednesday", "Wednesday at 10 p.m.", "tomorrow at noon". The claim's value
is the TIME of both; the day stays a claim of its own for the weekday rules. Also the clock forms
that belong to the same expression: a zone after the time, a part of the day after a clock time,
minutes before an hour with "a.m."/"p.m.", a bare hour against a part of the day."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

DOCUMENT_DATE = dt.date(2027, 3, 10)  # a Wednesday


def _times(text: str) -> list[tuple[str, str | None]]:
    claims = resolve_claims(text, extract_claims(text), DOCUMENT_DATE)
    return [(c.text, c["timex"]) for c in claims if c.kind == "time"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire copy: the time first, the day after it
        ("Polls close at 8 p.m. Thursday, officials said.", [("8 p.m. Thursday", "2027-03-04T20:00")]),
        ("Shareholders have until 5 p.m. EST, March 12, to tender.",
         [("5 p.m. EST, March 12", "2027-03-12T17:00")]),
        ("The deadline expired at midnight Friday.", [("midnight Friday", "2027-03-05T24:00")]),
        ("Trading resumes at 9:30 a.m. on Monday, March 15, 2027.",
         [("9:30 a.m. on Monday, March 15, 2027", "2027-03-15T09:30")]),
        # features, minutes and notices: the day first
        ("The council meets on Tuesday at 7 p.m. in the town hall.",
         [("Tuesday at 7 p.m.", "2027-03-09T19:00")]),
        ("Doors open tomorrow at noon.", [("tomorrow at noon", "2027-03-11T12:00")]),
        ("Fri, Mar 19, 2027 07:00 PM: gala dinner", [("Fri, Mar 19, 2027 07:00 PM", "2027-03-19T19:00")]),
        ("Christmas Day at 6 pm the bells ring.", [("Christmas Day at 6 pm", "2026-12-25T18:00")]),
        ("The vote is set for tonight at 11 p.m.", [("tonight at 11 p.m.", "2027-03-10T23:00")]),
    ],
)
def test_a_time_and_its_day_are_one_claim(text: str, expected: list) -> None:
    assert _times(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police were called this morning at 3 to the flats.", [("this morning at 3", "2027-03-10T03:00")]),
        ("We will meet tomorrow afternoon at 5.", [("tomorrow afternoon at 5", "2027-03-11T17:00")]),
        ("Kick-off is at 8 tonight.", [("8 tonight", "2027-03-10T20:00")]),
        ("Her flight lands at 6 this evening.", [("6 this evening", "2027-03-10T18:00")]),
    ],
)
def test_a_bare_hour_against_a_part_of_the_day(text: str, expected: list) -> None:
    assert _times(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Launch was set for 9 a.m. ET.", [("9 a.m. ET", "2027-03-10T09:00")]),
        ("Clashes broke out at 1930 GMT.", [("1930 GMT", "2027-03-10T19:30")]),
        ("The ferry left at 3:15 in the afternoon.", [("3:15 in the afternoon", "2027-03-10T15:15")]),
        ("He rang at 9 o'clock at night.", [("9 o'clock at night", "2027-03-10T21:00")]),
        ("The alarm went off at a quarter past 3pm.", [("a quarter past 3pm", "2027-03-10T15:15")]),
        ("It started 20 minutes to 2 p.m. sharp.", [("20 minutes to 2 p.m.", "2027-03-10T13:40")]),
        ("The bells rang at a quarter to midnight.", [("a quarter to midnight", "2027-03-10T23:45")]),
        ("Lunch was served at ten past noon.", [("ten past noon", "2027-03-10T12:10")]),
    ],
)
def test_the_clock_expression_whole(text: str, expected: list) -> None:
    assert _times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Leeds won 20 to 3 after extra time.",  # a score, not twenty to three
        "the 3 tonight who were arrested",  # no word of a moment before the count
        "Results for the week of March 8 at 9 branches",
        "Vote totals: 5 past 9 candidates",
        "this morning at 30 percent",
        "Journeys rose from 40 minutes to three hours.",  # a range of lengths
        "The wait grew from twenty to three hundred people.",
    ],
)
def test_no_time_read_into_counts(text: str) -> None:
    assert _times(text) == []


def test_the_day_stays_a_claim_for_the_weekday_rules() -> None:
    text = "The board met at 10 a.m. Tuesday, March 9, 2027."
    claims = resolve_claims(text, extract_claims(text), DOCUMENT_DATE)
    (time,) = [c for c in claims if c.kind == "time"]
    (day,) = [c for c in claims if c.kind == "date"]
    assert time.text == "10 a.m. Tuesday, March 9, 2027" and time["day"] is day
    assert day.text == "Tuesday, March 9, 2027" and day["weekday"] == "Tuesday" and day["with_time"]


def test_a_range_of_times_holds_the_joined_end() -> None:
    text = "The polls are open from 7 a.m. to 8 p.m. Thursday."
    claims = extract_claims(text)
    (span,) = [c for c in claims if c.kind == "range"]
    assert span["high"].text == "8 p.m. Thursday" and span["high"] in list(claims)
