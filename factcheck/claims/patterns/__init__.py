"""Composite claims declared in pattern files, not hard-coded.

A pattern file (``rules/patterns/*.yaml`` in the default pack, see ``docs/patterns.md``) declares a
composite kind, its fields and the patterns that find it over words and atomic claims. Loading a file
compiles each pattern once and registers the kind in :data:`~factcheck.claims.kinds.CLAIM_KINDS`;
:func:`extract` runs every loaded kind over a document's atomic claims.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

from factcheck.claims.kinds import CLAIM_KINDS, register_kind
from factcheck.claims.model import Claim
from factcheck.claims.patterns.loader import (
    PatternKind,
    PatternLoadError,
    kind_location,
    load_pattern_file,
    load_pattern_text,
)
from factcheck.claims.patterns.matcher import Masked, match_kind
from factcheck.claims.patterns.starts import scanner

PATTERNS_DIR = "patterns"
_ACTIVE: list[PatternKind] = []


def _default_dir() -> Path:
    try:
        from factcheck.startup.resources import rules_dir

        return rules_dir() / PATTERNS_DIR
    except FileNotFoundError:  # pragma: no cover - a broken install
        return Path(__file__).resolve().parents[3] / "rules" / PATTERNS_DIR


def pattern_files(directory: Path) -> list[Path]:
    """The pattern files of a ``patterns/`` directory, in name order."""
    return sorted(p for p in directory.glob("*.yaml") if p.is_file()) if directory.is_dir() else []


def install(kinds: Iterable[PatternKind]) -> None:
    """Register pattern kinds and run them from now on. A kind declared twice is an error, and then
    none of ``kinds`` is registered."""
    kinds = list(kinds)
    seen: dict[str, str] = {}
    for kind in kinds:
        name = kind.kind.name
        if name in CLAIM_KINDS or name in seen:
            first = f"first declared in {seen[name]}" if name in seen else None
            raise PatternLoadError(f"claim kind {name!r} is already declared", kind_location(kind.path),
                                   first)
        seen[name] = kind.path
    for kind in kinds:
        register_kind(kind.kind)
        _ACTIVE.append(kind)
    _SCANNER.clear()
    types = sys.modules.get("factcheck.language.types")
    if types is not None and kinds:  # `claims.KIND` members are cached per process: add the new ones
        types.record_fields.cache_clear()


_LOADED: dict[Path, list[PatternKind]] = {}  # resolved directory → the kinds it declared


def load_directory(directory: Path) -> list[PatternKind]:
    """Load and install every pattern file of a pack's ``patterns/`` directory, once per process: a
    directory loaded before (by its resolved path) is not read again."""
    key = Path(directory).resolve()
    if key in _LOADED:
        return list(_LOADED[key])
    kinds = [load_pattern_file(path) for path in pattern_files(key)]
    install(kinds)
    _LOADED[key] = kinds
    return list(kinds)


_SCANNER: list[re.Pattern[str] | None] = []  # the combined search for the active kinds, once built


def _scanner() -> re.Pattern[str] | None:
    if not _SCANNER:
        starts = {start for kind in _ACTIVE for pattern in kind.patterns for start in pattern.starts}
        words = {word for key, word in starts if key == "word"}
        _SCANNER.append(scanner(words, {punct for key, punct in starts if key == "punct"}))
    return _SCANNER[0]


def active() -> list[PatternKind]:
    return list(_ACTIVE)


def extract(text: str, atoms: list[Claim], *, brute: bool = False) -> list[Claim]:
    """The composite claims every installed pattern kind finds among ``atoms`` (sorted by start).
    ``brute`` (for tests) tries every pattern at every position instead of at its candidate starts."""
    if not _ACTIVE or not atoms:
        return []
    masked = Masked(text, atoms)
    if not brute:
        masked.scan(_scanner())
    found: list[Claim] = []
    for kind in _ACTIVE:
        found += match_kind(masked, kind, brute=brute)
    return found



load_directory(_default_dir())

__all__ = ["PatternKind", "PatternLoadError", "active", "extract", "install", "load_directory",
           "load_pattern_file", "load_pattern_text", "pattern_files"]
