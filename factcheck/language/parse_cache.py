"""An on-disk cache of parsed expressions, so loading a rule pack does not re-parse unchanged rules.

Parsing is most of what loading a rule costs (about a millisecond an expression, against a tenth
of that for type checking and compiling), and rule packs rarely change between runs. Parsed trees
are plain dataclasses, so they pickle; the cache is keyed by the grammar and the exact expression
text, written atomically, and ignored when it cannot be read or written. Type checking and
compilation still run on every load, so a cached tree never skips a check.
"""

from __future__ import annotations

import atexit
import os
import pickle
import tempfile
import zlib
from pathlib import Path
from typing import Any

from factcheck.resources import cache_dir, grammar_path

_VERSION = 1
_entries: dict[tuple[str, str], Any] | None = None
_dirty = False
_path: Path | None = None


def lookup(start: str, text: str) -> Any | None:
    """The cached tree for ``text`` parsed from rule ``start``, or None."""
    return _load().get((start, text))


def store(start: str, text: str, tree: Any) -> None:
    global _dirty
    entries = _load()
    if (start, text) not in entries:
        entries[(start, text)] = tree
        _dirty = True


def _load() -> dict[tuple[str, str], Any]:
    global _entries, _path
    if _entries is None:
        _entries = {}
        directory = cache_dir()
        if directory is not None:
            grammar = grammar_path("rule.lark").read_bytes()
            _path = directory / f"expressions-{_VERSION}-{zlib.crc32(grammar):08x}.pickle"
            try:
                with _path.open("rb") as handle:
                    _entries = pickle.load(handle)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                _entries = {}
            atexit.register(_save)
    return _entries


def _save() -> None:
    """Write the cache if it grew, atomically (a concurrent run sees the old or the new file)."""
    if not _dirty or _path is None or _entries is None:
        return
    try:
        fd, temporary = tempfile.mkstemp(dir=_path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(_entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, _path)
    except OSError:
        pass
