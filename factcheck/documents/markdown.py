"""Markdown: prose as CommonMark reads it, with offsets into the file for the findings.

The file is parsed by markdown-it-py (CommonMark, with GFM tables and strikethrough, and the
mdit-py-plugins front matter, footnotes and task lists), so what counts as a paragraph, a code block or an
entity is what every other Markdown tool agrees on. The reader then walks the token stream and
copies the prose pieces of the *original* through one :class:`TextBuilder`:

- a soft line break becomes a space (hard-wrapped prose reads as the sentence it is); a hard break
  stays a newline;
- every block (paragraph, heading, list item, table row, HTML block) is separated from the next by
  a blank line, so block boundaries are sentence boundaries; a heading by two, since it opens a
  section of its own: the list before it ends there, and a list pattern (which reads items at most
  one blank line apart) never takes "## Next year: £2.5m" for one more item; and so is what follows
  a list, whose end CommonMark knows though its items' markers are gone, so that a list pattern
  may read items that are sentences ("1. Publish waiting times every month.") up to where the list
  ends (``<end>``), never on into the paragraph after it;
- a list item's structure is kept as CommonMark reads it: the item's first block starts its line,
  and whatever else the item holds (a paragraph continuing it, a nested list) is *nested content*,
  each of its lines opened with a tab per level of nesting and closed with a tab
  (:data:`NEST_MARK`). The list patterns read a nested block as part of the item above it, never
  as an item of the outer list, and a nested list announced by its own lead-in ends where its
  items do (see docs/patterns.md, ``<bullet>`` and ``<line>``);
- entities and backslash escapes are decoded and map back to the whole ``&...;`` or ``\\x``;
- code (indented, fenced, inline), link destinations and inline HTML tags are not prose;
- table cells are joined by ``"; "``, so numbers in adjacent cells never merge;
- HTML blocks are read as HTML (cells separated, scripts dropped, entities decoded).

markdown-it-py gives block tokens their lines but inline tokens no offsets; each inline token is
found in the original from a cursor that only moves forward within its block, which keeps the map
exact. HTML comments stay in ``original``, where suppression comments are looked for.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.documents.builder import TextBuilder
from factcheck.documents.dates import first_date
from factcheck.documents.frontmatter import split_front_matter
from factcheck.documents.model import Document, OffsetMap
from factcheck.startup import regexcache

NEST_MARK = "\t"
"""What opens (once per level) and closes each line of a list item's nested content."""
CELL_SEPARATOR = "; "
"""What separates a table's cells: a clause break, so numbers in adjacent cells never merge."""
BLOCK_BREAK = "\n\n"
SECTION_BREAK = "\n\n\n"
"""What stands before a heading and after a list: two blank lines, so that no list runs on past its
end."""
_LINE_BREAK = regexcache.compile(r"\r\n?|\n")
_BLOCKS_WITHOUT_PROSE = frozenset({"fence", "code_block", "hr", "front_matter"})

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@functools.cache
def parser() -> MarkdownIt:
    """The CommonMark parser with the extensions articles use (built once, on first use).

    ``text_join`` is disabled so that decoded entities and escapes stay separate tokens
    (``text_special``) that carry their source (``markup``), which the offset map needs.
    markdown-it is imported here: a source of plain paragraphs never needs it.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    markdown = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    markdown.use(front_matter_plugin).use(footnote_plugin).use(tasklists_plugin)
    return markdown.disable("text_join")


def parse_markdown(path: str, original: str, *, source: str = "markdown") -> Document:
    """A Markdown document: front matter as metadata, prose with an exact offset map."""
    front = split_front_matter(path, original)
    text, offsets = markdown_text(original, front.body_start)
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


def markdown_text(original: str, body_start: int = 0) -> tuple[str, OffsetMap]:
    """The prose of a Markdown source and its map back; blocks before ``body_start`` are skipped."""
    plain = _plain_paragraphs(original, body_start)
    if plain is not None:
        return plain
    return _Reader(original, body_start).read(parser().parse(original))


# What CommonMark (with this parser's extensions) could read as anything but text: an inline
# markup character (emphasis, code, links, images, footnotes, HTML, entities, escapes, tables,
# strikethrough), a heading, a line break it keeps (tab, carriage return), a NUL it replaces.
_MARKUP = regexcache.compile(r"[\\`*_\[\]!<>&#~|\t\r\x00]")
# A line that could open a block other than a paragraph: a list item, a rule, a setext underline,
# an indented code block (or any line with space around it, which CommonMark strips).
_NOT_PROSE_LINE = regexcache.compile(r"[-+= ]|[0-9]{1,9}[.)](?: |$)|.* $")


def _plain_paragraphs(original: str, body_start: int) -> tuple[str, OffsetMap] | None:
    """The prose of a Markdown source that is nothing but paragraphs of plain text, read without
    the parser (or None for any other source, which the parser reads).

    Such a source, as CommonMark reads it, is its runs of non-blank lines, each a paragraph whose
    line breaks are soft: exactly what :class:`_Reader` writes for the parser's tokens (the
    paragraph's text kept, each soft break a space, a block break before each paragraph after the
    first), built here through the same :class:`TextBuilder` calls. A front-matter block must be
    fenced by plain ``---`` lines, as the parser's front-matter rule reads it too."""
    if body_start and not _plain_fences(original, body_start):
        return None
    body = original[body_start:]
    if _MARKUP.search(body) is not None:
        return None
    out = TextBuilder(original)
    offset, in_paragraph = body_start, False
    for line in body.split("\n"):
        end = offset + len(line)
        if not line:
            in_paragraph = False
        elif _NOT_PROSE_LINE.match(line) is not None or not line.isprintable():
            return None
        else:
            if in_paragraph:
                out.replace(" ", offset - 1, offset)  # the soft break ending the line before
            elif len(out):
                out.insert(BLOCK_BREAK, offset)
            out.keep(offset, end)
            in_paragraph = True
        offset = end + 1
    return out.build()


def _plain_fences(original: str, body_start: int) -> bool:
    """Whether the front matter before ``body_start`` is ``---`` lines around lines that open with
    neither ``-`` nor ``.`` (where the parser's front-matter rule and ours end it alike)."""
    if not (original.startswith("---\n") and original.endswith("\n---\n", 0, body_start)):
        return False
    return not any(line.startswith(("-", ".")) for line in original[4:body_start - 5].split("\n"))


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts, with ``\\r\\n``, ``\\r`` and ``\\n`` all ending a line, as
    markdown-it-py counts them; one extra entry is the end of the text."""
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text)), len(text)]


class _Reader:
    """One pass over the token stream; ``cursor`` is where the next inline piece is looked for."""

    def __init__(self, original: str, body_start: int) -> None:
        self.src = original
        self.body_start = body_start
        self.lines = line_starts(original)
        self.out = TextBuilder(original)
        self.cursor = 0
        self.limit = len(original)
        self.pending_break = False
        self.section = False  # the pending break opens a heading or follows a list: a section break
        self.list_end: int | None = None  # where the top-level list just closed ended in the original
        self.list_ends: list[int] = []  # per open list: where it ends in the original
        self.in_cell = False
        self.cell = 0
        self.items: list[bool] = []  # per open list item: whether its first block has been read
        self.indent = 0  # the nesting level of the block being read (0: not nested content)
        self.written_indent = 0  # ... of the block last written, whose lines a mark closes

    def read(self, tokens: Sequence[Token]) -> tuple[str, OffsetMap]:
        for token in tokens:
            if token.map is not None and self._line(token.map[0]) < self.body_start:
                continue
            self._block(token)
        if self.list_end is not None and self.pending_break and len(self.out):  # a list ends the document
            self.out.insert((NEST_MARK if self.written_indent else "") + SECTION_BREAK, self.list_end)
        return self.out.build()

    def _line(self, number: int) -> int:
        return self.lines[min(number, len(self.lines) - 1)]

    def _block(self, token: Token) -> None:
        kind = token.type
        if kind == "inline":
            self._inline(token)
        elif kind == "tr_open":
            self.pending_break, self.cell = True, 0
        elif kind in ("th_open", "td_open"):
            self.in_cell = True
        elif kind in ("th_close", "td_close"):
            self.in_cell, self.cell = False, self.cell + 1
        elif kind == "list_item_open":
            self.items.append(False)
            self.pending_break = True
        elif kind == "list_item_close":
            self.items.pop()
        elif kind in ("bullet_list_close", "ordered_list_close"):
            end = self.list_ends.pop()
            if not self.items:  # a list's end is a section's, mapped to where the list ends
                self.pending_break = self.section = True
                self.list_end = end
        elif kind.endswith("_open") and token.map is not None:
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.list_ends.append(max(0, self._line(token.map[1]) - 1))  # its last line's end
            self.pending_break = True
            self.section = self.section or kind == "heading_open"
            self._nest(kind)
        elif kind == "html_block" and token.map is not None:
            self.pending_break = True
            self._nest(kind)
            self._html_block(self._line(token.map[0]), self._line(token.map[1]))
            self.pending_break = True
        elif kind in _BLOCKS_WITHOUT_PROSE:
            self.pending_break = True

    def _nest(self, kind: str) -> None:
        """The nesting level of a block opening now: an item's first block is at its list's level
        (a top-level item's at 0), any later block of the item one deeper. A list opening an item
        counts as its first block (its items are one level deeper anyway)."""
        if not self.items:
            self.indent = 0
        elif self.items[-1]:
            self.indent = len(self.items)
        else:
            self.indent = len(self.items) - 1
            self.items[-1] = True
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.indent = len(self.items)

    def _html_block(self, start: int, end: int) -> None:
        from factcheck.documents.html import fragment_text

        text, offsets = fragment_text(self.src[start:end])
        if text.strip():
            self._break_before(start + offsets.to_original(0))
            self.out.append_mapped(text, offsets, start)

    def _inline(self, token: Token) -> None:
        assert token.map is not None
        self.limit = self._line(token.map[1])
        if self.in_cell and self.cell:
            self._cell_separator()
        else:
            self.cursor = self._line(token.map[0])
        self._children(token.children or [])

    def _cell_separator(self) -> None:
        """The pipe before a cell (after the first) becomes the separator, once the cell has text."""
        at = self.src.find("|", self.cursor, self.limit)
        if at < 0:
            return
        self.cursor = at + 1
        if len(self.out) and not self.pending_break:
            self.out.replace(CELL_SEPARATOR, at, at + 1)

    def _children(self, children: Sequence[Token]) -> None:
        for child in children:
            kind = child.type
            if kind == "text":
                self._text(child.content)
            elif kind == "text_special":
                self._special(child)
            elif kind in ("softbreak", "hardbreak"):
                self._newline(" " if kind == "softbreak" else "\n")
            elif kind == "code_inline":
                self._skip_code(child.markup)
            elif kind == "html_inline":
                self._skip(child.content)
            elif kind == "image":
                self._children(child.children or [])
                self._skip_link_tail()
            elif kind == "link_close":
                self._skip_link_tail()
            elif kind == "footnote_ref":
                self._skip_footnote_ref()

    def _break_before(self, at: int) -> None:
        if self.pending_break:
            if len(self.out):
                closing = NEST_MARK if self.written_indent else ""
                self.out.insert(closing + (SECTION_BREAK if self.section else BLOCK_BREAK),
                                at if self.list_end is None else self.list_end)
            if self.indent:
                self.out.insert(NEST_MARK * self.indent, at)
            self.written_indent = self.indent
            self.pending_break = self.section = False
            self.list_end = None

    def _text(self, content: str) -> None:
        if self.pending_break or not len(self.out) or self.out.tail.endswith("\n"):
            content = content.lstrip()  # a task list's checkbox leaves a space before the text
        if not content:
            return
        found = self.src.find(content, self.cursor, self.limit)
        if found >= 0:
            self._break_before(found)
            self.out.keep(found, found + len(content))
            self.cursor = found + len(content)
        else:
            self._align(content)

    def _align(self, content: str) -> None:
        """Text that is no substring of the source (a table cell's ``\\|``, a tab expanded inside a
        block quote): each character is matched forward; one that cannot be is inserted."""
        self._break_before(self.cursor)
        for char in content:
            found = self.src.find(char, self.cursor, self.limit)
            if found >= 0 and found - self.cursor <= 2:
                self.out.keep(found, found + 1)
                self.cursor = found + 1
            else:
                self.out.insert(char, self.cursor)

    def _special(self, token: Token) -> None:
        decoded = token.content.replace("\xa0", " ")
        found = self.src.find(token.markup, self.cursor, self.limit) if token.markup else -1
        if found < 0:
            self._align(decoded)
            return
        self._break_before(found)
        self.out.replace(decoded, found, found + len(token.markup))
        self.cursor = found + len(token.markup)

    def _newline(self, replacement: str) -> None:
        match = _LINE_BREAK.search(self.src, self.cursor, self.limit)
        if match is None:
            return
        self._break_before(match.start())
        if replacement == "\n" and self.written_indent:  # a hard break inside nested content
            replacement = NEST_MARK + "\n" + NEST_MARK * self.written_indent
        self.out.replace(replacement, match.start(), match.end())
        self.cursor = match.end()

    def _skip(self, literal: str) -> None:
        found = self.src.find(literal, self.cursor, self.limit)
        if found >= 0:
            self.cursor = found + len(literal)

    def _skip_code(self, fence: str) -> None:
        opening = self._find_run(fence, self.cursor)
        closing = self._find_run(fence, opening + len(fence)) if opening >= 0 else -1
        if closing >= 0:
            self.cursor = closing + len(fence)

    def _find_run(self, run: str, start: int) -> int:
        """The next run of exactly ``run`` (backticks) from ``start``: not part of a longer run."""
        while True:
            found = self.src.find(run, start, self.limit)
            if found < 0:
                return -1
            end = found + len(run)
            while end < self.limit and self.src[end] == run[0]:
                end += 1
            if end - found == len(run):
                return found
            start = end

    def _skip_link_tail(self) -> None:
        """Past ``](destination "title")``, ``][label]``, ``]`` or an autolink's ``>``."""
        bracket = self.src.find("]", self.cursor, self.limit)
        angle = self.src.find(">", self.cursor, self.limit)
        if angle >= 0 and (bracket < 0 or angle < bracket) and self.src[self.cursor : angle].strip() == "":
            self.cursor = angle + 1
            return
        if bracket < 0:
            return
        after = bracket + 1
        if self.src.startswith("(", after):
            self.cursor = _balanced_end(self.src, after, self.limit)
        elif self.src.startswith("[", after):
            close = self.src.find("]", after, self.limit)
            self.cursor = after if close < 0 else close + 1
        else:
            self.cursor = after

    def _skip_footnote_ref(self) -> None:
        opening = self.src.find("[^", self.cursor, self.limit)
        closing = self.src.find("]", opening, self.limit) if opening >= 0 else -1
        if closing >= 0:
            self.cursor = closing + 1


def _balanced_end(src: str, start: int, limit: int) -> int:
    """The offset after the ``)`` closing the ``(`` at ``start``, skipping escapes and quoted titles."""
    depth, quote, i = 0, "", start
    while i < limit:
        char = src[i]
        if char == "\\":
            i += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and depth == 1 and src[i - 1].isspace():
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return limit
