"""Results that are expensive to build and depend only on some text, kept between runs.

Start-up dominates a one-article run, and most of it used to be spent rebuilding the same things
from the same files (compiled pattern files, parsed grammars). A value is pickled into the user
cache directory under a digest of the text it was built from, so any edit to that text builds it
afresh. Writes are atomic; an unreadable, damaged, stale or unwritable cache is silently rebuilt.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from factcheck.startup.resources import cache_dir, code_stamp

T = TypeVar("T")
_FORMAT = 1  # bump when the layout of any cached type changes


def digest(text: str) -> str:
    """A 64-bit digest of ``text`` (two independent checksums and the length)."""
    data = text.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def load_or_build(namespace: str, key: str, build: Callable[[], T]) -> T:
    """The value cached for ``key`` in ``namespace``, or ``build()`` stored for next time."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{namespace}-{_FORMAT}-{digest(code_stamp() + chr(0) + key)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated, garbage, or of classes since changed: rebuild
        pass
    value = build()
    write_pickle(path, value)
    return value


def write_pickle(path: Path, value: object) -> bool:
    """Write ``value`` to ``path`` atomically (a concurrent reader sees the old file or the new one,
    whole); on any failure leave no file behind and return False."""
    temporary = None
    try:
        import tempfile  # only when writing a cache
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        return True
    except Exception:  # unwritable directory, full disk, a value that does not pickle
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
