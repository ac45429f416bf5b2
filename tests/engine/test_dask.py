"""Dask: a LocalCluster of two worker processes on loopback, started by the tests themselves.

Findings are identical to a local run, a worker killed mid-run loses no document, a bad document is
an input-error finding rather than a failed job, and a dask.bag of documents can be checked from
Python.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the [dask] extra is not installed")

import dask.bag
from distributed import Client, LocalCluster

from factcheck.cli.config import Config
from factcheck.cli.main import main
from factcheck.cli.recipe import DocumentStage, EngineRecipe
from factcheck.documents import ReadOptions, load_documents, units
from factcheck.engine.dask import check_bag, map_batches_on_dask
from factcheck.engine.stream import batched
from factcheck.reporters import jsonl
from tests.cli.corpora import findings_of, jsonl_report, write_corpus
from tests.conftest import SEED


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, Client(cluster) as client:
        yield cluster, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("dask") / "corpus.jsonl", 160, bad_line=80)


def stage() -> DocumentStage:
    return DocumentStage(EngineRecipe(Config()), ReadOptions())


def records(checked) -> list[dict]:
    """The JSONL records of results, without the timings (which differ run to run)."""
    out = []
    for item in checked:
        data = jsonl.record(item.result)
        data.pop("timings")
        out.append(data)
    return out


@pytest.fixture(scope="module")
def local_records(corpus) -> list[dict]:
    local = stage()
    return records(filter(None, map(local, units([str(corpus)], ReadOptions()))))


def test_findings_are_identical_to_a_local_run(cluster, corpus, local_records, tmp_path):
    address = cluster[0].scheduler_address
    out = tmp_path / "dask.jsonl"
    code = main(["run", str(corpus), "--dask", address, "--format", "jsonl", "-o", str(out)])
    documents, summary = jsonl_report(out)
    assert code == 1 and summary["complete"]
    assert findings_of(documents) == findings_of(local_records)
    assert [d["line"] for d in documents] == [d["line"] for d in local_records]


def test_a_bad_document_is_an_input_error_finding(cluster, corpus, tmp_path):
    address = cluster[0].scheduler_address
    out = tmp_path / "dask.jsonl"
    main(["run", str(corpus), "--dask", address, "--format", "jsonl", "-o", str(out)])
    documents, summary = jsonl_report(out)
    assert summary["complete"] and len(documents) == 161
    (broken,) = [d for d in documents if d["line"] == 81]
    assert [f["rule"] for f in broken["findings"]] == ["factcheck/input-error"]
    assert ":81:" in broken["findings"][0]["evidence"]["location"]


def test_a_worker_killed_mid_run_loses_no_document(cluster, corpus, local_records):
    _, client = cluster
    batches = batched(units([str(corpus)], ReadOptions()), 8)
    results = []
    stream = map_batches_on_dask(stage(), batches, cluster[0].scheduler_address)
    before = set(client.run(os.getpid).values())
    killed = False
    for batch in stream:
        results.extend(batch)
        if not killed:
            os.kill(next(iter(before)), signal.SIGKILL)
            killed = True
    assert killed
    assert records(results) == local_records
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(os.getpid).values()) != before  # the nanny started a new worker


def test_a_dask_bag_of_documents_is_checked_from_python(cluster, corpus, local_records):
    documents = list(load_documents([str(corpus)]))
    bag = dask.bag.from_sequence(documents, npartitions=5)
    checked = check_bag(bag, stage()).compute()
    assert records(checked) == local_records


def test_a_glob_of_files_is_split_across_the_workers_too(cluster, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    body = SEED.read_text(encoding="utf-8")
    for number in range(40):
        text = body.replace("eighth", "fifth") if number % 4 == 0 else body
        (articles / f"a{number:02}.md").write_text(text, encoding="utf-8")
    pattern = str(articles / "*.md")
    dask_out, local_out = tmp_path / "dask.jsonl", tmp_path / "local.jsonl"
    main(["run", pattern, "--dask", cluster[0].scheduler_address, "--format", "jsonl", "-o", str(dask_out)])
    main(["run", pattern, "-j", "1", "--format", "jsonl", "-o", str(local_out)])
    on_dask, _ = jsonl_report(dask_out)
    local, _ = jsonl_report(local_out)
    assert len(on_dask) == 40 and [d["path"] for d in on_dask] == [d["path"] for d in local]
    assert findings_of(on_dask) == findings_of(local) and len(findings_of(local)) >= 10
