"""Resolution of temporal claims into TIMEX3 values: the constructs the time issue names, each as
reporters write them, resolved against a document date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

FRIDAY = dt.date(2013, 3, 22)  # a Friday


def resolved(text: str, date: dt.date | None = FRIDAY) -> dict[str, tuple]:
    claims = resolve_claims(text, extract_claims(text), date)
    return {c.text: (c["timex"], c.certain, c["timex_mod"], c["anchor"])
            for c in claims if c.kind in ("date", "time", "duration")}


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The plant closed on March 3, 2012.", "March 3, 2012", "2012-03-03"),
    ("Shares fell yesterday.", "yesterday", "2013-03-21"),
    ("The board met last week.", "last week", "2013-W11"),
    ("Profits rose this year.", "this year", "2013"),
    ("Sales rose 4% in the fourth quarter of 2012.", "the fourth quarter of 2012", "2012-Q4"),
    ("Q1 2013 results beat forecasts.", "Q1 2013", "2013-Q1"),
    ("Output fell in the first half of 1990.", "the first half of 1990", "1990-H1"),
    ("Fiscal 2013 ends in September.", "Fiscal 2013", "2013"),
    ("Costs rose last summer.", "last summer", "2012-SU"),
    ("It was the winter of 2012.", "the winter of 2012", "2012-WI"),
    ("Growth was strong in the 1990s.", "the 1990s", "199"),
    ("The storm hit on Tuesday night.", "Tuesday night", "2013-03-19TNI"),
    ("It rained this morning.", "this morning", "2013-03-22TMO"),
    ("Now the firm is smaller.", "Now", "PRESENT_REF"),
    ("Prices were higher in the past.", "the past", "PAST_REF"),
    ("The team meets every Friday.", "every Friday", "XXXX-WXX-5"),
    ("This past Saturday, we toured the plant.", "This past Saturday", "2013-03-16"),
    ("Talks lasted eight months.", "eight months", "P8M"),
    ("A 90-minute call.", "90-minute", "PT90M"),
    ("It took two and a half years.", "two and a half years", "P2Y6M"),
    ("The strike lasted two weeks.", "two weeks", "P2W"),
    ("Voters went to the polls on Thu, 9 May 2019.", "Thu, 9 May 2019", "2019-05-09"),
    ("The meeting is on Tuesday, 14/05/2019.", "Tuesday, 14/05/2019", "2019-05-14"),
    ("We celebrate on Friday the fourth of July, 2014.", "Friday the fourth of July, 2014", "2014-07-04"),
])
def test_values(text: str, span: str, value: str) -> None:
    assert resolved(text)[span][0] == value


def test_parts_of_months_keep_their_modifier() -> None:
    found = resolved("Rain fell in early May and in late last June.")
    assert found["early May"][:3] == ("2012-05", False, "START")  # past tense: last year's May
    assert found["late last June"][0] == "2012-06" and found["late last June"][2] == "END"


def test_the_end_of_the_year() -> None:
    assert resolved("Prices will fall by the end of the year.")["the end of the year"][::2] == ("2013", "END")


def test_anaphora_count_from_the_narrative_date() -> None:
    text = "On March 3, 2012, the board met. The next day it resigned; that morning it had voted."
    found = resolved(text)
    assert found["The next day"][0] == "2012-03-04" and found["The next day"][3] == "narrative"
    assert found["that morning"][0] == "2012-03-03TMO"


def test_a_time_takes_the_day_beside_it() -> None:
    assert resolved("The vote is at 10 p.m. Wednesday.")["10 p.m. Wednesday"][0] == "2013-03-20T22:00"


def test_year_inference_follows_the_tense() -> None:
    past = resolved("The strike began on Dec. 29.", dt.date(2026, 1, 5))["Dec. 29"]
    future = resolved("The talks will resume on Jan. 2.", dt.date(2025, 12, 29))["Jan. 2"]
    assert past[:2] == ("2025-12-29", True) and future[:2] == ("2026-01-02", True)


def test_a_year_far_from_the_document_date_is_uncertain() -> None:
    value, certain, _, anchor = resolved("The plant opened on Aug. 14.", FRIDAY)["Aug. 14"]
    assert (value, certain, anchor) == ("2012-08-14", False, "document")


def test_a_stated_year_is_certain() -> None:
    assert resolved("The plant opened on Aug. 14, 2012.")["Aug. 14, 2012"][:2] == ("2012-08-14", True)


def test_without_a_document_date_the_reason_is_given() -> None:
    text = "The vote was held on April 7, and again last week."
    claims = {c.text: c for c in resolve_claims(text, extract_claims(text), None)}
    assert claims["April 7"]["timex"] is None and "no document date" in claims["April 7"]["unresolved"]
    assert claims["last week"]["unresolved"] == "no document date to resolve against"


def test_range_ends_written_end_before_start() -> None:
    found = resolved("The fair ran March 20 – 2, 2018.")
    assert found["March 20"][0] == "2018-03-20" and found["2, 2018"][0] == "2018-03-02"


def test_day_first_range_ends() -> None:
    found = resolved("The conference ran 24–20 September 2019 in Lyon.")
    assert found["24"][0] == "2019-09-24" and found["20 September 2019"][0] == "2019-09-20"
    found = resolved("The show runs from 14th to 4th August 2019, and voting between 9 and 2 May 2019.")
    assert found["14th"][0] == "2019-08-14" and found["4th August 2019"][0] == "2019-08-04"
    assert found["9"][0] == "2019-05-09" and found["2 May 2019"][0] == "2019-05-02"
    assert "3" not in resolved("Prices rose 3 to 12 pct in March 2019.")  # no month after the days


def test_composites_see_the_resolved_parts() -> None:
    text = "The show ran from May 4 to May 8, 2019."
    claims = resolve_claims(text, extract_claims(text), FRIDAY)
    (span,) = claims.of_kind("range")
    assert span["high"]["timex"] == "2019-05-08" and span["low"]["timex"] is not None


def test_every_temporal_claim_has_a_value_or_a_reason(shared_data) -> None:
    lines = (shared_data / "news" / "news.jsonl").read_text(encoding="utf-8").splitlines()[:150]
    for record in map(json.loads, lines):
        text = record["text"]
        for claim in resolve_claims(text, extract_claims(text), FRIDAY):
            if claim.kind in ("date", "time", "duration"):
                assert claim["timex"] is not None or claim["unresolved"], claim


@pytest.mark.parametrize("text", ["It formed 200,000 years ago.", "In 3,000,000 weeks from now.",
                                  "Dinosaurs died 66 million years ago."])
def test_shifts_beyond_the_calendar_are_unresolved_not_errors(text: str) -> None:
    claims = [c for c in resolve_claims(text, extract_claims(text), FRIDAY) if c.kind == "date"]
    assert claims and all(c["timex"] is None and "range" in c["unresolved"] for c in claims)


OCT_31_1989 = dt.date(1989, 10, 31)  # a Tuesday, in the fourth quarter: results are for the third


@pytest.mark.parametrize(("text", "span", "value"), [
    # earnings copy counts from the quarter the story reports, whoever writes it
    ("Acme earned $5 million in the third quarter. In the year-ago quarter it lost $2 million.",
     "the year-ago quarter", "1988-Q3"),
    ("Profit for the second quarter rose 4%, from $3 million in the year-earlier period.",
     "the year-earlier period", "1988-Q2"),
    ("Second-quarter sales rose 8% from a year earlier.", "a year earlier", "1988-Q2"),
    ("Its third-quarter loss widened. The company had net income a year ago.", "a year ago", "1988-Q3"),
    ("Revenue rose in the second quarter; costs for the quarter fell.", "the quarter", "1989-Q2"),
    ("Sales fell in the quarter, the company said.", "the quarter", "1989-Q3"),
    ("The fourth quarter was weak. It compares with the 1988 period.", "the 1988 period", "1988-Q4"),
    ("Sales in the latest period were $1.7 billion.", "the latest period", "1989-Q3"),
    ("Net rose from last year's quarter, when Acme wrote off a plant.", "last year's quarter", "1988-Q3"),
    ("It reported a loss for the second quarter, against a year-earlier profit.", "year-earlier", "1988-Q2"),
    ("The sale may close as early as next year's first quarter.", "next year's first quarter", "1990-Q1"),
    ("Third-quarter results included a gain.", "Third-quarter", "1989-Q3"),
    # without a quarter nearby, "a year ago" is the year
    ("Prices were higher a year ago.", "a year ago", "1988"),
    # sets of whole units, as TimeML writes them
    ("The agency gives a daily tally of inspections.", "daily", "P1D"),
    ("The board meets each month.", "each month", "P1M"),
    ("Dividends are paid every quarter.", "every quarter", "P1Q"),
    # an adjective naming the present
    ("It cited current market conditions.", "current", "PRESENT_REF"),
    # a month named without a preposition
    ("October's sales rose 3%.", "October", "1989-10"),
    ("In March, American Medical received a bid.", "March", "1989-03"),
    ("The figures for January extended a surge.", "January", "1989-01"),
])
def test_values_in_earnings_copy(text: str, span: str, value: str) -> None:
    assert resolved(text, OCT_31_1989)[span][0] == value


@pytest.mark.parametrize("text", ["The plan was previously announced.", "The budget will soon move.",
                                  "It will eventually close.", "It pays a quarterly dividend.",
                                  "The Daily Telegraph reported it.",
                                  "Sales for the period of martial law fell."])
def test_words_timeml_leaves_unmarked_are_no_claims(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "date"]


SUNDAY_1998 = dt.date(1998, 3, 22)


@pytest.mark.parametrize(("text", "span", "value"), [
    # years in words, as transcripts write them
    ("It happened in nineteen ninety-six, officials said.", "nineteen ninety-six", "1996"),
    ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "1997-01"),
    ("He promised to halve unemployment by the year two thousand.", "two thousand", "2000"),
    # centuries
    ("She is a 20th century democrat.", "20th century", "19"),
    ("It dominated the skyline in the nineteenth century.", "the nineteenth century", "18"),
    # a year as a modifier
    ("Sanctions followed its 1990 invasion of Kuwait.", "1990", "1990"),
    ("A 1996 law named for him tightened the embargo.", "1996", "1996"),
    ("For 1988, BellSouth earned $1.7 billion.", "1988", "1988"),
    ("The company's 1989 operating results will show the charge.", "1989", "1989"),
    # a day ahead whatever the main verb: an infinitive, "as soon as"
    ("The peace process, set to resume Monday in Belfast, is fragile.", "Monday", "1998-03-23"),
    ("The stock is to resume trading in Paris Tuesday.", "Tuesday", "1998-03-24"),
    ("The father could come as soon as Tuesday, reports said.", "Tuesday", "1998-03-24"),
    ("They agreed to meet on Friday.", "Friday", "1998-03-27"),
    # ... but not the day of a noun or of a past participle
    ("He flew to Boston on Friday.", "Friday", "1998-03-20"),
    ("It asked the court to suspend the injunction issued Thursday.", "Thursday", "1998-03-19"),
])
def test_years_centuries_and_days_ahead(text: str, span: str, value: str) -> None:
    assert resolved(text, SUNDAY_1998)[span][0] == value


@pytest.mark.parametrize("text", ["Tickets went to 2000 people.", "Its 1500 employees struck.",
                                  "Nineteen hundred people came."])
def test_counts_are_no_years(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "date"]


def test_a_fiscal_year_keeps_its_rule() -> None:
    text = "Profit rose 12 pct in fiscal 2013."
    (claim,) = [c for c in resolve_claims(text, extract_claims(text), FRIDAY) if c.kind == "date"]
    assert (claim["timex"], claim["fiscal"], claim["resolved"]) == ("2013", True, dt.date(2012, 10, 1))


@pytest.mark.parametrize(("text", "time", "day", "value"), [
    ("Polls close at 10 p.m. Wednesday.", "10 p.m. Wednesday", "Wednesday", "2013-03-20T22:00"),
    ("Bids are due by 5 p.m. EST, March 25.", "5 p.m. EST, March 25", "March 25", "2013-03-25T17:00"),
    ("The offer expires at midnight Friday.", "midnight Friday", "Friday", "2013-03-22T24:00"),
])
def test_a_time_and_its_day_are_one_value(text: str, time: str, day: str, value: str) -> None:
    claims = {c.text: c for c in resolve_claims(text, extract_claims(text), FRIDAY)}
    assert claims[time]["timex"] == value and claims[day]["with_time"] is True


@pytest.mark.parametrize(("text", "span", "value"), [
    ("It is not going to change for a couple of years.", "a couple of years", "P2Y"),
    ("Over the next couple of weeks we expect more.", "the next couple of weeks", "P2W"),
    ("Revenue was $76 million for the year ended March 31.", "the year", "P1Y"),
    ("In the fiscal year ended Jan. 31, sales rose.", "the fiscal year", "P1Y"),
    ("Profitability should rise throughout the fiscal year.", "the fiscal year", "P1Y"),
    ("Inflation accelerated in the 1990s and early 2000s.", "early 2000s", "200"),
    ("I pray for him every day.", "every day", "P1D"),
])
def test_lengths_and_sets(text: str, span: str, value: str) -> None:
    assert resolved(text)[span][0] == value


@pytest.mark.parametrize("text", ["The airline plans four flights a week.",
                                  "It will save $500 million a year.",
                                  "They do hundreds of interviews a day.", "She is in her 80s."])
def test_rates_and_ages_are_no_lengths_of_time(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind in ("duration", "date")]


NOV_30_1998 = dt.date(1998, 11, 30)


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Families gathered on Thanksgiving Day.", "Thanksgiving Day", "1998-11-26"),
    ("Shops closed early last Christmas.", "last Christmas", "1997-12-25"),
    ("Traffic will be heavy on Christmas Eve.", "Christmas Eve", "1998-12-24"),
    ("Easter 2012 fell early.", "Easter 2012", "2012-04-08"),
    ("He voted on Election Day.", "Election Day", "1998-11-03"),
    ("The parade was held on Memorial Day.", "Memorial Day", "1998-05-25"),
])
def test_holidays(text: str, span: str, value: str) -> None:
    assert resolved(text, NOV_30_1998)[span][0] == value


def test_a_holiday_naming_a_place_is_no_date() -> None:
    assert not [c for c in extract_claims("Christmas Island lies south of Java.") if c.kind == "date"]
