"""Composite claims declared in pattern files, not hard-coded.

A pattern file (``rules/patterns/*.yaml`` in the default pack, see ``docs/patterns.md``) declares a
composite kind, its fields and the patterns that find it over words and atomic claims. Loading a
directory returns the kinds it declares, compiled once; nothing is registered anywhere. A
:class:`PatternSet` runs a chosen list of kinds (a pack's) over a document's atomic claims.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from factcheck.claims.model import Claim, ClaimKind
from factcheck.claims.patterns.compiler import Compiled
from factcheck.claims.patterns.loader import (
    PatternKind,
    PatternLoadError,
    Scope,
    is_word_file,
    kind_location,
    load_pattern_file,
    load_pattern_text,
    load_word_text,
    read_pattern_file,
    stage_of,
)
from factcheck.claims.patterns.matcher import Masked, match_kind
from factcheck.claims.patterns.starts import BULLET, scanner
from factcheck.startup import built, datacodec

PATTERNS_DIR = "patterns"


def default_dir() -> Path:
    """The default pack's ``patterns/`` directory."""
    from factcheck.startup.resources import rules_dir

    return rules_dir() / PATTERNS_DIR


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file()) if directory.is_dir() else []


def pattern_files(directory: Path) -> list[Path]:
    """The pattern files of a ``patterns/`` directory (each declaring a kind), in name order."""
    return [path for path in _yaml_files(directory) if not is_word_file(read_pattern_file(path))]


def word_files(directory: Path) -> list[Path]:
    """The word files of a ``patterns/`` directory (macros shared by its pattern files), in name order."""
    return [path for path in _yaml_files(directory) if is_word_file(read_pattern_file(path))]


def load_directory(directory: Path, known: Mapping[str, ClaimKind]) -> list[PatternKind]:
    """The kinds declared by every pattern file of a ``patterns/`` directory, each checked against
    the ``known`` kinds, the macros of the directory's word files and the kinds of its earlier stages
    (files load stage by stage). A kind declared twice, here or in ``known``, is an error at its name."""
    from factcheck.claims.kinds import with_kinds

    directory = Path(directory)
    shared: dict = {}
    words = {path: read_pattern_file(path) for path in word_files(directory)}
    for path, text in words.items():  # word files first: their macros serve every pattern file
        shared = load_word_text(str(path), text, shared)
    texts = {path: read_pattern_file(path) for path in pattern_files(directory)}
    kinds: list[PatternKind] = []
    seen: dict[str, str] = {}
    for stage in sorted({stage_of(text) for text in texts.values()}):  # a stage sees the earlier ones
        scope = Scope(with_kinds(known, [kind.kind for kind in kinds]), shared, "\0".join(words.values()),
                      {kind.kind.name: kind.stage for kind in kinds})
        for path in (path for path, text in texts.items() if stage_of(text) == stage):
            kind = load_pattern_file(path, scope=scope)
            name = kind.kind.name
            if name in seen:
                raise PatternLoadError(f"claim kind {name!r} is already declared", kind_location(kind.path),
                                       f"first declared in {seen[name]}")
            seen[name] = kind.path
            kinds.append(kind)
    return kinds


@cache
def default_kinds() -> tuple[PatternKind, ...]:
    """The default pack's pattern kinds (a pure function of the package's files): generated when the
    package was built (:data:`PREBUILT`), or loaded from the files when that data is missing or
    was generated from other files or code."""
    data = built.load(PREBUILT)
    if data is not None:
        try:
            return decode_kinds(data, default_dir())
        except ValueError:
            pass
    return _load_default()


def _load_default() -> tuple[PatternKind, ...]:
    from factcheck.claims.kinds import BUILTIN_KINDS

    return tuple(load_directory(default_dir(), BUILTIN_KINDS))


def encode_kinds(kinds: Iterable[PatternKind]) -> list:
    """Pattern kinds as JSON data, each file named relative to its directory."""
    return [datacodec.encode(dataclasses.replace(kind, path=Path(kind.path).name)) for kind in kinds]


def _data_types() -> list[type]:
    """The dataclasses a pattern kind is made of: every one the pattern modules define, so a new
    piece of a compiled pattern is read back without a list to keep up to date."""
    from factcheck.claims import model
    from factcheck.claims.patterns import compiler, loader, starts

    return [value for module in (model, compiler, loader, starts) for value in vars(module).values()
            if isinstance(value, type) and dataclasses.is_dataclass(value)]


def decode_kinds(data: list, directory: Path) -> tuple[PatternKind, ...]:
    """:func:`encode_kinds`'s data read back, the files named in ``directory``; ValueError when it
    is not a list of pattern kinds."""
    kinds = datacodec.decoder(_data_types())(data)
    if not isinstance(kinds, list) or not all(isinstance(kind, PatternKind) for kind in kinds):
        raise ValueError("not a list of pattern kinds")
    return tuple(dataclasses.replace(kind, path=str(directory / kind.path)) for kind in kinds)


# The default pack's pattern kinds, generated by the build hook (factcheck.startup.built).
PREBUILT = built.Artefact("patterns", lambda: _yaml_files(default_dir()),
                          lambda: encode_kinds(_load_default()))


class PatternSet:
    """Pattern kinds that run together over a document. Where their patterns may start is found by
    one combined search, built on first use from the kinds (which never change)."""

    def __init__(self, kinds: Iterable[PatternKind]) -> None:
        self.kinds: tuple[PatternKind, ...] = tuple(sorted(kinds, key=lambda kind: kind.stage))
        self._scanner: list[re.Pattern[str] | None] = []  # memo of the combined search

    def scanner(self) -> re.Pattern[str] | None:
        if not self._scanner:
            starts = {start for kind in self.kinds for pattern in _compiled(kind) for start in pattern.starts}
            needed = {key for kind in self.kinds for pattern in _compiled(kind) for need in pattern.needs
                      for key in need}
            words = frozenset(word for key, word in starts | needed if key == "word")
            puncts = frozenset(punct for key, punct in starts if key == "punct")
            self._scanner.append(scanner(words, puncts, BULLET in starts))
        return self._scanner[0]

    def extract(self, text: str, atoms: list[Claim], *, brute: bool = False) -> list[Claim]:
        """The composite claims every kind finds among ``atoms`` (sorted by start). ``brute`` (for
        tests) tries every pattern at every position instead of at its candidate starts."""
        if not self.kinds or not atoms:
            return []
        found: list[Claim] = []
        for stage in sorted({kind.stage for kind in self.kinds}):  # a later stage reads earlier composites
            kinds = [kind for kind in self.kinds if kind.stage == stage]
            named = {name for kind in kinds for pattern in _compiled(kind) for name, _ in pattern.kinds}
            earlier = [claim for claim in found if claim.kind in named]
            claims = sorted(atoms + earlier, key=lambda c: (c.span.start, -c.span.end)) if earlier else atoms
            masked = Masked(text, claims)
            if not brute:
                masked.scan(self.scanner())
            for kind in kinds:
                found += match_kind(masked, kind, brute=brute)
        return found


def _compiled(kind: PatternKind) -> list[Compiled]:
    """A kind's patterns and its attached statements' patterns."""
    return [*kind.patterns, *(attachment.pattern for attachment in kind.attachments)]


__all__ = ["PATTERNS_DIR", "PatternKind", "PatternLoadError", "PatternSet", "default_dir", "default_kinds",
           "load_directory", "load_pattern_file", "load_pattern_text", "pattern_files", "word_files"]
