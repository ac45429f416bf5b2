"""The approximate comparison ``a ~ b [within TOLERANCE]``.

Each side becomes an interval on a numeric axis (numbers and percents as themselves, money as its
amount, durations in seconds, dates in days). A plain value ``v`` is ``[v, v]``. A claim uses its
value, precision and hedge: first the rounding interval ``[v - p/2, v + p/2]`` (``p`` the claim's
precision, 0 when unknown), then the hedge:

=============  ===================================================================
``exact``      the rounding interval
``approx``     the rounding interval widened by ±10% of ``|v|``
``at_most``    ``[min(v - 10%·|v|, v - p/2), v]`` ("nearly", "almost", "up to")
``at_least``   ``[v, +inf)``
``more_than``  ``(v, +inf)``
``less_than``  ``(-inf, v)``
=============  ===================================================================

An explicit tolerance widens both intervals: a percentage by that share of each side's value, a
duration (or number, for numbers) by that amount. The comparison holds when the intervals overlap;
two exact figures, each rounded, must share more than the end of their rounding: "a 3% levy ... the
4% tax" meet only at 3.5, which no one writing both would round both ways.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim
from factcheck.values import SECONDS_PER_DAY, Duration, Hedge, Money, Percent, TimeOfDay

DEFAULT_APPROX = Decimal("0.10")
INF = Decimal("Infinity")


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a stated figure may stand for: ``lo`` to ``hi``, each end open or closed."""

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False
    nominal: Decimal = Decimal(0)  # the stated value, which a relative tolerance is a share of

    def widen(self, amount: Decimal) -> Interval:
        return Interval(self.lo - amount, self.hi + amount, self.lo_open, self.hi_open, self.nominal)

    def overlaps(self, other: Interval, *, touching: bool = True) -> bool:
        """Whether the two share a value; with ``touching`` False, more than an end of each."""

        def below(a: Decimal, a_open: bool, b: Decimal, b_open: bool) -> bool:
            # "lower end a is not above upper end b"
            return a < b or (a == b and touching and not a_open and not b_open)

        return below(self.lo, self.lo_open, other.hi, other.hi_open) and below(
            other.lo, other.lo_open, self.hi, self.hi_open
        )

    def __str__(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{_fmt(self.lo)}, {_fmt(self.hi)}{right}"


def _fmt(n: Decimal) -> str:
    if n.is_infinite():
        return "-inf" if n < 0 else "+inf"
    if n == n.to_integral_value():
        return str(int(n))
    return format(n.quantize(Decimal("0.001")).normalize(), "f")


def axis(value: Any) -> Decimal:
    """The position of a value on its comparison axis."""
    if isinstance(value, Duration):
        return value.total_seconds()
    if isinstance(value, dt.date):
        return Decimal(value.toordinal())
    if isinstance(value, Percent):
        return value.value
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, TimeOfDay):
        return Decimal(value.hour * 60 + value.minute)
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"cannot compare {type(value).__name__} approximately")


def tolerance_amount(tolerance: Any, on_dates: bool) -> Decimal:
    """An absolute tolerance on the axis (durations become days on the date axis)."""
    if isinstance(tolerance, Duration):
        seconds = tolerance.total_seconds()
        return seconds / SECONDS_PER_DAY if on_dates else seconds
    return axis(tolerance)


def interval_of(operand: Any) -> Interval | None:
    """The interval a side stands for; None when its value is unknown."""
    if isinstance(operand, Claim):
        if operand.value is None:
            return None
        v = axis(operand.value)
        p = axis(operand.precision) if operand.precision is not None else Decimal(0)
        if isinstance(operand.value, dt.date) and isinstance(operand.precision, Duration):
            p = operand.precision.total_seconds() / SECONDS_PER_DAY
        half = abs(p) / 2
        share = abs(v) * DEFAULT_APPROX
        hedge = operand.hedge
        if hedge == Hedge.APPROX:
            return Interval(v - half - share, v + half + share, nominal=v)
        if hedge == Hedge.AT_MOST:
            return Interval(min(v - share, v - half), v, nominal=v)
        if hedge == Hedge.AT_LEAST:
            return Interval(v, INF, nominal=v)
        if hedge == Hedge.MORE_THAN:
            return Interval(v, INF, lo_open=True, nominal=v)
        if hedge == Hedge.LESS_THAN:
            return Interval(-INF, v, hi_open=True, nominal=v)
        return Interval(v - half, v + half, nominal=v)
    if operand is None:
        return None
    v = axis(operand)
    return Interval(v, v, nominal=v)


def approx_compare(left: Any, right: Any, tolerance: Any = None) -> tuple[bool | None, Interval | None,
                                                                        Interval | None]:
    """Whether ``left ~ right``; also the two intervals compared (for tracing)."""
    a, b = interval_of(left), interval_of(right)
    if a is None or b is None:
        return None, a, b
    if tolerance is not None:
        if isinstance(tolerance, Percent):
            share = tolerance.value / 100
            a, b = a.widen(abs(a.nominal) * share), b.widen(abs(b.nominal) * share)
        else:
            value = left.value if isinstance(left, Claim) else left
            amount = abs(tolerance_amount(tolerance, isinstance(value, dt.date)))
            a, b = a.widen(amount), b.widen(amount)
    return a.overlaps(b, touching=not (_rounded(left) and _rounded(right))), a, b


def _rounded(operand: Any) -> bool:
    """Whether ``operand`` is an exact claim rounded to a precision: its interval's ends are where
    rounding would take the figure to the next value written."""
    return (isinstance(operand, Claim) and operand.hedge == Hedge.EXACT and operand.precision is not None
            and axis(operand.precision) != 0)
