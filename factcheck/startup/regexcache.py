"""Compiled regular expressions kept between runs, as data: what only this Python build produces.

The extractors' word lists become large alternations, and CPython's ``re`` spends much of a cold
one-article run parsing and compiling them although they never change. What ``re``'s compiler
produces for a pattern -- the matcher's opcode list (integers) and its group tables -- is kept in a
:class:`~factcheck.startup.cache.Table` of the runtime cache keyed by the exact Python build; a
pattern is rebuilt from it with the constructor ``re`` itself calls, whose own validator rejects an
opcode list that is not well formed. Anything unexpected (a missing internal, an entry of the wrong
shape, a rejected code) falls back to :func:`re.compile`.

The opcodes are kept as the base64 of their machine words (the extractors' word lists compile to
about 250,000 of them): JSON then reads one string per pattern instead of parsing every number,
which took a tenth of a warm run.
"""

from __future__ import annotations

import base64
import os
import re
import sys
from array import array
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.startup.built import Artefact
from factcheck.startup.cache import Table

try:  # CPython internals, used exactly as re._compiler.compile uses them
    import _sre
    from re import _parser

    from factcheck.startup import firstchars
except ImportError:  # pragma: no cover - another implementation: always compile afresh
    _sre = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, rebuilt from the opcodes generated with the package when they
    are this build's, else from the runtime cache when this build compiled it before."""
    if _sre is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = f"{int(flags)}:{pattern}"
    prebuilt = _section("entries").get(key)
    if prebuilt is not None:
        try:
            return _sre.compile(pattern, *_arguments(prebuilt))
        except (TypeError, ValueError, RuntimeError):
            pass
    entry = _table().get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError):
            pass
    compiled, entry = _compile(pattern, int(flags))
    _table().put(key, entry)
    if _recorded is not None:
        _recorded["entries"][key] = entry
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], list[Any]]:
    """Compile as ``re._compiler.compile`` does, keeping the arguments of the final constructor."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in firstchars.code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = [flags | parsed.state.flags, encode_code(code), parsed.state.groups - 1, groupindex, indexgroup]
    return _sre.compile(pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
                        tuple(indexgroup)), entry


def _word() -> str:
    """The array type code of ``_sre``'s code words."""
    return next(code for code in "IL" if array(code).itemsize == _sre.CODESIZE)


def encode_code(code: list[int]) -> str:
    """Opcodes as the base64 of their machine words."""
    return base64.b64encode(array(_word(), code).tobytes()).decode("ascii")


def _decode_code(text: Any) -> list[int]:
    if not isinstance(text, str):
        raise ValueError("not a compiled pattern")
    words = array(_word())
    words.frombytes(base64.b64decode(text, validate=True))
    return words.tolist()


def _arguments(entry: Any) -> tuple[Any, ...]:
    """The arguments of ``_sre.compile`` after the pattern, from a table entry; raises unless the
    entry has their shape (the opcodes themselves are checked by ``_sre``)."""
    flags, code, groups, groupindex, indexgroup = entry
    if not (isinstance(flags, int) and isinstance(groups, int) and isinstance(groupindex, dict)
            and isinstance(indexgroup, list)):
        raise ValueError("not a compiled pattern")
    return flags, _decode_code(code), groups, groupindex, tuple(indexgroup)


def build_id() -> str:
    """What the cached opcodes depend on: the interpreter build and the regex engine's version."""
    return (
        f"{sys.implementation.cache_tag}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.byteorder}"
        f"-b64-{firstchars.VERSION}"
    )


@cache
def _table() -> Table:
    return Table("regex", build_id(), _arguments)


# -- the package's own patterns, compiled when it is built ----------------------------------------
# `pip install .` builds the wheel with the Python that then runs it: the opcodes of every pattern
# a run of the default pack compiles are generated with the package (for that build only, as
# :func:`build_id` says), so even the first run after installing compiles almost none. Under another
# Python build they are not used and the runtime cache keeps them as before.
#
# Beside the opcodes (section "entries", keyed by flags and pattern), the same run records what the
# extractors derive from their word lists and patterns before any regex is compiled or run: the
# regex source of each word list's trie ("tries", claims/lexicon.py) and the literals every match of
# a pattern holds ("needs", claims/literals.py). Each is a pure function of its key (a digest of
# the exact input: a changed word list or pattern is only not found, and derived in the process).

_SECTIONS = ("entries", "tries", "needs")
_recorded: dict[str, dict[str, Any]] | None = None  # set only in the build's collecting process


def record() -> dict[str, dict[str, Any]]:
    """Start keeping every entry this process compiles or derives; the sections, filled as it runs."""
    global _recorded
    _recorded = {section: {} for section in _SECTIONS}
    return _recorded


def derived(section: str, key: str) -> Any | None:
    """What the package's build recorded for ``key`` in ``section`` ("tries", "needs"), or None."""
    return _section(section).get(key)


def keep(section: str, key: str, value: Any) -> None:
    """Record a derived value (plain data) when this is the build's collecting process."""
    if _recorded is not None:
        _recorded[section][key] = value


def input_key(*parts: object) -> str:
    """The key of a derived value: a digest of the ``repr`` of its exact input."""
    import hashlib

    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _section(name: str) -> dict[str, Any]:
    section = _prebuilt().get(name)
    return section if isinstance(section, dict) else {}


@cache
def _prebuilt() -> dict[str, Any]:
    from factcheck.startup import built

    if os.environ.get(_COLLECTING):
        return {}
    data = built.load(PREBUILT)
    if not isinstance(data, dict) or data.get("build") != build_id():
        return {}
    return data


_COLLECTING = "FACTCHECK_COLLECTING_PATTERNS"


def _collect() -> dict[str, Any]:
    """What :data:`PREBUILT` holds: the patterns a run of the default pack compiles (and what it
    derives for them), collected in a fresh process (``python -m factcheck.cli.prebuild
    --patterns``) with no cache, so nothing this process compiled before is included."""
    import json
    import subprocess

    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, _COLLECTING: "1", "FACTCHECK_NO_CACHE": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "factcheck.cli.prebuild", "--patterns"], env=env,
                          capture_output=True, text=True, check=True)
    sections = json.loads(done.stdout)
    return {"build": build_id(), **{name: dict(sorted(sections[name].items())) for name in _SECTIONS}}


def _pattern_sources() -> list[Path]:
    """The lexicons most of the package's patterns are made from. Each entry is keyed by its exact
    pattern, so a pattern made from changed files is only not found (and compiled); the pattern
    files are left out, as reading them when an extractor is imported would read a pack."""
    return sorted((Path(__file__).resolve().parents[1] / "claims" / "lexicon").glob("*.yaml"))


# The opcodes of the package's own patterns for the Python that built it (factcheck.startup.built).
PREBUILT = Artefact("regexes", _pattern_sources, _collect)
