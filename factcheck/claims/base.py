"""Shared plumbing for the extractors: which characters are already claimed, and claim building.

Extractors run in a fixed order (dates, durations, ordinals, numbers); each marks the characters
its claims cover so a later, less specific extractor does not claim the same token again ("16" in
"Oct. 16, 2025" is a day, not a number). The mark is a byte per character: marking and testing a
span are C-speed slice operations, so no extractor pairs candidates with one another.
"""

from __future__ import annotations

from typing import Any

from factcheck.claims.model import Claim
from factcheck.spans import Span
from factcheck.values import Hedge


class Taken:
    """The set of character offsets already covered by a claim."""

    __slots__ = ("_mask",)

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length)

    def mark(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) != -1


def make_claim(
    text: str,
    kind: str,
    start: int,
    end: int,
    value: Any,
    *,
    unit: str | None = None,
    hedge: Hedge = Hedge.EXACT,
    precision: Any = None,
    fields: dict[str, Any] | None = None,
) -> Claim:
    """A claim over ``text[start:end]``; its ``text`` is always exactly the spanned characters."""
    return Claim(
        kind=kind,
        text=text[start:end],
        span=Span(start, end),
        value=value,
        unit=unit,
        hedge=hedge,
        precision=precision,
        fields=fields or {},
    )
