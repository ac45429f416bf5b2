"""The progress bar of a corpus run: on a terminal only, on standard error, gone when the run ends.

It advances by the input's size (bytes, about one per character), so the rate and the time left
hold for corpora of long and short documents alike; documents, their rate and the findings so far
follow the bar. tqdm is imported only when a terminal asks for the bar.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Any

from factcheck.documents import discover


class Progress:
    """Counts what the run has finished and, on a terminal, draws it."""

    def __init__(self, paths: list[str], enabled: bool) -> None:
        self.documents = 0
        self.findings = 0
        self._started = time.monotonic()
        self._bar: Any = None
        if enabled and (len(paths) > 1 or any(not _plain_file(p) for p in paths)):
            self._bar = _bar_class()(
                total=input_size(paths) or None, unit="B", unit_scale=True, file=sys.stderr,
                dynamic_ncols=True, leave=False, desc="factcheck", mininterval=0.25,
            )

    def update(self, size: int, findings: int) -> None:
        self.documents += 1
        self.findings += findings
        if self._bar is None:
            return
        elapsed = max(time.monotonic() - self._started, 1e-9)
        rate = self.documents / elapsed
        self._bar.set_postfix_str(
            f"{self.documents:,} documents ({rate:,.0f}/s), {self.findings:,} findings", refresh=False
        )
        self._bar.update(size)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _bar_class() -> type:
    """tqdm's bar without its monitor thread (which only re-tunes how often a stalled bar redraws):
    a run that starts no thread may fork its workers (see :mod:`factcheck.engine.parallel`)."""
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0

    return Bar


def wanted(quiet: bool) -> bool:
    """A bar only for a person watching: standard error a terminal, not ``--quiet``, not CI."""
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


def input_size(paths: list[str]) -> int:
    """The bytes of the files ``paths`` name (standard input counts nothing)."""
    total = 0
    for path in discover(paths):
        with contextlib.suppress(OSError):
            total += os.path.getsize(path) if path != "-" else 0
    return total


def _plain_file(path: str) -> bool:
    return path == "-" or (os.path.isfile(path) and not path.endswith(".jsonl"))
