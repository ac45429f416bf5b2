"""Periods counted back from (or on from) the document's date: "in the last month", "over the past
year", "the past three months", "the next two weeks". TimeML types the uncounted ones as the DATE
"last month" names and the counted ones as DURATIONs anchored at the document's date; either way
the claim carries the length a count in that period is reckoned over. Each family is written as
different reporters write it (wire copy, council minutes, features, numbers in words)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

JUNE_12_2019 = dt.date(2019, 6, 12)


def resolved(text: str) -> list:
    return list(resolve_claims(text, extract_claims(text), JUNE_12_2019))


def the(claims: list, kind: str, text: str):
    (found,) = [c for c in claims if c.kind == kind and c.text == text]
    return found


@pytest.mark.parametrize(("text", "span", "timex", "length"), [
    ("Shoplifting reports doubled in the past month, police said.", "the past month", "2019-05", "P1M"),
    ("Over the last decade the ferry lost a third of its riders.", "the last decade", "200", "P10Y"),
    ("The committee noted that during the last year no complaint was upheld.", "the last year", "2018",
     "P1Y"),
    ("Two of the pumps failed in the past week.", "the past week", "2019-W23", "P1W"),
    ("THE PAST YEAR: Members approved the minutes of the last month without amendment.", "the last month",
     "2019-05", "P1M"),
])
def test_an_uncounted_unit_back_is_the_date_and_carries_its_length(text, span, timex, length):
    date = the(resolved(text), "date", span)
    assert (date["timex"], date["timex_type"]) == (timex, "DATE")
    stretch = date["length"]
    assert (stretch.text, stretch["timex"], stretch["anchor"], stretch["ends"]) == (
        span, length, "document", JUNE_12_2019)


@pytest.mark.parametrize(("text", "span"), [
    ("Voters decide in the last week of the campaign.", "the last week"),
    ("It was the last year before the war.", "the last year"),
    ("The past year's figures were revised.", "the past year"),
    ("The last month of the season was wet.", "the last month"),
    ("Output fell in 2003, the last full year for which data exist.", "the last full year"),
])
def test_a_final_unit_carries_no_length(text, span):
    assert not [c for c in resolved(text) if c.text == span and c.fields.get("length") is not None]


@pytest.mark.parametrize(("text", "span", "timex", "begins", "ends"), [
    ("The clinic has treated 40 cases over the past 12 months.", "12 months", "P12M",
     dt.date(2018, 6, 12), JUNE_12_2019),
    ("Prices have risen in each of the last three years.", "three years", "P3Y",
     dt.date(2016, 6, 12), JUNE_12_2019),
    ("Officials expect a decision within the next two weeks.", "two weeks", "P2W",
     JUNE_12_2019, dt.date(2019, 6, 26)),
    ("Over the coming six months the plant will shed 200 jobs.", "six months", "P6M",
     JUNE_12_2019, dt.date(2019, 12, 12)),
])
def test_a_counted_length_back_or_ahead_is_anchored_at_the_document_date(text, span, timex, begins, ends):
    length = the(resolved(text), "duration", span)
    assert (length["timex"], length["anchor"], length["begins"], length["ends"]) == (
        timex, "document", begins, ends)


@pytest.mark.parametrize(("text", "span"), [
    ("Sales fell in the last three months of 2018.", "three months"),  # the end of 2018, not of now
    ("The first three months were the hardest.", "three months"),
    ("The hearing lasted two hours.", "two hours"),
])
def test_other_lengths_are_not_anchored(text, span):
    length = the(resolved(text), "duration", span)
    assert (length["direction"], length["anchor"], length["ends"]) == (None, "text", None)


def test_without_a_document_date_the_length_has_no_ends():
    text = "The union walked out four times in the last month."
    date = the(list(resolve_claims(text, extract_claims(text), None)), "date", "the last month")
    assert date["length"]["timex"] == "P1M"
    assert date["length"]["ends"] is None


@pytest.mark.parametrize(("text", "period", "length"), [
    ("Nurses at the hospital have walked out four times in the last month.", "the last month", "P1M"),
    ("The council has held three emergency sessions during the past year.", "the past year", "P1Y"),
    ("Police have made nine arrests over the last decade.", "the last decade", "P10Y"),
    ("The two leaders have held five calls in the past 12 months.", "12 months", "P12M"),
])
def test_a_count_in_the_period_is_reckoned_over_its_length(text, period, length):
    (count,) = [c for c in resolved(text) if c.kind == "event_count"]
    assert (count["period"].text, count["period"]["timex"]) == (period, length)
