"""A dictionary that is saved between runs: the memory behind factcheck's start-up caches.

Several things a one-article run needs are expensive to build and depend only on their input
(parsed rule expressions, compiled regular expressions, word-list tries). Each kind lives in one
:class:`PersistentTable`: loaded from the user cache directory on first use, written back
atomically at exit when it grew. A table belongs to one ``build`` (a grammar's text, the Python
build): a file written under another build is ignored. Any trouble reading or writing means the
table just starts empty, so a cache can make a run faster but never different.
"""

from __future__ import annotations

import atexit
import pickle
import zlib
from pathlib import Path
from typing import Any

from factcheck.startup.diskcache import write_pickle
from factcheck.startup.resources import cache_dir, code_stamp

_TABLES: list[PersistentTable] = []

_ERRORS = (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError)


class PersistentTable:
    """Keys to picklable values, kept in ``<cache dir>/<name>-<digest of build>.pickle``."""

    def __init__(self, name: str, build: str, max_entries: int | None = None):
        self.name = name
        self.build = f"{code_stamp()}\0{build}"  # never read back by other code
        self.max_entries = max_entries  # past it, new entries are not kept
        self._entries: dict[Any, Any] | None = None
        self._dirty = False
        self._path: Path | None = None
        _TABLES.append(self)

    def get(self, key: Any) -> Any | None:
        return self._load().get(key)

    def put(self, key: Any, value: Any) -> None:
        entries = self._load()
        if self.max_entries is not None and len(entries) >= self.max_entries:
            return
        if key not in entries:
            entries[key] = value
            self._dirty = True

    def _load(self) -> dict[Any, Any]:
        if self._entries is None:
            self._entries = {}
            directory = cache_dir()
            if directory is not None:
                self._path = directory / f"{self.name}-{zlib.crc32(self.build.encode()):08x}.pickle"
                try:
                    with self._path.open("rb") as handle:
                        build, entries = pickle.load(handle)
                    if build == self.build:
                        self._entries = entries
                except _ERRORS:
                    pass
                atexit.register(self.save)
        return self._entries

    def save(self) -> None:
        """Write the table if it grew (a concurrent run sees the old file or the new one, whole)."""
        if not self._dirty or self._path is None or self._entries is None:
            return
        if write_pickle(self._path, (self.build, self._entries)):
            self._dirty = False


def save_all() -> None:
    """Write every table that grew (what the exit hooks would do), for a process about to exit."""
    for table in _TABLES:
        table.save()
