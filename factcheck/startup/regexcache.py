"""Compiled regular expressions kept between runs, as data: what only this Python build produces.

The extractors' word lists become large alternations, and CPython's ``re`` spends much of a cold
one-article run parsing and compiling them although they never change. What ``re``'s compiler
produces for a pattern -- the matcher's opcode list (integers) and its group tables -- is kept in
one JSON entry of the runtime cache (:mod:`factcheck.startup.cache`), keyed by the exact Python
build; a pattern is rebuilt from it with the constructor ``re`` itself calls, whose own validator
rejects an opcode list that is not well formed. Anything unexpected (a missing internal, an entry
of the wrong shape, a rejected code) falls back to :func:`re.compile`. The entry is written back
once, when the process ends, if it grew.
"""

from __future__ import annotations

import atexit
import json
import re
import sys
from typing import Any

try:  # CPython internals, used exactly as re._compiler.compile uses them
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: always compile afresh
    _sre = None

# "flags:pattern" → [flags, code, groups, groupindex, indexgroup], the arguments of _sre.compile
_entries: dict[str, list[Any]] | None = None
_grown = False


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, rebuilt from the cache when this build compiled it before."""
    global _grown
    if _sre is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = f"{int(flags)}:{pattern}"
    entries = _load()
    entry = entries.get(key)
    if entry is not None:
        try:
            flags_, code, groups, groupindex, indexgroup = entry
            return _sre.compile(pattern, flags_, code, groups, groupindex, tuple(indexgroup))
        except (TypeError, ValueError, RuntimeError):
            pass
    compiled, entries[key] = _compile(pattern, int(flags))
    _grown = True
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], list[Any]]:
    """Compile as ``re._compiler.compile`` does, keeping the arguments of the final constructor."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = [flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, indexgroup]
    return _sre.compile(pattern, entry[0], code, entry[2], groupindex, tuple(indexgroup)), entry


def build_id() -> str:
    """What the cached opcodes depend on: the interpreter build and the regex engine's version."""
    return f"{sys.implementation.cache_tag}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}"


def _load() -> dict[str, list[Any]]:
    global _entries
    if _entries is None:
        from factcheck.startup import cache

        _entries = cache.load_or_build("regex", build_id(), dict, decode=_valid)
        atexit.register(save)
    return _entries


def _valid(value: Any) -> dict[str, list[Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, list) and len(v) == 5 for v in value.values()):
        raise ValueError("not a table of compiled patterns")
    return value


def save() -> None:
    """Write the table back if it grew (called at exit; the console script calls it before its
    quick exit)."""
    global _grown
    if not _grown or _entries is None:
        return
    from factcheck.startup import cache

    path = cache.entry_path("regex", build_id())
    if path is not None:
        data = {"format": cache.FORMAT, "key": build_id(), "value": _entries}
        cache.write(path, json.dumps(data).encode("utf-8"))
    _grown = False
