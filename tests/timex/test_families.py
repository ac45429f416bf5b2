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
