"""Plain text: the original with its soft line breaks read as spaces.

Hard-wrapped prose ("U.S. President\\nDonald Trump") is one sentence written over several lines, so a
line break between two non-blank lines becomes spaces; a blank line stays a paragraph break, and so
does a line break before a list item ("- ", "* ", "+ ", "• ", "2. ", "2) "), as in CommonMark, where a
list marker interrupts a paragraph: a list written one item a line stays a list. Every
replacement has the length of what it replaces (``\\r\\n`` becomes two spaces), so the offset map
stays the identity: a finding's offsets are the file's offsets, with no translation that could drift.
"""

from __future__ import annotations

from factcheck.documents.model import Document, OffsetMap
from factcheck.startup import regexcache

_LIST_ITEM = r"[ \t]*(?:[-*+•]|[0-9]{1,2}[.)])[ \t]"
# A line break with text after it on the next line (not a list item), read from the break itself: a
# regex that opened on the spaces before it would be tried at every space of the document. It is a
# soft break when a non-space character ends the line before it, after any spaces and tabs.
_BREAK = regexcache.compile(rf"(?<![\r\n])(?:\r\n|\r|\n)(?=[ \t]*\S)(?!{_LIST_ITEM})")


def parse_text(path: str, original: str, *, source: str = "text") -> Document:
    """A document whose text is the original with soft line breaks made spaces."""
    return Document(
        path=path,
        text=unwrap(original),
        original=original,
        offsets=OffsetMap.identity(len(original)),
        source=source,
    )


def unwrap(text: str) -> str:
    """``text`` with each line break between two non-blank lines replaced by as many spaces, except
    before a list item."""
    pieces: list[str] = []
    done = 0
    for match in _BREAK.finditer(text):
        start = match.start()
        line_end = start
        while line_end and text[line_end - 1] in " \t":
            line_end -= 1
        if line_end == 0 or text[line_end - 1].isspace():  # a blank line before: a paragraph break
            continue
        pieces += (text[done:start], " " * (match.end() - start))
        done = match.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)
