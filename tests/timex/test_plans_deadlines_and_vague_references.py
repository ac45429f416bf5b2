"""Resolution of plans, deadlines and vague references (issue 11, dates), each written as different reporters
write them: a sentence that opens with its day and reports a plan made on it, vague references
("well into the future if", "at a later date"; not "the future of the plant"), and weekdays that share
the plural of the last one in their list ("Monday and Tuesday nights")."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

WED_SEP_30_1998 = dt.date(1998, 9, 30)
FRI_FEB_13_1998 = dt.date(1998, 2, 13)


def values(text: str, date: dt.date) -> dict[str, str | None]:
    return {c.text: c["timex"] for c in resolve_claims(text, extract_claims(text), date)
            if c.kind in ("date", "time", "duration", "vague_duration")}


@pytest.mark.parametrize(("text", "span", "value"), [
    # a day that opens its sentence, then a plan made (or put off) on it: the day is gone
    ("On Friday, the Kenyan government planned to pay the first 32 death claims.", "Friday", "1998-09-25"),
    ("On Monday the board postponed its vote on the merger.", "Monday", "1998-09-28"),
    ("Tuesday, council members scheduled a second hearing for the zoning appeal.", "Tuesday",
     "1998-09-29"),
    # ... a plan still ahead keeps the future
    ("On Friday, the union will vote on the offer.", "Friday", "1998-10-02"),
    ("Protesters planned a march through the city on Saturday.", "Saturday", "1998-10-03"),
    ("The ministry plans to reopen the border crossing on Monday.", "Monday", "1998-10-05"),
])
def test_a_plan_made_on_the_day_the_sentence_opens_with(text: str, span: str, value: str) -> None:
    assert values(text, WED_SEP_30_1998)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Air strikes could continue well into the future if the inspectors are kept out.", "the future",
     "FUTURE_REF"),
    ("Shareholders may vote on the sale at a later date, the filing said.", "a later date", "FUTURE_REF"),
    ("The rest of the fee is payable at a future date, according to the contract.", "a future date",
     "FUTURE_REF"),
])
def test_vague_references(text: str, span: str, value: str) -> None:
    assert values(text, FRI_FEB_13_1998)[span] == value


@pytest.mark.parametrize("text", [
    "Workers at the mill are worried about the future of the plant.",
    "The council debated the future of the library for three hours.",
])
def test_the_future_of_something_is_its_fate_not_a_time(text: str) -> None:
    assert "the future" not in values(text, FRI_FEB_13_1998)


@pytest.mark.parametrize(("text", "expected"), [
    ("The airline will fly the route on Monday and Tuesday nights from March 30.",
     {"Monday": "XXXX-WXX-1TNI", "Tuesday nights": "XXXX-WXX-2TNI"}),
    ("Classes meet Monday, Wednesday and Friday mornings in the church hall.",
     {"Monday": "XXXX-WXX-1TMO", "Wednesday": "XXXX-WXX-3TMO", "Friday mornings": "XXXX-WXX-5TMO"}),
    ("The market is open Tuesday and Thursdays until noon.",
     {"Tuesday": "XXXX-WXX-2", "Thursdays": "XXXX-WXX-4"}),
])
def test_weekdays_sharing_the_plural_of_their_list(text: str, expected: dict[str, str]) -> None:
    found = values(text, FRI_FEB_13_1998)
    assert {span: found.get(span) for span in expected} == expected


def test_a_list_of_single_days_stays_days() -> None:
    found = values("The envoys met on Monday and Tuesday in Geneva.", FRI_FEB_13_1998)
    assert (found["Monday"], found["Tuesday"]) == ("1998-02-09", "1998-02-10")


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Third-quarter profit rose. Revenue inched up 3.7% in the quarter to $2.35 billion.", "the quarter",
     "1989-Q3"),
    ("Sales climbed 12% in the quarter to £410 million, the retailer said.", "the quarter", "1989-Q3"),
])
def test_the_quarter_before_the_amount_it_reached(text: str, span: str, value: str) -> None:
    assert values(text, dt.date(1989, 10, 30))[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Oil last traded this low in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four",
     "1994-WI"),
    ("The bridge closed in the summer of nineteen eighty-nine for repairs.",
     "the summer of nineteen eighty-nine", "1989-SU"),
    ("Prices were higher in the spring of 1996.", "the spring of 1996", "1996-SP"),
])
def test_a_season_of_a_year_written_in_words(text: str, span: str, value: str) -> None:
    assert values(text, FRI_FEB_13_1998)[span] == value


def test_overnight_in_a_report_on_an_earlier_session_is_the_night_before_it() -> None:
    text = ("Tokyo stocks closed lower Friday. Shares were depressed by overnight losses in New York. The "
            "Nikkei ended down 2% from the previous Friday.")
    found = values(text, dt.date(1989, 10, 30))  # a Monday paper
    assert (found["overnight"], found["the previous Friday"]) == ("1989-10-26TNI", "1989-10-20")


def test_overnight_in_a_story_recalling_an_older_day_counts_from_the_document_date() -> None:
    text = "The embassies were bombed on Aug. 7. Officials said the camps struck overnight were linked to it."
    assert values(text, dt.date(1998, 8, 20))["overnight"] == "1998-08-19TNI"


@pytest.mark.parametrize(("text", "span", "value"), [
    # a deadline with its hour lies ahead whatever the verb's tense
    ("The agency extended its deadline until 9 a.m. EST Tuesday.", "Tuesday", "2000-04-04"),
    ("The relatives have until noon Wednesday to answer the court.", "Wednesday", "2000-04-05"),
    ("Bidders must file by 5 p.m. Friday, the notice said.", "Friday", "2000-04-07"),
    # ... a deadline without one keeps the tense's reading
    ("By Friday, ten people had died.", "Friday", "2000-03-31"),
])
def test_a_deadline_with_its_hour(text: str, span: str, value: str) -> None:
    assert values(text, dt.date(2000, 4, 3))[span] == value  # a Monday


def test_the_day_before_a_gerund_is_no_date() -> None:
    found = values("She spent five hours in Nairobi later in the day before returning home. He had "
                   "arrived on Aug. 3 and left the day after.", dt.date(1998, 8, 17))
    assert "the day before" not in found
    assert found["the day after"] == "1998-08-04"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Protesters prayed as Easter week began.", "Easter week", "2000-W16"),
    ("Retailers said sales in Thanksgiving week 1999 beat forecasts.", "Thanksgiving week 1999", "1999-W47"),
    ("Flights were full during Christmas week.", "Christmas week", "1999-W51"),
])
def test_a_holidays_week(text: str, span: str, value: str) -> None:
    assert values(text, dt.date(2000, 4, 17))[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # an infinitive after a noun that names no plan describes who did something, not a plan
    ("The first three countries to join the alliance on Friday were Poland, Hungary and the Czech "
     "Republic.", "Friday", "1999-03-12"),
    ("She was the only lawyer to speak at the hearing on Tuesday.", "Tuesday", "1999-03-09"),
    # ... after a verb, an adjective or a noun of a plan it is still a plan
    ("Trading is due to resume Monday.", "Monday", "1999-03-15"),
    ("The board announced its decision to close the plant on Friday.", "Friday", "1999-03-19"),
    ("The two leaders agreed to meet on Tuesday.", "Tuesday", "1999-03-16"),
])
def test_an_infinitive_after_a_noun(text: str, span: str, value: str) -> None:
    assert values(text, dt.date(1999, 3, 13))[span] == value  # a Saturday


@pytest.mark.parametrize("text", ["He told USA Today he would not run again.", "This is VOA Today."])
def test_a_title_ending_in_today_is_no_date(text: str) -> None:
    assert "Today" not in values(text, FRI_FEB_13_1998)


@pytest.mark.parametrize("text", ["Today the council meets again.", "The mayor said. But Today we vote.",
                                  "Officials said Today, the plan is dead."])
def test_today_opening_a_sentence_or_after_a_verb_is_the_day(text: str) -> None:
    assert values(text, FRI_FEB_13_1998)["Today"] == "1998-02-13"
