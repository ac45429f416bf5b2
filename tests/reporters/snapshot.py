"""A tiny snapshot helper: compare output with a file under ``snapshots/``, or rewrite it when the
environment has ``UPDATE_SNAPSHOTS=1`` (then read the diff before committing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(actual)
        return
    if not path.exists():
        pytest.fail(f"snapshot {name} is missing; run the tests with UPDATE_SNAPSHOTS=1 to create it")
    with path.open(encoding="utf-8", newline="") as handle:
        expected = handle.read()
    assert actual == expected, f"output differs from snapshot {name} (UPDATE_SNAPSHOTS=1 rewrites it)"
