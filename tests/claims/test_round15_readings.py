"""Readings added in round 15 from fresh paraphrase corpora (rules/tests/round15-*.md): pence and
stones, split years and ordinal suffixes, a weekday after its date, years after "born" and "ago (",
a day of a month between a change and its percentage, lengths after a comma, elided ordinals after
a phrase, and money in messages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from factcheck.claims import extract_claims
from factcheck.language.formatting import format_value
from factcheck.timex import resolve_claims
from factcheck.values import Money


def _kind(text: str, kind: str) -> list:
    return [c for c in extract_claims(text) if c.kind == kind]


@pytest.mark.parametrize(("text", "expected"), [
    ("Shares slid from 240p to 204p.", [("240p", Decimal("2.4")), ("204p", Decimal("2.04"))]),
    ("A first-class stamp now costs 85p.", [("85p", Decimal("0.85"))]),
])
def test_pence_glued_to_the_amount(text: str, expected: list) -> None:
    assert [(c.text, c.value.amount) for c in _kind(text, "money")] == expected
    assert all(c.unit == "GBP" for c in _kind(text, "money"))


@pytest.mark.parametrize("text", ["The camera records 1080p video.", "Stream it in 720p on any screen."])
def test_video_lines_are_no_pence(text: str) -> None:
    assert _kind(text, "money") == []


@pytest.mark.parametrize("text", ["He weighed in at 15st 2lb (96kg).", "He weighs 15 stone 2 pounds."])
def test_stones_and_pounds_are_one_weight(text: str) -> None:
    (weight,) = [c for c in _kind(text, "quantity") if c.unit == "pound"]
    assert weight.value == 212
    assert _kind(text, "money") == [] and _kind(text, "ordinal") == []


@pytest.mark.parametrize(("text", "ordinals"), [
    ("the 21st, 22nd, 23rd, 11th, 12th and 112th times", [21, 22, 23, 11, 12, 112]),
    ("a 15st boxer", []),
])
def test_an_ordinal_suffix_must_fit_its_number(text: str, ordinals: list) -> None:
    assert [c.value for c in _kind(text, "ordinal")] == ordinals


@pytest.mark.parametrize("text", ["Council tax for 2025-26 is £2,142.", "Spending in 1999/00 fell."])
def test_the_second_half_of_a_split_year_is_no_number(text: str) -> None:
    assert [c.text for c in _kind(text, "number")] in ([], ["2025"], ["1999"])
    assert "26" not in [c.text for c in extract_claims(text)]


def test_scores_and_ranges_stay_numbers() -> None:
    assert [c.text for c in _kind("The final score was 2024-31.", "number")] == ["2024", "31"]


@pytest.mark.parametrize(("text", "span", "weekday"), [
    ("The trouble came on March 3, a Tuesday, when the shift noticed.", "March 3, a Tuesday", "Tuesday"),
    ("The forum returns on 6 November 2024 (a Thursday).", "6 November 2024 (a Thursday)", "Thursday"),
    ("They met on 12 May, which was a Monday.", "12 May, which was a Monday", "Monday"),
])
def test_a_weekday_after_its_date(text: str, span: str, weekday: str) -> None:
    (date,) = [c for c in _kind(text, "date") if c["day"] is not None]
    assert (date.text, date["weekday"]) == (span, weekday)


def test_an_unclosed_parenthesis_leaves_the_weekday_alone() -> None:
    (date,) = [c for c in _kind("It opens on 6 November (a Thursday or Friday).", "date") if c["day"]]
    assert date["weekday"] is None


@pytest.mark.parametrize(("text", "year"), [
    ("Cllr Anne Doyle, aged 58 (b. 1962), was elected.", 1962),
    ("Callum Reid (19, born 2003) rode his first winner.", 2003),
    ("The cooperative was founded 30 years ago (1998).", 1998),
])
def test_years_after_born_and_ago(text: str, year: int) -> None:
    assert [c["year"] for c in _kind(text, "date") if c["year"]] == [year]


def test_a_decade_ago_resolves_to_a_decade() -> None:
    text = "A decade ago, in 2017, the site was derelict."
    claims = resolve_claims(text, extract_claims(text), dt.date(2024, 9, 1))
    (ago,) = [c for c in claims if c.kind == "date" and c.text == "A decade ago"]
    assert (ago["grain"], ago["relative"]) == ("decade", -1)


def test_a_day_of_a_month_between_a_change_and_its_percentage() -> None:
    text = "The charge will rise from 53p to 61p from 1 April, an increase of 12 per cent."
    (change,) = _kind(text, "change")
    assert change["change"].text == "12 per cent"


@pytest.mark.parametrize(("text", "length"), [
    ("The committee sat for four hours, from 9.30am until 2.30pm, before voting.", "four hours"),
    ("The ten-day Brecon Jazz Trail runs from 4 to 15 May.", "ten-day"),
    ("She served a three-year term as leader of the council, from 2021 to 2025.", "three-year"),
])
def test_a_length_beside_its_endpoints(text: str, length: str) -> None:
    (claim,) = _kind(text, "range_length")
    assert claim["duration"].text == length


def test_an_elided_ordinal_after_a_phrase_of_parties() -> None:
    text = ("Monday's video call between President Halvorsen and Prime Minister Ruiz was their eleventh "
            "since January, aides said.")
    (count,) = _kind(text, "event_count")
    assert (count.value, count["event"]) == (11, "call")


def test_an_event_word_opening_a_sentence_is_no_participant() -> None:
    text = "The summit in Astana was the fifth between them. Meeting for the sixth time, they signed a deal."
    meeting = [c for c in _kind(text, "event") if c.text == "Meeting"]
    assert meeting and meeting[0]["participants"] == []


@pytest.mark.parametrize(("money", "written"), [
    (Money(Decimal(79000000), "GBP"), "£79 million"),
    (Money(Decimal(1140000000), "GBP"), "£1.14 billion"),
    (Money(Decimal("0.50"), "USD"), "$0.50"),
    (Money(Decimal(4500), "CHF"), "4,500 CHF"),
    (Money(Decimal(-2500000), "USD"), "-$2.5 million"),
])
def test_money_in_messages_as_a_reporter_writes_it(money: Money, written: str) -> None:
    assert format_value(money) == written


@pytest.mark.parametrize(("text", "age", "person"), [
    ("The court heard that Walsh, aged 25, had been stopped on the N21.", 25, "Walsh"),
    ("The founder, Tom Achterberg, thirty-eight, said the round would pay for a lab.", 38, "Tom Achterberg"),
])
def test_ages_with_their_person(text: str, age: int, person: str) -> None:
    (claim,) = _kind(text, "age")
    assert (claim.value, claim["person"]) == (age, person)


def test_a_small_number_word_between_commas_is_no_age() -> None:
    assert _kind("The winners, Smith, three, and Jones, four, shared the prize.", "age") == []
