"""Every function the rule language offers: the core ones here, the date, fact, index and number
functions in their own modules, all gathered into :data:`FUNCTIONS` when this module is imported.

Each function has a written signature (``round(n: number, digits: number = 0) -> number``) that the
type checker uses and the reference documentation lists, and a docstring describing it. Unless a
function is declared ``null_safe``, a null argument makes its result null without calling it. How a
signature is read and registered is :mod:`factcheck.language.registry`.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from factcheck.language import types as T
from factcheck.language.formatting import format_value

# FUNCTIONS is read from here: importing this module is what fills it with every function
from factcheck.language.registry import FUNCTIONS, RESERVED, WEEKDAYS, Function, register  # noqa: F401
from factcheck.values import Duration, Money, Percent, days_in_month


def _same_as_first(args: list[T.Type], claims: T.ClaimTypes) -> T.Type:
    return claims.value_view(args[0]).non_null()


# -- numbers and strings ---------------------------------------------------------------------------
@register("len(x: list<any> | string) -> number")
def _len(x: Any) -> Decimal:
    """Number of items in a list or characters in a string."""
    return Decimal(len(x))


@register("abs(x: number | duration | percent | money) -> same", returns=_same_as_first)
def _abs(x: Any) -> Any:
    """Absolute value."""
    if isinstance(x, Duration):
        return -x if x.total_seconds() < 0 else x
    if isinstance(x, Percent):
        return Percent(abs(x.value))
    if isinstance(x, Money):
        return Money(abs(x.amount), x.currency)
    return abs(x)


def _integer(n: Decimal, what: str) -> int:
    if n != n.to_integral_value():
        raise ValueError(f"{what} must be a whole number, not {n}")
    return int(n)


@register("round(n: number, digits: number = 0) -> number")
def _round(n: Decimal, digits: Decimal = Decimal(0)) -> Decimal:
    """``n`` rounded half away from zero to ``digits`` decimal places: ``round(2.5)`` is 3."""
    return n.quantize(Decimal(1).scaleb(-_integer(digits, "digits")), rounding=ROUND_HALF_UP)


@register("floor(n: number) -> number")
def _floor(n: Decimal) -> Decimal:
    """The largest whole number not above ``n``."""
    return Decimal(math.floor(n))


@register("ceil(n: number) -> number")
def _ceil(n: Decimal) -> Decimal:
    """The smallest whole number not below ``n``."""
    return Decimal(math.ceil(n))


@register("lower(s: string) -> string")
def _lower(s: str) -> str:
    """``s`` in lower case."""
    return s.lower()


@register("upper(s: string) -> string")
def _upper(s: str) -> str:
    """``s`` in upper case."""
    return s.upper()


@register("text(x: any) -> string", null_safe=True)
def _text(x: Any) -> str:
    """``x`` written as messages write it ("8 months", "2025-01-20", "unknown" for null): for a
    message that shows a value only in one branch of an ``if``."""
    return format_value(x)


@register("contains(s: string, part: string) -> bool")
def _contains(s: str, part: str) -> bool:
    """Whether ``part`` occurs in ``s``, ignoring case."""
    return part.casefold() in s.casefold()


@register("is_numeral(s: string) -> bool")
def _is_numeral(s: str) -> bool:
    """Whether ``s`` is a number written in digits (``"2.842"``, ``"1,200"``, ``"3/4"``): for a word
    of ``words_after`` that may be a figure rather than a day."""
    return bool(s) and s[0].isdigit() and s[-1].isdigit() and all(ch.isdigit() or ch in ".,/" for ch in s)


@register("starts_with(s: string, prefix: string) -> bool")
def _starts_with(s: str, prefix: str) -> bool:
    """Whether ``s`` starts with ``prefix``, ignoring case."""
    return s.casefold().startswith(prefix.casefold())


@register("ends_with(s: string, suffix: string) -> bool")
def _ends_with(s: str, suffix: str) -> bool:
    """Whether ``s`` ends with ``suffix``, ignoring case."""
    return s.casefold().endswith(suffix.casefold())


def _coalesce_type(args: list[T.Type], claims: T.ClaimTypes) -> T.Type:
    return T.unify(args[0].non_null(), args[1]) or T.ANY


@register("coalesce(x: any, fallback: any) -> same", returns=_coalesce_type, null_safe=True)
def _coalesce(x: Any, fallback: Any) -> Any:
    """``x`` unless it is null, else ``fallback``."""
    return fallback if x is None else x


# -- durations and dates ---------------------------------------------------------------------------
def _unit(word: str) -> str:
    from factcheck.language.parser import duration_unit

    return duration_unit(word)


@register("in_unit(d: duration, unit: string) -> number")
def _in_unit(d: Duration, unit: str) -> Decimal:
    """``d`` measured in ``unit`` (``"months"``, ``"days"``, ...); months of different shapes are
    folded at the mean Gregorian month (30.436875 days)."""
    return d.in_unit(_unit(unit))


def _measure(unit: str) -> None:
    def impl(d: Duration) -> Decimal:
        return d.in_unit(unit)

    impl.__doc__ = f"``d`` in {unit}s (same as ``in_unit(d, \"{unit}s\")``)."
    register(f"{unit}s(d: duration) -> number")(impl)


for _name in ("year", "month", "week", "day", "hour", "minute"):
    _measure(_name)


@register("year(d: date) -> number")
def _year(d: dt.date) -> Decimal:
    """The year of a date."""
    return Decimal(d.year)


@register("month(d: date) -> number")
def _month(d: dt.date) -> Decimal:
    """The month of a date, 1 to 12."""
    return Decimal(d.month)


@register("day(d: date) -> number")
def _day(d: dt.date) -> Decimal:
    """The day of the month of a date, 1 to 31."""
    return Decimal(d.day)




@register("days_in_month(year: number, month: number) -> number")
def _days_in_month(year: Decimal, month: Decimal) -> Decimal:
    """How many days the month has in that year: ``days_in_month(2024, 2)`` is 29; a month outside 1 to 12
    is an evaluation error."""
    number = _integer(month, "month")
    if not 1 <= number <= 12:
        raise ValueError(f"no month {number}")
    return Decimal(days_in_month(_integer(year, "year"), number))


@register("weekday(d: date) -> string")
def _weekday(d: dt.date) -> str:
    """The English name of the day of the week: ``"Monday"`` ... ``"Sunday"``."""
    return WEEKDAYS[d.weekday()]


@register("date(year: number, month: number, day: number) -> date")
def _date(year: Decimal, month: Decimal, day: Decimal) -> dt.date:
    """The calendar date; an impossible date (``date(2025, 2, 30)``) is an evaluation error."""
    return dt.date(_integer(year, "year"), _integer(month, "month"), _integer(day, "day"))


@register("duration(n: number, unit: string) -> duration")
def _duration(n: Decimal, unit: str) -> Duration:
    """A duration of ``n`` units: ``duration(8, "months")`` equals ``8 months``."""
    return Duration.of(n, _unit(unit))


# -- claims ----------------------------------------------------------------------------------------
@register("value(c: claim<any>) -> value", returns=lambda a, claims: claims.value_type(str(a[0].arg)))
def _value(c: Any) -> Any:
    """The normalized value of a claim (also what a claim stands for where a value is expected)."""
    from factcheck.language.runtime import to_number

    return to_number(c.value)


@register("hedge(c: claim<any>) -> string")
def _hedge(c: Any) -> str:
    """The claim's hedge: ``exact``, ``approx``, ``at_most``, ``at_least``, ``less_than`` or
    ``more_than``."""
    return c.hedge.value


# -- reference facts -------------------------------------------------------------------------------
@register("period(name: string) -> period?", needs_ctx=True)
def _period(ctx: Any, name: str) -> Any:
    """The named period from the reference facts (by name or alias, ignoring case), or null."""
    return ctx.facts.period(name)


@register("timeline(c: claim<event_count>) -> timeline?", needs_ctx=True)
def _timeline(ctx: Any, c: Any) -> Any:
    """The timeline of the counted events: among the timelines named by the claim's event ``class``
    ("call", "meeting"; else its ``event`` noun, unless a mode such as "face-to-face" changed the
    class), the one whose participants are all mentioned in the document; null when none or several
    fit."""
    nouns = [c.fields.get("class"), None if c.fields.get("mode") else c.fields.get("event")]
    mentioned = ctx.mentioned_entities
    for noun in filter(None, nouns):
        fitting = [t for t in ctx.facts.timelines_for(noun) if all(p in mentioned for p in t.participants)]
        if fitting:
            return fitting[0] if len(fitting) == 1 else None
    return None


from factcheck.language import (  # noqa: E402, F401  (registers the date, fact and number functions)
    datefunctions,
    factfunctions,
    indexfunctions,
    numberfunctions,
)
