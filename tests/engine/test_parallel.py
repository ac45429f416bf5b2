"""Local parallel runs: forked or spawned workers, batches in order (or not), findings identical to -j 1."""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.engine import parallel
from factcheck.engine.parallel import WorkerLost, map_batches, start_method_for
from factcheck.engine.stream import SMALL_RUN, batched, check_stream
from tests.cli.corpora import findings_of, jsonl_report, write_corpus
from tests.conftest import SEED


def square_odd(value: int) -> int | None:
    """A stage that drops even inputs (as a blank JSONL line is dropped)."""
    return value * value if value % 2 else None


def dies_at_150(value: int) -> int:
    if value == 150:
        os._exit(9)  # as the OOM killer would end it
    return value


def test_a_dead_worker_ends_the_stream_with_what_came_back_kept():
    received: list[int] = []
    with pytest.raises(WorkerLost, match="worker process died"):
        for batch in map_batches(dies_at_150, batched(range(400), 10), 2):
            received.extend(batch)
    assert received == list(range(len(received))) and len(received) < 400


def test_batches_come_back_in_order_and_drop_nothing_but_none():
    results = list(map_batches(square_odd, batched(range(200), 7), 2))
    assert [x for batch in results for x in batch] == [n * n for n in range(200) if n % 2]


def test_unordered_batches_hold_every_result():
    results = list(map_batches(square_odd, batched(range(200), 7), 2, ordered=False))
    assert sorted(x for batch in results for x in batch) == [n * n for n in range(200) if n % 2]


def test_a_small_run_with_automatic_jobs_stays_in_this_process():
    calls: list[int] = []

    def local_only(value: int) -> int:  # a closure: it would not pickle into a worker
        calls.append(value)
        return value

    few = range(SMALL_RUN - 1)
    assert list(check_stream(local_only, few, jobs=2, auto=True)) == list(few)
    assert len(calls) == len(few)


def report(args: list[str], out: Path) -> list[dict]:
    main(["run", *args, "--format", "jsonl", "-o", str(out)])
    documents, summary = jsonl_report(out)
    assert summary is not None and summary["complete"]
    return documents


FORKS = sys.platform.startswith("linux")


@pytest.mark.parametrize("method", ["fork", "spawn"] if FORKS else ["spawn"])
def test_workers_find_exactly_what_one_process_finds(tmp_path, capsys, monkeypatch, method):
    inheritable: list[bool] = []

    def chosen(stage):  # the run's own choice would spawn if the suite left a thread running
        inheritable.append(stage.inheritable)
        return method

    monkeypatch.setattr(parallel, "start_method_for", chosen)
    corpus = write_corpus(tmp_path / "corpus.jsonl", 60, bad_line=30)
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("a.md", "b.md"):
        shutil.copy(SEED, articles / name)
    broken = SEED.read_text(encoding="utf-8").replace("eighth", "fifth")
    (articles / "c.md").write_text(broken, encoding="utf-8")
    inputs = [str(corpus), str(articles)]
    one = report([*inputs, "-j", "1"], tmp_path / "one.jsonl")
    two = report([*inputs, "-j", "2"], tmp_path / "two.jsonl")
    assert [(d["path"], d.get("line")) for d in one] == [(d["path"], d.get("line")) for d in two]
    assert len(one) == 64 and findings_of(one) == findings_of(two)
    assert sum(1 for f in findings_of(one) if f[3] == "error") >= 10
    assert [json.dumps(d["notes"]) for d in one] == [json.dumps(d["notes"]) for d in two]
    assert inheritable == [True]  # the run's stage was started before the workers: it may be forked


class Inherited:
    """A stage whose state cannot be pickled (a closure): only a forked worker can run it."""

    inheritable = True

    def __init__(self) -> None:
        self.parent = os.getpid()
        self.scale = lambda value: value * 10

    def __call__(self, value: int) -> tuple[int, int, int]:
        return self.scale(value), self.parent, os.getpid()


@pytest.mark.skipif(not FORKS, reason="workers are forked on Linux only")
def test_an_inheritable_stage_is_forked_and_its_state_is_not_rebuilt(monkeypatch):
    stage = Inherited()
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)  # threads other tests left
    assert start_method_for(stage) == "fork"
    results = [x for batch in map_batches(stage, batched(range(40), 4), 2) for x in batch]
    assert [scaled for scaled, _, _ in results] == [n * 10 for n in range(40)]
    assert {parent for _, parent, _ in results} == {os.getpid()}
    assert os.getpid() not in {worker for _, _, worker in results}


def test_workers_are_spawned_where_forking_is_not_safe():
    assert start_method_for(square_odd) == "spawn"  # a plain function says nothing: spawn
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:  # a forked child would hold only this thread, and any lock the other held
        assert start_method_for(Inherited()) == "spawn"
    finally:
        release.set()
        other.join()


def test_a_run_stage_is_inherited_once_its_engine_is_built_unless_facts_are_in_sqlite(tmp_path):
    from factcheck.cli.config import Config
    from factcheck.cli.recipe import DocumentStage, EngineRecipe
    from factcheck.documents import ReadOptions
    from factcheck.facts.loader import load_facts
    from factcheck.facts.sqlite import LayeredFactBase, SqliteFactBase, import_facts
    from factcheck.startup.resources import rules_dir

    stage = DocumentStage(EngineRecipe.of(Config(), [], []), ReadOptions())
    assert not stage.inheritable  # nothing to inherit yet: a worker builds its own
    started = stage.start()
    engine = started._engine
    assert started is stage and stage.inheritable
    assert stage.start()._engine is engine  # a forked worker's start keeps the engine it inherited
    memory = load_facts([rules_dir() / "facts"])
    db = tmp_path / "facts.sqlite"
    import_facts(memory.facts(), db)
    assert memory.shareable_across_fork
    assert not LayeredFactBase([memory, SqliteFactBase(db)]).shareable_across_fork
    engine.facts = LayeredFactBase([memory, SqliteFactBase(db)])
    assert not stage.inheritable
