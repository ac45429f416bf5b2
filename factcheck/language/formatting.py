"""Values formatted for people, as message templates and traces show them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim
from factcheck.values import plain


def format_value(value: Any) -> str:
    """``8``, ``2.5``, ``8 months``, ``2025-01-20``, ``"eighth"`` (a claim's text), ``a, b`` (a
    list), ``unknown`` (null), ``true``/``false``; facts by their name or title."""
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
