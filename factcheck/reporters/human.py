"""Values written for people: ``$1.05 billion``, ``25.1%``, ``8 months``, ``2025-10-16``.

Evidence is typed data (JSON gets numbers, ISO dates, ``{"amount", "currency"}``); the text, HTML
and concise reports say the same values the way an article would: amounts in millions or billions
with the currency's sign, at most three significant decimals for computed figures, never a
28-digit decimal or ``1050000000 USD``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim
from factcheck.reporters.jsonvalues import to_json
from factcheck.values import Duration, Money, PartialDate, Percent, TimeOfDay

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def number(value: Decimal | int | float, decimals: int = 2) -> str:
    """A number with thousands separators and at most ``decimals`` decimals (trailing zeros dropped)."""
    value = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not value.is_finite():
        return str(value)
    rounded = round(value, decimals) if abs(value) < 10**15 else value
    text = f"{rounded:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def money(value: Money) -> str:
    """``$1.05 billion``, ``€30``, ``12,500 CHF``: scaled when the amount is a million or more."""
    amount, scale = value.amount, ""
    for size, name in _SCALES:
        if abs(amount) >= size:
            amount, scale = amount / size, f" {name}"
            break
    digits = number(amount, 2)
    symbol = SYMBOLS.get(value.currency)
    if symbol:
        sign = "-" if digits.startswith("-") else ""
        return f"{sign}{symbol}{digits.lstrip('-')}{scale}"
    return f"{digits}{scale} {value.currency}"


def percent(value: Percent) -> str:
    """``30%``; a fractional share keeps one decimal (``25.0%`` for 25.04), as copy writes it."""
    share = value.value
    if not share.is_finite() or share == share.to_integral_value():
        return f"{number(share)}%"
    return f"{round(share, 1):,f}%"


def human(value: Any) -> str:
    """Any evidence value as a reader would say it; containers as compact JSON."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Money):
        return money(value)
    if isinstance(value, Percent):
        return percent(value)
    if isinstance(value, (Decimal, int, float)):
        return number(value)
    if isinstance(value, Claim):
        return f'"{value.text}"'
    if isinstance(value, (Duration, PartialDate, TimeOfDay)):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(item, dict) for item in value):
        return "; ".join(", ".join(f"{k}: {human(v)}" for k, v in item.items()) for item in value)
    converted = to_json(value)
    return converted if isinstance(converted, str) else json.dumps(converted, ensure_ascii=False)


__all__ = ["human", "money", "number", "percent"]
