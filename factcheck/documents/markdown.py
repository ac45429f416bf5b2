"""Markdown: prose for the extractors, offsets into the file for the findings.

The normalized text keeps every newline of the original (front matter, code and markup lines become
empty lines), so line *n* of the text is line *n* of the file and paragraph breaks survive for the
sentence splitter. Block syntax is recognised line by line; inline syntax by
:mod:`factcheck.documents.markdown_inline`. Code blocks are dropped because code is not prose.
HTML comments are dropped from the text but stay in ``original``, where suppression comments
(``<!-- factcheck-disable ... -->``) are looked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.documents.builder import TextBuilder
from factcheck.documents.dates import first_date
from factcheck.documents.frontmatter import split_front_matter
from factcheck.documents.markdown_inline import InlineScanner, normalize_label
from factcheck.documents.model import Document, OffsetMap
from factcheck.startup import regexcache

_FENCE = regexcache.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_BLANK = regexcache.compile(r"[ \t]*$")
_REF_DEF = regexcache.compile(
    r"[ \t]{0,3}\[([^\]\^][^\]]*)\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$"
)
_THEMATIC = regexcache.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = regexcache.compile(r"[ \t]{0,3}(?:=+|-+)[ \t]*$")
_QUOTE = regexcache.compile(r"[ \t]{0,3}>[ \t]?")
_LIST = regexcache.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?")
_FOOTNOTE_DEF = regexcache.compile(r"[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]*")
_HEADING = regexcache.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = regexcache.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_TABLE_DELIMITER = regexcache.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
CELL_SEPARATOR = "; "
"""What a table's inner pipe becomes: a clause break, so numbers in adjacent cells never merge."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the original: content ``[start, end)`` and its terminator up to ``next``."""

    start: int
    end: int
    next: int


def parse_markdown(path: str, original: str, *, source: str = "markdown") -> Document:
    """A Markdown document: front matter as metadata, markup stripped with an exact offset map."""
    front = split_front_matter(path, original)
    text, offsets = _MarkdownStripper(original, front.body_start).strip()
    metadata = {key: value for key, value in front.data.items() if key not in ("title", "date")}
    date, date_error = first_date([front.data.get("date")])
    if date_error:
        metadata["date_error"] = date_error
    title = front.data.get("title")
    return Document(
        path=path,
        text=text,
        original=original,
        offsets=offsets,
        title=None if title is None else str(title),
        date=date,
        source=source,
        metadata=metadata,
    )


def split_lines(text: str) -> list[Line]:
    """The lines of ``text``, each with its content range (without ``\\r\\n``) and terminator."""
    lines: list[Line] = []
    start = 0
    while start < len(text):
        newline = text.find("\n", start)
        stop = len(text) if newline < 0 else newline + 1
        end = newline if newline >= 0 else len(text)
        if end > start and text[end - 1] == "\r":
            end -= 1
        lines.append(Line(start, end, stop))
        start = stop
    return lines


class _MarkdownStripper:
    """One pass over the lines, with the little state Markdown blocks need (fence, open comment)."""

    def __init__(self, original: str, body_start: int) -> None:
        self.src = original
        self.body_start = body_start
        self.lines = split_lines(original)
        self.out = TextBuilder(original)
        self.inline = InlineScanner(original, self._reference_labels())
        self.table_rows = _table_rows(original, self.lines)
        self.fence: tuple[str, int] | None = None
        self.in_comment = False

    def strip(self) -> tuple[str, OffsetMap]:
        previous_blank = True
        for index, line in enumerate(self.lines):
            if line.start >= self.body_start:
                previous_blank = self._line(index, line, previous_blank)
            self.out.keep(line.end, line.next)
        return self.out.build()

    def _reference_labels(self) -> frozenset[str]:
        labels = set()
        for line in self.lines:
            match = _REF_DEF.match(self.src, line.start, line.end)
            if match:
                labels.add(normalize_label(match.group(1)))
        return frozenset(labels)

    def _line(self, index: int, line: Line, previous_blank: bool) -> bool:
        """Emit one body line's prose; return whether it counts as blank for the next line."""
        start = line.start
        if self.fence is not None:
            self._close_fence(line)
            return True
        if self.in_comment:
            close = self.src.find("-->", start, line.end)
            if close < 0:
                return previous_blank
            start, self.in_comment = close + 3, False
        if _BLANK.match(self.src, start, line.end):
            return True
        fence = _FENCE.match(self.src, start, line.end)
        if fence:
            self.fence = (fence.group(1)[0], len(fence.group(1)))
            return True
        if index in self.table_rows:
            self._table_row(start, line.end, self.table_rows[index])
        elif not self._is_markup_line(start, line.end, previous_blank):
            self._prose(*self._block_content(start, line.end))
        return False

    def _close_fence(self, line: Line) -> None:
        assert self.fence is not None
        char, length = self.fence
        match = _FENCE.match(self.src, line.start, line.end)
        closes = match is not None and match.group(1)[0] == char and len(match.group(1)) >= length
        if match is not None and closes and _BLANK.match(self.src, match.end(), line.end):
            self.fence = None

    def _is_markup_line(self, start: int, end: int, previous_blank: bool) -> bool:
        """Reference definitions, thematic breaks and setext underlines carry no prose."""
        if _REF_DEF.match(self.src, start, end) or _THEMATIC.match(self.src, start, end):
            return True
        return not previous_blank and _SETEXT.match(self.src, start, end) is not None

    def _block_content(self, start: int, end: int) -> tuple[int, int]:
        """Skip block quote markers, list markers and a heading's ``#`` marks."""
        while True:
            match = _QUOTE.match(self.src, start, end) or _LIST.match(self.src, start, end)
            match = match or _FOOTNOTE_DEF.match(self.src, start, end)
            if match is None or match.end() == start:
                break
            start = match.end()
        heading = _HEADING.match(self.src, start, end)
        if heading:
            start = heading.end()
            closing = _CLOSING_HASHES.search(self.src, start, end)
            if closing:
                end = closing.start()
        return start, end

    def _prose(self, start: int, end: int) -> None:
        ranges, self.in_comment = self.inline.kept_ranges(start, end)
        for piece_start, piece_end in ranges:
            self.out.keep(piece_start, piece_end)

    def _table_row(self, start: int, end: int, is_delimiter: bool) -> None:
        if is_delimiter:
            return
        cells = _cells(self.src, start, end)
        for number, (cell_start, cell_end) in enumerate(cells):
            if number:
                self.out.replace(CELL_SEPARATOR, cell_start - 1, cell_start)
            self._prose(*_trim(self.src, cell_start, cell_end))


def _table_rows(src: str, lines: list[Line]) -> dict[int, bool]:
    """Line indexes of table rows, mapped to whether the row is the ``|---|`` delimiter row."""
    rows: dict[int, bool] = {}
    index = 0
    while index + 1 < len(lines):
        header, below = lines[index], lines[index + 1]
        if "|" in src[header.start : header.end] and _is_delimiter_row(src, below):
            rows[index], rows[index + 1] = False, True
            index += 2
            while index < len(lines) and "|" in src[lines[index].start : lines[index].end]:
                rows[index] = False
                index += 1
        else:
            index += 1
    return rows


def _is_delimiter_row(src: str, line: Line) -> bool:
    return "-" in src[line.start : line.end] and _TABLE_DELIMITER.match(src, line.start, line.end) is not None


def _cells(src: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell ranges of a table row, split at pipes that are neither escaped nor inside code."""
    start, end = _trim(src, start, end)
    if start < end and src[start] == "|":
        start += 1
    if end > start and src[end - 1] == "|" and src[end - 2 : end] != "\\|":
        end -= 1
    cells, cell_start, in_code, i = [], start, False, start
    while i < end:
        char = src[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            cells.append((cell_start, i))
            cell_start = i + 1
        i += 1
    cells.append((cell_start, end))
    return cells


def _trim(src: str, start: int, end: int) -> tuple[int, int]:
    while start < end and src[start] in " \t":
        start += 1
    while end > start and src[end - 1] in " \t":
        end -= 1
    return start, end
