"""A day counted from a day the text writes after it (issue 11, dates, round 11): "the day before last
Tuesday's hearing" is one TIMEX3, the Monday before that Tuesday, not the day before the narrative's
day; "Nov. 3, the day before police issued a warrant" is Nov. 3 itself (an apposition), whatever
follows. Each written as reporters write it, not copied from a suite."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

THU_FEB_24_2000 = dt.date(2000, 2, 24)


def resolved(text: str, date: dt.date = THU_FEB_24_2000) -> dict[str, str | None]:
    return {c.text: c["timex"] for c in resolve_claims(text, extract_claims(text), date) if c.kind == "date"}


@pytest.mark.parametrize(("text", "span", "value"), [
    # a weekday, with or without its direction, resolved as it would be alone, then one day on
    ("The day before last Tuesday's court hearing, the uncle visited the house.",
     "The day before last Tuesday", "2000-02-21"),
    ("Talks collapsed the day after Friday's vote, union officials said.", "the day after Friday",
     "2000-02-19"),
    ("A rally is planned for the day after next Monday.", "the day after next Monday", "2000-02-29"),
    # a month and day, with or without the year
    ("Trading was halted the day before Oct. 12, 1999, when the index fell.", "the day before Oct. 12, 1999",
     "1999-10-11"),
    ("Minutes: the board met on the day after February 2 and approved the budget.",
     "the day after February 2", "2000-02-03"),
])
def test_a_day_before_or_after_a_written_day(text: str, span: str, value: str) -> None:
    assert resolved(text)[span] == value


def test_the_counted_day_sets_the_narrative_day() -> None:
    """What follows counts from the day so found: "the next morning" after "the day before last Tuesday"
    is that Tuesday's morning."""
    text = ("The day before last Tuesday's hearing, the father flew in from Havana. He appeared in court "
            "the next morning.")
    assert resolved(text)["the next morning"] == "2000-02-22TMO"


@pytest.mark.parametrize(("text", "span", "value"), [
    # in apposition to a date or a weekday, the phrase names that day, whatever follows it
    ("He was last seen Nov. 3, the day before authorities issued a warrant.", "the day before", "1999-11-03"),
    ("The walkout began on Tuesday, the day after the election.", "the day after", "2000-02-22"),
    ("Shares peaked on Oct. 12, the day before the plunge.", "the day before", "1999-10-12"),
])
def test_a_shift_in_apposition_is_the_day_named(text: str, span: str, value: str) -> None:
    assert resolved(text)[span] == value


def test_a_shift_alone_still_counts_from_the_narrative() -> None:
    text = "The ferry sank on March 3. The day before, the crew had reported a fault."
    assert resolved(text, dt.date(2000, 3, 10))["The day before"] == "2000-03-02"


@pytest.mark.parametrize(("text", "span", "value"), [
    # a period before or after the narrative's, where the phrase ends
    ("Tourism revenue fell to $300 million last year, down from $450 million the year before.",
     "the year before", "1998"),
    ("The deficit narrowed to $19.6 billion in November from $19.7 billion the month before.",
     "the month before", "1999-10"),
    ("Fighting broke out on Feb. 3. The week before, talks had collapsed.", "The week before", "2000-W04"),
    ("The firm moved to Leeds in 1998. The year after, it opened a plant in York.", "The year after", "1999"),
    ("The council last met the month before last, and chose a leader.", "the month before last", "1999-12"),
    # beside a quarter's figures, the year before is that quarter a year back, as "a year earlier" is
    ("Profit fell to $3 million in the third quarter from $4 million the year before.", "the year before",
     "1998-Q3"),
])
def test_a_period_before_or_after_the_narratives(text: str, span: str, value: str) -> None:
    assert resolved(text)[span] == value


@pytest.mark.parametrize("text", [
    "The plan cut pension costs by $1.8 million for the year before taxes.",
    "Cash balances should fluctuate over the week after open market operations.",
])
def test_a_period_told_by_what_follows_is_left_alone(text: str) -> None:
    assert not any(span.startswith(("the year", "the week")) for span in resolved(text))


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The rival announced a $204 million deal earlier in the week.", "earlier in the week", "2000-W08"),
    ("The pay-day boost later in the month did not tempt shoppers.", "later in the month", "2000-02"),
    ("Talks opened on Jan. 12. Later in the week, the envoy flew home.", "Later in the week", "2000-W02"),
    ("Early in the month, the index fell 3%.", "Early in the month", "2000-02"),
    ("The plant opened on March 3, 1998, and closed late in the year.", "late in the year", "1998"),
])
def test_a_part_of_the_narratives_week_month_or_year(text: str, span: str, value: str) -> None:
    assert resolved(text)[span] == value


def test_earlier_is_the_start_and_later_the_end() -> None:
    text = "Shares fell earlier in the week but recovered later in the month."
    mods = {c.text: c["timex_mod"] for c in resolve_claims(text, extract_claims(text), THU_FEB_24_2000)}
    assert mods == {"earlier in the week": "START", "later in the month": "END"}
