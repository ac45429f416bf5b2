"""Proof that an optimisation loses no claim: every claim of the first articles of the news corpus,
written to a file once and compared with a later build's.

Each article's claims are reduced to what the rules read: kind, span, value, unit, hedge and the
fields (a claim field by its kind and span), in extraction order; how a composite was bound
(``binding``, ``certain``) is left out, since it is a reading of the same match, not a match. Write
the reference before a change and check it after:

    FACTCHECK_DATA=/work/shared/data python benchmarks/claims_identity.py --limit 1000 --write before.jsonl
    FACTCHECK_DATA=/work/shared/data python benchmarks/claims_identity.py --limit 1000 --check before.jsonl

``--check`` lists every article whose claims differ (the first differing claims of each) and exits 1
if any does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.claims import extract_claims
from factcheck.claims.model import Claim


def form(value: Any) -> Any:
    """A claim or field as plain JSON data."""
    if isinstance(value, Claim):
        return [value.kind, value.span.start, value.span.end, repr(value.value), value.unit,
                str(value.hedge), repr(value.precision),
                sorted([name, _field(field)] for name, field in value.fields.items())]
    return repr(value)


def _field(value: Any) -> Any:
    if isinstance(value, Claim):
        return [value.kind, value.span.start, value.span.end, repr(value.value), value.unit]
    if isinstance(value, list | tuple):
        return [_field(item) for item in value]
    return repr(value)


def claims_of(text: str) -> list[Any]:
    return [form(claim) for claim in extract_claims(text)]


def articles(data: Path, limit: int) -> list[tuple[str, str]]:
    found = []
    with (data / "news" / "news.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if len(found) >= limit:
                break
            record = json.loads(line)
            found.append((record.get("id") or str(len(found)), record["text"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles (default 1000)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="write the reference claims to this file")
    mode.add_argument("--check", type=Path, help="compare with the reference claims in this file")
    args = parser.parse_args()
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        raise SystemExit("FACTCHECK_DATA is not set: point it at the data folder holding news/news.jsonl")
    sample = articles(Path(data), args.limit)
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            for ident, text in sample:
                out.write(json.dumps({"id": ident, "claims": claims_of(text)}) + "\n")
        print(f"{len(sample)} articles written to {args.write}")
        return 0
    reference = [json.loads(line) for line in args.check.open(encoding="utf-8")]
    if len(reference) < len(sample):
        raise SystemExit(f"{args.check} holds {len(reference)} articles, fewer than --limit {len(sample)}")
    differ = total = 0
    for (ident, text), expected in zip(sample, reference, strict=False):
        got = claims_of(text)
        total += len(got)
        if got != expected["claims"]:
            differ += 1
            lost = [c for c in expected["claims"] if c not in got]
            new = [c for c in got if c not in expected["claims"]]
            print(f"{ident}: {len(lost)} claims lost, {len(new)} new")
            for claim in lost[:3]:
                print(f"  - {claim}")
            for claim in new[:3]:
                print(f"  + {claim}")
    print(f"{len(sample)} articles, {total:,} claims: {differ} articles differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
