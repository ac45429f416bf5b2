"""Counting the inputs each fuzz property tries, and failing one that hangs; kept out of
``conftest.py`` so the properties and the session hook share one module (pytest imports a conftest
under its own name)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

HANG_SECONDS = 10.0
"""An input of under 100 KB taking longer than this is a hang (docs/reliability.md)."""

STATS: dict[str, dict[str, float]] = defaultdict(lambda: {"inputs": 0, "slowest": 0.0, "bytes": 0})


def size_of(*texts: str) -> int:
    """Bytes of UTF-8 (lone surrogates, which documents may carry in JSON escapes, count too)."""
    return sum(len(text.encode("utf-8", "surrogatepass")) for text in texts)


@contextmanager
def tried(target: str, size: int) -> Iterator[None]:
    """Count one input of ``size`` bytes for ``target``; fail it as a hang past HANG_SECONDS."""
    began = time.perf_counter()
    yield
    took = time.perf_counter() - began
    entry = STATS[target]
    entry["inputs"] += 1
    entry["bytes"] += size
    entry["slowest"] = max(entry["slowest"], round(took, 3))
    assert took < HANG_SECONDS, f"hang: {target} took {took:.1f} s on a {size}-byte input"
