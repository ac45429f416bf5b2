"""Resolution of the third round's constructs, each written as different reporters write them:
deadlines and dates things take effect, comparisons with a year earlier, halves and quarters named
by their position in a year, years after an adjective or "due", and the near future."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

OCT_26_1989 = dt.date(1989, 10, 26)
FEB_26_1987 = dt.date(1987, 2, 26)


def values(text: str, date: dt.date) -> dict[str, str | None]:
    return {c.text: c["timex"] for c in resolve_claims(text, extract_claims(text), date)
            if c.kind in ("date", "time", "duration", "vague_duration")}


@pytest.mark.parametrize(("text", "date", "span", "value"), [
    # a deadline or the day something takes effect lies ahead whatever the verb's tense ...
    ("The board named a three-member office of the president, effective Feb. 1.", OCT_26_1989,
     "Feb. 1", "1990-02-01"),
    ("Holders must tender their shares by January 12, the company said.", OCT_26_1989, "January 12",
     "1990-01-12"),
    ("It agreed in principle to repay the bridge loan by March.", OCT_26_1989, "March", "1990-03"),
    ("Bids are due Dec. 4.", OCT_26_1989, "Dec. 4", "1989-12-04"),
    ("The offer was extended until Nov. 6 at the request of the bidder.", OCT_26_1989, "Nov. 6",
     "1989-11-06"),
    ("Minutes: the council deferred the vote until April; the clerk will circulate the plans.",
     OCT_26_1989, "April", "1990-04"),
    # ... but one a few weeks gone is still the one meant
    ("The division was sold effective January 1.", FEB_26_1987, "January 1", "1987-01-01"),
    ("Few buyers made firm commitments until December.", FEB_26_1987, "December", "1986-12"),
    # without the deadline word, a past sentence keeps its past date
    ("The unit was sold on Feb. 1.", OCT_26_1989, "Feb. 1", "1989-02-01"),
])
def test_deadlines_and_effective_dates(text: str, date: dt.date, span: str, value: str) -> None:
    assert values(text, date)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # a figure compared with a year earlier: the period a year before the story's, not a year before
    # the year the text last named paragraphs back
    ("The company was founded in 1985.\n\nIts borrowing costs rose, compared with a year earlier.",
     "a year earlier", "1988"),
    ("Acme went public in 1986. Non-auto lending made up 45% of revenue, compared with 40% a year "
     "earlier.", "a year earlier", "1988"),
    # ... but a year named in the same sentence is the one compared
    ("In 1987 sales rose to $5 million from $4 million a year earlier.", "a year earlier", "1986"),
    # narrative "a year earlier" still counts from the year named
    ("He joined the bank in 1984. A year earlier he had left Chicago.", "A year earlier", "1983"),
])
def test_comparisons_with_a_year_earlier(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Earnings will fall in the last half of 1989 and in 1990.", "the last half of 1989", "1989-H2"),
    ("Weakness should last through the first two quarters of 1990.", "the first two quarters of 1990",
     "1990-H1"),
    ("Orders firmed in the last two quarters of 1988.", "the last two quarters of 1988", "1988-H2"),
    ("It earned C$4.7 million for the fiscal-first quarter ended Sept. 30.", "the fiscal-first quarter",
     "1989-Q1"),
    ("The company lost money in its fiscal second quarter.", "fiscal second quarter", "1989-Q2"),
    ("Shipments slipped in the final quarter of 1988.", "the final quarter of 1988", "1988-Q4"),
])
def test_halves_and_quarters_by_position(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


def test_a_last_half_without_its_year_is_no_half_of_a_year() -> None:
    assert not any(c.kind == "date" for c in extract_claims("He scored twice in the last half of the game."))


@pytest.mark.parametrize(("text", "span", "value"), [
    ("He put the issue at the centre of his unsuccessful 1996 campaign.", "1996", "1996"),
    ("The disputed 2000 election went to the courts.", "2000", "2000"),
    ("Holders get $100 face amount of 13.5% notes due 1993.", "1993", "1993"),
    ("The shootings, dating to 1994, were never solved.", "1994", "1994"),
    ("The archive goes back to 1921, its curator said.", "1921", "1921"),
    ('"Growth has not met our expectations for 1989," he said.', "1989", "1989"),
    ("The post-1959 exodus split families.", "1959", "1959"),
    ("Rents soared in the pre-2008 boom.", "2008", "2008"),
])
def test_years_after_an_adjective_due_or_a_prefix(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


@pytest.mark.parametrize("text", ["The firm hired a further 1500 workers.", "It kept an estimated 2000 jobs.",
                                  "Its 1500 employees walked out.", "A record 2000 people came."])
def test_counts_after_an_adjective_are_no_years(text: str) -> None:
    assert not any(c.kind == "date" for c in extract_claims(text))


@pytest.mark.parametrize(("text", "span"), [
    ("It plans to sell the unit in the near future.", "the near future"),
    ('"We don\'t minimize the challenges of the near term," he said.', "the near term"),
    ("Holders may be placated in the short term, analysts said.", "the short term"),
])
def test_the_near_future(text: str, span: str) -> None:
    assert values(text, OCT_26_1989)[span] == "FUTURE_REF"


def test_the_short_term_as_an_adjective_is_no_time() -> None:
    assert "the short term" not in values("The short term rate rose; the short term outlook dimmed.",
                                          OCT_26_1989)


def test_the_main_verb_after_a_long_subject_sets_the_tense() -> None:
    text = "On Friday, the head of the regional water authority and her deputy will brief the council."
    assert values(text, dt.date(1998, 10, 28))["Friday"] == "1998-10-30"  # written on a Wednesday


@pytest.mark.parametrize(("text", "span", "value"), [
    # the story quarter is the one whose results are reported: an earlier quarter of its year ...
    ("Acme posted a 20% gain in third-quarter net income. After a flat second quarter, sales of "
     "diapers recovered. Charges taken in the year-earlier period also helped.",
     "the year-earlier period", "1988-Q3"),
    # ... a forecast ...
    ("Acme's third-quarter profit fell 10%. It expects a fourth-quarter charge. Sales in the latest "
     "quarter were flat.", "the latest quarter", "1989-Q3"),
    # ... and a quarter of a year long gone do not replace it
    ("Acme had its worst loss since the third quarter of 1984. Third-quarter profit fell to $70 "
     "million from $66 million a year ago.", "a year ago", "1988-Q3"),
    # the first quarter named may be over in the company's own count
    ("Ralston's fiscal fourth-quarter profit fell. Sales in the latest period rose 13%.",
     "the latest period", "1989-Q4"),
    # "the quarter ended Sept. 29" after the story named its quarter is that quarter
    ("Sun earned $5.2 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose "
     "39%. In the 1988 period it earned $20.6 million.", "the 1988 period", "1988-Q1"),
    # "this year's third quarter" is reported, "last year's" compared with
    ("In this year's third quarter, net was $10.5 million, compared with $10.3 million a year earlier.",
     "a year earlier", "1988-Q3"),
    ("The rights let holders buy shares at half the then-current market price.", "then-current",
     "PAST_REF"),
])
def test_the_story_quarter_and_its_asides(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


def test_a_comparison_counts_from_the_reported_period_not_the_narrative_day() -> None:
    text = ("The plant opened on June 3, 1991. Net fell to $4 million, compared with $5 million a year "
            "earlier.")
    assert values(text, OCT_26_1989)["a year earlier"] == "1988"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Prosecutors have gathered evidence in the October slaying of the doctor.", "October", "1989-10"),
    ("It is trying to sell itself under a June agreement with dissident holders.", "June", "1989-06"),
    ("The February trade figures showed a surplus.", "February", "1989-02"),
    # a quarter named by its last month: the calendar quarter holding most of its three months
    ("Australian growth slowed in the September quarter, the bureau said.", "the September quarter",
     "1989-Q3"),
    ("Its June quarter profit doubled.", "June quarter", "1989-Q2"),
    ("Retail sales in the March quarter fell 2%.", "the March quarter", "1989-Q1"),
])
def test_months_as_adjectives(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


@pytest.mark.parametrize("text", ["The May Department Stores Co. rose.", "A March 1 deadline looms.",
                                  "The June year results were weak."])
def test_what_is_no_month_adjective(text: str) -> None:
    assert not any(c.kind == "date" and c.text in ("May", "March", "June") for c in extract_claims(text))
