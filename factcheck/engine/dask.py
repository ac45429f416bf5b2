"""Checking on a Dask cluster: the same stage and batches as local workers, on distributed's workers.

The stage (``factcheck.cli.recipe.DocumentStage``: the recipe of the engine, not the compiled rules,
which do not pickle) is shipped once per worker as a worker plugin; each worker builds its engine
when it joins, including a worker that replaces one that died. Batches are submitted a window at a
time and their results streamed back as they complete, so a corpus larger than memory never sits in
the scheduler. A batch whose worker dies is run again elsewhere by Dask; one bad document is a
finding of its own, never a failed task.

From Python, :func:`check_bag` checks a ``dask.bag`` of documents (or units) lazily. This module
imports distributed, so it is imported only when a run asks for Dask (``pip install factcheck[dask]``).

Workers should run one thread each (``dask worker --nthreads 1 --nworkers N``): checking is pure
Python, so threads in one process only wait for each other.
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, as_completed, get_worker

from factcheck.engine.workers import WorkerLost, available_cores

PLUGIN = "factcheck-stage"
IN_FLIGHT_PER_THREAD = 4
LOCAL = "local"

Stage = Callable[[Any], Any]


class StagePlugin(WorkerPlugin):
    """Gives each worker the run's stage, started (pack loaded) once, when the worker joins."""

    name = PLUGIN

    def __init__(self, stage: Stage) -> None:
        self.stage = stage

    def setup(self, worker: Any) -> None:
        start = getattr(self.stage, "start", None)
        self.stage = start() if callable(start) else self.stage


def map_batches_on_dask(
    stage: Stage, batches: Iterable[list[Any]], address: str, *, ordered: bool = True
) -> Iterator[list[Any]]:
    """``stage`` over every unit on the Dask scheduler at ``address`` (or a new local cluster for
    ``"local"``); one list of results per batch, in order unless ``ordered`` is False."""
    cluster = None
    if address == LOCAL:
        cluster = LocalCluster(
            n_workers=available_cores(), threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(cluster if cluster is not None else address)
    try:
        client.register_plugin(StagePlugin(stage), name=PLUGIN)
        window = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        yield from _stream(client, iter(batches), window, ordered)
    except KilledWorker as exc:
        raise WorkerLost(f"a batch killed every Dask worker that ran it ({exc})") from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _stream(client: Any, batches: Iterator[list[Any]], window: int, ordered: bool) -> Iterator[list[Any]]:
    pending: deque[Any] = deque()
    completed = None if ordered else as_completed(loop=client.loop)
    try:
        while True:
            while len(pending) < window and (batch := next(batches, None)) is not None:
                future = client.submit(_run_batch, batch, pure=False, retries=2)
                pending.append(future)
                if completed is not None:
                    completed.add(future)
            if not pending:
                return
            if completed is None:
                yield pending.popleft().result()
                continue
            future = next(completed)
            pending.remove(future)
            yield future.result()
    finally:
        if pending:
            client.cancel(list(pending))


def _run_batch(batch: list[Any]) -> list[Any]:
    """Runs on a worker: the batch through the stage its plugin holds."""
    stage = get_worker().plugins[PLUGIN].stage
    return [result for result in map(stage, batch) if result is not None]


# -- dask.bag ---------------------------------------------------------------------------------------
_STARTED: dict[bytes, Stage] = {}  # per worker process: stages already started, by their pickle


def check_bag(bag: Any, stage: Stage) -> Any:
    """A bag of results (``Checked``) for a ``dask.bag`` of documents or units, computed lazily;
    each worker process starts the stage (loads the pack) once, whatever the number of partitions."""
    return bag.map_partitions(_check_partition, pickle.dumps(stage))


def _check_partition(items: Iterable[Any], stage_bytes: bytes) -> list[Any]:
    stage = _STARTED.get(stage_bytes)
    if stage is None:
        stage = pickle.loads(stage_bytes)
        start = getattr(stage, "start", None)
        stage = _STARTED[stage_bytes] = start() if callable(start) else stage
    return [result for result in map(stage, items) if result is not None]
