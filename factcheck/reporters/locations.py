"""From a finding's normalized-text span to a place in the original file: offsets, 1-based lines and
columns (in characters, end exclusive) and the excerpt. Only reporters compute these."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.documents.model import Document
from factcheck.spans import Span


@dataclass(frozen=True, slots=True)
class Location:
    """A span of the original text (of the record's text, for a JSONL record)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def multiline(self) -> bool:
        return self.end_line > self.line


def locate(document: Document, span: Span) -> Location:
    """Where ``span`` (normalized offsets) sits in ``document.original``."""
    original = document.original_span(span)
    first = document.position(original.start)
    last = document.position(original.end)
    return Location(
        start=original.start,
        end=original.end,
        line=first.line,
        column=first.column,
        end_line=last.line,
        end_column=last.column,
        text=document.original[original.start : original.end],
    )


def file_line(document: Document, location: Location | None) -> int:
    """The line in the file: the record's line for a JSONL record, else the location's line."""
    if document.record is not None:
        return document.record_line or 1
    return location.line if location is not None else 1


def with_record(document: Document | None, message: str) -> str:
    """``message`` naming the JSONL record it is about, for formats that only know file lines."""
    if document is None or document.record is None:
        return message
    return f"{message} (record {document.record})"
