"""Fuzz profiles: ``short`` (the default, part of ``make test``: a few hundred inputs, derandomized
so CI is repeatable) and ``long`` (``make fuzz``: thousands of fresh inputs per property, minutes).

Every property records the inputs it tried and its slowest one; with ``FUZZ_STATS=FILE`` the totals
are written there as JSON at the end (``make fuzz`` does, for docs/reliability.md)."""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

HANG_SECONDS = 10.0
"""An input of under 100 KB taking longer than this is a hang (docs/reliability.md)."""

SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "short", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "30")), deadline=None, derandomize=True,
    database=None, suppress_health_check=SLOW_IS_FINE,
)
settings.register_profile(
    "long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")), deadline=None,
    suppress_health_check=SLOW_IS_FINE,
)
settings.load_profile(os.environ.get("FUZZ_PROFILE", "short"))

STATS: dict[str, dict[str, float]] = defaultdict(lambda: {"inputs": 0, "slowest": 0.0, "bytes": 0})


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


def pytest_sessionfinish(session, exitstatus) -> None:
    path = os.environ.get("FUZZ_STATS")
    if path and STATS:
        with open(path, "w", encoding="utf-8") as stream:
            json.dump({"failed": session.testsfailed, "targets": STATS}, stream, indent=2)
