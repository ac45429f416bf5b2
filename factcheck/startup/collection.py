"""Python's cycle collector, paused while ``factcheck run`` starts up.

Start-up builds a few hundred thousand objects that live as long as the process (modules, classes,
decoded start-up data, compiled rules, facts) and never become garbage; every pass of the cycle
collector over them is wasted work (about a tenth of a one-article run). The console script pauses
the collector (:func:`pause`); once the engine is built, :func:`resume` moves everything built so
far out of the collector's sight (``gc.freeze``, which also keeps those pages shared with forked
workers) and turns it back on, so a corpus's per-document garbage is collected as before. Only the
console script pauses: a program that calls ``main()`` in process is left alone.
"""

from __future__ import annotations

import gc

_paused = False  # whether this process's collector was paused by the console script


def pause() -> None:
    """Stop collecting until :func:`resume` (the console script, before anything is imported)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Start-up is over: keep what it built out of later collections, and collect again. Does
    nothing unless :func:`pause` stopped the collector."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
