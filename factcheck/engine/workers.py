"""What every way of running on several cores shares, without importing any of them: how many cores
this process may use, and the error a lost worker raises. A one-article run needs these names but
not ``multiprocessing`` (about 30 ms to import)."""

from __future__ import annotations

import os


class WorkerLost(RuntimeError):
    """A worker process died (killed, out of memory) with work in hand; what came back is kept."""


def available_cores() -> int:
    """The cores this process may run on (the scheduler's affinity mask, else the CPU count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
