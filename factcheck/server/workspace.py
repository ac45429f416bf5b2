"""One workspace's engine: its configuration, packs and facts loaded once, reloaded when they change.

The editor checks buffers, not files on disk, so a buffer's text is read by the same reader the
command line would pick from its file name, then goes through the same engine and suppressions as
``factcheck run``. A configuration or pack that no longer loads keeps the last engine that did, and
the error is kept for the server to show.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from factcheck.ci import suppressions
from factcheck.claims.kinds import BUILTIN_KINDS
from factcheck.claims.model import ClaimKind
from factcheck.cli.commands import build_engine
from factcheck.cli.config import Config, load_config
from factcheck.documents.model import Document
from factcheck.documents.sources import FORMATS
from factcheck.engine.results import DocumentResult
from factcheck.engine.runner import Engine
from factcheck.errors import FactcheckError
from factcheck.rules.model import Rule
from factcheck.startup.resources import rules_dir

CHECKED_FORMATS = {"text", "markdown", "html"}
"""Buffer formats the server checks (a JSONL corpus is not edited as prose)."""


@dataclass(slots=True)
class Loaded:
    """What a workspace's configuration loads to, and the files it was loaded from."""

    config: Config
    kinds: Mapping[str, ClaimKind]  # the pack's claim kinds: built-in and declared by pattern files
    rules: list[Rule]
    engine: Engine
    sources: dict[Path, float]  # file → modification time when loaded


class Workspace:
    """The engine for the documents under ``root``; :meth:`refresh` reloads it when its files change."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.loaded: Loaded | None = None
        self.error: FactcheckError | None = None
        self.refresh()

    def refresh(self, force: bool = False) -> bool:
        """Reload when a configuration, rule, pattern or fact file changed (or ``force``): True if it did."""
        if not force and self.loaded is not None and not _changed(self.loaded.sources):
            return False
        try:
            config = load_config(start=self.root)
            pack, rules, engine = build_engine(argparse.Namespace(rules=[], facts=[]), config)
        except FactcheckError as error:
            self.error = error
            return False
        self.error = None
        sources = _stamps(_source_files(config, list(pack.fact_files)))
        self.loaded = Loaded(config, pack.kinds, rules, engine, sources)
        return True

    def watches(self, path: Path) -> bool:
        """Whether a change to ``path`` may change the engine (so the server should re-check)."""
        if path.name in ("factcheck.yaml", "pyproject.toml"):
            return True
        return self.loaded is not None and path.resolve() in self.loaded.sources

    def kinds(self) -> Mapping[str, ClaimKind]:
        return self.loaded.kinds if self.loaded else BUILTIN_KINDS

    def rules_by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.loaded.rules} if self.loaded else {}

    def check(self, path: str, text: str) -> DocumentResult | None:
        """``text`` as the file ``path`` would be read, checked; None for a format that is not prose
        or while no engine has loaded."""
        kind = buffer_format(path)
        if kind is None or self.loaded is None:
            return None
        document = parse_buffer(kind, path, text)
        if document.date is None:
            document.date = self.loaded.config.date
        result = self.loaded.engine.check(document)
        suppressions.apply([result], {rule.id for rule in self.loaded.rules})
        return result


def buffer_format(path: str) -> str | None:
    kind = FORMATS.get(os.path.splitext(path)[1].lower(), "text")
    return kind if kind in CHECKED_FORMATS else None


def parse_buffer(kind: str, path: str, text: str) -> Document:
    if kind == "html":
        from factcheck.documents.html import parse_html

        return parse_html(path, text)
    if kind == "markdown":
        from factcheck.documents.markdown import parse_markdown

        return parse_markdown(path, text)
    from factcheck.documents.plaintext import parse_text

    return parse_text(path, text)


def _source_files(config: Config, fact_files: list[Path]) -> list[Path]:
    """Every file whose change changes the engine: the configuration, the packs' files, the facts."""
    files = [config.path] if config.path else []
    packs = ([rules_dir()] if config.default_pack else []) + list(config.rules)
    for pack in packs:
        files += sorted(pack.rglob("*.yaml")) if pack.is_dir() else [pack]
    files += [*fact_files, *config.facts]
    return [f.resolve() for f in files]


def _stamps(files: list[Path]) -> dict[Path, float]:
    return {path: _mtime(path) for path in files}


def _changed(stamps: dict[Path, float]) -> bool:
    return any(_mtime(path) != stamp for path, stamp in stamps.items())


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0
