"""A length before "ago" is the date it counts back to (TimeML: a DATE, as "three years ago" is), also
when the length is fractional, compound, in hours or in centuries; and runs of periods ("two
successive quarters") are lengths. Each written as different reporters write it."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

JUNE_12_2019 = dt.date(2019, 6, 12)
LENGTHS = ("duration", "vague_duration")


def resolved(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.text, c["timex"]) for c in resolve_claims(text, extract_claims(text), JUNE_12_2019)
            if c.kind in ("date", *LENGTHS)]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The couple split a year and a half ago, friends said.", "a year and a half ago", "2017-12"),
    ("He quit the board two and a half years ago.", "two and a half years ago", "2016-12"),
    ("The mine closed 2 1/2 years ago and never reopened.", "2 1/2 years ago", "2016-12"),
    ("Residents say the road was promised one-and-a-half years ago.", "one-and-a-half years ago", "2017-12"),
    ("A decade and a half ago, the square was a car park.", "A decade and a half ago", "2004"),
    ("The mill, built three centuries ago, is now flats.", "three centuries ago", "17"),
    ("A century ago the valley held 40 farms.", "A century ago", "19"),
    ("The firm moved out a year and a half back.", "a year and a half back", "2017-12"),
    ("The ferry sank a fortnight ago.", "a fortnight ago", "2019-05-29"),
    ("The line will open a year and a half from now.", "a year and a half from now", "2020-12"),
    # shorter than a day: the day it falls on, the document's hour being unknown
    ("Police sealed the street half an hour ago.", "half an hour ago", "2019-06-12"),
    ("The polls closed 20 minutes ago.", "20 minutes ago", "2019-06-12"),
    ("The quake struck 36 hours ago, officials said.", "36 hours ago", "2019-06-11"),
])
def test_a_length_before_ago_is_a_date(text: str, span: str, value: str) -> None:
    found = resolved(text)
    assert ("date", span, value) in found
    assert not [item for item in found if item[0] in LENGTHS]


def test_a_shift_shorter_than_a_day_is_not_certain() -> None:
    text = "The blast was heard an hour ago."
    (claim,) = [c for c in resolve_claims(text, extract_claims(text), JUNE_12_2019) if c.kind == "date"]
    assert claim["timex"] == "2019-06-12"
    assert claim.certain is False


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The strike lasted a year and a half.", "a year and a half", "P1Y6M"),  # no "ago": a length
    ("She stayed a year and a half back home in Ohio.", "a year and a half", "P1Y6M"),  # "back home"
    ("Losses piled up for two successive quarters.", "two successive quarters", "P2Q"),
    ("Output has fallen for three consecutive quarters.", "three consecutive quarters", "P3Q"),
    ("Exports grew for six successive years.", "six successive years", "P6Y"),
])
def test_lengths(text: str, span: str, value: str) -> None:
    assert ("duration", span, value) in resolved(text)


@pytest.mark.parametrize("text", [
    "Three quarters of the members voted yes.",  # a fraction
    "Sales rose for a fifth successive month.",  # an ordinal: a count of periods, no length
])
def test_no_length(text: str) -> None:
    assert not [item for item in resolved(text) if item[0] in LENGTHS]


@pytest.mark.parametrize("text", [
    "The bank took a year-end charge of $40 million.",  # the unit opens a compound word
    "Visitors can book a day-trip to the islands.",
    "It is a year-round resort, the owner said.",
    "Output rose in the first two 1987 months.",  # a year named before the unit
    "He enlisted at the age of 18 years.",  # an age, not a length
    "The driver, aged 58 years, was unhurt.",
    "Prices at 1000 hrs cdt were steady.",  # a clock time and its zone
])
def test_no_length_in_compounds_years_ages_and_clocks(text: str) -> None:
    assert not [item for item in resolved(text) if item[0] in LENGTHS]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Rebels broke a week-old truce on Sunday.", "a week", "P1W"),  # the truce's age is a length
    ("The abbey has stood for 2000 years.", "2000 years", "P2000Y"),
    ("The nurse, aged 45, worked 10 years on the ward.", "10 years", "P10Y"),
])
def test_lengths_beside_them(text: str, span: str, value: str) -> None:
    assert ("duration", span, value) in resolved(text)


@pytest.mark.parametrize(("text", "hedge", "mod"), [
    ("The council sat for an hour or so before voting.", "approx", "APPROX"),
    ("The couple lived there a decade or thereabouts.", "approx", "APPROX"),
    ("Power cuts lasting two days or more were reported.", "at_least", "EQUAL_OR_MORE"),
    ("Talks could run 10 days or longer, diplomats said.", "at_least", "EQUAL_OR_MORE"),
    ("The curfew will last six hours or less.", "at_most", "EQUAL_OR_LESS"),
    ("Repairs should take three weeks at most.", "at_most", "EQUAL_OR_LESS"),
    ("It will take a year or two.", "exact", None),  # a second length, no hedge
    ("He served three years at least in part for fraud.", "exact", None),
])
def test_a_hedge_after_the_length(text: str, hedge: str, mod: str | None) -> None:
    (claim,) = [c for c in resolve_claims(text, extract_claims(text), JUNE_12_2019) if c.kind == "duration"]
    assert (str(claim.hedge), claim["timex_mod"]) == (hedge, mod)
