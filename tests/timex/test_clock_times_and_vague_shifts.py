"""The 24-hour clock as wire copy writes it ("1930 GMT", "0800 local time", "at 1715 hours"), resolved on
the day it sits with as TIMEX3 does, without reading years, counts or codes as times; and shifts by no
stated count ("several years ago", "a few weeks back"), which are ``PAST_REF`` (issue 11,
dates). Each written as reporters write it, not copied from a suite."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

FRI_MAR_20_1987 = dt.date(1987, 3, 20)


def claims(text: str, date: dt.date = FRI_MAR_20_1987) -> dict[str, tuple[str, str | None]]:
    return {c.text: (c.kind, c["timex"]) for c in resolve_claims(text, extract_claims(text), date)
            if c.kind in ("date", "time", "duration", "number")}


@pytest.mark.parametrize(("text", "span", "value"), [
    # wire copy: a zone after the four digits, the day beside them or the narrative's (the zone and the
    # day written beside the time are part of its span: one claim, spans/times.py)
    ("The dollar was quoted at 1.5230 marks at 1930 GMT, dealers said.", "1930 GMT", "1987-03-20T19:30"),
    ("Sterling eased to 1.6050 dlrs by 1200 gmt on Tuesday.", "1200 gmt on Tuesday", "1987-03-17T12:00"),
    ("The vote is due at 2100GMT.", "2100GMT", "1987-03-20T21:00"),
    ("The rocket lifted off at 1805 local time from the cape.", "1805 local time", "1987-03-20T18:05"),
    ("Offers will be due at 1100 hrs EST, March 24.", "1100 hrs EST, March 24", "1987-03-24T11:00"),
    # military and shipping reports: "hours" after a word that points at a moment
    ("The tanker was hit at 1715 hours on March 18, Lloyds said.", "1715 hours on March 18",
     "1987-03-18T17:15"),
    ("Troops crossed the border at 0600 hours.", "0600 hours", "1987-03-20T06:00"),
    # the first of a pair takes the zone of the second
    ("Bids are taken between 0700 and 0730 GMT.", "0700", "1987-03-20T07:00"),
    ("Bids are taken between 0700 and 0730 GMT.", "0730 GMT", "1987-03-20T07:30"),
    # a restatement in another zone is a time too
    ("The blast came at 10:35 a.m. (0735 GMT) on Friday.", "0735 GMT", "1987-03-20T07:35"),
])
def test_a_24_hour_clock_time_is_a_time_on_its_day(text: str, span: str, value: str) -> None:
    assert claims(text)[span] == ("time", value)


@pytest.mark.parametrize(("text", "span"), [
    ("The club was founded in 1930 and moved in 1955.", "1930"),  # years
    ("By 2030 local councils must publish their plans.", "2030"),  # a year before "local" + noun
    ("The pilot has logged 1500 hours of flying time.", "1500 hours"),  # a count of hours
    ("Staff work 1900 hours a year on average.", "1900 hours"),
    ("Some 1930 people signed the petition.", "1930"),  # a count
])
def test_years_counts_and_codes_are_no_times(text: str, span: str) -> None:
    assert claims(text).get(span, ("none", None))[0] != "time"


def test_a_colon_time_keeps_its_day() -> None:
    found = claims("The session opens at 14:30 on Monday, March 23.")
    assert found["14:30 on Monday, March 23"] == ("time", "1987-03-23T14:30")


@pytest.mark.parametrize(("text", "span"), [
    ("Support for a republic rose from 35 percent several years ago to 51 percent.", "several years ago"),
    ("The machines were removed a few years ago to make room for offices.", "a few years ago"),
    ("A few weeks back, the board ousted its chairman.", "A few weeks back"),
    ("Many decades ago the town was a fishing port.", "Many decades ago"),
    ("She said she had met him some weeks or so ago.", "some weeks or so ago"),
])
def test_a_shift_by_no_count_is_a_vague_past(text: str, span: str) -> None:
    assert claims(text)[span] == ("date", "PAST_REF")


def test_a_counted_shift_keeps_its_count() -> None:
    found = claims("Two years ago he left; 20 years ago she arrived.")
    assert found["Two years ago"] == ("date", "1985")
    assert found["20 years ago"] == ("date", "1967")


def test_a_time_restated_in_brackets_keeps_the_day_after_it() -> None:
    """"8 p.m. local time (1900 GMT) on Sunday": both times are on that Sunday, and the day stays a
    claim of its own (the brackets part the time from it)."""
    text = "Polling stations close at 8 p.m. local time (1900 GMT) on Sunday, officials said."
    found = resolve_claims(text, extract_claims(text), FRI_MAR_20_1987)
    values = {c.text: c["timex"] for c in found if c.kind in ("date", "time")}
    assert values["8 p.m. local time"] == "1987-03-15T20:00"
    assert values["1900 GMT"] == "1987-03-15T19:00"
    assert not next(c for c in found if c.text == "Sunday").fields.get("with_time")
