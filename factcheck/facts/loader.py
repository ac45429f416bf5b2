"""Loading reference facts from YAML fact files, strictly and with positions.

A fact file is a mapping with one key, ``facts``, holding ``entities``, ``periods`` and
``timelines`` lists. Every fact may name a ``source`` (a URL or a citation) and the date it was
``recorded``, so a finding can cite what it was checked against.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import FactLoadError
from factcheck.facts.model import Entity, Event, FactBase, Period, Source, Timeline
from factcheck.yamlsource import Node, compose

_SOURCE_KEYS = {"source", "recorded"}


def load_fact_files(paths: Iterable[Path | str], base: FactBase | None = None) -> FactBase:
    """Load every fact file into one :class:`FactBase` (ids must be unique across files)."""
    facts = base or FactBase()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FactLoadError(f"cannot read fact file {path}: {exc}") from None
        load_fact_text(str(path), text, facts)
    return facts


def fact_files_in(directory: Path) -> list[Path]:
    """The fact files of a directory, in a stable order."""
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_fact_text(path: str, text: str, facts: FactBase) -> FactBase:
    source, root = compose(path, text, FactLoadError)
    if root is None:
        raise FactLoadError("empty fact file", source.location_at(0))
    top = Node(source, root, FactLoadError).mapping({"facts"}, set())
    return load_fact_node(top["facts"], facts)


def load_fact_node(node: Node, facts: FactBase) -> FactBase:
    """Facts from the mapping under a ``facts:`` key (also used for rule examples' inline facts)."""
    sections = node.mapping(set(), {"entities", "periods", "timelines"})
    readers = {"entities": _entity, "periods": _period, "timelines": _timeline}
    for name, node in sections.items():
        for item in node.items():
            try:
                facts.add([readers[name](item)])
            except ValueError as exc:
                raise item.fail(str(exc)) from None
    return facts


def _source(entries: dict[str, Node]) -> Source | None:
    if "source" not in entries:
        return None
    recorded = entries["recorded"].date() if "recorded" in entries else None
    return Source(entries["source"].string(), recorded)


def _entity(node: Node) -> Entity:
    e = node.mapping({"id", "type", "name"}, {"aliases"} | _SOURCE_KEYS)
    aliases = tuple(e["aliases"].strings()) if "aliases" in e else ()
    return Entity(e["id"].string(), e["type"].string(), e["name"].string(), aliases, _source(e))


def _period(node: Node) -> Period:
    p = node.mapping({"id", "name", "start"}, {"end", "aliases"} | _SOURCE_KEYS)
    end = None if "end" not in p or p["end"].is_null() else p["end"].date()
    start = p["start"].date()
    if end is not None and end < start:
        raise p["end"].fail(f"period ends ({end}) before it starts ({start})")
    aliases = tuple(p["aliases"].strings()) if "aliases" in p else ()
    return Period(p["id"].string(), p["name"].string(), start, end, aliases, _source(p))


def _timeline(node: Node) -> Timeline:
    t = node.mapping({"id", "title", "participants", "nouns", "events"}, _SOURCE_KEYS)
    default_source = _source(t)
    events = []
    for item in t["events"].items():
        e = item.mapping({"date"}, {"title"} | _SOURCE_KEYS)
        title = e["title"].string() if "title" in e else None
        events.append(Event(e["date"].date(), title, _source(e) or default_source))
    events.sort(key=lambda event: event.date)
    return Timeline(
        t["id"].string(),
        t["title"].string(),
        tuple(t["participants"].strings()),
        tuple(t["nouns"].strings()),
        tuple(events),
        default_source,
    )
