"""Character spans, and the one way from an offset to a line and column.

Spans are 0-based, half-open character offsets into a document's *normalized* text. Lines and columns
are derived from them only when a finding (or an error) is reported, through :class:`LineIndex`, so no
off-by-one convention leaks through the pipeline and every module counts lines the same way.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def cover(self, other: Span) -> Span:
        """The smallest span containing both."""
        return Span(min(self.start, other.start), max(self.end, other.end))

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column (counted in characters, not bytes) and the 0-based offset."""

    offset: int
    line: int
    column: int


class LineIndex:
    """Offsets of a text to 1-based lines and columns, and lines back to offsets.

    A line ends at ``\\n`` (a ``\\r`` before it stays on the line and is dropped from
    :meth:`line_text`). Built once per text, each look-up is a binary search.
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._starts = starts
        self._text = text

    @property
    def line_count(self) -> int:
        """How many lines the text has (an empty last line after a final newline counts)."""
        return len(self._starts)

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset) - 1
        return Position(offset, line + 1, offset - self._starts[line] + 1)

    def line_start(self, line: int) -> int:
        """The offset where 1-based ``line`` starts; a line past the end is the last line."""
        return self._starts[max(0, min(line, len(self._starts)) - 1)]

    def line_end(self, line: int) -> int:
        """The offset of the newline ending ``line`` (or the end of the text)."""
        return self._starts[line] - 1 if line < len(self._starts) else len(self._text)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line``, without its line break."""
        return self._text[self.line_start(line) : self.line_end(line)].rstrip("\r")
