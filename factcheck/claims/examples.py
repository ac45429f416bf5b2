"""Comparing extracted claims with the claims an example says a text must yield.

One comparison serves every example corpus: the extractors' corpora (``claims/corpus/*.yaml``), the
pattern files' ``examples``, and ``factcheck test`` on a pack's pattern files. An expected claim is
written as YAML: its ``text``, and any of ``value``, ``precision``, ``hedge``, ``unit``, ``start`` and
the kind's fields, in the forms people write (``8``, ``P8M``, ``2025-10-16``, a part's text).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim
from factcheck.values import Duration, Hedge, Percent, plain

_CLAIM_KEYS = ("value", "precision", "hedge", "unit")


def actual_form(value: Any) -> Any:
    """A claim's value as an example writes it; a list item by item."""
    if isinstance(value, list | tuple):
        return [actual_form(item) for item in value]
    rendered = _render(value)
    return None if rendered is None else str(rendered)


def expected_form(value: Any) -> Any:
    """An example's value as text (YAML reads ``2025-10-16`` as a date and ``4.5`` as a float)."""
    if isinstance(value, list):
        return [expected_form(item) for item in value]
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return plain(Decimal(str(value)))
    return str(value)


def mismatch(found: list[Claim], expected: list[dict[str, Any]]) -> str | None:
    """What differs between the claims found and the claims expected, or None when they agree."""
    texts, wanted = [c.text for c in found], [e["text"] for e in expected]
    if texts != wanted:
        return f"expected claims {wanted}, found {texts}"
    for claim, item in zip(found, expected, strict=True):
        for key, value in item.items():
            if key == "text":
                continue
            if key == "start":
                actual: Any = claim.span.start
                if actual != value:
                    return f"{claim.text!r}: expected start {value}, found {actual}"
                continue
            actual = actual_form(getattr(claim, key) if key in _CLAIM_KEYS else claim[key])
            if actual != expected_form(value):
                return f"{claim.text!r}: expected {key} {expected_form(value)!r}, found {actual!r}"
    return None


def _render(value: Any) -> Any:
    if isinstance(value, Claim):
        return value.text
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Duration):
        return value.iso()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Hedge):
        return value.value
    if isinstance(value, Percent):
        return plain(value.value)
    return value
