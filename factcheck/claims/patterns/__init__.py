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
    is_word_file,
    kind_location,
    load_pattern_file,
    load_pattern_text,
    load_word_text,
    read_pattern_file,
    record_stage,
    stage_of,
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


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file()) if directory.is_dir() else []


def pattern_files(directory: Path) -> list[Path]:
    """The pattern files of a ``patterns/`` directory (each declaring a kind), in name order."""
    return [path for path in _yaml_files(directory) if not is_word_file(read_pattern_file(path))]


def word_files(directory: Path) -> list[Path]:
    """The word files of a ``patterns/`` directory (macros shared by its pattern files), in name order."""
    return [path for path in _yaml_files(directory) if is_word_file(read_pattern_file(path))]


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
        record_stage(kind)
        _ACTIVE.append(kind)
    _ACTIVE.sort(key=lambda kind: kind.stage)
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
    shared: dict = {}
    words = {path: read_pattern_file(path) for path in word_files(key)}
    for path, text in words.items():  # word files first: their macros serve every pattern file
        shared = load_word_text(str(path), text, shared)
    shared_key = "\0".join(words.values())
    texts = {path: read_pattern_file(path) for path in pattern_files(key)}
    kinds: list[PatternKind] = []
    for stage in sorted({stage_of(text) for text in texts.values()}):  # a stage sees earlier ones
        batch = [load_pattern_file(path, shared, shared_key) for path, text in texts.items()
                 if stage_of(text) == stage]
        install(batch)
        kinds += batch
    _LOADED[key] = kinds
    return list(kinds)


_SCANNER: list[re.Pattern[str] | None] = []  # the combined search for the active kinds, once built


def _scanner() -> re.Pattern[str] | None:
    if not _SCANNER:
        starts = {start for kind in _ACTIVE for pattern in _compiled(kind) for start in pattern.starts}
        words = {word for key, word in starts if key == "word"}
        _SCANNER.append(scanner(words, {punct for key, punct in starts if key == "punct"}))
    return _SCANNER[0]


def _compiled(kind: PatternKind) -> list:
    return [*kind.patterns, *(attachment.pattern for attachment in kind.attachments)]


def active() -> list[PatternKind]:
    return list(_ACTIVE)


def extract(text: str, atoms: list[Claim], *, brute: bool = False) -> list[Claim]:
    """The composite claims every installed pattern kind finds among ``atoms`` (sorted by start).
    ``brute`` (for tests) tries every pattern at every position instead of at its candidate starts."""
    if not _ACTIVE or not atoms:
        return []
    found: list[Claim] = []
    for stage in sorted({kind.stage for kind in _ACTIVE}):  # a later stage reads earlier composites
        kinds = [kind for kind in _ACTIVE if kind.stage == stage]
        named = {name for kind in kinds for pattern in _compiled(kind) for name, _ in pattern.kinds}
        earlier = [claim for claim in found if claim.kind in named]
        claims = sorted(atoms + earlier, key=lambda c: (c.span.start, -c.span.end)) if earlier else atoms
        masked = Masked(text, claims)
        if not brute:
            masked.scan(_scanner())
        for kind in kinds:
            found += match_kind(masked, kind, brute=brute)
    return found



load_directory(_default_dir())

__all__ = ["PatternKind", "PatternLoadError", "active", "extract", "install", "load_directory",
           "load_pattern_file", "load_pattern_text", "pattern_files", "word_files"]
