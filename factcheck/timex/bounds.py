"""The first and last day a resolved date value names, for rules that compare a period with a day.

"Next week" is a value, ``2025-W43``, but "next week, on Oct. 22" is checked on days: the week runs
from Monday 20 to Sunday 26 October. :func:`value_bounds` turns a TIMEX3 date value into those two
days, narrowed by its modifier: "early" (``START``) is the first half of the period, "late" (``END``)
the second, "mid" (``MID``) the middle half. The halves are generous on purpose: a reporter's "early
next month" may reach the 15th, and a rule built on the bounds must not call that wrong.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from factcheck.startup import regexcache

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each season starts in (north)
_VALUE = regexcache.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)(?P<weekend>-WE)?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?(?:T[\w:]+)?"
    r"|(?P<decade>\d{3})|(?P<century>\d\d)")


def _whole(value: str) -> tuple[dt.date, dt.date] | None:
    found = _VALUE.fullmatch(value)
    if found is None:
        return None
    if found["decade"] or found["century"]:
        years = 10 if found["decade"] else 100
        first = int(found["decade"] or found["century"]) * years
        return dt.date(max(first, 1), 1, 1), dt.date(first + years - 1, 12, 31)
    year = int(found["year"])
    if found["day"]:
        day = dt.date(year, int(found["month"]), int(found["day"]))
        return day, day
    if found["week"]:
        monday = dt.date.fromisocalendar(year, int(found["week"]), 1)
        return (monday + dt.timedelta(days=5) if found["weekend"] else monday), monday + dt.timedelta(days=6)
    if found["month"]:
        start, months = dt.date(year, int(found["month"]), 1), 1
    elif found["quarter"]:
        start, months = dt.date(year, 3 * int(found["quarter"]) - 2, 1), 3
    elif found["half"]:
        start, months = dt.date(year, 1 if found["half"] == "1" else 7, 1), 6
    elif found["season"]:
        start, months = dt.date(year, SEASON_MONTH[found["season"]], 1), 3
    else:
        start, months = dt.date(year, 1, 1), 12
    return start, start + relativedelta(months=months, days=-1)


def value_bounds(value: str | None, mod: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a TIMEX3 date value ("2025-W43" → Monday and Sunday of that week),
    the part a START, MID or END modifier names; None for a value that names no stretch of days (a
    vague reference, a set, a value with unknown parts)."""
    try:
        whole = _whole(value) if value else None
    except ValueError:  # a week 53 the year lacks, a day its month lacks
        return None
    if whole is None or mod not in ("START", "MID", "END"):
        return whole
    first, last = whole
    length = (last - first).days + 1
    half = dt.timedelta(days=(length + 1) // 2 - 1)
    if mod == "START":
        return first, first + half
    if mod == "END":
        return last - half, last
    quarter = dt.timedelta(days=length // 4)
    return first + quarter, last - quarter
