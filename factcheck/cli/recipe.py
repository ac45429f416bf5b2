"""What a worker needs to check documents as the command line would, in a form that pickles.

Compiled rules are closures and do not pickle, so a worker process (``-j N`` with ``spawn``, a Dask
worker) is sent the *recipe* for the engine (the configuration and the packs and fact files named
on the command line) and builds the engine once, on its first document.

:class:`DocumentStage` is the per-document work of a run, the same in every process: read the unit,
check it, apply its suppressions, and compact the result for the trip back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.cli.config import Config
from factcheck.documents import ReadOptions, Unit, read_unit, unit_size
from factcheck.engine.results import DocumentResult
from factcheck.limits import DEFAULT_TIMEOUT
from factcheck.rules.selection import Selection

if TYPE_CHECKING:
    from factcheck.ci.suppressions import Suppression
    from factcheck.engine.runner import Engine
    from factcheck.rules.model import Rule
    from factcheck.rules.pack import Pack


@dataclass(frozen=True, slots=True)
class EngineRecipe:
    """The configuration, the command line's extra packs and fact files (paths made absolute, so a
    worker started elsewhere reads the same files), the time limit per document and the rules the
    command line selects."""

    config: Config
    rules: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    timeout: float | None = DEFAULT_TIMEOUT
    selection: Selection = field(default_factory=Selection)  # --select / --ignore

    @classmethod
    def of(
        cls, config: Config, rules: list[str], facts: list[str], timeout: float | None = DEFAULT_TIMEOUT,
        selection: Selection | None = None,
    ) -> EngineRecipe:
        return cls(config, tuple(map(_absolute, rules)), tuple(map(_absolute, facts)), timeout,
                   selection or Selection())

    def build(self) -> tuple[Pack, list[Rule], Engine]:
        """The loaded pack, the rules that run (configuration applied), and the engine."""
        from factcheck.cli.packs import configured_rules, load_pack
        from factcheck.engine.runner import Engine
        from factcheck.facts.loader import load_facts

        pack = load_pack(self.config, list(self.rules))
        rules = self.selection.apply(configured_rules(pack, self.config))
        fact_files = [*pack.fact_files, *self.config.facts, *map(Path, self.facts)]
        return pack, rules, Engine(rules, load_facts(fact_files), pack.extractor(), timeout=self.timeout)


def _absolute(path: str) -> str:
    return str(Path(path).absolute())


@dataclass(slots=True)
class Checked:
    """One document's compacted result, the suppressions it declared, and the size of its input."""

    result: DocumentResult
    suppressions: list[Suppression]
    size: int


@dataclass
class DocumentStage:
    """Read → check → suppress → compact, for one unit of work. Pickles as its recipe; the engine is
    built on first use in each process (or handed over by the process that already has one)."""

    recipe: EngineRecipe
    options: ReadOptions
    compact: bool = True
    _engine: Engine | None = field(default=None, repr=False)
    _known: frozenset[str] = field(default=frozenset(), repr=False)

    def __getstate__(self) -> dict[str, object]:
        return {"recipe": self.recipe, "options": self.options, "compact": self.compact}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def start(self, pack: Pack | None = None, engine: Engine | None = None) -> DocumentStage:
        """Build the engine now (or adopt one already built from the same recipe); a stage already
        started (a forked worker's, see :func:`factcheck.engine.parallel.start_method_for`) keeps its
        engine."""
        if engine is None or pack is None:
            if self._engine is not None:
                return self
            pack, _, engine = self.recipe.build()
        self._engine, self._known = engine, frozenset(rule.id for rule in pack.rules)
        return self

    @property
    def inheritable(self) -> bool:
        """Whether a forked worker may use this stage as it is: once its engine is built, unless
        its facts are read from an SQLite database (a connection must not cross a fork)."""
        return self._engine is not None and self._engine.facts.shareable_across_fork

    def __call__(self, unit: Unit) -> Checked | None:
        from factcheck.ci import suppressions

        if self._engine is None:
            self.start()
        assert self._engine is not None
        item = read_unit(unit, self.options)
        if item is None:
            return None
        result = self._engine.check_item(item)
        declared = suppressions.apply([result], set(self._known))
        return Checked(result.compact() if self.compact else result, declared, unit_size(unit))
