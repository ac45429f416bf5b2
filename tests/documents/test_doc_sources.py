"""Discovering inputs and loading them: formats by extension, failures in the stream, limits, dates."""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
from pathlib import Path

import pytest

from factcheck.documents import Document, InputFailure, discover, load_documents
from tests.files import write_tree


def test_directories_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "b.md": "b",
            "a/z.txt": "z",
            "a/y.HTML": "<p>y</p>",
            "a.txt": "a",
            "c/d.jsonl": '{"text": "d"}',
            "c/e.htm": "e",
            "c/f.markdown": "f",
            "notes.rst": "skipped",
            "image.png": "skipped",
            ".hidden/x.txt": "skipped",
            ".dot.txt": "skipped",
        },
    )
    found = [os.path.relpath(path, tmp_path) for path in discover([str(tmp_path)])]
    assert found == ["a/y.HTML", "a/z.txt", "a.txt", "b.md", "c/d.jsonl", "c/e.htm", "c/f.markdown"]


def test_explicit_files_stdin_and_missing_paths_are_kept_and_duplicates_dropped(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": "a", "notes.rst": "n"})
    a, notes = str(tmp_path / "a.txt"), str(tmp_path / "notes.rst")
    missing = str(tmp_path / "missing.md")
    assert discover([a, "-", notes, missing, str(tmp_path), a]) == [a, "-", notes, missing]


def test_each_format_is_read_by_its_reader(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "a.txt": "Plain *text* 1.",
            "b.md": "---\ntitle: B\n---\nMarkdown *text* 2.",
            "c.html": "<title>C</title><p>HTML &amp; 3.</p>",
            "d.jsonl": '{"id": "d", "text": "JSONL 4."}\n',
            "e.rst": "Unknown extension 5, read as text.",
        },
    )
    items = list(
        load_documents([str(tmp_path / name) for name in ("a.txt", "b.md", "c.html", "d.jsonl", "e.rst")])
    )
    assert all(isinstance(item, Document) for item in items)
    assert [item.source for item in items] == ["text", "markdown", "html", "jsonl", "text"]
    assert [item.text.strip() for item in items] == [
        "Plain *text* 1.",
        "Markdown text 2.",
        "HTML & 3.",
        "JSONL 4.",
        "Unknown extension 5, read as text.",
    ]
    assert [item.title for item in items] == [None, "B", "C", None, None]


def test_plain_text_keeps_offsets_and_reads_soft_breaks_as_spaces(tmp_path: Path) -> None:
    content = "Line one 1.\r\nLine two 22.\r\n\r\nNext paragraph.\n"
    write_tree(tmp_path, {"crlf.txt": content})
    (document,) = load_documents([str(tmp_path / "crlf.txt")])
    assert isinstance(document, Document)
    assert document.original == content
    assert document.text == "Line one 1.  Line two 22.\r\n\r\nNext paragraph.\n"
    position = document.position(document.text.index("22"))
    assert (position.line, position.column) == (2, 10)
    assert document.lines.line_text(1) == "Line one 1."


def test_missing_path_and_empty_directory_are_failures_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write_tree(tmp_path, {"empty/readme.rst": "not a document", "ok.txt": "fine"})
    missing = str(tmp_path / "nope.txt")
    items = list(load_documents([missing, str(tmp_path / "empty"), str(tmp_path / "ok.txt")]))
    assert [type(item).__name__ for item in items] == ["InputFailure", "InputFailure", "Document"]
    assert items[0].path == missing and "No such file" in items[0].error.message
    assert "no document files" in items[1].error.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    write_tree(tmp_path, {"secret.txt": "x"})
    (tmp_path / "secret.txt").chmod(0)
    (item,) = load_documents([str(tmp_path / "secret.txt")])
    assert isinstance(item, InputFailure) and "Permission denied" in item.error.message


def test_invalid_utf8_is_located_by_byte_line_and_column(tmp_path: Path) -> None:
    write_tree(tmp_path, {"bad.md": "Line one\nCafé au l".encode() + b"\xff" + b"it 5\n"})
    (item,) = load_documents([str(tmp_path / "bad.md")])
    assert isinstance(item, InputFailure)
    location = item.error.location
    assert location is not None and (location.line, location.column) == (2, 10)
    assert "byte 19" in item.error.message and "0xff" in item.error.message
    assert location.source_line == "Café au l\ufffdit 5"


def test_a_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    write_tree(tmp_path, {"bom.txt": b"\xef\xbb\xbfHello 1"})
    (document,) = load_documents([str(tmp_path / "bom.txt")])
    assert isinstance(document, Document) and document.text == "Hello 1"


def test_a_huge_document_is_refused_quickly(tmp_path: Path) -> None:
    limit = 10 * 1024 * 1024
    write_tree(tmp_path, {"huge.txt": b"a" * (limit + 1), "ok.txt": "small"})
    items = list(load_documents([str(tmp_path / "huge.txt"), str(tmp_path / "ok.txt")]))
    assert isinstance(items[0], InputFailure) and "larger than the 10 MB limit" in items[0].error.message
    assert isinstance(items[1], Document)


def test_a_document_at_the_limit_is_accepted(tmp_path: Path) -> None:
    write_tree(tmp_path, {"edge.txt": "a" * 100})
    (document,) = load_documents([str(tmp_path / "edge.txt")], max_bytes=100)
    assert isinstance(document, Document) and len(document.text) == 100


def test_stdin_is_plain_text() -> None:
    (document,) = load_documents(["-"], stdin=io.StringIO("Some *text* 1.\n"))
    assert isinstance(document, Document)
    assert (document.path, document.source, document.text) == ("<stdin>", "stdin", "Some *text* 1.\n")


def test_stdin_with_front_matter_is_markdown() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"---\ndate: 2025-10-16\ntitle: S\n---\nSome *text* 1.\n"))
    (document,) = load_documents(["-"], stdin=stdin)
    assert isinstance(document, Document) and document.source == "stdin"
    assert document.title == "S" and document.date == dt.date(2025, 10, 16)
    assert document.text.strip() == "Some text 1."


def test_stdin_bytes_are_decoded_strictly() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"ok\n\xc3("))
    (item,) = load_documents(["-"], stdin=stdin)
    assert isinstance(item, InputFailure) and item.path == "<stdin>"
    location = item.error.location
    assert location is not None and (location.line, location.column) == (2, 1)


def test_stdin_over_the_limit_is_refused() -> None:
    (item,) = load_documents(["-"], stdin=io.StringIO("x" * 101), max_bytes=100)
    assert isinstance(item, InputFailure) and "larger than" in item.error.message


MARKDOWN_DATED = "---\ndate: 2025-10-16\n---\nText.\n"


@pytest.mark.parametrize(
    ("content", "override", "default", "expected"),
    [
        (MARKDOWN_DATED, dt.date(2020, 1, 1), dt.date(2019, 1, 1), dt.date(2020, 1, 1)),
        (MARKDOWN_DATED, None, dt.date(2019, 1, 1), dt.date(2025, 10, 16)),
        ("No date.\n", None, dt.date(2019, 1, 1), dt.date(2019, 1, 1)),
        ("No date.\n", None, None, None),
        ("---\ndate: someday\n---\nText.\n", dt.date(2020, 1, 1), None, dt.date(2020, 1, 1)),
    ],
)
def test_date_precedence(
    tmp_path: Path, content: str, override: dt.date | None, default: dt.date | None, expected: dt.date | None
) -> None:
    write_tree(tmp_path, {"doc.md": content})
    (document,) = load_documents([str(tmp_path / "doc.md")], date_override=override, default_date=default)
    assert isinstance(document, Document) and document.date == expected
    if override is not None:
        assert "date_error" not in document.metadata


def test_loading_is_lazy(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.txt": "a"})
    items = load_documents([str(tmp_path / "a.txt"), str(tmp_path / "later.txt")])
    first = next(items)
    write_tree(tmp_path, {"later.txt": "created after the first document was read"})
    assert isinstance(first, Document) and isinstance(next(items), Document)


def test_documents_and_failures_survive_pickling_for_worker_processes(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.md": "# Title 1\n\nText &amp; 2.\n"})
    document, failure = load_documents([str(tmp_path / "a.md"), str(tmp_path / "missing.txt")])
    assert isinstance(document, Document) and isinstance(failure, InputFailure)
    copy = pickle.loads(pickle.dumps(document))
    assert copy.text == document.text and copy.offsets.to_original(3) == document.offsets.to_original(3)
    assert pickle.loads(pickle.dumps(failure)).path == failure.path
