"""Corpus runs on the news corpus: `-j 1`, `-j 2` and Dask (a LocalCluster of 2 workers), in one run.

Each configuration runs the installed command as a user would, `factcheck run CORPUS --format jsonl`,
and is measured from outside: wall time, documents and characters per second (the characters are
the ones the JSONL records report), the time until the first line with a finding arrives on the
pipe, and the peak resident memory of the whole process tree (the command, its workers, Dask's
nannies), sampled from /proc every 20 ms. Memory flatness compares `-j 1` on the whole corpus with
`-j 1` on its first 1,000 articles. A short run on the first 200 articles comes first, unmeasured, and
the table of verb forms is asked for, so every measured run starts with the runtime cache complete
(as a user's later runs do; the first run on a machine builds that table once from lemminflect).
The runs use a runtime cache of their own, so other checkouts on the machine cannot evict it.

    FACTCHECK_DATA=/work/shared/data .venv/bin/python benchmarks/corpus.py [--limit N] [--skip dask]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE")
WARM_VERB_FORMS = "from factcheck.claims.morphology import verb_form; verb_form('toured')"


@dataclass
class Measured:
    name: str
    seconds: float
    documents: int
    characters: int
    first_finding: float | None
    peak_rss: int

    def row(self) -> str:
        first = f"{self.first_finding:.2f} s" if self.first_finding is not None else "none"
        rates = f"{self.documents / self.seconds:,.0f} | {self.characters / self.seconds / 1e6:.2f} M"
        memory = f"{self.peak_rss / 2**20:,.0f} MiB"
        return f"| {self.name} | {self.seconds:.1f} s | {rates} | {first} | {memory} |"


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(children.get(pid, ()))
    return total


def measure(name: str, corpus: Path, options: list[str]) -> Measured:
    command = [str(ROOT / ".venv" / "bin" / "factcheck"), "run", str(corpus), "--format", "jsonl", *options]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    documents = characters = 0
    first = None
    assert process.stdout is not None
    for line in process.stdout:
        data = json.loads(line)
        if "summary" in data:
            continue
        documents += 1
        characters += data.get("characters", 0)
        if first is None and any(not f["rule"].startswith("factcheck/") for f in data["findings"]):
            first = time.monotonic() - started
    process.wait()
    seconds = time.monotonic() - started
    done.set()
    sampler.join()
    return Measured(name, seconds, documents, characters, first, peak)


def head(corpus: Path, count: int, directory: Path) -> Path:
    target = directory / f"news-{count}.jsonl"
    with corpus.open("rb") as source, target.open("wb") as out:
        for number, line in enumerate(source):
            if number == count:
                break
            out.write(line)
    return target


def news_corpus() -> Path | None:
    """The news corpus under ``$FACTCHECK_DATA``, or None (said on standard error) without it."""
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        print("FACTCHECK_DATA is not set", file=sys.stderr)
        return None
    return Path(data) / "news" / "news.jsonl"


def prepared(corpus: Path, limit: int | None, scratch: Path) -> Path:
    """The corpus (its first ``limit`` articles, copied into ``scratch``), with a runtime cache of
    this benchmark's own in ``scratch`` (inherited by every later run), warmed by an unmeasured run
    on the first 200 articles and the table of verb forms."""
    if limit:
        corpus = head(corpus, limit, scratch)
    os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
    measure("warm-up", head(corpus, 200, scratch), ["-j", "1"])
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", WARM_VERB_FORMS], check=True)
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--skip", action="append", default=[], choices=("j1", "j2", "dask", "flat"))
    args = parser.parse_args()
    corpus = news_corpus()
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        corpus = prepared(corpus, args.limit, Path(scratch))
        load = os.getloadavg()[0]
        runs = []
        if "j1" not in args.skip:
            runs.append(measure("`-j 1`", corpus, ["-j", "1"]))
        if "j2" not in args.skip:
            runs.append(measure("`-j 2`", corpus, ["-j", "2"]))
        if "dask" not in args.skip:
            runs.append(measure("`--dask local` (2 workers)", corpus, ["--dask", "local"]))
        small = None
        if "flat" not in args.skip:
            small = measure("`-j 1`, first 1,000 articles", head(corpus, 1000, Path(scratch)), ["-j", "1"])
    print(f"corpus: {corpus.name}, {runs[0].documents if runs else 0:,} documents;"
          f" load average at start {load:.2f} on {os.cpu_count()} cores")
    print("| run | wall | documents/s | characters/s | first finding | peak RSS |")
    print("| --- | --- | --- | --- | --- | --- |")
    for run in [*runs, *([small] if small else [])]:
        print(run.row())
    by_name = {run.name: run for run in runs}
    one, two = by_name.get("`-j 1`"), by_name.get("`-j 2`")
    if one and two:
        print(f"-j 2 speed-up: {one.seconds / two.seconds:.2f}x (target >= 1.7x)")
    if one and small:
        print(f"peak RSS, whole corpus / 1,000 articles: {one.peak_rss / small.peak_rss:.2f} (target <= 1.5)")
    if one:
        per_core = one.documents / one.seconds
        cores = 10_000_000 / 86_400 / per_core
        rate = 10_000_000 / 86_400
        print(f"10 M articles a day = {rate:,.0f} articles/s = {cores:.1f} cores at the -j 1 rate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
