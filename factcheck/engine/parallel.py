"""Checking on several cores: batches of work sent to worker processes, results back in order.

Where it is safe, workers are **forked** from this process once its stage is started
(:func:`start_method_for`): each inherits the engine already built (the pack loaded, its expressions
compiled, the start-up data decoded), so a worker checks its first document at once instead of
importing the package and loading the pack again (about half a CPU-second per worker, which on a
2-core machine was a fifth of a 2,000-article run's wall time). Elsewhere (macOS, Windows, a
process running other threads, a stage that cannot be inherited) workers are started with
``spawn``: each is sent the *stage* (a picklable callable, see ``factcheck.cli.recipe``) once, when
it starts, and builds its engine from it. Either way only batches of units travel after that, and
at most a few batches per worker are in flight, so a corpus larger than memory is never read ahead.

Interrupted (Ctrl-C), :func:`map_batches` stops handing out work, cancels what has not started and
lets the caller keep what was finished.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from factcheck.engine.workers import WorkerLost

Unit = TypeVar("Unit")
Result = TypeVar("Result")
Stage = Callable[[Any], Any]

IN_FLIGHT_PER_WORKER = 4

_STAGE: Stage | None = None  # this worker's stage, set once by the pool's initializer


def map_batches(
    stage: Callable[[Unit], Result | None],
    batches: Iterable[list[Unit]],
    jobs: int,
    *,
    ordered: bool = True,
    start_method: str | None = None,
) -> Iterator[list[Result]]:
    """``stage`` over every unit, in ``jobs`` worker processes; one list of results per batch (None
    results dropped), in the order of ``batches`` unless ``ordered`` is False. Workers are started
    by ``start_method``, by default :func:`start_method_for`'s choice for ``stage``."""
    import multiprocessing

    method = start_method or start_method_for(stage)
    if method == "fork":  # a forked worker flushes the standard streams it inherits when it exits
        sys.stdout.flush()
        sys.stderr.flush()
    context = multiprocessing.get_context(method)
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(stage,))
    try:
        yield from _drain(executor, iter(batches), jobs * IN_FLIGHT_PER_WORKER, ordered)
    except BrokenProcessPool:
        raise WorkerLost("a worker process died (killed, or out of memory)") from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def start_method_for(stage: Stage) -> str:
    """``fork`` when workers may inherit this process with ``stage`` in it: on Linux (where forking
    is cheap and the start method is available), with no other thread running (a forked child holds
    only the thread that forked, and a lock another thread held would stay locked in it), for a
    stage that says it can be inherited (``inheritable``: its engine built, holding no connection
    a child must not share). Otherwise ``spawn``."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return "spawn"
    return "fork" if getattr(stage, "inheritable", False) else "spawn"


def _drain(
    executor: ProcessPoolExecutor, batches: Iterator[list[Any]], window: int, ordered: bool
) -> Iterator[list[Any]]:
    pending: deque[Future[list[Any]]] = deque()
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            batch = next(batches, None)
            if batch is None:
                exhausted = True
            else:
                pending.append(executor.submit(_run_batch, batch))
        if not pending:
            return
        if ordered:
            yield pending.popleft().result()
            continue
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in [f for f in pending if f in done]:
            pending.remove(future)
            yield future.result()


def _start_worker(stage: Stage) -> None:
    """Runs once in each worker: Ctrl-C is the parent's to handle, and the stage builds its engine
    (a forked worker's stage has it already: ``start`` then keeps it)."""
    global _STAGE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start = getattr(stage, "start", None)
    _STAGE = start() if callable(start) else stage


def _run_batch(batch: list[Any]) -> list[Any]:
    assert _STAGE is not None, "the worker was not initialised"
    return [result for result in map(_STAGE, batch) if result is not None]
