"""Values formatted for people, as message templates and traces show them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim
from factcheck.values import Money, plain

# the signs a message writes before an amount in these currencies; others follow it as their code
_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€"}
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def format_value(value: Any) -> str:
    """``8``, ``2.5``, ``8 months``, ``2025-01-20``, ``£79 million``, ``"eighth"`` (a claim's text),
    ``a, b`` (a list), ``unknown`` (null), ``true``/``false``; facts by their name or title."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        if value.is_infinite():
            return "infinity" if value > 0 else "-infinity"
        return plain(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Claim):
        return f'"{value.text}"'
    if isinstance(value, Money):
        return _money_text(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value)
    for attribute in ("name", "title"):  # periods, timelines
        named = getattr(value, attribute, None)
        if isinstance(named, str) and not hasattr(value, "date"):
            return named
    if hasattr(value, "date") and isinstance(getattr(value, "date", None), dt.date):  # timeline events
        title = getattr(value, "title", None)
        return f"{value.date.isoformat()} ({title})" if title else value.date.isoformat()
    return str(value)


def _money_text(money: Money) -> str:
    """"£79 million", "$1.25 billion", "$0.50", "4,500 CHF": as a reporter writes a sum, not
    "79000000 GBP"."""
    amount = abs(money.amount)
    text = f"{amount:,.2f}" if amount != amount.to_integral_value() else f"{amount.normalize():,f}"
    for size, word in _SCALES:
        scaled = amount / size
        if scaled >= 1 and scaled == scaled.quantize(Decimal("0.001")):
            text = f"{plain(scaled)} {word}"
            break
    sign = _SIGNS.get(money.currency)
    written = f"{sign}{text}" if sign else f"{text} {money.currency}"
    return f"-{written}" if money.amount < 0 else written
