"""Turning command-line paths into documents, one at a time.

Every input problem (a missing path, an empty directory, a file that cannot be read or decoded, a
bad JSONL line) is yielded as an :class:`InputFailure` in the stream instead of raised, because
the design promises that one bad input becomes a finding of its own and the run goes on. Documents
are produced lazily so a large corpus is never held in memory at once.

Reading happens in two steps so that the second can run in another process: :func:`units` finds the
work (a file to read, a JSONL line read but not parsed), cheaply and in order; :func:`read_unit`
turns one unit into its document. :func:`load_documents` chains the two.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TextIO

from factcheck.documents.frontmatter import has_front_matter
from factcheck.documents.ignore import IgnoreRules
from factcheck.documents.jsonl import RecordFailure, numbered_lines, read_record
from factcheck.documents.model import Document
from factcheck.documents.plaintext import parse_text
from factcheck.documents.reading import MAX_DOCUMENT_BYTES, decode_utf8, read_limited, too_large
from factcheck.errors import InputError, SourceLocation

STDIN = "-"
STDIN_PATH = "<stdin>"
FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
"""File extensions searched for in directories, and the reader each one gets."""

def _parser(kind: str) -> Callable[[str, str], Document]:
    """The reader for a format; Markdown's (markdown-it) and HTML's are imported only when such a
    file is read."""
    if kind == "html":
        from factcheck.documents.html import parse_html

        return parse_html
    if kind == "markdown":
        from factcheck.documents.markdown import parse_markdown

        return parse_markdown
    return parse_text


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be turned into a document; it becomes a ``factcheck/input-error``.

    ``record_line`` is set for a bad line of a JSONL file.
    """

    path: str
    error: InputError
    record_line: int | None = None


DocumentOrError = Document | InputFailure


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: ``date_override`` (``--date``) replaces every document's own date,
    ``default_date`` (the configuration's) fills a missing one; ``max_bytes`` bounds one document."""

    date_override: dt.date | None = None
    default_date: dt.date | None = None
    max_bytes: int = MAX_DOCUMENT_BYTES


@dataclass(frozen=True, slots=True)
class FileUnit:
    """A file to read whole (any format but JSONL)."""

    path: str


@dataclass(frozen=True, slots=True)
class LineUnit:
    """One line of a JSONL file, read but not yet parsed; ``raw`` is None for an oversized line."""

    path: str
    number: int
    raw: bytes | None


Unit = FileUnit | LineUnit | Document | InputFailure
"""A piece of work: what :func:`read_unit` turns into one document (or failure)."""


def discover(paths: list[str], *, honour_ignore: bool = True) -> list[str]:
    """The files ``paths`` name: files as given, directories expanded, ``-`` kept, duplicates dropped.

    A path that does not exist is kept so that loading it reports the failure; a directory with no
    document files contributes nothing. ``honour_ignore`` skips what ``.gitignore`` files ignore
    inside searched directories (``--no-ignore`` turns it off).
    """
    seen: set[str] = set()
    return [found for path in paths for found in _expand(path, seen, honour_ignore)[0]]


def load_documents(
    paths: list[str],
    *,
    date_override: dt.date | None = None,
    stdin: TextIO | None = None,
    default_date: dt.date | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    honour_ignore: bool = True,
) -> Iterator[DocumentOrError]:
    """Documents and failures for ``paths``, in order, lazily.

    ``date_override`` (the CLI's ``--date``) replaces every document's own date; ``default_date``
    (the project configuration's) is used only for documents that declare none. ``honour_ignore``
    is as for :func:`discover`.
    """
    options = ReadOptions(date_override, default_date, max_bytes)
    for unit in units(paths, options, stdin=stdin, honour_ignore=honour_ignore):
        item = read_unit(unit, options)
        if item is not None:
            yield item


def units(
    paths: list[str], options: ReadOptions, *, stdin: TextIO | None = None, honour_ignore: bool = True
) -> Iterator[Unit]:
    """The work ``paths`` name, in order, lazily: standard input is read here (it cannot be sent to
    another process), a JSONL file is split into its lines, any other file is left to read.
    ``honour_ignore`` is as for :func:`discover`."""
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield _load_stdin(stdin if stdin is not None else sys.stdin, options)
            continue
        files, failures = _expand(path, seen, honour_ignore)
        yield from failures
        for file in files:
            if _kind(file) == "jsonl":
                yield from _jsonl_lines(file, options.max_bytes)
            else:
                yield FileUnit(file)


def read_unit(unit: Unit, options: ReadOptions) -> DocumentOrError | None:
    """The document (or failure) of one unit, with ``options``' dates applied; None for a blank
    JSONL line."""
    if isinstance(unit, FileUnit):
        item: DocumentOrError = _load_file(unit.path, options)
    elif isinstance(unit, LineUnit):
        record = read_record(unit.raw, unit.path, unit.number, options.max_bytes)
        if record is None:
            return None
        if isinstance(record, RecordFailure):
            return InputFailure(unit.path, record.error, record_line=record.line)
        item = record
    else:
        item = unit
    return _apply_dates(item, options)


def unit_size(unit: Unit) -> int:
    """About how many characters a unit holds (bytes for what is not read yet), for progress."""
    if isinstance(unit, LineUnit):
        return len(unit.raw or b"")
    if isinstance(unit, FileUnit):
        try:
            return os.path.getsize(unit.path)
        except OSError:
            return 0
    return len(unit.original) if isinstance(unit, Document) else 0


def _expand(path: str, seen: set[str], honour_ignore: bool) -> tuple[list[str], list[InputFailure]]:
    """The files under one path (not yet in ``seen``), and failures for what cannot be searched."""
    if path == STDIN:
        return [path], []
    if not os.path.isdir(path):
        return _unseen([path], seen), []
    found: list[str] = []
    problems: list[InputFailure] = []

    def on_error(error: OSError) -> None:
        message = f"cannot search directory: {error.strerror}"
        problems.append(InputFailure(error.filename or path, InputError(message)))

    rules_at = {path: IgnoreRules.above(path) if honour_ignore else None}
    for root, dirs, files in os.walk(path, onerror=on_error):
        rules = rules_at.pop(root, None)
        rules = rules.entering(root) if rules is not None else None

        def kept(name: str, is_dir: bool, root: str = root, rules: IgnoreRules | None = rules) -> bool:
            return rules is None or not rules.ignored(os.path.join(root, name), is_dir=is_dir)

        dirs[:] = [name for name in dirs if not name.startswith(".") and kept(name, True)]
        rules_at.update((os.path.join(root, name), rules) for name in dirs)
        for name in files:
            if not _is_document(name) or not kept(name, False):
                continue
            file = os.path.join(root, name)
            kind = _special_kind(file)
            if kind is None:
                found.append(file)
            else:  # opening a FIFO would block the run until something writes to it
                problems.append(InputFailure(file, InputError(f"not a regular file ({kind}); not read",
                                                              SourceLocation(file, 1, 1))))
    if not found and not problems:
        extensions = ", ".join(FORMATS)
        problems.append(InputFailure(path, InputError(f"directory has no document files ({extensions})")))
    found.sort(key=lambda name: os.path.relpath(name, path).split(os.sep))
    return _unseen(found, seen), problems


def _special_kind(path: str) -> str | None:
    """What a path found in a directory is when it is not a regular file (a FIFO, a socket, a
    device), or ``None``. Paths named on the command line are read whatever they are, so that
    ``factcheck run <(curl ...)`` works."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading it reports the problem
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def _is_document(name: str) -> bool:
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in FORMATS


def _unseen(paths: list[str], seen: set[str]) -> list[str]:
    fresh = []
    for path in paths:
        key = os.path.normpath(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            fresh.append(path)
    return fresh


def _kind(path: str) -> str:
    return FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def _load_file(path: str, options: ReadOptions) -> DocumentOrError:
    try:
        with open(path, "rb") as stream:
            original = decode_utf8(read_limited(stream, path, options.max_bytes), path)
        return _parser(_kind(path))(path, original)
    except OSError as error:
        return InputFailure(path, InputError(f"cannot read: {error.strerror or error}"))
    except InputError as error:
        return InputFailure(path, error)


def _jsonl_lines(path: str, max_bytes: int) -> Iterator[LineUnit | InputFailure]:
    try:
        with open(path, "rb") as stream:
            for number, raw in numbered_lines(stream, max_bytes):
                yield LineUnit(path, number, raw)
    except OSError as error:
        yield InputFailure(path, InputError(f"cannot read: {error.strerror or error}"))


def _load_stdin(stdin: TextIO, options: ReadOptions) -> DocumentOrError:
    """Standard input is plain text, or Markdown when it opens with front matter."""
    try:
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            original = decode_utf8(read_limited(buffer, STDIN_PATH, options.max_bytes), STDIN_PATH)
        else:
            original = stdin.read(options.max_bytes + 1)
            if len(original) > options.max_bytes:
                raise too_large(STDIN_PATH, options.max_bytes)
        if has_front_matter(original):
            return _parser("markdown")(STDIN_PATH, original, source="stdin")  # type: ignore[call-arg]
        return parse_text(STDIN_PATH, original, source="stdin")
    except OSError as error:
        return InputFailure(STDIN_PATH, InputError(f"cannot read standard input: {error.strerror or error}"))
    except InputError as error:
        return InputFailure(STDIN_PATH, error)


def _apply_dates(item: DocumentOrError, options: ReadOptions) -> DocumentOrError:
    """``--date`` wins over the document's own date; the configured default fills a missing one."""
    if isinstance(item, Document):
        if options.date_override is not None:
            item.date = options.date_override
            item.metadata.pop("date_error", None)
        elif item.date is None:
            item.date = options.default_date
    return item
