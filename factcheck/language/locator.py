"""Mapping offsets in an expression's text to locations in the file it came from."""

from __future__ import annotations

from typing import Protocol

from factcheck.errors import SourceLocation
from factcheck.spans import LineIndex


class Locator(Protocol):
    """Maps a 0-based offset in the expression text (and a length) to a location in the file.

    The rule loader supplies one per expression (knowing where the YAML scalar starts and how a
    block scalar is indented); :class:`StringLocator` serves a standalone string."""

    def locate(self, offset: int, length: int = 1) -> SourceLocation: ...


class StringLocator:
    """A locator for an expression that is its own file (tests, benchmarks, the REPL)."""

    def __init__(self, text: str, path: str = "<expr>") -> None:
        self.text = text
        self.path = path
        self.lines = LineIndex(text)

    def locate(self, offset: int, length: int = 1) -> SourceLocation:
        offset = max(0, min(offset, len(self.text)))
        line_end = self.lines.line_end(self.lines.position(offset).line)
        length = max(1, min(length, line_end - offset)) if line_end > offset else 1
        return SourceLocation.at(self.path, self.lines, offset, length)


class ShiftedLocator:
    """A locator for a piece of a larger expression text (a template hole) starting at ``offset``."""

    def __init__(self, base: Locator, offset: int) -> None:
        self.base = base
        self.offset = offset

    def locate(self, offset: int, length: int = 1) -> SourceLocation:
        return self.base.locate(self.offset + offset, length)
