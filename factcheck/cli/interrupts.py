"""Ctrl-C at the right moment: at once while documents are checked, held while a result is recorded
or a report file is written, so what the run says it finished is what it wrote.

Signals belong to the process, so a block that holds Ctrl-C inside another one (a report file
written while the run's ending is held) joins the enclosing :class:`Interrupts` instead of
installing a second handler.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class Interrupts:
    """Ctrl-C raises ``KeyboardInterrupt`` at once, except inside :meth:`deferred`: then it waits
    until the outermost such block ends. In a ``forceable`` block a second Ctrl-C raises at once,
    for a user who does not want to wait for a long report to be written."""

    def __init__(self) -> None:
        self._depth = 0
        self._forceable = False
        self._pending = False

    def _handler(self, signum: int, frame: object) -> None:
        if self._depth and not (self._pending and self._forceable):
            self._pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[Interrupts]:
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        previous = signal.signal(signal.SIGINT, self._handler)
        try:
            yield self
        finally:
            signal.signal(signal.SIGINT, previous)

    @contextlib.contextmanager
    def deferred(self, forceable: bool = False) -> Iterator[None]:
        outer = self._forceable
        self._depth += 1
        self._forceable = forceable or outer
        try:
            yield
        finally:
            self._depth -= 1
            self._forceable = outer
        if self._pending and not self._depth:
            self._pending = False
            raise KeyboardInterrupt


@contextlib.contextmanager
def held(forceable: bool = False) -> Iterator[None]:
    """Ctrl-C held until the block ends (raised then), within the enclosing :class:`Interrupts` if
    there is one."""
    if threading.current_thread() is threading.main_thread():
        owner = getattr(signal.getsignal(signal.SIGINT), "__self__", None)
        if isinstance(owner, Interrupts):
            with owner.deferred(forceable):
                yield
            return
    with Interrupts().installed() as interrupts, interrupts.deferred(forceable):
        yield
