"""Compiled regular expressions that survive between runs.

The extractors' word lists become large alternations, and CPython's ``re`` spends most of a cold
one-article run parsing and compiling them (tens of milliseconds) although they never change. This
module keeps what ``re``'s compiler produces for each pattern -- the matcher's opcode list and group
tables -- in one file in the user cache directory, and rebuilds the pattern object from it with the
same internal constructor ``re`` itself calls. The cache is keyed by the exact Python build, so a
different interpreter never reads it; on any doubt (a missing internal, a different build, an
unreadable file) it simply falls back to :func:`re.compile`.
"""

from __future__ import annotations

import atexit
import os
import pickle
import re
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

from factcheck.resources import cache_dir

try:  # CPython internals, used exactly as re._compiler.compile uses them
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: always compile afresh
    _sre = None

_Key = tuple[str, int]
_entries: dict[_Key, tuple[Any, ...]] | None = None
_dirty = False
_path: Path | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the on-disk cache when this build has compiled it before."""
    if _sre is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    entries = _load()
    entry = entries.get((pattern, int(flags)))
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError):
            pass
    compiled, entry = _compile(pattern, int(flags))
    _store(entries, (pattern, int(flags)), entry)
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """Compile as ``re._compiler.compile`` does, keeping the arguments of the final constructor."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, *entry), entry


def _store(entries: dict[_Key, tuple[Any, ...]], key: _Key, entry: tuple[Any, ...]) -> None:
    global _dirty
    entries[key] = entry
    _dirty = True


def _load() -> dict[_Key, tuple[Any, ...]]:
    global _entries, _path
    if _entries is None:
        _entries = {}
        directory = cache_dir()
        if directory is not None:
            build = _build_id()
            _path = directory / f"regex-{zlib.crc32(build.encode()):08x}.pickle"
            try:
                with _path.open("rb") as handle:
                    stored_build, entries = pickle.load(handle)
                if stored_build == build:
                    _entries = entries
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
                pass
            atexit.register(_save, build)
    return _entries


def _build_id() -> str:
    """What the cached opcodes depend on: the interpreter build and the regex engine's version."""
    return f"{sys.implementation.cache_tag}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}"


def _save(build: str) -> None:
    """Write the cache if it grew, atomically."""
    if not _dirty or _path is None or _entries is None:
        return
    try:
        fd, temporary = tempfile.mkstemp(dir=_path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((build, _entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, _path)
    except OSError:
        pass
