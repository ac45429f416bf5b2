""".gitignore files, honoured when a directory is searched (as ruff, ripgrep and Vale do).

Matching uses pathspec's ``GitIgnoreSpec``, which follows Git's own rules (negation, directory-only
patterns, anchoring, ``**``). As in Git, each ``.gitignore`` applies to the paths below its
directory and a deeper file has the last word; the files above the searched directory up to the
repository root (the directory holding ``.git``) apply too, so searching ``docs/`` in a repository
skips what the repository ignores. Paths named on the command line are never filtered.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

IGNORE_FILE = ".gitignore"


@dataclass(frozen=True, slots=True)
class _Level:
    """The patterns of one ``.gitignore``, and the directory they are relative to."""

    base: str
    spec: GitIgnoreSpec


class IgnoreRules:
    """The ``.gitignore`` files that apply while a directory tree is walked, deepest last."""

    def __init__(self, levels: tuple[_Level, ...] = ()) -> None:
        self._levels = levels

    @classmethod
    def above(cls, directory: str) -> IgnoreRules:
        """The rules of ``directory``'s ancestors up to its repository root (none outside a repository)."""
        directory = os.path.abspath(directory)
        chain = []
        current = directory
        while True:
            parent = os.path.dirname(current)
            if os.path.exists(os.path.join(current, ".git")):
                break
            if parent == current:
                return cls()  # not in a repository: only the searched tree's own files apply
            current = parent
            chain.append(current)
        rules = cls()
        for ancestor in reversed(chain):
            rules = rules.entering(ancestor)
        return rules

    def entering(self, directory: str) -> IgnoreRules:
        """The rules inside ``directory``: these, plus its own ``.gitignore`` if it has one."""
        path = os.path.join(directory, IGNORE_FILE)
        try:
            with open(path, encoding="utf-8", errors="replace") as stream:
                lines = stream.readlines()
        except OSError:
            return self
        from pathspec import GitIgnoreSpec  # only a tree with a .gitignore needs it (~10 ms)

        spec = GitIgnoreSpec.from_lines(lines)
        return IgnoreRules((*self._levels, _Level(os.path.abspath(directory), spec)))

    def ignored(self, path: str, *, is_dir: bool) -> bool:
        """Whether ``path`` is ignored: the deepest ``.gitignore`` with a matching pattern decides."""
        absolute = os.path.abspath(path)
        for level in reversed(self._levels):
            relative = os.path.relpath(absolute, level.base).replace(os.sep, "/")
            if relative.startswith("../"):
                continue
            result = level.spec.check_file(relative + "/" if is_dir else relative)
            if result.include is not None:
                return result.include
        return False
