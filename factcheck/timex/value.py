"""A resolved temporal value, as TimeML's TIMEX3 writes it.

``value`` is the TIMEX3 ``value`` attribute: a date or partial date (``2013-03-22``, ``2012-12``,
``2013-W11``, ``2012-SU``, ``2013-Q1``, ``199`` for the 1990s, ``19`` for the 20th century), a time
(``2012-08-19T20:00``, ``2012-08-19TNI``), a duration (``P3M``, ``PT2H30M``), a set (``XXXX-WI``,
``XXXX-WXX-5``, ``P1D`` for "daily") or a vague reference (``PRESENT_REF``, ``PAST_REF``,
``FUTURE_REF``). ``mod`` is TIMEX3's modifier (``START`` for "early", ``MID``, ``END`` for "late",
``APPROX``); ``anchor`` says what the value was counted from
(``text``: nothing but the words; ``document``: the document date; ``narrative``: the last date the text
itself set). ``certain`` is False when a part of the value was inferred rather than read: a year taken
from the document date and the tense, a weekday's direction.

A claim that cannot be resolved carries ``value`` None and a ``reason``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Anchor(StrEnum):
    TEXT = "text"  # the words fix the value ("3 March 2013", "eight months")
    DOCUMENT = "document"  # counted from the document date ("yesterday", "March 3" in a dated article)
    NARRATIVE = "narrative"  # counted from the last date the text set ("the next day", "that morning")


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression's value as TIMEX3 writes it, what it was counted from and how sure it is."""

    value: str | None
    type: TimexType
    anchor: Anchor = Anchor.TEXT
    certain: bool = True
    mod: str | None = None
    day: dt.date | None = None  # the first day the value names, for rules that compare dates
    reason: str | None = None  # why there is no value
    year: int | None = None  # the year of a day the calendar lacks ("29 February" read in 2025)
    weekday_year: bool = False  # a year-less date's year is one its stated weekday confirms

    @classmethod
    def unresolved(cls, type: TimexType, reason: str) -> Timex:
        return cls(None, type, certain=False, reason=reason)
