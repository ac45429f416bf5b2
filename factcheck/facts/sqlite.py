"""Reference facts in a SQLite database, for sets too large to load from YAML on every run.

``factcheck facts import FILE... --db PATH`` writes one; ``--facts PATH.sqlite`` reads it through the
same :class:`FactBase` interface as the in-memory facts. Each fact is stored once as JSON; the
``keys`` table files it under every key a lookup uses (names, aliases, word keys,
attribute values, period names, timeline nouns), with an index on ``(idx, key)``, so each lookup is
one indexed query.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck.errors import FactLoadError
from factcheck.facts.memory import index_entries
from factcheck.facts.model import (
    Attribute,
    Dataset,
    Entity,
    Event,
    Fact,
    FactBase,
    Period,
    Source,
    Timeline,
    normalize_name,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS facts (kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
                                  PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS keys (idx TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS keys_lookup ON keys (idx, key);
"""
KINDS: dict[type, str] = {Entity: "entity", Period: "period", Timeline: "timeline", Dataset: "dataset"}


# -- writing ---------------------------------------------------------------------------------------
def import_facts(facts: Iterable[Fact], db: Path) -> int:
    """Add ``facts`` to the database at ``db`` (created if missing); returns how many were added.
    An id already in the database is an error, as in fact files."""
    connection = sqlite3.connect(db)
    count = 0
    try:
        with connection:
            connection.executescript(SCHEMA)
            for fact in facts:
                _insert(connection, fact)
                count += 1
    except sqlite3.IntegrityError as exc:
        raise FactLoadError(f"{db}: fact declared twice ({exc})") from None
    except sqlite3.DatabaseError as exc:  # not an SQLite file, or one from elsewhere
        raise FactLoadError(f"{db} is not a factcheck fact database: {exc}") from None
    finally:
        connection.close()
    return count


def _insert(connection: sqlite3.Connection, fact: Fact) -> None:
    kind = KINDS[type(fact)]
    connection.execute("INSERT INTO facts VALUES (?, ?, ?)", (kind, fact.id, json.dumps(_encode(fact))))
    keys: set[tuple[str, str]] = set()
    if isinstance(fact, Entity):
        keys = index_entries(fact)
    elif isinstance(fact, Period):
        keys = {("period", normalize_name(n)) for n in (fact.name, *fact.aliases)}
    elif isinstance(fact, Timeline):
        keys = {("noun", normalize_name(n)) for n in fact.nouns}
    connection.executemany("INSERT INTO keys VALUES (?, ?, ?)", [(i, k, fact.id) for i, k in keys])


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _encode(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


# -- reading ---------------------------------------------------------------------------------------
def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value["$date"])


def _source(value: Any) -> Source | None:
    return None if value is None else Source(value["citation"], _date(value["recorded"]))


def _attribute(a: dict) -> Attribute:
    value = _date(a["value"]) if isinstance(a["value"], dict) else a["value"]
    return Attribute(a["name"], value, _date(a["start"]), _date(a["end"]), a["of"], _source(a["source"]))


def _decode(kind: str, d: dict) -> Fact:
    if kind == "entity":
        return Entity(d["id"], d["type"], d["name"], tuple(d["aliases"]), _source(d["source"]),
                      tuple(_attribute(a) for a in d["attributes"]))
    if kind == "period":
        return Period(d["id"], d["name"], _date(d["start"]), _date(d["end"]), tuple(d["aliases"]),
                      _source(d["source"]))
    if kind == "timeline":
        events = tuple(
            Event(_date(e["date"]), e["title"], _source(e["source"]), tuple(e["participants"]),
                  tuple(tuple(pair) for pair in e["attributes"]))
            for e in d["events"]
        )
        return Timeline(d["id"], d["title"], tuple(d["participants"]), tuple(d["nouns"]), events,
                        _source(d["source"]))
    return Dataset(d["id"], d["provider"], d["kind"], _source(d["source"]))


class SqliteFactBase(FactBase):
    """Facts read from a database written by :func:`import_facts`; decoded records are cached."""

    shareable_across_fork = False  # the connection is this process's

    def __init__(self, db: Path | str) -> None:
        self.path = Path(db)
        if not self.path.is_file():
            raise FactLoadError(f"fact database {db} does not exist")
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._db.execute("SELECT kind, id, body FROM facts LIMIT 1").fetchall()
            self._db.execute("SELECT idx, key, id FROM keys LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:
            raise FactLoadError(f"{db} is not a factcheck fact database: {exc}") from None
        self._fact = lru_cache(maxsize=4096)(self._read_fact)

    def _read_fact(self, kind: str, fact_id: str) -> Fact | None:
        row = self._db.execute("SELECT body FROM facts WHERE kind = ? AND id = ?", (kind, fact_id)).fetchone()
        return None if row is None else _decode(kind, json.loads(row[0]))

    def _ids(self, idx: str, keys: list[str]) -> list[str]:
        found: list[str] = []
        for start in range(0, len(keys), 500):  # stay under SQLite's bound on parameters
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT DISTINCT id FROM keys WHERE idx = ? AND key IN ({marks})",
                                    (idx, *chunk))
            found.extend(row[0] for row in rows)
        return sorted(set(found))

    def entity(self, entity_id: str) -> Entity | None:
        fact = self._fact("entity", entity_id)
        return fact if isinstance(fact, Entity) else None

    def lookup(self, index: str, keys: Iterable[str]) -> set[str]:
        return set(self._ids(index, list(keys)))

    def period(self, name: str) -> Period | None:
        ids = self._ids("period", [normalize_name(name)])
        fact = self._fact("period", ids[0]) if ids else None
        return fact if isinstance(fact, Period) else None

    def timelines_for(self, noun: str) -> list[Timeline]:
        found = (self._fact("timeline", i) for i in self._ids("noun", [normalize_name(noun)]))
        return [t for t in found if isinstance(t, Timeline)]

    def datasets(self) -> list[Dataset]:
        rows = self._db.execute("SELECT id FROM facts WHERE kind = 'dataset' ORDER BY id").fetchall()
        return [d for d in (self._fact("dataset", r[0]) for r in rows) if isinstance(d, Dataset)]

    def count(self) -> dict[str, int]:
        rows = self._db.execute("SELECT kind, COUNT(*) FROM facts GROUP BY kind")
        return {kind: n for kind, n in rows}


class LayeredFactBase(FactBase):
    """Several fact bases read as one: the first that knows an id or a period name wins; lookups,
    timelines and data sets are the union."""

    def __init__(self, layers: list[FactBase]) -> None:
        self.layers = layers
        self.shareable_across_fork = all(layer.shareable_across_fork for layer in layers)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for layer in self.layers if (e := layer.entity(entity_id)) is not None), None)

    def lookup(self, index: str, keys: Iterable[str]) -> set[str]:
        wanted = list(keys)
        return set().union(*(layer.lookup(index, wanted) for layer in self.layers))

    def period(self, name: str) -> Period | None:
        return next((p for layer in self.layers if (p := layer.period(name)) is not None), None)

    def timelines_for(self, noun: str) -> list[Timeline]:
        found: dict[str, Timeline] = {}
        for layer in self.layers:
            for timeline in layer.timelines_for(noun):
                found.setdefault(timeline.id, timeline)
        return list(found.values())

    def datasets(self) -> list[Dataset]:
        found: dict[str, Dataset] = {}
        for layer in self.layers:
            for dataset in layer.datasets():
                found.setdefault(dataset.id, dataset)
        return list(found.values())
