"""Compiled regular expressions that survive between runs.

The extractors' word lists become large alternations, and CPython's ``re`` spends much of a cold
one-article run parsing and compiling them although they never change. This module keeps what
``re``'s compiler produces for each pattern -- the matcher's opcode list and group tables -- in a
:class:`~factcheck.startup.persist.PersistentTable`, and rebuilds the pattern object from it with the same
internal constructor ``re`` itself calls. The table is keyed by the exact Python build, so another
interpreter never reads it; on any doubt (a missing internal, an unreadable file) it falls back to
:func:`re.compile`.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import Any

from factcheck.startup.persist import PersistentTable

try:  # CPython internals, used exactly as re._compiler.compile uses them
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: always compile afresh
    _sre = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this build has compiled it before."""
    if _sre is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _table().get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError):
            pass
    compiled, entry = _compile(pattern, int(flags))
    _table().put(key, entry)
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


def build_id() -> str:
    """What the cached opcodes depend on: the interpreter build and the regex engine's version."""
    return f"{sys.implementation.cache_tag}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}"


@cache
def _table() -> PersistentTable:
    return PersistentTable("regex", build_id())
