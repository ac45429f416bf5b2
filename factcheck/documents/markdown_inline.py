"""Markdown inline markup: which characters of a line are prose and which are syntax.

The scanner never rewrites text; it only splits a range of the original into pieces to keep and
pieces to drop, so the caller can copy the kept pieces with an exact offset map. It is deliberately
smaller than CommonMark: emphasis delimiters are paired with a simple stack, and a ``*`` between
two digits or a lone ``~`` (both common in prose about numbers) are never taken as markup.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from factcheck.startup import regexcache

_ESCAPABLE = frozenset(string.punctuation)
_AUTOLINK = regexcache.compile(r"<((?:https?|ftp|mailto):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_TAG = regexcache.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_FOOTNOTE_REF = regexcache.compile(r"\[\^[^\]\s]+\]")


@dataclass(slots=True)
class Delimiter:
    """A run of ``*``, ``_`` or ``~~`` that may open or close emphasis."""

    start: int
    end: int
    char: str
    can_open: bool
    can_close: bool
    matched: bool = False


Piece = tuple[int, int] | Delimiter
"""A kept range of the original, or an emphasis delimiter (dropped if it found a partner)."""


def normalize_label(label: str) -> str:
    """Reference labels match case-insensitively with whitespace collapsed, as in CommonMark."""
    return " ".join(label.split()).casefold()


class InlineScanner:
    """Splits ranges of one source text into kept pieces; ``refs`` are the defined link labels."""

    def __init__(self, source: str, refs: frozenset[str] = frozenset()) -> None:
        self.source = source
        self.refs = refs
        self._pairs: dict[int, int] = {}

    def kept_ranges(self, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
        """The ranges of ``source[start:end]`` that are prose, and whether an HTML comment stays open."""
        self._pairs = _bracket_pairs(self.source, start, end)
        pieces, comment_open = self._scan(start, end)
        _pair_delimiters([piece for piece in pieces if isinstance(piece, Delimiter)])
        ranges: list[tuple[int, int]] = []
        for piece in pieces:
            if isinstance(piece, Delimiter):
                if not piece.matched:
                    ranges.append((piece.start, piece.end))
            elif piece[1] > piece[0]:
                ranges.append(piece)
        return ranges, comment_open

    def _scan(self, start: int, end: int) -> tuple[list[Piece], bool]:
        pieces: list[Piece] = []
        text_start = i = start
        while i < end:
            step = self._construct(i, end)
            if step is None:
                i += 1
                continue
            if text_start < i:
                pieces.append((text_start, i))
            new_pieces, i, comment_open = step
            pieces.extend(new_pieces)
            text_start = i
            if comment_open:
                return pieces, True
        if text_start < end:
            pieces.append((text_start, end))
        return pieces, False

    def _construct(self, i: int, end: int) -> tuple[list[Piece], int, bool] | None:
        """The markup construct starting at ``i``: its pieces, where it ends, whether a comment is open."""
        char = self.source[i]
        if char == "\\" and i + 1 < end and self.source[i + 1] in _ESCAPABLE:
            return [(i + 1, i + 2)], i + 2, False
        if char == "`":
            return self._code_span(i, end)
        if char == "<":
            return self._angle(i, end)
        if char == "[" or (char == "!" and self.source.startswith("[", i + 1)):
            return self._link(i, end)
        if char in "*_~":
            return self._delimiter(i, end)
        return None

    def _code_span(self, i: int, end: int) -> tuple[list[Piece], int, bool]:
        run = _run_length(self.source, i, end, "`")
        close = i + run
        while True:
            close = self.source.find("`" * run, close, end)
            if close < 0:
                return [(i, i + run)], i + run, False
            close_run = _run_length(self.source, close, end, "`")
            if close_run == run:
                break
            close += close_run
        start, stop = i + run, close
        content = self.source[start:stop]
        if len(content) > 2 and content[0] == " " and content[-1] == " " and content.strip():
            start, stop = start + 1, stop - 1
        return [(start, stop)], close + run, False

    def _angle(self, i: int, end: int) -> tuple[list[Piece], int, bool] | None:
        if self.source.startswith("<!--", i):
            close = self.source.find("-->", i + 4, end)
            return ([], end, True) if close < 0 else ([], close + 3, False)
        autolink = _AUTOLINK.match(self.source, i, end)
        if autolink:
            return [(autolink.start(1), autolink.end(1))], autolink.end(), False
        tag = _TAG.match(self.source, i, end)
        if tag:
            return [], tag.end(), False
        return None

    def _link(self, i: int, end: int) -> tuple[list[Piece], int, bool] | None:
        footnote = _FOOTNOTE_REF.match(self.source, i, end)
        if footnote:
            return [], footnote.end(), False
        open_bracket = i + 1 if self.source[i] == "!" else i
        close_bracket = self._partner(open_bracket, end)
        if close_bracket is None:
            return None
        link_end = self._link_tail(open_bracket, close_bracket, end)
        if link_end is None:
            return None
        inner, _ = self._scan(open_bracket + 1, close_bracket)
        return inner, link_end, False

    def _link_tail(self, open_bracket: int, close_bracket: int, end: int) -> int | None:
        """Where an inline, full, collapsed or shortcut reference link ends; ``None`` if not a link."""
        after = close_bracket + 1
        if self.source.startswith("(", after):
            close_paren = self._partner(after, end)
            return None if close_paren is None else close_paren + 1
        label = self.source[open_bracket + 1 : close_bracket]
        if self.source.startswith("[", after):
            close_label = self._partner(after, end)
            if close_label is not None:
                label = self.source[after + 1 : close_label] or label
                return close_label + 1 if normalize_label(label) in self.refs else None
        return after if normalize_label(label) in self.refs else None

    def _partner(self, i: int, end: int) -> int | None:
        """The bracket closing the one at ``i`` within ``end``, from the pairs found for the line."""
        partner = self._pairs.get(i)
        return partner if partner is not None and partner < end else None

    def _delimiter(self, i: int, end: int) -> tuple[list[Piece], int, bool] | None:
        char = self.source[i]
        run = _run_length(self.source, i, end, char)
        before = self.source[i - 1] if i > 0 else "\n"
        after = self.source[i + run] if i + run < len(self.source) else "\n"
        if char == "~" and run != 2:
            return None
        if char == "*" and before.isdigit() and after.isdigit():
            return None
        can_open = not after.isspace()
        can_close = not before.isspace()
        if char == "_":
            can_open = can_open and not before.isalnum()
            can_close = can_close and not after.isalnum()
        if not (can_open or can_close):
            return None
        return [Delimiter(i, i + run, char, can_open, can_close)], i + run, False


def _pair_delimiters(delimiters: list[Delimiter]) -> None:
    """Mark openers and closers that pair up; unpaired runs stay literal text."""
    stack: list[Delimiter] = []
    for delimiter in delimiters:
        if delimiter.can_close:
            opener = next((d for d in reversed(stack) if d.char == delimiter.char), None)
            if opener is not None:
                del stack[stack.index(opener) :]
                opener.matched = delimiter.matched = True
                continue
        if delimiter.can_open:
            stack.append(delimiter)


def _run_length(source: str, i: int, end: int, char: str) -> int:
    j = i
    while j < end and source[j] == char:
        j += 1
    return j - i


def _bracket_pairs(source: str, start: int, end: int) -> dict[int, int]:
    """Opening ``[``/``(`` offsets mapped to their closing partners, skipping escapes.

    One stack pass per line keeps link parsing linear: searching for each bracket's partner anew
    would be quadratic on a line of many unmatched brackets.
    """
    pairs: dict[int, int] = {}
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    closers = {"]": "[", ")": "("}
    i = start
    while i < end:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char in stacks:
            stacks[char].append(i)
        elif char in closers and stacks[closers[char]]:
            pairs[stacks[closers[char]].pop()] = i
        i += 1
    return pairs
