"""Numeric dates in every order and separator, month names between dashes, the edge of a month or a
year, a weekday counted in its month, and more clock forms; each as forms, tables, minutes and wire
copy write them (not copied from a suite), with what stays no date beside them."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

DOCUMENT_DATE = dt.date(2027, 3, 10)  # a Wednesday


def _claims(text: str, kind: str = "date") -> list[tuple[str, str | None]]:
    claims = resolve_claims(text, extract_claims(text), DOCUMENT_DATE)
    return [(c.text, c["timex"]) for c in claims if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Invoice dated 21-04-2016, payable on receipt.", [("21-04-2016", "2016-04-21")]),
        ("Born 10.31.1974 in Ohio.", [("10.31.1974", "1974-10-31")]),
        ("Filed 3/14/15 with the clerk.", [("3/14/15", "2015-03-14")]),
        ("Log entry 2015-3-3: pump replaced.", [("2015-3-3", "2015-03-03")]),
        ("Release: 2015/08/12", [("2015/08/12", "2015-08-12")]),
        ("Departure 31-Oct-1974, return 05-Nov-74.",
         [("31-Oct-1974", "1974-10-31"), ("05-Nov-74", "1974-11-05")]),
        ("Ticket valid until Sep-23-2026.", [("Sep-23-2026", "2026-09-23")]),
        ("Statement period: Dec/2026", [("Dec/2026", "2026-12")]),
    ],
)
def test_numeric_and_dashed_dates(text: str, expected: list) -> None:
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the document's own plain dates say the order: 25/12/2026 puts the day first
        ("Closed 25/12/2026 and 06/03/2027.", [("25/12/2026", "2026-12-25"), ("06/03/2027", "2027-03-06")]),
        # dates in words say it too: "14 February" is day first
        ("The 14 February vote was moved to 06/03/2027.",
         [("14 February", "2027-02-14"), ("06/03/2027", "2027-03-06")]),
        # nothing says: the month first, as in US copy
        ("The hearing is set for 06/03/2027.", [("06/03/2027", "2027-06-03")]),
        # the stated weekday picks the reading it falls on (6 March 2027 is a Saturday)
        ("Saturday, 06/03/2027 at the town hall", [("Saturday, 06/03/2027", "2027-03-06")]),
    ],
)
def test_the_order_of_an_ambiguous_numeric_date(text: str, expected: list) -> None:
    assert _claims(text) == expected


def test_an_ambiguous_numeric_date_is_not_certain() -> None:
    text = "The hearing is set for 06/03/2027."
    (claim,) = [c for c in resolve_claims(text, extract_claims(text), DOCUMENT_DATE) if c.kind == "date"]
    assert claim.certain is False


@pytest.mark.parametrize(
    "text",
    ["the 9/11 attacks", "open 24/7", "odds of 10/1", "the 2004/05 season", "a 1/2/3 split",
     "version 1.2.15 ships", "pi is 3.14.15 roughly", "they won 3-1-0", "call 020-7946-0958"],
)
def test_no_numeric_date(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Work should finish by the end of April.", [("the end of April", "2027-04")]),
        ("At the beginning of 2026, sales slowed.", [("the beginning of 2026", "2026")]),
        ("The plan runs to end of March 2028.", [("end of March 2028", "2028-03")]),
        ("Talks resume in the middle of June 2027.", [("the middle of June 2027", "2027-06")]),
        ("The report is due by end of the year.", [("end of the year", "2027")]),
    ],
)
def test_the_edge_of_a_month_or_year(text: str, expected: list) -> None:
    assert _claims(text) == expected


def test_the_edge_is_the_mod() -> None:
    text = "Work should finish by the end of April."
    (claim,) = [c for c in resolve_claims(text, extract_claims(text), DOCUMENT_DATE) if c.kind == "date"]
    assert claim["timex_mod"] == "END"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court sits from the first Monday of October 2027.",
         [("the first Monday of October 2027", "2027-10-04")]),
        ("The fair is held on the last Friday in May 2026.", [("the last Friday in May 2026", "2026-05-29")]),
        ("minutes: third tuesday of september 2026, 7pm",
         [("third tuesday of september 2026", "2026-09-15")]),
    ],
)
def test_a_weekday_counted_in_its_month(text: str, expected: list) -> None:
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Incident logged 15:23:24, cleared 9:01:10 PM.",
         [("15:23:24", "2027-03-10T15:23"), ("9:01:10 PM", "2027-03-10T21:01")]),
        ("Doors 330 p.m., curtain at 7:45p.",
         [("330 p.m.", "2027-03-10T15:30"), ("7:45p", "2027-03-10T19:45")]),
        ("Le départ: 15h30, retour à 19h00.", [("15h30", "2027-03-10T15:30"), ("19h00", "2027-03-10T19:00")]),
    ],
)
def test_more_clock_forms(text: str, expected: list) -> None:
    assert _claims(text, "time") == expected


@pytest.mark.parametrize(
    "text",
    ["She won the marathon in 2:08:44.", "Tune to WINS 1010 AM for traffic.", "The film runs 1h30.",
     "At 10:30 a spokesman said"],
)
def test_no_clock_read_into_running_times_and_stations(text: str) -> None:
    assert [t for t, _ in _claims(text, "time")] in ([], ["10:30"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stores open early on Black Friday 2026.", [("Black Friday 2026", "2026-11-27")]),
        ("Offices close for Martin Luther King Jr. Day.", [("Martin Luther King Jr. Day", "2027-01-18")]),
        ("The parade on St. Patrick's Day drew crowds.", [("St. Patrick's Day", "2027-03-17")]),
        ("Brunch bookings peak on Mother's Day.", [("Mother's Day", "2026-05-10")]),
        ("see you at xmas!", [("xmas", "2026-12-25")]),
        ("we got engaged on new years eve", [("new years eve", "2026-12-31")]),
        ("Ferries resume on Easter Monday 2027.", [("Easter Monday 2027", "2027-03-29")]),
    ],
)
def test_more_holidays(text: str, expected: list) -> None:
    assert _claims(text) == expected

