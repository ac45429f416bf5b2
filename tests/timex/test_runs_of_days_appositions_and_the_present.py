"""Resolution of a day named by its place in a run of days ("today is the eighth day of the strike"), a
day in apposition to a date ("Oct. 12, the day before the crash"), "the past" before a new clause,
"this crucial moment", and "today's" of the present age ("today's world") rather than of the day
(issue 11, dates). Each written as reporters write it, not copied from a suite."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

TUE_MAR_10_1998 = dt.date(1998, 3, 10)


def values(text: str, date: dt.date = TUE_MAR_10_1998) -> dict[str, str | None]:
    return {c.text: c["timex"] for c in resolve_claims(text, extract_claims(text), date)
            if c.kind in ("date", "time")}


@pytest.mark.parametrize(("text", "span", "value"), [
    # said of today: the document's day
    ("Today is the ninth day of the hunger strike at the prison.", "the ninth day", "1998-03-10"),
    ("It's the third straight day of protests outside the ministry.", "the third straight day", "1998-03-10"),
    ("This marks the 12th day of the drivers' walkout.", "the 12th day", "1998-03-10"),
    # said of the story's day: the narrative's
    ("Police moved in on March 2, 1998. It was the fourth day of the siege.", "the fourth day",
     "1998-03-02"),
])
def test_a_day_named_by_its_place_in_a_run_of_days(text: str, span: str, value: str) -> None:
    assert values(text)[span] == value


def test_a_numbered_day_not_said_of_a_day_is_no_date() -> None:
    assert "the first day" not in values("He promised to act on the first day of his presidency.")


@pytest.mark.parametrize(("text", "value"), [
    ("Volume surged after Feb. 19, the day before the central bank raised rates.", "1998-02-19"),
    ("Trading stopped on Jan. 5, 1998, the day after the floods closed the port.", "1998-01-05"),
])
def test_a_day_in_apposition_to_a_date_is_that_date(text: str, value: str) -> None:
    day = "the day before" if "before" in text else "the day after"
    assert values(text)[day] == value


def test_the_day_before_without_a_date_beside_it_still_counts_back() -> None:
    found = values("The rebels struck on March 4, 1998. The day before, talks had broken down.")
    assert found["The day before"] == "1998-03-03"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("In the past they have rejected every offer from the council.", "the past", "PAST_REF"),
    ("The envoy would not leave at this crucial moment, an aide said.", "this crucial moment", "PRESENT_REF"),
    ("There are no flights to the island at the moment.", "the moment", "PRESENT_REF"),
])
def test_vague_references_before_a_new_clause(text: str, span: str, value: str) -> None:
    assert values(text)[span] == value


def test_the_moment_something_happened_is_no_reference() -> None:
    assert "the moment" not in values("The crowd cheered the moment he walked on stage.")


@pytest.mark.parametrize("text", [
    "Even by today's standards the bridge is a marvel of engineering.",
    "Such skills matter more in today's economy than ever, the report said.",
    "Today's teenagers spend four hours a day online, a survey found.",
])
def test_todays_of_the_present_age_is_no_date(text: str) -> None:
    assert not any(span.lower().startswith("today") for span in values(text))


@pytest.mark.parametrize("text", [
    "Today's vote in the assembly was delayed by an hour.",
    "Shares rose in today's session after the results.",
])
def test_todays_of_the_day_is_the_document_date(text: str) -> None:
    assert "1998-03-10" in values(text).values()
