"""The day a holiday falls on in a Gregorian year, by the rule its lexicon entry states
(``claims/lexicon/holidays.yaml``): a fixed day, a weekday counted in its month, a day counted from
Easter (dateutil's, Western or Orthodox), or a day of a lunar or lunisolar calendar.

The lunar and lunisolar days (Islamic, Hebrew, Chinese, Hindu, Buddhist, Persian) come from the
``holidays`` package, the maintained open holiday framework: its calendars are tables checked against
the religious authorities' published dates (the Islamic ones Umm al-Qura's, which an arithmetical
conversion misses by a day in many years; the Hindu ones have no closed form at all). It costs about
80 ms to import, so it is imported on the first such holiday resolved, never at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import Any

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from factcheck.claims import lexicon

_WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA,
             "sunday": SU}
_CALENDARS = {"islamic": "_IslamicLunar", "hebrew": "_HebrewLunisolar", "hindu": "_HinduLunisolar",
              "chinese": "_ChineseLunisolar", "buddhist": "_BuddhistLunisolar", "persian": "_Persian"}


def _rules() -> dict[str, dict[str, Any]]:
    return lexicon.load("holidays")["holidays"]


def days_in(key: str, year: int) -> list[dt.date]:
    """The days (first days, for an observance of several) ``key`` falls on in ``year``: one for most,
    none where a calendar's table ends, two where a lunar year is shorter than the Gregorian (Eid
    al-Fitr in 2000)."""
    rule = _rules()[key]
    shift = dt.timedelta(days=rule.get("shift", 0))
    if "calendar" in rule:
        calendar, method = rule["calendar"]
        return [day + shift for day in _lunar_days(calendar, method, year - (1 if shift.days > 0 else 0),
                                                   year + (1 if shift.days < 0 else 0))
                if (day + shift).year == year]
    if "date" in rule:
        month, day = (int(part) for part in str(rule["date"]).split("-"))
        return [dt.date(year, month, day)]
    if "nth" in rule:
        month, weekday, n = rule["nth"]
        first = dt.date(year, month, 1)
        rel = relativedelta(weekday=_WEEKDAYS[weekday](n)) if n > 0 else \
            relativedelta(day=31, weekday=_WEEKDAYS[weekday](n))
        return [first + rel + shift]
    method = EASTER_ORTHODOX if rule.get("orthodox") else EASTER_WESTERN
    return [easter(year, method) + dt.timedelta(days=rule["easter"])]


def nearest(key: str, ref: dt.date, offset: int) -> dt.date | None:
    """The occurrence before ``ref`` (``offset`` -1: "last Christmas"), after it (1: "next Easter"), or,
    for 0 ("this Ramadan"), the one in ``ref``'s year nearest to it."""
    days = [day for year in range(ref.year - 1, ref.year + 2) for day in days_in(key, year)]
    if offset < 0:
        return max((day for day in days if day < ref), default=None)
    if offset > 0:
        return min((day for day in days if day > ref), default=None)
    return min((day for day in days if day.year == ref.year), key=lambda day: abs(day - ref), default=None)


def last_day(key: str, first: dt.date) -> dt.date | None:
    """The last day of an observance of several days that begins on ``first`` (Hanukkah's eighth,
    the day before Eid al-Fitr for Ramadan); None for a holiday of one day."""
    rule = _rules()[key]
    if "days" in rule:
        return first + dt.timedelta(days=rule["days"] - 1)
    if "until" in rule:
        end = min((day for year in (first.year, first.year + 1) for day in days_in(rule["until"], year)
                   if day > first), default=None)
        return end - dt.timedelta(days=1) if end is not None else None
    return None


def _lunar_days(calendar: str, method: str, first_year: int, last_year: int) -> list[dt.date]:
    found: list[dt.date] = []
    for year in range(first_year, last_year + 1):
        found += _dates(getattr(_calendar(calendar), method)(year))
    return sorted(set(found))


def _dates(result: object) -> list[dt.date]:
    """The days a ``holidays`` calendar method returns: a date, a (date, estimated) pair, a set of
    dates or an iterable of pairs; None where its table has no entry."""
    if result is None:
        return []
    if isinstance(result, dt.date):
        return [result]
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], bool):
        return _dates(result[0])
    if isinstance(result, Iterable):
        return [day for item in result for day in _dates(item)]
    return []


@cache
def _calendar(name: str) -> Any:
    from holidays import calendars  # the package's lunar and lunisolar tables: imported on first use

    return getattr(calendars, _CALENDARS[name])()
