"""Metadata dates: accepted forms, rejected forms, and precedence between candidates."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.documents.dates import DateParseError, first_date, parse_date

OCT_16 = dt.date(2025, 10, 16)


@pytest.mark.parametrize(
    "value",
    [
        "2025-10-16",
        " 2025-10-16 ",
        "2025-10-16T08:00:00Z",
        "2025-10-16T23:30:00-05:00",
        "2025-10-16 08:00",
        "Thu, 16 Oct 2025 08:00:00 GMT",
        "16 Oct 2025 08:00:00 +0200",
        OCT_16,
        dt.datetime(2025, 10, 16, 23, 59),
    ],
)
def test_accepted_forms_give_the_written_day(value: object) -> None:
    assert parse_date(value) == OCT_16


@pytest.mark.parametrize("value", [None, "", "   "])
def test_absent_values_are_no_date(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01", "16/10/2025", "2025-10", 2025, ["2025-10-16"]])
def test_unparseable_values_raise(value: object) -> None:
    with pytest.raises(DateParseError):
        parse_date(value)


def test_first_parseable_candidate_wins() -> None:
    assert first_date([None, "2025-10-16", "2024-01-01"]) == (OCT_16, None)


def test_a_broken_candidate_does_not_hide_a_good_later_one() -> None:
    assert first_date(["soon", "2025-10-16"]) == (OCT_16, None)


def test_no_good_candidate_reports_the_first_error() -> None:
    date, error = first_date(["soon", "later"])
    assert date is None
    assert error is not None and "'soon'" in error


@pytest.mark.parametrize("value", [
    "2025-10-16", "2025-10-16T08:00", "2025-10-16T23:30:00-05:00", "1987-02-26T15:01:01",
    "2025-10-16T23:30:00.250000+05:30", "2025-10-16T24:00:00", "2025-02-30", "2025-W42-4", "20251016",
])
def test_the_common_forms_read_as_dateutil_reads_them(value: str) -> None:
    from dateutil.parser import isoparse

    try:
        expected = isoparse(value).date()
    except ValueError:
        expected = None
    try:
        assert parse_date(value) == expected
    except DateParseError:
        assert expected is None


def test_a_common_iso_date_does_not_load_dateutils_parser() -> None:
    """Its time-zone machinery is 4 MiB of a corpus run's memory, loaded by the first dated document."""
    import subprocess
    import sys

    script = ("import sys; from factcheck.documents.dates import parse_date; "
              "assert str(parse_date('1987-02-26T15:01:01')) == '1987-02-26'; "
              "print('dateutil.parser' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
