"""Unit-aware operators: for each operator, the operand types it accepts, the result type and the
implementation. The type checker reads the result types; the compiler takes the implementations.

Claims are converted to their values before these run (see ``types.value_view``); null operands
never reach them (the compiler returns null first).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from factcheck.language import types as T
from factcheck.values import Duration, Money, Percent, TimeOfDay, add_duration, between

Impl = Callable[[Any, Any], Any]


def _same_currency(a: Money, b: Money) -> str:
    if a.currency != b.currency:
        raise ValueError(f"cannot combine {a.currency} and {b.currency}")
    return a.currency


def _nonzero(n: Decimal) -> Decimal:
    if n == 0:
        raise ZeroDivisionError("division by zero")
    return n


def _divide_money(a: Money, b: Money) -> Decimal:
    _same_currency(a, b)
    return a.amount / _nonzero(b.amount)


def _pct(p: Percent) -> Decimal:
    return p.value / 100


# (op, left type name, right type name) -> (result type, implementation)
ARITHMETIC: dict[tuple[str, str, str], tuple[T.Type, Impl]] = {
    ("+", "number", "number"): (T.NUMBER, operator.add),
    ("+", "string", "string"): (T.STRING, operator.add),
    ("+", "duration", "duration"): (T.DURATION, operator.add),
    ("+", "date", "duration"): (T.DATE, add_duration),
    ("+", "duration", "date"): (T.DATE, lambda a, b: add_duration(b, a)),
    ("+", "percent", "percent"): (T.PERCENT, lambda a, b: Percent(a.value + b.value)),
    ("+", "money", "money"): (T.MONEY, lambda a, b: Money(a.amount + b.amount, _same_currency(a, b))),
    ("-", "number", "number"): (T.NUMBER, operator.sub),
    ("-", "duration", "duration"): (T.DURATION, operator.sub),
    ("-", "date", "duration"): (T.DATE, lambda a, b: add_duration(a, -b)),
    ("-", "date", "date"): (T.DURATION, lambda a, b: between(b, a)),
    ("-", "percent", "percent"): (T.PERCENT, lambda a, b: Percent(a.value - b.value)),
    ("-", "money", "money"): (T.MONEY, lambda a, b: Money(a.amount - b.amount, _same_currency(a, b))),
    ("*", "number", "number"): (T.NUMBER, operator.mul),
    ("*", "duration", "number"): (T.DURATION, lambda a, b: a.scale(b)),
    ("*", "number", "duration"): (T.DURATION, lambda a, b: b.scale(a)),
    ("*", "percent", "number"): (T.NUMBER, lambda a, b: _pct(a) * b),
    ("*", "number", "percent"): (T.NUMBER, lambda a, b: a * _pct(b)),
    ("*", "percent", "duration"): (T.DURATION, lambda a, b: b.scale(_pct(a))),
    ("*", "duration", "percent"): (T.DURATION, lambda a, b: a.scale(_pct(b))),
    ("*", "money", "number"): (T.MONEY, lambda a, b: Money(a.amount * b, a.currency)),
    ("*", "number", "money"): (T.MONEY, lambda a, b: Money(a * b.amount, b.currency)),
    ("*", "percent", "money"): (T.MONEY, lambda a, b: Money(_pct(a) * b.amount, b.currency)),
    ("*", "money", "percent"): (T.MONEY, lambda a, b: Money(a.amount * _pct(b), a.currency)),
    ("/", "number", "number"): (T.NUMBER, lambda a, b: a / _nonzero(b)),
    ("/", "duration", "duration"): (T.NUMBER, lambda a, b: a.total_seconds() / _nonzero(b.total_seconds())),
    ("/", "duration", "number"): (T.DURATION, lambda a, b: a.scale(1 / _nonzero(b))),
    ("/", "percent", "percent"): (T.NUMBER, lambda a, b: a.value / _nonzero(b.value)),
    ("/", "percent", "number"): (T.PERCENT, lambda a, b: Percent(a.value / _nonzero(b))),
    ("/", "money", "money"): (T.NUMBER, lambda a, b: _divide_money(a, b)),
    ("/", "money", "number"): (T.MONEY, lambda a, b: Money(a.amount / _nonzero(b), a.currency)),
}

NEGATION: dict[str, Impl] = {
    "number": lambda a, _: -a,
    "duration": lambda a, _: -a,
    "percent": lambda a, _: Percent(-a.value),
    "money": lambda a, _: Money(-a.amount, a.currency),
}

ORDERED = {"number", "string", "date", "duration", "percent", "money", "time"}
APPROXIMABLE = {"number", "date", "duration", "percent", "money", "time"}
# pairs of different types that still order and compare approximately: a percentage beside a plain
# number is read in percent, as ``low``/``high`` and the axis of ``~`` read it (``25% > 20``), so a
# stated percentage can be checked against one computed from figures
MIXED = {frozenset({"percent", "number"})}


def comparable(left: str, right: str, kinds: set[str]) -> bool:
    """Whether values of the two type names order (``kinds`` ORDERED) or approximate (APPROXIMABLE)."""
    return (left == right and left in kinds) or frozenset({left, right}) in MIXED


def _money_key(a: Money, b: Money) -> tuple[Decimal, Decimal]:
    _same_currency(a, b)
    return a.amount, b.amount


def _in_percent(x: Any) -> Any:
    """A percentage as its number of percent; a plain number as it is (see ``MIXED``)."""
    return x.value if isinstance(x, Percent) else x


def _unordered(a: Any, b: Any) -> bool:
    """Values of two types that do not order: money against anything but money, a percentage against
    anything but a percentage or a plain number. Only reachable through ``any`` (the checker rejects
    the rest), so it is an error at the expression's position, not a crash."""
    if type(a) is type(b):
        return False
    if isinstance(a, Money) or isinstance(b, Money):
        return True
    plain = (Percent, Decimal, int)
    percent = isinstance(a, Percent) or isinstance(b, Percent)
    return percent and not (isinstance(a, plain) and isinstance(b, plain))


def _ordering(op: Callable[[Any, Any], bool]) -> Impl:
    def compare(a: Any, b: Any) -> bool:
        if _unordered(a, b):
            raise TypeError(f"cannot order {runtime_type_name(a)} and {runtime_type_name(b)}: compare "
                            f"money with money, a percentage with a percentage or a plain number")
        if isinstance(a, Money):
            return op(*_money_key(a, b))
        if isinstance(a, Percent) or isinstance(b, Percent):
            return op(_in_percent(a), _in_percent(b))
        return op(a, b)

    return compare


ORDER_OPS: dict[str, Impl] = {
    "<": _ordering(operator.lt),
    "<=": _ordering(operator.le),
    ">": _ordering(operator.gt),
    ">=": _ordering(operator.ge),
}


def runtime_type_name(value: Any) -> str:
    """The language type name of a runtime value (for operators on ``any``)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (Decimal, int)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Duration):
        return "duration"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, Percent):
        return "percent"
    if isinstance(value, Money):
        return "money"
    if isinstance(value, TimeOfDay):
        return "time"
    if isinstance(value, list):
        return "list"
    return type(value).__name__


def dynamic_arithmetic(op: str) -> Impl:
    """An implementation of ``op`` that picks the operand types at run time (for ``any``)."""

    def run(a: Any, b: Any) -> Any:
        if isinstance(a, list) and isinstance(b, list) and op == "+":
            return a + b
        key = (op, runtime_type_name(a), runtime_type_name(b))
        entry = ARITHMETIC.get(key)
        if entry is None:
            raise TypeError(f"operator '{op}' cannot apply to {key[1]} and {key[2]}")
        return entry[1](a, b)

    return run


def arithmetic_type(op: str, left: T.Type, right: T.Type) -> T.Type | None:
    """The result type of ``left op right`` (operands already value views), or None if invalid."""
    nullable = left.maybe_null or right.maybe_null
    if left.name == "any" or right.name == "any":
        return T.ANY
    if op == "+" and left.name == "list" and right.name == "list":
        elem = T.unify(left.elem, right.elem)
        return None if elem is None else T.list_of(elem, nullable)
    entry = ARITHMETIC.get((op, left.name, right.name))
    if entry is None:
        return None
    return entry[0].or_null() if nullable else entry[0]
