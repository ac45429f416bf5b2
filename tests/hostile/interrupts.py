"""Signals sent to factcheck at a chosen moment of a run, for the catalogue's interrupt lines.

A moment is ``check:N`` (as the N-th document starts to be checked), ``record:N`` (while the N-th
result is being recorded in the report), ``render:1`` (as the whole-file report is rendered, every
document checked) or ``write`` / ``write:2`` (once or twice while the report file is being written:
its text is in the temporary file, not yet renamed into place). The signal is
real (``os.kill`` of this process), so factcheck's own handlers see it as they would a Ctrl-C.

In the test process the hooks are set with pytest's ``monkeypatch``; a SIGKILL needs a process of
its own: ``python -m tests.hostile.interrupts SIGKILL write run ...``.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from factcheck.cli import commands, output
from factcheck.cli.corpus import CorpusRun
from factcheck.cli.recipe import DocumentStage

Patch = Callable[[Any, str, Any], None]


def arm(signal_name: str, moment: str, patch: Patch) -> None:
    """Send ``signal_name`` to this process at ``moment``, hooking it with ``patch(owner, name, new)``."""
    number = getattr(signal, signal_name)
    where, _, count = moment.partition(":")
    owner, name = {"check": (DocumentStage, "__call__"), "record": (CorpusRun, "_take"),
                   "render": (commands, "report_text"), "write": (output.os, "fsync")}[where]
    real = getattr(owner, name)
    calls = {"n": 0}

    def hooked(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if where == "write":
            for _ in range(int(count or 1)):
                os.kill(os.getpid(), number)
        elif calls["n"] == int(count):
            os.kill(os.getpid(), number)
        return real(*args, **kwargs)

    patch(owner, name, hooked)


if __name__ == "__main__":
    from factcheck.cli.main import main

    arm(sys.argv[1], sys.argv[2], setattr)
    sys.exit(main(sys.argv[3:]))
