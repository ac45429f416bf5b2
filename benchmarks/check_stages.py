"""Where checking time goes: CPU seconds of ``Engine.check`` per stage, over articles of the news corpus.

Checks ``--limit`` articles of ``$FACTCHECK_DATA/news/news.jsonl`` (after ``--skip``) with the
default pack, as ``factcheck run`` checks them (each article's date, else ``--date``), and times
each stage with the process's CPU clock (``time.process_time``: what other load on a shared machine
disturbs least), best of ``--repeat`` passes after a warm-up pass. The stages are read by wrapping
the functions that run them, so they nest: the pattern kinds are part of extraction, and their
masking, combined word scan, matching and attachment are part of the pattern kinds.

    FACTCHECK_DATA=/work/shared/data python benchmarks/check_stages.py [--limit 500] [--skip 0]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.documents.model import Document

SPENT: defaultdict[str, float] = defaultdict(float)


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, adding the CPU time of each call to ``SPENT[name]``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.process_time() - began

    return wrapper


def instrument() -> list[tuple[str, str]]:
    """Wrap the stage functions; the stages in report order, each with the stage it is part of."""
    from factcheck.claims import extract, patterns
    from factcheck.claims.patterns import matcher
    from factcheck.engine import runner

    extract.Extractor.extract = timed("extraction", extract.Extractor.extract)
    patterns.PatternSet.extract = timed("pattern kinds", patterns.PatternSet.extract)
    matcher.Masked.__init__ = timed("masking", matcher.Masked.__init__)
    matcher.Masked.scan = timed("combined word scan", matcher.Masked.scan)
    patterns.match_kind = timed("matching (frames, statements)", matcher.match_kind)
    matcher.attach = timed("attachment", matcher.attach)
    runner.evaluate_rule = timed("rules", runner.evaluate_rule)
    return [("extraction", ""), ("pattern kinds", "extraction"), ("masking", "pattern kinds"),
            ("combined word scan", "pattern kinds"), ("matching (frames, statements)", "pattern kinds"),
            ("attachment", "matching (frames, statements)"), ("rules", "")]


def articles(limit: int, skip: int, default_date: str) -> list[Document]:
    """The articles as ``factcheck run`` reads a JSONL record's text, each with its date."""
    from factcheck.api import document

    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        raise SystemExit("FACTCHECK_DATA is not set: point it at the data folder holding news/news.jsonl")
    found: list[Document] = []
    with (Path(data) / "news" / "news.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if len(found) >= limit:
                break
            if number >= skip:
                record = json.loads(line)
                date = (record.get("date") or "")[:10] or default_date
                found.append(document(record["text"], date=date, path=str(number)))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500, help="articles (default 500)")
    parser.add_argument("--skip", type=int, default=0, help="articles skipped first (default 0)")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes, the best kept (default 2)")
    parser.add_argument("--date", default="2025-10-17", help="the date of an article without one")
    args = parser.parse_args()
    from factcheck.engine.runner import Engine
    from factcheck.facts.loader import load_fact_files
    from factcheck.rules.loader import load_packs
    from factcheck.startup.resources import rules_dir

    stages = instrument()
    pack = load_packs([rules_dir()])
    engine = Engine(pack.rules, load_fact_files(pack.fact_files), pack.extractor(), timeout=None)
    sample = articles(args.limit, args.skip, args.date)
    characters = sum(len(document.text) for document in sample)
    best: dict[str, float] = {}
    for attempt in range(args.repeat + 1):  # the first pass warms lazy imports and caches
        SPENT.clear()
        began = time.process_time()
        for document in sample:
            engine.check(document)
        SPENT["check"] = time.process_time() - began
        if attempt and (not best or SPENT["check"] < best["check"]):
            best = dict(SPENT)
    total = best["check"]
    print(f"{len(sample)} articles from {args.skip}, {characters:,} characters; load average "
          f"{os.getloadavg()[0]:.1f}; CPU-seconds, best of {args.repeat}")
    print(f"{'Engine.check':<34} {total:7.3f} s  {characters / total / 1e6:5.2f} M chars per CPU-second")
    for name, parent in stages:
        spent = best.get(name, 0.0)
        indent = "  " * (2 if parent == "pattern kinds" else 3 if parent.startswith("matching") else
                         1 if parent else 0)
        print(f"{indent + name:<34} {spent:7.3f} s  {100 * spent / total:4.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
