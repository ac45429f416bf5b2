"""Composite claims declared in pattern files, not hard-coded.

A pattern file (``rules/patterns/*.yaml`` in the default pack, see ``docs/patterns.md``) declares a
composite kind, its fields and the patterns that find it over words and atomic claims. Loading a
directory returns the kinds it declares, compiled once; nothing is registered anywhere. A
:class:`PatternSet` runs a chosen list of kinds (a pack's) over a document's atomic claims.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.claims.model import Claim
from factcheck.claims.patterns.compiler import Compiled
from factcheck.claims.patterns.loader import (
    PATTERNS_DIR,
    PatternKind,
    PatternLoadError,
    default_dir,
    default_kinds,
    load_directory,
    load_pattern_file,
    load_pattern_text,
    pattern_files,
    word_files,
)
from factcheck.claims.patterns.matcher import Masked, Needs, match_kind
from factcheck.claims.patterns.starts import BULLET, Scanner, scanner


class PatternSet:
    """Pattern kinds that run together over a document. Where their patterns may start is found by
    one combined search, built on first use from the kinds (which never change)."""

    def __init__(self, kinds: Iterable[PatternKind]) -> None:
        self.kinds: tuple[PatternKind, ...] = tuple(sorted(kinds, key=lambda kind: kind.stage))
        self._scanner: list[Scanner | None] = []  # memo of the combined search
        self._stages = [(stage, [kind for kind in self.kinds if kind.stage == stage])
                        for stage in sorted({kind.stage for kind in self.kinds})]
        self._named = [{name for kind in kinds for pattern in _compiled(kind) for name, _ in pattern.kinds}
                       for _, kinds in self._stages]
        self._needs = [Needs(pattern for kind in kinds for pattern in _compiled(kind))
                       for _, kinds in self._stages]

    def scanner(self) -> Scanner | None:
        if not self._scanner:
            starts = {start for kind in self.kinds for pattern in _compiled(kind) for start in pattern.starts}
            needed = {key for kind in self.kinds for pattern in _compiled(kind)
                      for need in (*pattern.needs, *pattern.held) for key in need}
            words = frozenset(word for key, word in starts | needed if key == "word")
            puncts = frozenset(punct for key, punct in starts if key == "punct")
            starting = frozenset(word for key, word in starts if key == "word")
            self._scanner.append(scanner(words, puncts, BULLET in starts, starting))
        return self._scanner[0]

    def extract(self, text: str, atoms: list[Claim], *, brute: bool = False) -> list[Claim]:
        """The composite claims every kind finds among ``atoms`` (sorted by start). ``brute`` (for
        tests) tries every pattern at every position instead of at its candidate starts."""
        if not self.kinds or not atoms:
            return []
        found: list[Claim] = []
        stages = zip(self._stages, self._named, self._needs, strict=True)
        for (_, kinds), named, needs in stages:  # later stages read earlier ones' claims
            earlier = [claim for claim in found if claim.kind in named]
            claims = sorted(atoms + earlier, key=lambda c: (c.span.start, -c.span.end)) if earlier else atoms
            masked = Masked(text, claims)
            if not brute:
                masked.scan(self.scanner())
                masked.viable = needs.viable(masked)
            for kind in kinds:
                found += match_kind(masked, kind, brute=brute)
        return found


def _compiled(kind: PatternKind) -> list[Compiled]:
    """A kind's patterns and its attached statements' patterns."""
    return [*kind.patterns, *(attachment.pattern for attachment in kind.attachments)]


__all__ = ["PATTERNS_DIR", "PatternKind", "PatternLoadError", "PatternSet", "default_dir", "default_kinds",
           "load_directory", "load_pattern_file", "load_pattern_text", "pattern_files", "word_files"]
