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
from factcheck.language.approx import interval_of
from factcheck.language.registry import register

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
