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
    ("Ms. Ortiz will retire as treasurer, effective Feb. 1, the county said.", OCT_26_1989,
     "Feb. 1", "1990-02-01"),
    ("Holders must tender their shares by January 12, the company said.", OCT_26_1989, "January 12",
     "1990-01-12"),
    ("The utility must file its rate plan by March.", OCT_26_1989, "March", "1990-03"),
    ("Bids are due Dec. 4.", OCT_26_1989, "Dec. 4", "1989-12-04"),
    ("The offer was extended until Nov. 6 at the request of the bidder.", OCT_26_1989, "Nov. 6",
     "1989-11-06"),
    ("Minutes: the council deferred the vote until April; the clerk will circulate the plans.",
     OCT_26_1989, "April", "1990-04"),
    # ... but one a few weeks gone is still the one meant
    ("The bakery changed hands effective January 1, the filing shows.", FEB_26_1987, "January 1",
     "1987-01-01"),
    ("The museum stayed shut until December.", FEB_26_1987, "December", "1986-12"),
    # without the deadline word, a past sentence keeps its past date
    ("The unit was sold on Feb. 1.", OCT_26_1989, "Feb. 1", "1989-02-01"),
])
def test_deadlines_and_effective_dates(text: str, date: dt.date, span: str, value: str) -> None:
    assert values(text, date)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # a figure compared with a year earlier: the period a year before the story's, not a year before
    # the year the text last named paragraphs back
    ("The line was founded in 1985.\n\nFreight volumes were down 3%, compared with a year earlier.",
     "a year earlier", "1988"),
    ("The grocer went public in 1986. Online orders were 18% of sales, against 12% a year earlier.",
     "a year earlier", "1988"),
    # ... but a year named in the same sentence is the one compared
    ("In 1987 sales rose to $5 million from $4 million a year earlier.", "a year earlier", "1986"),
    # narrative "a year earlier" still counts from the year named
    ("He joined the bank in 1984. A year earlier he had left Chicago.", "A year earlier", "1983"),
])
def test_comparisons_with_a_year_earlier(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Shipments should recover in the last half of 2004.", "the last half of 2004", "2004-H2"),
    ("The chain plans 40 stores in the first two quarters of 2005.", "the first two quarters of 2005",
     "2005-H1"),
    ("Orders firmed in the last two quarters of 1988.", "the last two quarters of 1988", "1988-H2"),
    ("Net income for the fiscal-first quarter, which ended in June, doubled.", "the fiscal-first quarter",
     "1989-Q1"),
    ("The company lost money in its fiscal second quarter.", "fiscal second quarter", "1989-Q2"),
    ("Shipments slipped in the final quarter of 1988.", "the final quarter of 1988", "1988-Q4"),
])
def test_halves_and_quarters_by_position(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


def test_a_last_half_without_its_year_is_no_half_of_a_year() -> None:
    assert not any(c.kind == "date" for c in extract_claims("He scored twice in the last half of the game."))


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The senator's failed 1994 bid for governor still rankles.", "1994", "1994"),
    ("The disputed 2000 election went to the courts.", "2000", "2000"),
    ("The company will redeem its 9% debentures due 2004 next month.", "2004", "2004"),
    ("Records dating to 1921 were lost in the fire.", "1921", "1921"),
    ("The archive goes back to 1921, its curator said.", "1921", "1921"),
    ('"We cut our forecast for 2003," the chief executive said.', "2003", "2003"),
    ("Post-1945 housing estates ring the city.", "1945", "1945"),
    ("Rents soared in the pre-2008 boom.", "2008", "2008"),
])
def test_years_after_an_adjective_due_or_a_prefix(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


@pytest.mark.parametrize("text", ["The firm hired a further 1500 workers.", "It kept an estimated 2000 jobs.",
                                  "Its 1500 employees walked out.", "A record 2000 people came."])
def test_counts_after_an_adjective_are_no_years(text: str) -> None:
    assert not any(c.kind == "date" for c in extract_claims(text))


@pytest.mark.parametrize(("text", "span"), [
    ("The council hopes to reopen the pool in the near future.", "the near future"),
    ('"The near term will be bumpy," the mayor warned.', "The near term"),
    ("Rates may ease in the short term, economists said.", "the short term"),
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
    ("Brightline's third-quarter operating profit climbed 11%. Following a weak second quarter, "
     "ticket sales picked up. Costs in the year-earlier period had included a write-off.",
     "the year-earlier period", "1988-Q3"),
    # ... a forecast ...
    ("Acme's third-quarter profit fell 10%. It expects a fourth-quarter charge. Sales in the latest "
     "quarter were flat.", "the latest quarter", "1989-Q3"),
    # ... and a quarter of a year long gone do not replace it
    ("Harbor Bank's loss was its first since the second quarter of 1981. Third-quarter net was $70 "
     "million against $66 million a year ago.", "a year ago", "1988-Q3"),
    # the first quarter named may be over in the company's own count
    ("The brewer's fiscal fourth-quarter profit slipped. Revenue in the latest period was flat.",
     "the latest period", "1989-Q4"),
    # "the quarter ended Sept. 29" after the story named its quarter is that quarter
    ("The chip maker returned to profit in its fiscal first quarter. Revenue for the quarter ended "
     "Sept. 29 grew by a third. In the 1988 period it had lost money.", "the 1988 period", "1988-Q1"),
    # "this year's third quarter" is reported, "last year's" compared with
    ("In this year's third quarter, the trust earned $7 million, against $6.4 million a year earlier.",
     "a year earlier", "1988-Q3"),
    # the adjective opening a sentence
    ("Acme's third-quarter profit rose 5%. Year-earlier figures had been lifted by a land sale.",
     "Year-earlier", "1988-Q3"),
    ("Staff could buy the stock at its then-current price.", "then-current", "PAST_REF"),
])
def test_the_story_quarter_and_its_asides(text: str, span: str, value: str) -> None:
    assert values(text, OCT_26_1989)[span] == value


def test_a_comparison_counts_from_the_reported_period_not_the_narrative_day() -> None:
    text = ("The plant opened on June 3, 1991. Net fell to $4 million, compared with $5 million a year "
            "earlier.")
    assert values(text, OCT_26_1989)["a year earlier"] == "1988"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Police reopened the file on the October robbery of the pharmacy.", "October", "1989-10"),
    ("Rail workers returned under a June accord with the operator.", "June", "1989-06"),
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


def test_a_comparison_without_a_document_date_counts_from_the_narrative() -> None:
    text = ("The plant opened on June 3, 1991. Net fell to $4 million, compared with $5 million a year "
            "earlier.")
    found = {c.text: c["timex"] for c in resolve_claims(text, extract_claims(text), None) if c.kind == "date"}
    assert found["a year earlier"] == "1990"
