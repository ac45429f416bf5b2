"""Shared fixtures: the repository root, the seed article, and the external data directory.

The suite never reads or writes the user's cache: before any test runs, ``XDG_CACHE_HOME`` points
at a directory of its own, inherited by every subprocess a test starts.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import tempfile
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="factcheck-suite-cache-")
    os.environ.pop("FACTCHECK_NO_CACHE", None)
    _refresh_start_up_data()


def _refresh_start_up_data() -> None:
    """In a checkout (an editable install), regenerate the start-up data that edits since the
    install made stale, so the suite runs on generated data as an installed package does."""
    from factcheck.startup.built import DIRECTORY

    if DIRECTORY.is_relative_to(ROOT):
        from factcheck.cli.prebuild import refresh

        refresh()

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "trump-putin-call.md"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def shared_data() -> Path:
    """``$FACTCHECK_DATA`` (set by .ci/run); tests needing it skip, saying why, when it is unset."""
    value = os.environ.get("FACTCHECK_DATA")
    if not value:
        pytest.skip("FACTCHECK_DATA is not set (CI sets it to ../shared/data)")
    path = Path(value)
    if not path.is_absolute():
        path = (ROOT / path).resolve()
    if not path.is_dir():
        pytest.skip(f"FACTCHECK_DATA={value} is not a directory")
    return path


def extractor_patterns() -> list[re.Pattern[str]]:
    """Every compiled regex the claim extractors define at module level (for tests that check a
    regex optimisation against every real pattern)."""
    import factcheck.claims

    found = []
    for info in pkgutil.walk_packages(factcheck.claims.__path__, "factcheck.claims."):
        module = importlib.import_module(info.name)
        found += [value for value in vars(module).values() if isinstance(value, re.Pattern)]
    return found
