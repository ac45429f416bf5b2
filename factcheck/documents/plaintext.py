"""Plain text: the text is the original, character for character.

Not even CRLF is normalized: an identity map means a finding's offsets are the file's offsets with
no translation that could drift, and the extractors treat ``\\r`` as whitespace anyway.
"""

from __future__ import annotations

from factcheck.documents.model import Document, OffsetMap


def parse_text(path: str, original: str, *, source: str = "text") -> Document:
    """A document whose text and original are the same string."""
    return Document(
        path=path, text=original, original=original, offsets=OffsetMap.identity(len(original)), source=source
    )
