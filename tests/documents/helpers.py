"""Shared checks for document tests: every kept piece must map back to the same characters."""

from __future__ import annotations

import re

from factcheck.documents import Document
from factcheck.spans import Span

CLAIM_LIKE = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z]{3,}")


def assert_round_trips(document: Document, pattern: re.Pattern[str] = CLAIM_LIKE) -> int:
    """Each claim-like substring of the text is the same characters at its mapped original span."""
    count = 0
    for match in pattern.finditer(document.text):
        span = document.original_span(Span(match.start(), match.end()))
        assert document.original[span.start : span.end] == match.group(), match.group()
        count += 1
    return count


def original_at(document: Document, needle: str) -> str:
    """The original characters that the first occurrence of ``needle`` in the text maps to."""
    start = document.text.index(needle)
    span = document.original_span(Span(start, start + len(needle)))
    return document.original[span.start : span.end]


def position_of(document: Document, needle: str) -> tuple[int, int]:
    """The 1-based (line, column) in the original of ``needle``'s first occurrence in the text."""
    position = document.position(document.offsets.to_original(document.text.index(needle)))
    return position.line, position.column
