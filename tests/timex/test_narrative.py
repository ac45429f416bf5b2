"""Resolution of the constructs that count from what the text itself named (the narrative's year
and month, the period in progress), seasons counted back from the document date, and lists of days
and years, each written as different reporters write them."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims, sentences
from factcheck.timex import resolve_claims

OCT_30_1989 = dt.date(1989, 10, 30)  # a Monday
JAN_28_2000 = dt.date(2000, 1, 28)


def values(text: str, date: dt.date) -> dict[str, str | None]:
    return {c.text: c["timex"] for c in resolve_claims(text, extract_claims(text), date)
            if c.kind in ("date", "time", "duration", "vague_duration")}


@pytest.mark.parametrize(("text", "span", "value"), [
    # "that year", "the same year", "the following month": the last year or month the text named
    ("He fled to Florida in June 1998 and returned to Cuba later that year.", "that year", "1998"),
    ("Watch imports reached $1.5 billion in 1988, and exports rose 5% that year.", "that year", "1988"),
    ("The plant opened in 1994. The same year, its rival closed.", "The same year", "1994"),
    ("In 1996 the law passed; the following year it was repealed.", "the following year", "1997"),
    ("In March the board urged a sale. The following month, the company put itself up for sale.",
     "The following month", "1989-04"),
    # without a year named, "that year" is the document's
    ("Profits rose that year, the chairman said.", "that year", "1989"),
    # "the year", "the full year": the narrative's current year
    ("Sales for the full year were $6.6 billion, up 13%.", "the full year", "1989"),
    ("For the year, pet food volume was flat.", "the year", "1989"),
    ("It rose to a high for the year of $42.875 in June.", "the year", "1989"),
    ("Use was delayed earlier in the year by heavy rains.", "earlier in the year", "1989"),
    # ... but "the year ended March 31" is a reporting year's length
    ("Revenue was $76 million for the year ended March 31.", "the year", "P1Y"),
    # year-end, as earnings copy writes it
    ("The transaction should close by year-end.", "year-end", "1989"),
    ("It plans to cut 6,000 jobs by year end.", "year end", "1989"),
    ("New rules should be in place by year's end.", "year's end", "1989"),
    ("The index is up 12% since year-end.", "year-end", "1988"),
    # the period in progress, not the quarter the story reports
    ("Profit rose in the third quarter, and the current quarter began well.", "the current quarter",
     "1989-Q4"),
    ("It expects sales in the current fiscal year to rise.", "the current fiscal year", "1989"),
    ("Its share will grow to 42.5% in the current year.", "the current year", "1989"),
    ("It cited current market conditions.", "current", "PRESENT_REF"),
    # seasons counted back: in October, "last spring" is this year's
    ("Before the firm scrapped the unit this past spring, costs were high.", "this past spring",
     "1989-SP"),
    ("A strike began last spring.", "last spring", "1989-SP"),
    ("Sales slumped last winter.", "last winter", "1988-WI"),
    ("Sales slumped last fall.", "last fall", "1988-FA"),
    ("The model arrives next spring.", "next spring", "1990-SP"),
    # sets of a month
    ("Orangemen march each July from their church.", "each July", "XXXX-07"),
    ("Every May the fair opens.", "Every May", "XXXX-05"),
])
def test_values(text: str, span: str, value: str) -> None:
    assert values(text, OCT_30_1989)[span] == value


def test_the_quarter_in_progress_does_not_become_the_story_quarter() -> None:
    found = values("Profit rose in the third quarter. The current quarter began well. In the quarter, "
                   "sales rose 5%.", OCT_30_1989)
    assert found["The current quarter"] == "1989-Q4" and found["the quarter"] == "1989-Q3"


@pytest.mark.parametrize(("text", "spans"), [
    ("The summit will be held in Washington on April 24 and 25.",
     {"April 24": "1999-04-24", "25": "1999-04-25"}),
    ("Hearings are set for March 3, 5 and 7, 2000 in Miami.",
     {"March 3": "2000-03-03", "5": "2000-03-05", "7, 2000": "2000-03-07"}),
    ("Kopp crossed the border in 1994, 1995 and 1997, records show.",
     {"1994": "1994", "1995": "1995", "1997": "1997"}),
    ("Output rose in 1990, 1991, 1992.", {"1990": "1990", "1991": "1991", "1992": "1992"}),
])
def test_lists_of_days_and_years(text: str, spans: dict[str, str]) -> None:
    found = values(text, dt.date(1999, 2, 10))
    assert {span: found.get(span) for span in spans} == spans


@pytest.mark.parametrize("text", ["Shares rose on May 5 and 6 others fell.", "In 2001, 2000 people died.",
                                  "Year-end bonuses were cut."])
def test_what_only_looks_like_a_list_or_a_year_end(text: str) -> None:
    dates = [c.text for c in extract_claims(text) if c.kind == "date"]
    assert dates in ([], ["May 5"], ["2001"])


def test_a_day_before_a_colon_is_a_day() -> None:
    text = "The New York Times said in an editorial on Monday, Oct. 26: The murder of the doctor."
    assert values(text, dt.date(1998, 10, 25))["Monday, Oct. 26"] == "1998-10-26"


def test_a_noun_after_a_determiner_sets_no_tense() -> None:
    text = "The thrift announced the plan Aug. 21. Fees were high."
    start = text.index("Aug.")
    assert sentences.sentence_tense(text, start, start + 7) == "past"
    assert values(text, OCT_30_1989)["Aug. 21"] == "1989-08-21"
    assert values("It is a deal that will close on Friday.", OCT_30_1989)["Friday"] == "1989-11-03"


def test_a_document_year_without_a_narrative() -> None:
    assert values("Sales for the full year rose.", JAN_28_2000)["the full year"] == "2000"


@pytest.mark.parametrize(("text", "span", "value"), [
    # a quarter named by its last day: the calendar quarter holding most of it
    ("In the quarter ended July 31, Jayark had sales of $12 million.", "the quarter", "1989-Q2"),
    ("For the quarter ended Sept. 30, Delta posted net income of $133 million.", "the quarter", "1989-Q3"),
    ("Sales rose in the quarter ending Aug. 31 from a year earlier.", "the quarter", "1989-Q3"),
    # ... but an ordinal stated is the company's own (fiscal) count
    ("It earned more in the fourth quarter ended Aug. 26.", "the fourth quarter", "1989-Q4"),
    # "last February" written in March is a year back; the month just gone is "last month"
    ("Two helicopters crashed last February.", "last February", "1989-02"),
    ("Orders slumped last September.", "last September", "1988-09"),
    # the next morning, that same night: a day's part counted from the narrative's day
    ("On Oct. 3 he was arrested; he appeared in court the next morning.", "the next morning",
     "1989-10-04TMO"),
    ("He arrived on Oct. 3. The previous evening he had called.", "The previous evening", "1989-10-02TEV"),
    ("On Oct. 3 the name was crossed out. That same night he left.", "That same night", "1989-10-03TNI"),
    ("On Oct. 3 the name was crossed out that same day.", "that same day", "1989-10-03"),
    # a plan in the pluperfect was overtaken: the day has been reached
    ("The offer had been due to expire Friday evening.", "Friday evening", "1989-10-27TEV"),
    ("The bid had been scheduled to lapse on Tuesday.", "Tuesday", "1989-10-24"),
    ("The offer is set to expire Friday.", "Friday", "1989-11-03"),
    # a possessive day is named by what happened on it
    ("Relatives looked for ways to get around Wednesday's ruling.", "Wednesday", "1989-10-25"),
    # "next to" is a place
    ("Six people died in the blasts next to the embassy on Friday.", "Friday", "1989-10-27"),
    # "someday"
    ("Islam will one day be the second largest religion.", "one day", "FUTURE_REF"),
    ("He had been in the job one day.", "one day", "P1D"),
])
def test_more_values(text: str, span: str, value: str) -> None:
    assert values(text, OCT_30_1989)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    ("It recently turned a profit after several quarters of losses.", "several quarters", "PXQ"),
    ("Over the years many patients died waiting.", "the years", "PXY"),
    ("They will have to live without power for a while.", "a while", "PXX"),
    ("Sales grew for the first time in years.", "years", "PXY"),
    ("It was the lowest level in decades.", "decades", "PXY"),
    ("Funds may sell junk bonds in the weeks ahead.", "the weeks ahead", "PXW"),
    ("The Fed may cut rates in coming weeks.", "coming weeks", "PXW"),
    ("Eight trading days after the plunge, it recovered.", "Eight trading days", "P8D"),
    ("Refunds take five business days.", "five business days", "P5D"),
    ("The loan may be extended for an additional year.", "an additional year", "P1Y"),
    ("He stayed an extra week.", "an extra week", "P1W"),
])
def test_lengths_without_a_count_or_with_a_qualifier(text: str, span: str, value: str) -> None:
    assert values(text, OCT_30_1989)[span] == value


@pytest.mark.parametrize("text", ["After weeks of talks it ended.", "In years past, it rained.",
                                  "Over the years of war, the city shrank.",
                                  "Three quarters of voters agreed."])
def test_nouns_are_no_lengths(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind in ("vague_duration", "duration")]


@pytest.mark.parametrize(("text", "span", "value"), [
    # parts of a day with a modifier
    ("By mid afternoon, official sources were saying the operation had ended.", "mid afternoon",
     "1989-10-30TAF"),
    ("In London at mid-afternoon yesterday, the shares were up 2 pence.", "mid-afternoon yesterday",
     "1989-10-29TAF"),
    ("The vote came late Tuesday night.", "late Tuesday night", "1989-10-24TNI"),
    # plural days are sets
    ("Two new flights leave Bombay on Monday and Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ("The market is closed on Sundays.", "Sundays", "XXXX-WXX-7"),
    # the week a day falls in
    ("The case may be resolved in a hearing the week of Nov. 6.", "the week of Nov. 6", "1989-W45"),
    # "a week or so ago"
    ("Then, a week or so ago, the general picked a date.", "a week or so ago", "1989-W43"),
    # "the previous Friday" counts from the narrative's day
    ("The index closed at 2082.1 on Friday, Oct. 27, down 4.5% from the previous Friday.",
     "the previous Friday", "1989-10-20"),
])
def test_days_weeks_and_their_parts(text: str, span: str, value: str) -> None:
    assert values(text, OCT_30_1989)[span] == value


@pytest.mark.parametrize("text", ["The Communist Party daily Granma compared him with Marti.",
                                  "A poster showed Gary Cooper in High Noon.",
                                  "For Poland, high noon comes today."])
def test_a_newspaper_and_an_idiom_are_no_times(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "time" or c.text.lower() == "daily"]
