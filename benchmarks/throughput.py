"""Extraction throughput on news: characters per second and peak memory, for factcheck and the peers.

Reads ``$FACTCHECK_DATA/news/news.jsonl`` (one article a line, its ``text``), takes the first
``--limit`` articles (default 2000), and times each tool over all of them, best of ``--repeat`` runs.
Peak memory is the tracemalloc peak of one separate run (tracemalloc slows the run, so it is not
timed). factcheck is timed in-process three times (the atomic extractors alone, ``extract_claims``
with the composite kinds, and with temporal resolution after it) and as a **whole process**:
``factcheck run`` over a JSONL file of the same articles (``-j 1`` and the default one worker per
core), as a user runs it, start-up, rules, resolution and output included. Beside each wall-clock
rate the whole-process rows give the rate per CPU-second of the process and its workers (the
machine may be shared: CPU time is what other load disturbs least) and the load average.
Peers run only if importable (see peers.py for the separate venv); slow peers get
``--peer-limit`` articles (default 200) and their rate is per character all the same.

    FACTCHECK_DATA=/work/shared/data python benchmarks/throughput.py [--limit 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import peers

TARGET = 2_000_000  # chars/s, extraction
PROCESS_TARGET = 1_000_000  # chars/s, the whole `factcheck run` process
ROOT = Path(__file__).resolve().parent.parent


def atomic(text: str, ref_date: str | None = None) -> list:
    """factcheck's atomic extractors only, in the order ``extract_claims`` runs them."""
    from factcheck.claims import (
        ages,
        dates,
        durations,
        money,
        numbers,
        ordinals,
        percents,
        periods,
        quantifiers,
        quantities,
        relative,
        times,
    )
    from factcheck.claims.base import Taken

    taken, mentions = Taken(len(text)), numbers.scan(text)
    found = times.extract(text, mentions, taken) + periods.extract(text, taken)
    found += dates.extract(text, mentions, taken)
    found += relative.extract(text, mentions, taken)
    for module in (ages, money, percents, quantities):
        found += module.extract(text, mentions, taken)
    found += quantifiers.extract(text, mentions, taken)
    spans = durations.extract(text, mentions, taken)
    found += spans + ordinals.extract(text, mentions, taken, {c.span.start for c in spans})
    return found + numbers.extract(text, mentions, taken)


def full(text: str, ref_date: str | None = None) -> list:
    from factcheck.claims import extract_claims

    return list(extract_claims(text))


def resolved(text: str, ref_date: str | None = None) -> list:
    """``extract_claims`` and then temporal resolution against a document date, as ``factcheck run``
    does (the tense of each year-less date is read once; the morphology tables load on first use)."""
    from factcheck.claims import extract_claims
    from factcheck.timex import resolve_claims

    return list(resolve_claims(text, extract_claims(text), _DOCUMENT_DATE))


_DOCUMENT_DATE = dt.date(2025, 10, 17)


def load(data: Path, limit: int) -> list[str]:
    texts = []
    with (data / "news" / "news.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if len(texts) >= limit:
                break
            texts.append(json.loads(line)["text"])
    return texts


def measure(function: Callable[[str, str | None], list], texts: list[str],
            repeat: int) -> tuple[float, float, float]:
    """``(chars per second, chars per CPU-second, peak MiB)``."""
    for text in texts[:20]:
        function(text, None)  # warm caches and lazy imports
    best = cpu = float("inf")
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        for text in texts:
            function(text, None)
        best = min(best, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - cpu_started)
    tracemalloc.start()
    for text in texts:
        function(text, None)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    total = sum(map(len, texts))
    return total / best, total / cpu, peak


def whole_process(texts: list[str], jobs: list[str], repeat: int) -> tuple[float, float]:
    """``(chars per wall second, chars per CPU second)`` of ``factcheck run`` over the articles, best
    of ``repeat`` runs; CPU time is the process's and its workers'."""
    command = [str(Path(sys.executable).parent / "factcheck"), "run", "--format", "jsonl", *jobs]
    total = sum(map(len, texts))
    wall = cpu = float("inf")
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "news.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for text in texts:
                out.write(json.dumps({"text": text}) + "\n")
        warm = Path(scratch) / "warm.jsonl"  # the first run in a new environment fills the runtime cache
        warm.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts[:100]), encoding="utf-8")
        subprocess.run([*command, str(warm)], stdout=subprocess.DEVNULL, cwd=ROOT, check=False)
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([*command, str(corpus)], stdout=subprocess.DEVNULL, cwd=ROOT, check=False)
            wall = min(wall, time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = min(cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return total / wall, total / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--peer-limit", type=int, default=200, help="articles for the peers (default 200)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tools", help="comma-separated subset of: factcheck," + ",".join(peers.PEERS))
    args = parser.parse_args()
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        raise SystemExit("FACTCHECK_DATA is not set: point it at the data folder holding news/news.jsonl")
    texts = load(Path(data), args.limit)
    wanted = set(args.tools.split(",")) if args.tools else None
    total = sum(map(len, texts))
    print(f"{len(texts)} articles, {total:,} characters; targets {TARGET / 1e6:.0f} M chars/s (extraction),"
          f" {PROCESS_TARGET / 1e6:.0f} M chars/s (whole process); {os.cpu_count()} cores\n")
    if not wanted or "factcheck" in wanted:
        print("| whole process | wall chars/s | chars per CPU-second | load average |\n|---|---|---|---|")
        for name, jobs in (("`factcheck run -j 1`", ["-j", "1"]), ("`factcheck run` (one per core)", [])):
            average = os.getloadavg()[0]
            rate, per_cpu = whole_process(texts, jobs, args.repeat)
            print(f"| {name} | {rate / 1e6:.2f} M | {per_cpu / 1e6:.2f} M | {average:.1f} |", flush=True)
        print()
    print(f"load average {os.getloadavg()[0]:.1f}\n")
    print("| tool | articles | chars/s | chars per CPU-second | peak MiB |\n|---|---|---|---|---|")
    runs: list[tuple[str, Callable | None, list[str], int]] = [
        ("factcheck (atomic kinds)", atomic, texts, args.repeat),
        ("factcheck (extract_claims, with composites)", full, texts, args.repeat),
        ("factcheck (extract_claims, then resolution)", resolved, texts, args.repeat),
    ]
    for name, adapter in list(peers.available().items())[1:]:
        runs.append((name, adapter, texts[: args.peer_limit], 1))
    for name, function, sample, repeat in runs:
        if wanted and name.split(" ")[0] not in wanted:
            continue
        if function is None:
            print(f"| {name} | — | not installed | — | — |")
            continue
        if not name.startswith("factcheck"):
            function = (lambda f: lambda t, r: peers.safely(f, t, r))(function)
        rate, per_cpu, peak = measure(function, sample, repeat)
        rates = f"{rate / 1e6:.2f} M | {per_cpu / 1e6:.2f} M"
        print(f"| {name} | {len(sample)} | {rates} | {peak:.1f} |", flush=True)


if __name__ == "__main__":
    main()
