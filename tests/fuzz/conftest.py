"""Fuzz profiles: ``short`` (the default, part of ``make test``: a few hundred inputs, derandomized
so CI is repeatable) and ``long`` (``make fuzz``: thousands of fresh inputs per property, minutes).

Every property records the inputs it tried and its slowest one; with ``FUZZ_STATS=FILE`` the totals
are written there as JSON at the end (``make fuzz`` does, for docs/reliability.md)."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, settings

from tests.fuzz.budget import STATS

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

def pytest_sessionfinish(session, exitstatus) -> None:
    path = os.environ.get("FUZZ_STATS")
    if path and STATS:
        with open(path, "w", encoding="utf-8") as stream:
            json.dump({"failed": session.testsfailed, "targets": STATS}, stream, indent=2)
