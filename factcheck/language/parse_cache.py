"""Parsed rule expressions kept between runs, so loading a pack does not re-parse unchanged rules.

Parsing is most of what loading a rule costs (about a millisecond an expression, against a tenth of
that for type checking and compiling), and rule packs rarely change between runs. Parsed trees are
plain dataclasses, so they pickle into a :class:`~factcheck.startup.persist.PersistentTable` that belongs
to the grammar's exact text. Type checking and compilation still run on every load, so a cached
tree never skips a check.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from factcheck.startup.persist import PersistentTable
from factcheck.startup.resources import grammar_path

_FORMAT = 1  # bump when the AST's classes change shape


def lookup(start: str, text: str) -> Any | None:
    """The cached tree for ``text`` parsed from grammar rule ``start``, or None."""
    return _table().get((start, text))


def store(start: str, text: str, tree: Any) -> None:
    _table().put((start, text), tree)


@cache
def _table() -> PersistentTable:
    grammar = grammar_path("rule.lark").read_text(encoding="utf-8")
    return PersistentTable("expressions", f"{_FORMAT}\0{grammar}")
