"""JSONL corpora: one document per line, streamed.

A corpus can be far larger than memory, so the file is read one line at a time and each record is
yielded before the next is read. A bad line (invalid UTF-8, invalid JSON, no ``text``) becomes an
input failure located at that line, and the records after it are still checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from factcheck.documents.dates import first_date
from factcheck.documents.model import Document, OffsetMap
from factcheck.documents.plaintext import unwrap
from factcheck.documents.reading import decode_utf8, too_large
from factcheck.errors import InputError, SourceLocation
from factcheck.limits import MAX_JSON_DEPTH
from factcheck.startup import regexcache

_RESERVED = frozenset({"id", "title", "date", "text"})
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class RecordFailure:
    """A line that is not a usable record; ``error`` carries its line and column."""

    line: int
    error: InputError


def iter_records(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Document | RecordFailure]:
    """The documents of a JSONL stream, and a failure for each unusable line."""
    for number, raw in numbered_lines(stream, max_bytes):
        item = read_record(raw, path, number, max_bytes)
        if item is not None:
            yield item


def read_record(raw: bytes | None, path: str, number: int, max_bytes: int) -> Document | RecordFailure | None:
    """The document of line ``number`` (``raw`` is None for a line over ``max_bytes``), a failure for
    an unusable line, None for a blank one. Lines are read apart from records so that a line can be
    sent to another process and turned into its document there."""
    if raw is None:
        return RecordFailure(number, too_large(path, max_bytes, SourceLocation(path, number, 1)))
    try:
        return _record(raw, path, number)
    except InputError as error:
        return RecordFailure(number, error)


def numbered_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of at most ``max_bytes``; a longer line is skipped unread and yields ``None``."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _record(raw: bytes, path: str, number: int) -> Document | None:
    """The document of one line, ``None`` for a blank line."""
    if number == 1:
        raw = raw.removeprefix(b"\xef\xbb\xbf")
    line = decode_utf8(raw, path, line_offset=number - 1).rstrip("\r\n")
    if not line.strip():
        return None
    _check_depth(line, path, number)
    try:
        data = json.loads(line)
    except RecursionError:
        raise InputError("JSON nested too deeply", SourceLocation(path, number, 1, _clip(line))) from None
    except json.JSONDecodeError as error:
        location = SourceLocation(path, number, error.colno, line)
        raise InputError(f"invalid JSON: {error.msg}", location) from error
    if not isinstance(data, dict):
        raise InputError("a JSONL record must be a JSON object", SourceLocation(path, number, 1, line))
    text = data.get("text")
    if not isinstance(text, str):
        problem = 'has no "text" field' if text is None else 'has a "text" field that is not a string'
        raise InputError(f"record {problem}", SourceLocation(path, number, 1, line))
    return _document(data, text, path, number)


_STRING_OR_BRACKET = regexcache.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _check_depth(line: str, path: str, number: int) -> None:
    """Refuse a record nested deeper than :data:`MAX_JSON_DEPTH` before parsing it: Python's parser
    recurses once per level. One regex pass skips strings and counts brackets."""
    if line.count("[") + line.count("{") <= MAX_JSON_DEPTH:
        return
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(line):
        char = match[0]
        if char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                location = SourceLocation(path, number, match.start() + 1, _clip(line))
                raise InputError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels; not checked", location)
        elif char in "]}":
            depth -= 1


def _clip(line: str) -> str:
    return line if len(line) <= 200 else line[:200] + "…"


def _document(data: dict[str, object], text: str, path: str, number: int) -> Document:
    date, date_error = first_date([data.get("date")])
    metadata = {key: value for key, value in data.items() if key not in _RESERVED}
    if date_error:
        metadata["date_error"] = date_error
    record_id = data.get("id")
    title = data.get("title")
    return Document(
        path=path,
        text=unwrap(text),
        original=text,
        offsets=OffsetMap.identity(len(text)),
        title=None if title is None else str(title),
        date=date,
        source="jsonl",
        record=str(number) if record_id is None else str(record_id),
        record_line=number,
        metadata=metadata,
    )
