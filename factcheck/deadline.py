"""The per-document time limit (``--timeout``), as two mechanisms that back each other up.

* **An alarm**: on a thread that can receive signals (the main thread of the CLI, and the main
  thread of every ``-j`` worker process, whether forked or spawned), ``setitimer(ITIMER_REAL)``
  raises :class:`DocumentTimeout` at the next Python bytecode once the time is up, wherever the
  document's work is (a regex-heavy extractor, a rule).
* **A clock check**: everywhere (also in threads, such as a Dask worker's, where no signal can be
  delivered), the rule cost counter and the engine between extraction and each rule call
  :func:`check_deadline`, which raises the same exception once the deadline has passed.

A single C call (one regex match) is not interrupted by either; the extractors' patterns are kept
linear so that no single call runs long. :class:`DocumentTimeout` derives from ``BaseException`` so
that no ``except Exception`` on the way can swallow it.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(BaseException):
    """The document's time limit was reached."""


_local = threading.local()


def check_deadline() -> None:
    """Raise :class:`DocumentTimeout` if this thread's document is past its time limit."""
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        _local.deadline = None
        raise DocumentTimeout


def _on_alarm(signum: int, frame: object) -> None:
    if getattr(_local, "deadline", None) is not None:
        _local.deadline = None
        raise DocumentTimeout


def _alarm_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the block under a limit of ``seconds`` (none when ``None`` or 0)."""
    if not seconds or seconds <= 0:
        yield
        return
    outer = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    previous = None
    alarm = _alarm_available()
    if alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        _local.deadline = outer
