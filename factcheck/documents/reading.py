"""Reading bytes safely: a size limit, strict UTF-8, and errors that say where.

Inputs are read as bytes and decoded here rather than with ``open(..., encoding=...)`` so that an
invalid byte is reported with its byte offset and its line and column, and so that a huge file is
refused after reading at most one byte more than the limit instead of being loaded whole.
"""

from __future__ import annotations

import codecs
from typing import BinaryIO

from factcheck.errors import InputError, SourceLocation
from factcheck.spans import LineIndex

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
"""Largest single document (a file, stdin, or one JSONL record) accepted: 10 MiB of UTF-8."""


def read_limited(stream: BinaryIO, path: str, max_bytes: int) -> bytes:
    """All of ``stream``, or an :class:`InputError` if it holds more than ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(path, max_bytes)
    return data


def too_large(path: str, max_bytes: int, location: SourceLocation | None = None) -> InputError:
    return InputError(
        f"document is larger than the {describe_size(max_bytes)} limit; not checked",
        location or SourceLocation(path, 1, 1),
        hint="split it into smaller documents (JSONL records are limited one by one)",
    )


def describe_size(size: int) -> str:
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} bytes"


def decode_utf8(data: bytes, path: str, *, line_offset: int = 0) -> str:
    """Strict UTF-8 (a leading BOM dropped); an invalid byte is located by byte, line and column.

    ``line_offset`` is added to the reported line, for text that starts inside a file (a JSONL line).
    """
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise _decode_error(data, bom, error, path, line_offset) from error


def _decode_error(
    data: bytes, bom: int, error: UnicodeDecodeError, path: str, line_offset: int
) -> InputError:
    byte = bom + error.start
    before = data[bom:byte].decode("utf-8")
    lines = LineIndex(before)
    where = lines.position(len(before))
    line_end = data.find(b"\n", byte)
    rest = data[byte : len(data) if line_end < 0 else line_end].decode("utf-8", errors="replace")
    source_line = (before[lines.line_start(where.line) :] + rest).rstrip("\r")
    location = SourceLocation(path, where.line + line_offset, where.column, source_line)
    bad = data[byte : bom + error.end].hex(" ")
    return InputError(f"invalid UTF-8 at byte {byte} (0x{bad}): {error.reason}; not checked", location)
