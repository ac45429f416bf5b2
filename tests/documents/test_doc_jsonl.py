"""JSONL corpora: records, ids and line numbers, broken lines reported and skipped, streaming."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from factcheck.documents import Document, InputFailure, load_documents
from factcheck.documents.jsonl import RecordFailure, iter_records


def _write(tmp_path: Path, lines: list[str], name: str = "corpus.jsonl") -> str:
    path = tmp_path / name
    path.write_bytes("\n".join(lines).encode("utf-8") + b"\n")
    return str(path)


def test_records_become_documents_with_ids_lines_and_metadata(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps(
                {"id": "a1", "title": "First", "date": "2025-10-16", "text": "8 calls.", "lang": "en"}
            ),
            "",
            json.dumps({"text": "No id here, 3 times.", "date": "2025-10-16T08:00:00Z"}),
            json.dumps({"id": 7, "text": "Numeric id."}),
        ],
    )
    first, second, third = load_documents([path])
    assert isinstance(first, Document) and isinstance(second, Document) and isinstance(third, Document)
    assert (first.record, first.record_line, first.title) == ("a1", 1, "First")
    assert first.date == dt.date(2025, 10, 16)
    assert first.metadata == {"lang": "en"} and first.source == "jsonl" and first.path == path
    assert first.text == first.original == "8 calls."
    assert first.offsets.to_original(2) == 2
    assert first.display_path == f"{path}#a1"
    assert (second.record, second.record_line, second.date) == ("3", 3, dt.date(2025, 10, 16))
    assert third.record == "7"


def test_positions_are_within_the_record_text(tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps({"id": "x", "text": "line one\nline two 42"})])
    (document,) = load_documents([path])
    assert isinstance(document, Document)
    position = document.position(document.text.index("42"))
    assert (position.line, position.column) == (2, 10)


def test_broken_lines_are_failures_and_the_rest_is_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps({"id": "ok1", "text": "fine"}),
            '{"id": "bad", "text": "unterminated}',
            json.dumps({"id": "notext", "title": "t"}),
            json.dumps({"id": "wrongtype", "text": 5}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "ok2", "text": "fine too"}),
        ],
    )
    items = list(load_documents([path]))
    assert [item.record for item in items if isinstance(item, Document)] == ["ok1", "ok2"]
    failures = [item for item in items if isinstance(item, InputFailure)]
    assert [failure.record_line for failure in failures] == [2, 3, 4, 5]
    invalid = failures[0].error
    assert invalid.location is not None and (invalid.location.line, invalid.location.column) == (2, 23)
    assert "invalid JSON" in invalid.message and invalid.location.source_line.startswith('{"id": "bad"')
    assert 'no "text"' in failures[1].error.message
    assert "not a string" in failures[2].error.message
    assert "JSON object" in failures[3].error.message


def test_invalid_utf8_in_a_record_is_located_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n{"text": "after"}\n')
    items = list(load_documents([str(path)]))
    assert [type(item).__name__ for item in items] == ["Document", "InputFailure", "Document"]
    location = items[1].error.location
    assert location is not None and (location.line, location.column) == (2, 14)


def test_unparseable_record_date_is_a_note(tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps({"text": "x", "date": "someday"})])
    (document,) = load_documents([path])
    assert isinstance(document, Document) and document.date is None
    assert "someday" in str(document.metadata["date_error"])


def test_an_oversized_line_is_refused_and_skipped(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "x" * 5000})
    path = _write(tmp_path, [json.dumps({"id": "a", "text": "a"}), big, json.dumps({"id": "b", "text": "b"})])
    items = list(load_documents([path], max_bytes=1000))
    assert [getattr(item, "record", None) for item in items] == ["a", None, "b"]
    assert isinstance(items[1], InputFailure) and items[1].record_line == 2
    assert "larger than" in items[1].error.message


class _CountingStream(io.BytesIO):
    """A byte stream that remembers how far it has been read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.furthest = 0

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.furthest = self.tell()
        return line


def test_records_are_streamed_one_line_at_a_time() -> None:
    data = b"".join(json.dumps({"id": str(i), "text": "t" * 100}).encode() + b"\n" for i in range(1000))
    stream = _CountingStream(data)
    records = iter_records(stream, "corpus.jsonl", max_bytes=10_000)
    first = next(records)
    assert not isinstance(first, RecordFailure) and first.record == "0"
    assert stream.furthest < 200 < len(data)
