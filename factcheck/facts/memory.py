"""The in-memory fact base that YAML and CSV fact files load into."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.facts.model import (
    MAX_NAME_WORDS,
    NAME_WORD,
    Dataset,
    Entity,
    Fact,
    FactBase,
    Period,
    Timeline,
    entity_names,
    normalize_name,
    word_key,
)


class MemoryFactBase(FactBase):
    """All loaded facts, in dictionaries keyed for the lookups rules make."""

    def __init__(self, items: Iterable[Fact] = ()) -> None:
        self.entities: dict[str, Entity] = {}
        self.periods: dict[str, Period] = {}
        self.timelines: dict[str, Timeline] = {}
        self._datasets: dict[str, Dataset] = {}
        self._period_names: dict[str, Period] = {}
        self._timelines_by_noun: dict[str, list[Timeline]] = {}
        self._index: dict[str, dict[str, set[str]]] = {}
        self._firsts: set[str] | None = None
        self.add(items)

    def facts(self) -> list[Fact]:
        """Every fact, for export (entities, periods, timelines, data sets)."""
        return [*self.entities.values(), *self.periods.values(), *self.timelines.values(),
                *self._datasets.values()]

    def add(self, items: Iterable[Fact]) -> None:
        for item in items:
            table: dict = {Entity: self.entities, Period: self.periods, Timeline: self.timelines,
                           Dataset: self._datasets}[type(item)]
            if item.id in table:
                raise ValueError(f"fact id {item.id!r} declared twice")
            table[item.id] = item
            if isinstance(item, Period):
                for name in (item.name, *item.aliases):
                    self._period_names[normalize_name(name)] = item
            elif isinstance(item, Timeline):
                for noun in item.nouns:
                    self._timelines_by_noun.setdefault(normalize_name(noun), []).append(item)
            elif isinstance(item, Entity):
                self._index_entity(item)
                self._firsts = None

    def _index_entity(self, entity: Entity) -> None:
        for index, key in index_entries(entity):
            self._index.setdefault(index, {}).setdefault(key, set()).add(entity.id)

    # -- the FactBase primitives ---------------------------------------------------------------
    def entity(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def mentioned_entities(self, text: str) -> set[str]:
        """As the base class, but only runs of words that start some name are joined and looked up:
        on a long article most words start none, and building every run dominated a check."""
        table = self._index.get("words", {})
        if not table:
            return set()
        firsts = self._first_words()
        words = NAME_WORD.findall(text.lower())
        found: set[str] = set()
        for i, word in enumerate(words):
            if word not in firsts:
                continue
            for n in range(1, min(MAX_NAME_WORDS, len(words) - i) + 1):
                found.update(table.get(" ".join(words[i : i + n]), ()))
        return found

    def _first_words(self) -> set[str]:
        if self._firsts is None:
            self._firsts = {key.split(" ", 1)[0] for key in self._index.get("words", {})}
        return self._firsts

    def lookup(self, index: str, keys: Iterable[str]) -> set[str]:
        table = self._index.get(index, {})
        found: set[str] = set()
        for key in keys:
            found.update(table.get(key, ()))
        return found

    def period(self, name: str) -> Period | None:
        return self._period_names.get(normalize_name(name))

    def timelines_for(self, noun: str) -> list[Timeline]:
        return self._timelines_by_noun.get(normalize_name(noun), [])

    def datasets(self) -> list[Dataset]:
        return list(self._datasets.values())


def index_entries(entity: Entity) -> set[tuple[str, str]]:
    """The (index, key) pairs an entity is filed under, shared by both implementations."""
    entries: set[tuple[str, str]] = set()
    for name in entity_names(entity):
        entries.add(("name", normalize_name(name)))
        if word_key(name):
            entries.add(("words", word_key(name)))
    for attribute in entity.attributes:
        if isinstance(attribute.value, str):
            entries.add((f"attr:{attribute.name}", normalize_name(attribute.value)))
    return entries
