"""Proof that an optimisation loses no claim: every claim of the first articles of the news corpus,
written to a file once and compared with a later build's.

Each article's claims are reduced to what the rules read: kind, span, value, unit, hedge and the
fields (a claim field by its kind and span), in extraction order; how a composite was bound
(``binding``, ``certain``) is left out, since it is a reading of the same match, not a match. Write
the reference before a change and check it after:

    FACTCHECK_DATA=/work/shared/data python benchmarks/claims_identity.py --limit 1000 --write before.jsonl
    FACTCHECK_DATA=/work/shared/data python benchmarks/claims_identity.py --limit 1000 --check before.jsonl

``--check`` lists every article whose claims differ (the first differing claims of each) and exits 1
if any does. With ``--findings`` each article is also checked as ``factcheck run`` checks it (the
default pack, its date or else ``--date``), and its findings (rule, severity, confidence, message,
spans, fix, evidence) and resolved claims are compared too: the proof that rules and resolution
read the same.
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


def findings_of(text: str, date: str) -> list[Any]:
    """The findings and resolved claims of one article checked by the default pack on ``date``."""
    import factcheck

    result = factcheck.check(text, date=date)
    found = [
        [f.rule, str(f.severity), str(f.confidence), f.message, _span(f.span),
         [_span(s) for s in f.related], f.fix and [_span(f.fix.span), f.fix.replacement],
         json.dumps(f.evidence, sort_keys=True, default=repr)]
        for f in result.findings
    ]
    return [found, [form(claim) for claim in result.claims]]


def _span(span: Any) -> Any:
    return span and [span.start, span.end]


def articles(data: Path, limit: int, skip: int = 0) -> list[tuple[str, str, str | None]]:
    found: list[tuple[str, str, str | None]] = []
    with (data / "news" / "news.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if len(found) >= limit:
                break
            if number < skip:
                continue
            record = json.loads(line)
            date = (record.get("date") or "")[:10] or None  # the day of a timestamp, as the CLI reads it
            found.append((record.get("id") or str(number), record["text"], date))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--skip", type=int, default=0, help="articles skipped first (default 0)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="write the reference claims to this file")
    mode.add_argument("--check", type=Path, help="compare with the reference claims in this file")
    parser.add_argument("--findings", action="store_true",
                        help="also compare findings and resolved claims too")
    parser.add_argument("--date", default="2025-10-17",
                        help="the date of an article without one (default 2025-10-17)")
    args = parser.parse_args()
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        raise SystemExit("FACTCHECK_DATA is not set: point it at the data folder holding news/news.jsonl")
    sample = articles(Path(data), args.limit, args.skip)
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            for ident, text, date in sample:
                record = {"id": ident, "claims": claims_of(text)}
                if args.findings:
                    record["checked"] = findings_of(text, date or args.date)
                out.write(json.dumps(record) + "\n")
        print(f"{len(sample)} articles written to {args.write}")
        return 0
    reference = [json.loads(line) for line in args.check.open(encoding="utf-8")]
    if len(reference) < len(sample):
        raise SystemExit(f"{args.check} holds {len(reference)} articles, fewer than --limit {len(sample)}")
    if args.findings and any("checked" not in record for record in reference):
        raise SystemExit(f"{args.check} was written without --findings")
    differ = total = findings = 0
    for (ident, text, date), expected in zip(sample, reference, strict=False):
        got = claims_of(text)
        total += len(got)
        differs = _report(ident, "claims", expected["claims"], got)
        if args.findings:
            checked = findings_of(text, date or args.date)
            findings += len(checked[0])
            differs |= _report(ident, "findings", expected["checked"][0], checked[0])
            differs |= _report(ident, "resolved claims", expected["checked"][1], checked[1])
        differ += differs
    checked_too = f", {findings:,} findings" if args.findings else ""
    print(f"{len(sample)} articles, {total:,} claims{checked_too}: {differ} articles differ")
    return 1 if differ else 0


def _report(ident: str, what: str, expected: list[Any], got: list[Any]) -> bool:
    """Print how ``got`` differs from ``expected`` (JSON round-tripped); true if it does."""
    got = json.loads(json.dumps(got))
    if got == expected:
        return False
    lost = [item for item in expected if item not in got]
    new = [item for item in got if item not in expected]
    print(f"{ident}: {what}: {len(lost)} lost, {len(new)} new" + ("" if lost or new else " (order)"))
    for item in lost[:3]:
        print(f"  - {item}")
    for item in new[:3]:
        print(f"  + {item}")
    return True


if __name__ == "__main__":
    sys.exit(main())
