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
_SOFT_BREAK = regexcache.compile(rf"(?<=\S)([ \t]*)(\r\n|\r|\n)(?=[ \t]*\S)(?!{_LIST_ITEM})")


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
    return _SOFT_BREAK.sub(lambda match: match[1] + " " * len(match[2]), text)
