"""Small generated corpora for the scale tests: the seed article's body as JSONL records, some with
a planted error, some undated, and (optionally) a line that is not JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEED

PLANTED = [
    ("eighth conversation", "fifth conversation"),
    ("nine months", "six months"),
    ("nearly two-and-a-half-hour", "nearly two-and-a-half-day"),
]


def seed_body() -> str:
    return SEED.read_text(encoding="utf-8").split("---\n", 2)[2]


def write_corpus(path: Path, count: int, *, bad_line: int | None = None) -> Path:
    """``count`` records (ids ``doc-0``...); every third has a planted error, every fifth no date."""
    body = seed_body()
    lines = []
    for number in range(count):
        text = body
        if number % 3 == 1:
            old, new = PLANTED[number % len(PLANTED)]
            text = text.replace(old, new, 1)
        record = {"id": f"doc-{number}", "text": text}
        if number % 5 != 4:
            record["date"] = "2025-10-16"
        lines.append(json.dumps(record, ensure_ascii=False))
        if bad_line is not None and number + 1 == bad_line:
            lines.append('{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def jsonl_report(path: Path) -> tuple[list[dict], dict | None]:
    """The document lines and the summary line (None when missing) of a JSONL report."""
    documents, summary = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        if "summary" in data:
            summary = data
        else:
            documents.append(data)
    return documents, summary


def findings_of(documents: list[dict]) -> list[tuple]:
    """Every finding of a report as comparable tuples, in document order."""
    return [
        (d["path"], d.get("line"), f["rule"], f["severity"], f["message"], json.dumps(f["span"]))
        for d in documents
        for f in d["findings"]
    ]
