"""Lengths of time as TIMEX3 durations: ranges of lengths, lengths without a count written as
adjectives or as one end of a period, and the names that only look like lengths. Each family is
written as different reporters write it (wire copy, features, minutes, numbers in words)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

MAY_2_2019 = dt.date(2019, 5, 2)
LENGTHS = ("duration", "vague_duration")


def lengths(text: str) -> dict[str, str | None]:
    return {c.text: c["timex"] for c in resolve_claims(text, extract_claims(text), MAY_2_2019)
            if c.kind in LENGTHS}


@pytest.mark.parametrize(("text", "expected"), [
    # both ends of a range of lengths are lengths, the low end in the unit written after the high end
    ("Repairs should take two to three weeks, the utility said.", {"two": "P2W", "three weeks": "P3W"}),
    ("Patients wait between 10 and 15 minutes.", {"10": "PT10M", "15 minutes": "PT15M"}),
    ("The deal is expected to close in the next 12-18 months.", {"12": "P12M", "18 months": "P18M"}),
    ("Sentences ranged from three to five years.", {"three": "P3Y", "five years": "P5Y"}),
    ("Recovery takes from 6 to 8 weeks and costs $2,000.", {"6": "P6W", "8 weeks": "P8W"}),
])
def test_both_ends_of_a_range_of_lengths(text: str, expected: dict[str, str]) -> None:
    assert lengths(text) == expected


def test_a_range_of_lengths_is_one_range_claim() -> None:
    claims = extract_claims("The strike lasted four to six days.")
    (found,) = [c for c in claims if c.kind == "range"]
    assert found["of"] == "duration"
    assert (found["low"].text, found["high"].text) == ("four", "six days")


@pytest.mark.parametrize("text", [
    "The robbery happened 3 to 5 years ago.",  # a range of dates, not of lengths
    "The score went from 2 to 3 goals in minutes.",
    "Turnout rose from 40 to 55 percent over two years.",
])
def test_what_is_no_range_of_lengths(text: str) -> None:
    claims = extract_claims(text)
    assert not [c for c in claims if c.kind == "duration" and c.text[-1].isdigit()]


@pytest.mark.parametrize(("text", "span", "value"), [
    # lengths without a count, written as adjectives
    ("The decades-long dispute over the river ended on Tuesday.", "decades-long", "PXDE"),
    ("A months-long strike shut the port.", "months-long", "PXM"),
    ("Dockers ended their weeks-long walkout.", "weeks-long", "PXW"),
    ("Villagers keep a centuries-old harvest rite.", "centuries-old", "PXCE"),
    ("Tourism is recovering from a years-old slump.", "years-old", "PXY"),
    ("She follows a several-year stint as editor.", "several-year", "PXY"),
    ("The club signed him to a multiyear contract.", "multiyear", "PXY"),
    ("Council approved a multi-year paving plan.", "multi-year", "PXY"),
    # one end of a period
    ("Five hundred soldiers surrendered in the first hours of the offensive.", "the first hours", "PTXH"),
    ("In the early years, the charity struggled to pay rent.", "the early years", "PXY"),
    ("He spent the final months of his term abroad.", "the final months", "PXM"),
    ("During the opening days of the trial, jurors heard from police.", "the opening days", "PXD"),
])
def test_lengths_without_a_count(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


@pytest.mark.parametrize("text", [
    "Police arrested him in the early hours of Thursday.",  # a part of the night
    "Her 30-year-old son and a 5-year-old girl were unhurt.",  # ages
    "The multicolored banners hung for the multitude.",
])
def test_no_length_without_a_count_here(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "vague_duration"]


@pytest.mark.parametrize("text", [
    "The mayor told CBS's \"60 Minutes\" that he would not resign.",
    "She told “48 Hours” the case was closed.",
    "He appeared on the show ''20 Minutes'' last week.",
])
def test_a_programme_named_by_a_length_is_no_length(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "duration"]


@pytest.mark.parametrize(("text", "span"), [
    ("Talks Last 12 Hours As Strike Looms", "12 Hours"),  # a headline in title case
    ("Sixty Minutes later, the doors opened.", "Sixty Minutes"),
    ("The talks lasted 12 hours.", "12 hours"),
])
def test_capitals_that_are_still_lengths(text: str, span: str) -> None:
    assert span in lengths(text)


@pytest.mark.parametrize(("text", "span", "value"), [
    # a unit TIMEX3 has no letter for is written in the one it is made of
    ("The bridge will reopen within a fortnight.", "a fortnight", "P2W"),
    ("Talks could take three fortnights.", "three fortnights", "P6W"),
    # a part of a unit, written with or without "of"
    ("The regime marked a quarter century in power.", "a quarter century", "P25Y"),
    ("A quarter-century after the flood, the town is rebuilt.", "A quarter-century", "P25Y"),
    ("Delegates waited a quarter hour for the chair.", "a quarter hour", "PT15M"),
    # a matter of days: a length without a count
    ("Prices doubled in a matter of weeks.", "a matter of weeks", "PXW"),
    ("In a matter of hours, the square had emptied.", "a matter of hours", "PTXH"),
])
def test_fortnights_quarters_of_a_unit_and_matters_of_days(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value
