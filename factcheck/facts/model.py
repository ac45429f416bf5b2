"""Reference facts: entities, named periods and timelines of dated events, each with a source.

Facts are declared data, never code. A :class:`FactBase` indexes them by id, name and alias so a
rule's lookup is a dictionary access, not a scan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from, so that a finding can cite it."""

    citation: str
    recorded: dt.date | None = None

    def __str__(self) -> str:
        return self.citation


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, known by a name and aliases."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A named interval: a presidential term, a war, a season ('Trump's second term')."""

    id: str
    name: str
    start: dt.date
    end: dt.date | None = None
    aliases: tuple[str, ...] = ()
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Event:
    date: dt.date
    title: str | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    """A series of dated events among participants, named by the nouns an article uses for them."""

    id: str
    title: str
    participants: tuple[str, ...]
    nouns: tuple[str, ...]
    events: tuple[Event, ...]
    source: Source | None = None


def normalize_name(name: str) -> str:
    """Case- and apostrophe-insensitive key for names and aliases."""
    return re.sub(r"\s+", " ", name.replace("’", "'").strip().lower())


@dataclass
class FactBase:
    """All loaded facts, indexed for the lookups rules make."""

    entities: dict[str, Entity] = field(default_factory=dict)
    periods: dict[str, Period] = field(default_factory=dict)
    timelines: dict[str, Timeline] = field(default_factory=dict)
    _period_names: dict[str, Period] = field(default_factory=dict)
    _timelines_by_noun: dict[str, list[Timeline]] = field(default_factory=dict)
    _alias_pattern: re.Pattern[str] | None = None
    _entity_names: dict[str, str] = field(default_factory=dict)

    def add(self, items: Iterable[Entity | Period | Timeline]) -> None:
        for item in items:
            table = {Entity: self.entities, Period: self.periods, Timeline: self.timelines}[type(item)]
            if item.id in table:
                raise ValueError(f"fact id {item.id!r} declared twice")
            table[item.id] = item
            if isinstance(item, Period):
                for name in (item.name, *item.aliases):
                    self._period_names[normalize_name(name)] = item
            elif isinstance(item, Timeline):
                for noun in item.nouns:
                    self._timelines_by_noun.setdefault(normalize_name(noun), []).append(item)
            else:
                for name in (item.name, *item.aliases):
                    self._entity_names[normalize_name(name)] = item.id
        self._alias_pattern = None

    def period(self, name: str) -> Period | None:
        return self._period_names.get(normalize_name(name))

    def timelines_for(self, noun: str) -> list[Timeline]:
        return self._timelines_by_noun.get(normalize_name(noun), [])

    def mentioned_entities(self, text: str) -> set[str]:
        """Ids of the entities whose name or alias occurs in ``text`` (one regex pass)."""
        if not self._entity_names:
            return set()
        if self._alias_pattern is None:
            names = sorted(self._entity_names, key=len, reverse=True)
            self._alias_pattern = re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE
            )
        return {self._entity_names[normalize_name(m.group(0))] for m in self._alias_pattern.finditer(text)}
