"""Where a corpus run's memory goes: resident memory after every document of one `factcheck run`.

`benchmarks/corpus.py` measures the peak; this attributes it. The command runs in this process
(`factcheck run CORPUS -j 1 --format jsonl`, its lines written to a scratch file) and after each document the
resident size is read from /proc/self/statm. Every document after which it rose by at least
``--jump`` KiB is listed with the modules imported since the previous line (a lazily imported
extractor, a library a rarer claim needs), and at checkpoints the resident memory is split by
mapping from /proc/self/smaps: anonymous memory (the Python heap's arenas, large allocations),
the brk heap, and each mapped file (shared libraries, the memory-mapped city index).

    FACTCHECK_DATA=/work/shared/data .venv/bin/python benchmarks/memory_trace.py [--limit N]

Like `benchmarks/corpus.py`, it warms a runtime cache of its own first (a short unmeasured run and
the verb-form table), so what it shows is a user's later run, not the first run on a machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import news_corpus, prepared  # noqa: E402 (the benchmark beside this one)

PAGE = os.sysconf("SC_PAGE_SIZE")
CHECKPOINTS = (1, 1_000, 2_000, 5_000, 10_000, 20_000)


def resident() -> int:
    with open("/proc/self/statm", "rb") as handle:
        return int(handle.read().split()[1]) * PAGE


def by_mapping() -> dict[str, int]:
    """Resident bytes of this process by mapping: a file's path, ``[heap]``, ``[anon]``, ..."""
    sizes: dict[str, int] = {}
    name = "[anon]"
    with open("/proc/self/smaps") as handle:
        for line in handle:
            fields = line.split()
            if fields and not fields[0].endswith(":"):  # a mapping's header line
                name = fields[5] if len(fields) > 5 else "[anon]"
            elif fields[:1] == ["Rss:"]:
                sizes[name] = sizes.get(name, 0) + int(fields[1]) * 1024
    return sizes


class Tracer:
    """Called after every document the run takes; prints the jumps and the checkpoints."""

    def __init__(self, jump: int) -> None:
        self.jump, self.count, self.last = jump, 0, resident()
        self.modules = set(sys.modules)

    def after_document(self, characters: int, line: int | None) -> None:
        self.count += 1
        now = resident()
        if now - self.last >= self.jump:
            new = sorted(set(sys.modules) - self.modules)
            self.modules.update(new)
            shown = ", ".join(name for name in new if name.count(".") < 2)[:200] or "no new modules"
            print(f"document {self.count:>6,} (line {line}, {characters:,} chars): "
                  f"{_mib(now)} (+{(now - self.last) >> 10:,} KiB); {shown}")
            self.last = now
        elif now < self.last:
            self.last = now
        if self.count in CHECKPOINTS:
            self.checkpoint()

    def checkpoint(self) -> None:
        sizes = by_mapping()
        top = sorted(sizes.items(), key=lambda item: -item[1])[:6]
        parts = ", ".join(f"{Path(name).name} {size >> 10:,} KiB" for name, size in top)
        print(f"-- after {self.count:,} documents: {_mib(sum(sizes.values()))} resident: {parts}")


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def traced_run(corpus: Path, report: Path, jump: int) -> int:
    from factcheck.cli import corpus as corpus_module
    from factcheck.cli.main import main

    tracer = Tracer(jump)
    take = corpus_module.CorpusRun._take

    def _take(self, result, outcome) -> None:
        take(self, result, outcome)
        document = result.document
        tracer.after_document(result.characters, document.record_line if document is not None else None)

    corpus_module.CorpusRun._take = _take
    code = main(["run", str(corpus), "-j", "1", "--format", "jsonl", "-o", str(report), "-q"])
    tracer.checkpoint()
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--jump", type=int, default=256, help="list rises of at least this many KiB")
    args = parser.parse_args()
    corpus = news_corpus()
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        corpus = prepared(corpus, args.limit, Path(scratch))
        with open(corpus, "rb") as handle:
            count = sum(1 for _ in handle)
        print(f"corpus: {corpus.name}, {count:,} lines; a line per rise of {args.jump} KiB or more")
        traced_run(corpus, Path(scratch) / "report.jsonl", args.jump * 1024)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
