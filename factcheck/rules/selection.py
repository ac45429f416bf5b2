"""``--select`` and ``--ignore``: which loaded rules run, by id, tag or glob (as ruff selects).

Each option takes a comma-separated list and may be repeated. A selector matches a rule whose id
equals it, whose tags include it, or whose id matches it as a glob (``shares-*``). ``--select``
keeps only the matching rules; ``--ignore`` then removes its matches. A selector that matches no
loaded rule is a usage error with the nearest id or tag, so a typo never silently selects nothing.
Selection happens after the packs and their facts load, so every fact a selected rule needs is there.
"""

from __future__ import annotations

import argparse
import fnmatch
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.errors import UsageError

if TYPE_CHECKING:
    from factcheck.rules.model import Rule


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--select", action="append", default=[], metavar="RULES",
                        help="run only these rules: ids, tags or globs, comma-separated")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES",
                        help="do not run these rules: ids, tags or globs, comma-separated")


@dataclass(frozen=True, slots=True)
class Selection:
    """The rules ``--select`` and ``--ignore`` name: ids, tags or globs."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Selection:
        return cls(_split(getattr(args, "select", [])), _split(getattr(args, "ignore", [])))

    def apply(self, rules: list[Rule]) -> list[Rule]:
        """The rules that run, in load order."""
        for selector in (*self.select, *self.ignore):
            if not any(matches(rule, selector) for rule in rules):
                names = {rule.id for rule in rules} | {tag for rule in rules for tag in rule.info.tags}
                from factcheck.errors import did_you_mean

                hint = did_you_mean(selector, names, "")
                raise UsageError(f"no loaded rule matches {selector!r}", hint=hint)
        if self.select:
            rules = [rule for rule in rules if any(matches(rule, s) for s in self.select)]
        return [rule for rule in rules if not any(matches(rule, s) for s in self.ignore)]


def matches(rule: Rule, selector: str) -> bool:
    return selector == rule.id or selector in rule.info.tags or fnmatch.fnmatchcase(rule.id, selector)


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())
