"""Extraction throughput on news: characters per second and peak memory, for factcheck and the peers.

Reads ``$FACTCHECK_DATA/news/news.jsonl`` (one article a line, its ``text``), takes the first
``--limit`` articles (default 2000), and times each tool over all of them, best of ``--repeat`` runs.
Peak memory is the tracemalloc peak of one separate run (tracemalloc slows the run, so it is not
timed). factcheck is timed twice: the atomic extractors alone, and ``extract_claims`` with the
composite kinds. Peers run only if importable (see peers.py for the separate venv); slow peers get
``--peer-limit`` articles (default 200) and their rate is per character all the same.

    FACTCHECK_DATA=/work/shared/data python benchmarks/throughput.py [--limit 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import peers

TARGET = 2_000_000  # chars/s


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
    found += quantifiers.extract(text, taken)
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
            repeat: int) -> tuple[float, float]:
    """``(chars per second, peak MiB)``."""
    for text in texts[:20]:
        function(text, None)  # warm caches and lazy imports
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            function(text, None)
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    for text in texts:
        function(text, None)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return sum(map(len, texts)) / best, peak


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
    print(f"{len(texts)} articles, {total:,} characters; target {TARGET / 1e6:.0f} M chars/s\n")
    print("| tool | articles | chars/s | peak MiB |\n|---|---|---|---|")
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
            print(f"| {name} | — | not installed | — |")
            continue
        if not name.startswith("factcheck"):
            function = (lambda f: lambda t, r: peers.safely(f, t, r))(function)
        rate, peak = measure(function, sample, repeat)
        print(f"| {name} | {len(sample)} | {rate / 1e6:.2f} M | {peak:.1f} |", flush=True)


if __name__ == "__main__":
    main()
