"""Wall time of a cold `factcheck run` on one article (target: at most 150 ms).

Each run is a fresh interpreter, as a user or a pre-commit hook starts it, through the ``factcheck``
console script of this interpreter's environment (or ``--script``). Prints the median and the best
of N runs. The caches factcheck keeps between runs (parsed rules, compiled patterns and regexes;
see factcheck/persist.py) are warmed by one untimed run first, as any second run finds them.

An editable development install (``pip install -e``) adds an import hook that costs about 15 ms;
time a regular install to see what users get:

    python benchmarks/cold_run.py [--runs 15] [--script /path/to/venv/bin/factcheck] [ARTICLE]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150


def command(script: str | None) -> list[str]:
    """The console script, as a user runs it (``python -m factcheck.cli.main`` without one)."""
    path = Path(script) if script else Path(sys.executable).parent / "factcheck"
    return [str(path)] if path.exists() else [sys.executable, "-m", "factcheck.cli.main"]


def time_run(article: Path, script: str | None) -> float:
    start = time.perf_counter()
    done = subprocess.run([*command(script), "run", str(article)], capture_output=True, cwd=ROOT)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode not in (0, 1):
        raise SystemExit(f"factcheck failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed


def python_startup_ms() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "seeds" / "trump-putin-call.md"))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--script", help="the factcheck console script to time (default: this environment's)")
    args = parser.parse_args()
    article = Path(args.article)
    time_run(article, args.script)  # warms the OS file cache and the caches, as any second run finds them
    times = [time_run(article, args.script) for _ in range(args.runs)]
    bare = statistics.median(python_startup_ms() for _ in range(5))
    median = statistics.median(times)
    print(f"cold `factcheck run {article.name}`: median {median:.0f} ms, best {min(times):.0f} ms "
          f"over {args.runs} runs (bare interpreter start: {bare:.0f} ms)")
    print(f"target {TARGET_MS} ms: {'met' if median <= TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
