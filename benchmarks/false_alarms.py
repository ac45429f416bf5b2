"""False alarms of the default rule pack on real news prose.

Runs every rule of the default pack over the news corpus in ``$FACTCHECK_DATA/news/news.jsonl``
(Reuters-21578, BBC, ABC articles, none of which were written to trip factcheck) and reports the
findings per 100 articles by severity, confidence and rule, with a reproducible random sample of
error-level findings to judge by hand. The target counts errors at or above ``--min-confidence``
(medium by default, as ``factcheck run`` gates). Exact duplicates (records with ``duplicate_of``)
are skipped.

    FACTCHECK_DATA=../shared/data python benchmarks/false_alarms.py [--limit N] [--sample 25] [--seed 1]
        [--min-confidence medium]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

from factcheck.documents import InputFailure, load_documents
from factcheck.engine.runner import Engine
from factcheck.facts.loader import load_fact_files
from factcheck.findings import Confidence, Severity
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir


def corpus_path() -> Path:
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        sys.exit("FACTCHECK_DATA is not set: point it at the shared data directory (../shared/data)")
    return Path(data) / "news" / "news.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0: all)")
    parser.add_argument("--sample", type=int, default=25, help="error findings to print")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-confidence", choices=[c.value for c in Confidence], default="medium",
                        help="errors at or above this confidence count against the target")
    args = parser.parse_args()
    threshold = Confidence(args.min_confidence)

    pack = load_packs([rules_dir()])
    engine = Engine(pack.rules, load_fact_files(pack.fact_files), pack.extractor())
    by_rule: Counter[tuple[str, str, str]] = Counter()
    errors: list[tuple[str, str, str, str, str]] = []
    articles = 0
    crashed: list[str] = []
    for item in load_documents([str(corpus_path())]):
        if isinstance(item, InputFailure) or item.metadata.get("duplicate_of"):
            continue
        articles += 1
        try:
            result = engine.check(item)
        except Exception as exc:  # a crash is a bug to report, not a reason to lose the run's figures
            crashed.append(f"{item.display_path}: {type(exc).__name__}: {exc}")
            continue
        for finding in result.findings:
            by_rule[(finding.severity.value, finding.confidence.value, finding.rule)] += 1
            if finding.severity is Severity.ERROR and finding.confidence.rank >= threshold.rank:
                excerpt = _context(item.text, finding.span)
                errors.append((result.path, finding.rule, finding.confidence.value, finding.message, excerpt))
        if args.limit and articles >= args.limit:
            break

    per_100 = 100 / max(articles, 1)
    print(f"{articles} articles, {len(pack.rules)} rules")
    for crash in crashed:
        print(f"  CRASHED (not counted): {crash}")
    for severity in Severity:
        count = sum(n for (s, _, _), n in by_rule.items() if s == severity.value)
        print(f"  {severity.value:<8} {count:>6}  ({count * per_100:.2f} per 100 articles)")
        for confidence in Confidence:
            key = (severity.value, confidence.value)
            count = sum(n for (s, c, _), n in by_rule.items() if (s, c) == key)
            print(f"    {confidence.value:<6} {count:>6}  ({count * per_100:.2f} per 100 articles)")
    print(f"  target: errors with confidence >= {threshold}: {len(errors)} ({len(errors) * per_100:.2f} "
          "per 100 articles; at most 1)")
    for (severity, confidence, rule), count in sorted(by_rule.items()):
        print(f"    {severity:<8} {confidence:<6} {rule:<40} {count}")
    sample = random.Random(args.seed).sample(errors, min(args.sample, len(errors)))
    if sample:
        print(f"\nSample of {len(sample)} error findings with confidence >= {threshold}:")
    for path, rule, confidence, message, excerpt in sample:
        print(f"\n- {path} [{rule}, {confidence}]\n  {message}\n  …{excerpt}…")


def _context(text: str, span, width: int = 100) -> str:
    if span is None:
        return ""
    start, end = max(0, span.start - width), min(len(text), span.end + width)
    return text[start:end].replace("\n", " ")


if __name__ == "__main__":
    main()
