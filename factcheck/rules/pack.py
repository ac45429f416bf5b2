"""A loaded pack: one immutable value holding everything loading found, with where it came from.

The claim kinds, the extractor and the rules' type environment are all derived from this value, so
two packs loaded in one process never see each other's kinds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.claims.model import ClaimKind
from factcheck.claims.patterns import PatternKind
from factcheck.rules.model import Rule

if TYPE_CHECKING:
    from factcheck.claims.extract import Extractor


@dataclass(frozen=True)
class Pack:
    """Rules in load order, the pattern kinds and fact files they come with, and the claim kinds the
    rules were type-checked against (the built-in kinds and every pattern kind)."""

    rules: tuple[Rule, ...]
    patterns: tuple[PatternKind, ...]
    fact_files: tuple[Path, ...]
    kinds: Mapping[str, ClaimKind]
    sources: tuple[Path, ...]  # the pack directories and rule files, as given

    def extractor(self) -> Extractor:
        """An extractor that finds this pack's pattern kinds besides the built-in ones."""
        from factcheck.claims.extract import Extractor
        from factcheck.claims.patterns import PatternSet

        return Extractor(PatternSet(self.patterns))
