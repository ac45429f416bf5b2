"""One huge document: does checking stay linear in its size? Rules that pair claims (``for: b in
claims.measured, a in claims.measured``) cost the square of the claim count if every pair is tried.

Joins the news corpus's Reuters articles (from line 3,000 of ``$FACTCHECK_DATA/news/news.jsonl``)
into one document per ``--sizes`` (characters; default 100,000, 400,000 and 1,600,000), dated as
the articles are, and checks each in process with the default pack and no time limit. For each it
gives the CPU seconds of extraction (with resolution) and of the rules, both per 1,000 claims,
and the slowest rules. With ``--compare`` every rule is also evaluated on every combination of its
bindings (as before the join plan, ``factcheck.language.joins``) and the findings of both must be
identical: the benchmark exits 1 if they are not.

    FACTCHECK_DATA=/work/shared/data python benchmarks/huge_document.py [--sizes 100000,400000] [--compare]

CPU time (``time.process_time``), not wall time: the machine may be shared. Linear means the
per-claim figures stay flat as the document grows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST_REUTERS_LINE = 3000


def joined(data: Path, size: int) -> str:
    """Reuters articles, blank-line separated, until ``size`` characters."""
    texts: list[str] = []
    total = 0
    with (data / "news" / "news.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number < FIRST_REUTERS_LINE:
                continue
            text = json.loads(line)["text"]
            texts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(texts)[:size]


def _key(finding: Any) -> tuple[Any, ...]:
    return (finding.rule, str(finding.severity), str(finding.confidence), finding.message, finding.span,
            finding.related, finding.fix, json.dumps(finding.evidence, sort_keys=True, default=repr))


def measure(text: str, compare: bool) -> dict[str, Any]:
    from factcheck.api import load
    from factcheck.documents.model import Document, OffsetMap
    from factcheck.engine.evaluate import evaluate_rule, plan_of
    from factcheck.language import EvalContext
    from factcheck.language.joins import Plan
    from factcheck.timex import document_claims

    engine = load().engine
    document = Document("huge.txt", text, text, OffsetMap.identity(len(text)), date=dt.date(1987, 3, 10))
    engine.check(Document("warm.txt", text[:20_000], text[:20_000], OffsetMap.identity(20_000),
                          date=dt.date(1987, 3, 10)))  # lazy tables and indexes load outside the timing
    started = time.process_time()
    claims = document_claims(document, engine.extractor)
    extract = time.process_time() - started
    seconds: dict[str, float] = {}
    before: dict[str, float] = {}
    differ: list[str] = []
    for rule in engine.rules:
        ctx = EvalContext(document=document, claims=claims, facts=engine.facts)
        started = time.process_time()
        found = [_key(f) for f in evaluate_rule(rule, ctx, plan=plan_of(rule))]
        seconds[rule.id] = time.process_time() - started
        if compare:
            ctx = EvalContext(document=document, claims=claims, facts=engine.facts)
            started = time.process_time()
            every = [_key(f) for f in evaluate_rule(rule, ctx, plan=Plan(rule.bindings, None))]
            before[rule.id] = time.process_time() - started
            if every != found:
                differ.append(rule.id)
    return {"claims": len(claims), "extract": extract, "rules": sum(seconds.values()), "seconds": seconds,
            "before": sum(before.values()) if compare else None, "before_seconds": before, "differ": differ}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,400000,1600000", help="characters per document")
    parser.add_argument("--compare", action="store_true",
                        help="also evaluate every combination of bindings, and compare the findings")
    parser.add_argument("--top", type=int, default=4, help="slowest rules shown per document")
    args = parser.parse_args()
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        raise SystemExit("FACTCHECK_DATA is not set: point it at the data folder holding news/news.jsonl")
    print(f"load average {os.getloadavg()[0]:.1f} (CPU seconds below)")
    header = ("| characters | claims | extraction, CPU-s (per 1,000 claims) "
              "| rules, CPU-s (per 1,000 claims) |")
    if args.compare:
        header += " every combination, CPU-s |"
    print(header)
    print("|" + " ---: |" * (header.count("|") - 1))
    failed = False
    for size in (int(s) for s in args.sizes.split(",")):
        text = joined(Path(data), size)
        got = measure(text, args.compare)
        per = 1000 / max(1, got["claims"])
        row = (f"| {len(text):,} | {got['claims']:,} | {got['extract']:.2f} ({got['extract'] * per:.2f}) "
               f"| {got['rules']:.2f} ({got['rules'] * per:.3f}) |")
        if args.compare:
            row += f" {got['before']:.2f} |"
        print(row)
        slowest = sorted(got["seconds"].items(), key=lambda item: -item[1])[: args.top]
        was = got["before_seconds"]
        print("    slowest: " + ", ".join(
            f"{rule} {s:.2f} s" + (f" (every combination {was[rule]:.2f} s)" if rule in was else "")
            for rule, s in slowest))
        if got["differ"]:
            failed = True
            print(f"    FINDINGS DIFFER for {', '.join(got['differ'])}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
