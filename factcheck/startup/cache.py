"""The one runtime cache: data that only this environment can produce, kept between runs.

Everything that depends only on the package's own files is generated when the package is built
(:mod:`factcheck.startup.built`). What remains here is what only this environment produces: the
compiled form of regular expressions in this Python build (:mod:`~factcheck.startup.regexcache`),
the parsed rule expressions of the files this user loads, and lark's parser tables when the
installed lark is not the one the package was built with. So the cache is:

* **data only**: JSON documents, never pickles or code; each entry
  records the key it was built for and is validated when read; an entry that does not parse, does
  not match its key or fails its caller's check is ignored and rebuilt, never trusted;
* **one generation per environment**: entries live in ``<cache dir>/<generation>/``, the generation
  being a digest of factcheck's version and code, the Python build and the versions of the
  libraries above; when a new generation is opened, all but the newest :data:`KEEP` others are
  deleted, so upgrades do not pile up;
* **bounded**: a generation holds at most :data:`MAX_BYTES`; past it, nothing more is written;
* **optional**: ``--no-cache`` (or ``FACTCHECK_NO_CACHE=1``) turns it off, as does a cache
  directory that cannot be written.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import sys
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
FORMAT = 1  # bump when the layout of an entry changes
KEEP = 1  # older generations kept beside the current one (another installed version may still run)
MAX_BYTES = 32 * 1024 * 1024
DISABLE = "FACTCHECK_NO_CACHE"
_LIBRARIES = ("lark",)


def enabled() -> bool:
    return os.environ.get(DISABLE, "") in ("", "0")


def root() -> Path | None:
    """``$XDG_CACHE_HOME/factcheck`` (``~/.cache/factcheck``), or None when it cannot be written."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "factcheck"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def generation_dir() -> Path | None:
    """This environment's generation directory (created, old ones evicted), or None when the cache
    is off or cannot be written."""
    if not enabled():
        return None
    base = root()
    return None if base is None else _open_generation(base, generation())


@cache
def generation() -> str:
    """A digest of what cached entries depend on: factcheck's code, Python and the libraries."""
    from factcheck.startup.built import code_stamp
    from factcheck.startup.resources import package_stamp

    parts = [str(FORMAT), code_stamp(), sys.version, sys.implementation.cache_tag]
    for library in _LIBRARIES:
        try:
            parts.append(package_stamp(library))
        except (ModuleNotFoundError, OSError):
            parts.append(f"{library}-absent")
    return f"g{zlib.crc32(chr(0).join(parts).encode()):08x}"


def _open_generation(base: Path, name: str) -> Path | None:
    path = base / name
    if not path.is_dir():
        try:
            path.mkdir()
        except FileExistsError:
            pass
        except OSError:
            return None
        evict(base, keep=name)
    return path


def evict(base: Path, keep: str) -> None:
    """Delete every generation but ``keep`` and the :data:`KEEP` most recently used others, and any
    file a former cache layout left in ``base`` (it is never read)."""
    import shutil  # only when something is evicted

    others = []
    for entry in base.iterdir():
        if entry.name == keep:
            continue
        if entry.is_dir() and entry.name.startswith("g"):
            others.append(entry)
        else:
            with contextlib.suppress(OSError):
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


def entry_path(name: str, key: str, suffix: str = ".json") -> Path | None:
    """Where the entry for ``key`` in ``name`` lives in this generation (None without a cache)."""
    directory = generation_dir()
    if directory is None:
        return None
    return directory / f"{name}-{zlib.crc32(key.encode('utf-8', 'surrogatepass')):08x}{len(key):x}{suffix}"


def load_or_build(name: str, key: str, build: Callable[[], T], *, encode: Callable[[T], Any] = lambda v: v,
                  decode: Callable[[Any], T] = lambda v: v) -> T:
    """The value cached for ``key`` in ``name``, or ``build()`` stored for next time.

    ``encode`` turns the value into JSON data, ``decode`` turns that data back and raises (any
    exception) when it is not what the entry should hold; the entry is then rebuilt."""
    path = entry_path(name, key)
    if path is None:
        return build()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document["format"] == FORMAT and document["key"] == key:
            return decode(document["value"])
    except Exception:  # missing, damaged, foreign or invalid: rebuilt, never trusted
        pass
    value = build()
    with contextlib.suppress(TypeError, ValueError):
        write(path, json.dumps({"format": FORMAT, "key": key, "value": encode(value)}).encode("utf-8"))
    return value


def write(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically (a concurrent reader sees no file or the whole file),
    unless that would take the generation past :data:`MAX_BYTES`."""
    try:
        used = sum(entry.stat().st_size for entry in path.parent.iterdir() if entry != path)
    except OSError:
        return False
    if used + len(data) > MAX_BYTES:
        return False
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False


class Table:
    """Many small entries of one kind in one JSON document (reading one file is cheaper than
    reading many): loaded on first use, each value checked by ``decode`` when it is asked for (a
    value that fails is dropped and rebuilt), written back by :meth:`save` if it grew, at most
    ``max_entries`` entries."""

    def __init__(self, name: str, key: str, decode: Callable[[Any], Any], max_entries: int = 20_000) -> None:
        self.name, self.key, self.decode, self.max_entries = name, key, decode, max_entries
        self._raw: dict[str, Any] | None = None
        self._grown = False
        _TABLES.append(self)

    def _entries(self) -> dict[str, Any]:
        if self._raw is None:
            self._raw = load_or_build(self.name, self.key, dict, decode=_mapping)
            atexit.register(self.save)
        return self._raw

    def get(self, key: str) -> Any | None:
        entries = self._entries()
        if key not in entries:
            return None
        try:
            return self.decode(entries[key])
        except Exception:  # not what this table holds: forget it, the caller builds it again
            del entries[key]
            return None

    def put(self, key: str, data: Any) -> None:
        entries = self._entries()
        if key not in entries and len(entries) < self.max_entries:
            entries[key] = data
            self._grown = True

    def save(self) -> None:
        path = entry_path(self.name, self.key) if self._grown and self._raw is not None else None
        if path is not None:
            document = {"format": FORMAT, "key": self.key, "value": self._raw}
            if write(path, json.dumps(document).encode("utf-8")):
                self._grown = False


_TABLES: list[Table] = []  # the tables this process opened, for save_all


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("not a table")
    return value


def save_all() -> None:
    """Write back every table that grew (the console script calls it before its quick exit)."""
    for table in _TABLES:
        table.save()


def size(base: Path | None = None) -> int:
    """Bytes used by the cache directory, every generation included (for the cold-run benchmark)."""
    base = base or root()
    if base is None or not base.exists():
        return 0
    return sum(p.stat().st_size for p in base.rglob("*") if p.is_file())
