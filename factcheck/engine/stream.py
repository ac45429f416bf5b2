"""A run as a stream: units of work in, one result per document out as each completes.

The same stage (read → check → suppress → compact) runs in this process, in local worker processes
(:mod:`factcheck.engine.parallel`) or on a Dask cluster (:mod:`factcheck.engine.dask`); only where
the batches go differs. Units are read lazily and batched, so memory does not grow with the corpus.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from factcheck.errors import UsageError

T = TypeVar("T")

BATCH_SIZE = 32  # units per batch sent to a worker: large enough to hide the trip, small for balance
SMALL_RUN = 8 * BATCH_SIZE  # below this many units, starting workers costs more than it saves


def batched(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def check_stream(
    stage: Callable[[Any], T | None],
    units: Iterable[Any],
    *,
    jobs: int = 1,
    ordered: bool = True,
    auto: bool = False,
    dask: str | None = None,
) -> Iterator[T]:
    """``stage`` over ``units``: here when ``jobs`` is 1, in ``jobs`` worker processes, or on the Dask
    scheduler at ``dask`` (an address, or ``local``). With ``auto`` (``-j`` not given), a run of fewer
    than :data:`SMALL_RUN` units stays in this process."""
    units = iter(units)
    if dask is not None:
        try:
            from factcheck.engine.dask import map_batches_on_dask
        except ImportError as exc:
            raise UsageError(f"--dask needs Dask ({exc}): pip install 'factcheck[dask]'") from None
        yield from _flat(map_batches_on_dask(stage, batched(units), dask, ordered=ordered))
        return
    if jobs > 1 and auto:
        head = list(itertools.islice(units, SMALL_RUN))
        if len(head) < SMALL_RUN:
            jobs = 1
        units = itertools.chain(head, units)
    if jobs <= 1:
        yield from (result for result in map(stage, units) if result is not None)
        return
    from factcheck.engine.parallel import map_batches

    yield from _flat(map_batches(stage, batched(units), jobs, ordered=ordered))


def _flat(batches: Iterable[list[T]]) -> Iterator[T]:
    for batch in batches:
        yield from batch
