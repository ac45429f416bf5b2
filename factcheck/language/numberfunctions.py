"""Functions for the number rules: the interval a stated number stands for, and unit conversion.

Registered in :mod:`factcheck.language.functions` like every other function. ``low(x)`` and
``high(x)`` expose the same interval the approximate comparison ``~`` uses (the claim's value, its
rounding precision and its hedge), so a rule can carry rounding through arithmetic: the percentage
change between "1.2 million" and "1.5 million" lies between ``(low(b) - high(a)) / high(a)`` and
``(high(b) - low(a)) / low(a)``, whatever the exact figures were before rounding.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.claims import units
from factcheck.claims.model import Claim
from factcheck.language.approx import interval_of
from factcheck.language.registry import register
from factcheck.values import Money

_BOUNDED = "claim<any> | number | percent | money"


def _end(x: Any, upper: bool) -> Decimal | None:
    interval = interval_of(x)
    if interval is None:
        return None
    end = interval.hi if upper else interval.lo
    return None if end.is_infinite() else end


@register(f"low(x: {_BOUNDED}) -> number?")
def _low(x: Any) -> Decimal | None:
    """The lowest value ``x`` may stand for, on the axis of ``~`` (percentages in percent, money as
    its amount): a claim's value less half its rounding step ("1.2 million" → 1,150,000), lowered
    further by its hedge ("about 40" → 35.5); null when unbounded ("less than 40")."""
    return _end(x, upper=False)


@register(f"high(x: {_BOUNDED}) -> number?")
def _high(x: Any) -> Decimal | None:
    """The highest value ``x`` may stand for: a claim's value plus half its rounding step
    ("30 percent" → 30.5), raised further by its hedge ("about"); null when unbounded
    ("more than 40", "at least 40")."""
    return _end(x, upper=True)


# A fraction in words ("a third", "half") stands for its value within three points, eight with a
# hedge ("about a third"): writers round a share to the nearest simple fraction.
_FRACTION_POINTS = Decimal(3)
_HEDGED_FRACTION_POINTS = Decimal(8)
_HUNDRED = Decimal(100)


def _share_bounds(x: Any) -> tuple[Decimal, Decimal] | None:
    """The interval, in percent of one whole, that a share of it stands for: a percentage as
    stated ("41%"), a fraction in words ("a third" is 33.3 within three points) or an amount below
    one unit of money, a share of every dollar or pound ("62 cents" of every dollar is 62%)."""
    if not isinstance(x, Claim):
        return None
    if x.kind == "percent":
        low, high = _end(x, upper=False), _end(x, upper=True)
        return None if x.unit != "%" or low is None or high is None else (low, high)
    in_words = not any(ch.isdigit() for ch in x.text)  # "a third", not "0.33"
    if x.kind == "number" and isinstance(x.value, Decimal) and 0 < x.value < 1 and in_words:
        points = _FRACTION_POINTS if x.hedge.value == "exact" else _HEDGED_FRACTION_POINTS
        return x.value * _HUNDRED - points, x.value * _HUNDRED + points
    if x.kind == "money" and isinstance(x.value, Money) and 0 < x.value.amount < 1:
        low, high = _end(x, upper=False), _end(x, upper=True)
        return None if low is None or high is None else (low * _HUNDRED, high * _HUNDRED)
    return None


@register("share_low(x: claim<any>) -> number?")
def _share_low(x: Any) -> Decimal | None:
    """The lowest share of one whole, in percent, that ``x`` may stand for: a percentage's
    ``low``, a fraction in words less three points ("a third" → 30.3), cents of one dollar in
    percent of it ("62 cents" → 61.5); null for any other figure (a share of no one whole)."""
    bounds = _share_bounds(x)
    return None if bounds is None else bounds[0]


@register("share_high(x: claim<any>) -> number?")
def _share_high(x: Any) -> Decimal | None:
    """The highest share of one whole, in percent, that ``x`` may stand for (see ``share_low``)."""
    bounds = _share_bounds(x)
    return None if bounds is None else bounds[1]


@register("share(x: claim<any>) -> number?")
def _share(x: Any) -> Decimal | None:
    """The share of one whole ``x`` states, in percent: a percentage's value, a fraction in words
    or cents of one unit of money times a hundred; null for any other figure."""
    bounds = _share_bounds(x)
    return None if bounds is None else (bounds[0] + bounds[1]) / 2


@register("convert(n: number, from_unit: string, to_unit: string) -> number?")
def _convert(n: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """``n`` stated in ``from_unit`` expressed in ``to_unit`` (names as in the units table:
    ``convert(120, "kilometre", "mile")`` is about 74.56, ``convert(30, "°C", "°F")`` is 86); null
    when a unit is unknown, the two measure different things, or no factor is declared."""
    try:
        return units.convert(n, from_unit, to_unit)
    except ValueError:
        return None


@register("convert_difference(n: number, from_unit: string, to_unit: string) -> number?")
def _convert_difference(n: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """A difference of ``n`` in ``from_unit`` expressed in ``to_unit``: by the factor alone, without
    the offset of a temperature scale (``convert_difference(2, "°F", "°C")`` is about 1.11, where
    ``convert`` gives -16.7); null as for ``convert``."""
    try:
        return units.convert(n, from_unit, to_unit, difference=True)
    except ValueError:
        return None


@register("dimension(unit: string) -> string?")
def _dimension(unit: str) -> str | None:
    """What a unit measures (``"length"``, ``"mass"``, ``"temperature"``, ...), or null when the
    unit is unknown: ``dimension("miles")`` is ``"length"``."""
    try:
        return units.lookup(unit).dimension
    except ValueError:
        return None
