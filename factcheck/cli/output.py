"""Where a run's report goes: standard output, a whole file written atomically, or a JSONL stream.

A report file (``-o report.json``) is never seen half written and never outlives the run that
replaced it: the old file is removed when the run starts (a run killed half way leaves no report
rather than yesterday's), and the new one is written to a temporary file beside it and renamed
into place. A JSONL stream is written line by line, flushed, so a killed run keeps what it finished.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TextIO

from factcheck.cli.interrupts import held
from factcheck.errors import UsageError


class ReportFile:
    """``-o FILE``: the stale file removed now, the report written by :meth:`write` at the end."""

    def __init__(self, target: str) -> None:
        self.target = Path(target)
        try:
            if self.target.is_file() or self.target.is_symlink():
                self.target.unlink()
        except OSError as exc:
            raise UsageError(f"cannot replace {target}: {exc.strerror}") from None

    def write(self, text: str) -> None:
        write_atomically(self.target, text)


def write_atomically(target: Path, text: str) -> None:
    """``text`` into ``target`` through a temporary file in the same directory and a rename."""
    with held():  # Ctrl-C waits for the rename: the report is whole, then the run stops
        _write_atomically(target, text)


def _write_atomically(target: Path, text: str) -> None:
    import tempfile  # only for a report file (``-o``)

    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {target}: {exc.strerror}") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class LineStream:
    """A JSONL report: each line written and flushed at once, to ``target`` or standard output.

    ``append_at`` (for ``--resume``) keeps the file's first bytes, up to its last whole document
    line, and appends after them; otherwise the file is started afresh.
    """

    def __init__(self, target: str | None, append_at: int | None = None) -> None:
        self._owned = target is not None
        self.stream: TextIO
        if target is None:
            self.stream = sys.stdout
            return
        try:
            if append_at is not None and os.path.exists(target):
                os.truncate(target, append_at)
            mode = "w" if append_at is None else "a"
            self.stream = open(target, mode, encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc.strerror}") from None

    def write(self, line: str) -> None:
        self.stream.write(line)
        self.stream.flush()

    def close(self) -> None:
        if self._owned:
            self.stream.close()
