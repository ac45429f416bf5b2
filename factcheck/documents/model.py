"""The document: normalized text, metadata, and a map back to the original file."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from factcheck.spans import LineIndex, Position, Span


class OffsetMap:
    """Maps offsets in the normalized text to offsets in the original text.

    The normalized text is a concatenation of pieces of the original (markup removed, entities
    decoded); each piece is one segment ``(normalized_start, original_start, length, original_length)``.
    A segment whose two lengths differ (a decoded ``&amp;``) maps all its offsets to its start.
    """

    def __init__(self) -> None:
        self._norm_starts: list[int] = []
        self._segments: list[tuple[int, int, int, int]] = []

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        mapping = cls()
        mapping.add(0, 0, length)
        return mapping

    def add(
        self, normalized_start: int, original_start: int, length: int, original_length: int | None = None
    ) -> None:
        """Append a segment; segments must be added in increasing normalized order."""
        if original_length is None:
            original_length = length
        self._norm_starts.append(normalized_start)
        self._segments.append((normalized_start, original_start, length, original_length))

    def segments(self) -> list[tuple[int, int, int, int]]:
        """The segments ``(normalized_start, original_start, length, original_length)``, in order."""
        return list(self._segments)

    def to_original(self, offset: int) -> int:
        index = bisect.bisect_right(self._norm_starts, offset) - 1
        if index < 0:
            return 0
        norm_start, orig_start, length, orig_length = self._segments[index]
        delta = offset - norm_start
        if length == orig_length:
            return orig_start + delta
        return orig_start + (orig_length if delta >= length else 0)

    def span_to_original(self, span: Span) -> Span:
        start = self.to_original(span.start)
        end = self.to_original(span.end - 1) + 1 if span.end > span.start else start
        # A span ending at a multi-character source (an entity) takes the whole source.
        index = bisect.bisect_right(self._norm_starts, span.end - 1) - 1
        if index >= 0:
            _, orig_start, length, orig_length = self._segments[index]
            if length != orig_length:
                end = orig_start + orig_length
        return Span(start, max(start, end))


@dataclass(slots=True)
class Document:
    """One article ready for extraction.

    ``text`` is what extractors read; ``original`` is the file's text as decoded, which findings
    point into through ``offsets``. For a JSONL record, ``original`` is the record's ``text`` field,
    ``record`` its id and ``record_line`` its line in the file.
    """

    path: str
    text: str
    original: str
    offsets: OffsetMap
    title: str | None = None
    date: dt.date | None = None
    source: str = "file"
    record: str | None = None
    record_line: int | None = None
    metadata: dict[str, object] = field(default_factory=dict)
    _lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.original)
        return self._lines

    def original_span(self, span: Span) -> Span:
        return self.offsets.span_to_original(span)

    def position(self, original_offset: int) -> Position:
        return self.lines.position(original_offset)

    @property
    def display_path(self) -> str:
        return f"{self.path}#{self.record}" if self.record is not None else self.path
