"""Parsing the publication date a document declares about itself.

A wrong date makes every "how long ago" rule wrong, so nothing here guesses: a value either parses
unambiguously (ISO 8601, a YAML date, an RFC 2822 date as found in feeds and mail headers) or the
document gets no date and a note saying why. Only the date part is taken, as written: a timestamp
``2025-10-16T23:30:00-05:00`` is the 16th, the day the author saw on the page.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable

from factcheck.startup import regexcache


class DateParseError(ValueError):
    """A declared date that is not a recognisable calendar date."""


def parse_date(value: object) -> dt.date | None:
    """The calendar date of ``value``; ``None`` for an absent or empty value.

    Raises :class:`DateParseError` for a value that is present but not a date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise DateParseError(f"not a date: {type(value).__name__} {_short_repr(value)}")
    text = value.strip()
    if not text:
        return None
    parsed = _parse_iso(text) or _parse_rfc2822(text)
    if parsed is None:
        shown = text if len(text) <= 40 else text[:39] + "…"
        numeric = _NUMERIC_DATE.match(text)
        if numeric is not None:
            raise DateParseError(f"{shown!r} is not a calendar date: {_why_not(*map(int, numeric.groups()))}")
        raise DateParseError(f"unrecognised date {shown!r} (expected YYYY-MM-DD, ISO 8601 or RFC 2822)")
    return parsed


_NUMERIC_DATE = regexcache.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _why_not(year: int, month: int, day: int) -> str:
    try:
        dt.date(year, month, day)
    except ValueError as error:
        return str(error)
    return "expected YYYY-MM-DD with two-digit month and day"


def _short_repr(value: object) -> str:
    """At most 40 characters of ``value``'s repr, without building a huge one (front matter can
    hold a large structure; limits keep it bounded, this keeps the message short)."""
    if isinstance(value, (list, dict)):
        return f"with {len(value)} items"
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def first_date(candidates: Iterable[object]) -> tuple[dt.date | None, str | None]:
    """The first candidate that parses, and an error note when some were given but none parsed.

    Candidates come in the format's order of precedence (e.g. HTML ``article:published_time``
    before ``<time datetime>``), so a broken first source does not hide a good second one.
    """
    first_error: str | None = None
    for candidate in candidates:
        try:
            parsed = parse_date(candidate)
        except DateParseError as error:
            first_error = first_error or str(error)
            continue
        if parsed is not None:
            return parsed, None
    return None, first_error


# The forms nearly every feed and corpus writes, which the standard library reads exactly as
# dateutil does: reading them does not import dateutil's parser (4 MiB: its time-zone machinery).
_COMMON_ISO = regexcache.compile(
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?")


def _parse_iso(text: str) -> dt.date | None:
    """ISO 8601 in any of its forms (``2025-10-16``, ``20251016``, ``2025-10-16T23:30:00-05:00``,
    ``2025-W42-4``), by dateutil's strict ISO parser: nothing outside the standard is guessed, and a
    value without its day (``2025-10``, ``2025``) is no publication date."""
    if _COMMON_ISO.fullmatch(text):
        with contextlib.suppress(ValueError):  # e.g. 24:00, which only dateutil reads
            return dt.datetime.fromisoformat(text).date()
    from dateutil.parser import isoparse

    if len(text.split("T")[0]) < 8:
        return None
    try:
        return isoparse(text).date()
    except (ValueError, OverflowError):
        return None


def _parse_rfc2822(text: str) -> dt.date | None:
    try:
        import email.utils  # only RFC 2822 dates need it; keeps start-up light

        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
