"""Turning command-line paths into documents, one at a time.

Every input problem (a missing path, an empty directory, a file that cannot be read or decoded, a
bad JSONL line) is yielded as an :class:`InputFailure` in the stream instead of raised, because
the design promises that one bad input becomes a finding of its own and the run goes on. Documents
are produced lazily so a large corpus is never held in memory at once.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from factcheck.documents.frontmatter import has_front_matter
from factcheck.documents.ignore import IgnoreRules
from factcheck.documents.jsonl import RecordFailure, iter_records
from factcheck.documents.markdown import parse_markdown
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
    """The reader for a format; HTML's is imported only when an HTML file is read."""
    if kind == "html":
        from factcheck.documents.html import parse_html

        return parse_html
    return parse_markdown if kind == "markdown" else parse_text


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
class _Options:
    date_override: dt.date | None
    default_date: dt.date | None
    max_bytes: int


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
    options = _Options(date_override, default_date, max_bytes)
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield _apply_dates(_load_stdin(stdin if stdin is not None else sys.stdin, options), options)
            continue
        files, failures = _expand(path, seen, honour_ignore)
        yield from failures
        for file in files:
            for item in _load_file(file, options):
                yield _apply_dates(item, options)


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


def _load_file(path: str, options: _Options) -> Iterator[DocumentOrError]:
    kind = FORMATS.get(os.path.splitext(path)[1].lower(), "text")
    try:
        with open(path, "rb") as stream:
            if kind == "jsonl":
                yield from _jsonl(stream, path, options)
                return
            original = decode_utf8(read_limited(stream, path, options.max_bytes), path)
        yield _parser(kind)(path, original)
    except OSError as error:
        yield InputFailure(path, InputError(f"cannot read: {error.strerror or error}"))
    except InputError as error:
        yield InputFailure(path, error)


def _jsonl(stream: BinaryIO, path: str, options: _Options) -> Iterator[DocumentOrError]:
    for item in iter_records(stream, path, options.max_bytes):
        if isinstance(item, RecordFailure):
            yield InputFailure(path, item.error, record_line=item.line)
        else:
            yield item


def _load_stdin(stdin: TextIO, options: _Options) -> DocumentOrError:
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
            return parse_markdown(STDIN_PATH, original, source="stdin")
        return parse_text(STDIN_PATH, original, source="stdin")
    except OSError as error:
        return InputFailure(STDIN_PATH, InputError(f"cannot read standard input: {error.strerror or error}"))
    except InputError as error:
        return InputFailure(STDIN_PATH, error)


def _apply_dates(item: DocumentOrError, options: _Options) -> DocumentOrError:
    """``--date`` wins over the document's own date; the configured default fills a missing one."""
    if isinstance(item, Document):
        if options.date_override is not None:
            item.date = options.date_override
            item.metadata.pop("date_error", None)
        elif item.date is None:
            item.date = options.default_date
    return item
