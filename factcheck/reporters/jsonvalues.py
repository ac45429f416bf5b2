"""Claim values and evidence as JSON-ready data (DESIGN §7).

Numbers become JSON numbers (an int when integral), or a decimal string where a binary float would
lose digits; dates, partial dates, times and durations become ISO 8601 strings; money becomes
``{"amount", "currency"}``; percentages become numbers of percent (``25`` for 25%); a claim becomes
its text. Containers are converted recursively.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from factcheck.claims.model import Claim
from factcheck.spans import Span
from factcheck.values import Duration, Money, PartialDate, Percent, TimeOfDay, plain

JSONValue = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]


def claim_value(claim: Claim) -> Any:
    """The claim's value; a date stated without all its parts as its partial date (``2025-10``)."""
    if claim.kind == "date" and claim.value is None and claim["month"]:
        return PartialDate(claim["year"], claim["month"], claim["day"])
    if claim.kind == "date" and claim.value is None and claim["year"]:
        return PartialDate(claim["year"])
    return claim.value


def number(value: Decimal) -> int | float | str:
    """A decimal as a JSON number when that is exact, else as a plain decimal string."""
    if not value.is_finite():
        return str(value)
    if value == value.to_integral_value():
        integer = int(value)
        return integer if float(integer) == integer else plain(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else plain(value)


def _time(value: dt.time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _money(value: Money) -> dict[str, JSONValue]:
    return {"amount": number(value.amount), "currency": value.currency}


def _span(value: Span) -> dict[str, JSONValue]:
    return {"start": value.start, "end": value.end}


# Order matters: datetime before date (a datetime is a date), bool is handled before this table.
_CONVERTERS: tuple[tuple[type, Callable[[Any], JSONValue]], ...] = (
    (Decimal, number),
    (dt.datetime, lambda v: v.isoformat()),
    (dt.date, lambda v: v.isoformat()),
    (dt.time, _time),
    (PartialDate, lambda v: v.iso()),
    (TimeOfDay, lambda v: v.iso()),
    (Duration, lambda v: v.iso()),
    (Percent, lambda v: number(v.value)),
    (Money, _money),
    (Claim, lambda v: v.text),
    (Span, _span),
    (Enum, lambda v: to_json(v.value)),
)


def to_json(value: Any) -> JSONValue:
    """``value`` as plain JSON data (see the module docstring)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int) and not isinstance(value, Enum):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    for kind, convert in _CONVERTERS:
        if isinstance(value, kind):
            return convert(value)
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_json(item) for item in value), key=repr)
    return str(value)
