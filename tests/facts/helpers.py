"""Helpers for the fact tests: claims built directly, pending claim kinds, one-rule evaluation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.claims.kinds import CLAIM_KINDS
from factcheck.claims.model import Claim, ClaimKind, ClaimSet
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.evaluate import evaluate_rule
from factcheck.facts.model import FactBase
from factcheck.findings import Finding
from factcheck.language import EvalContext
from factcheck.language import types as T
from factcheck.spans import Span

PENDING_RULES = Path(__file__).parent / "pending_rules"
# The kinds the claim-extraction work declares; registered here only while they are missing.
PENDING_KINDS = [
    ClaimKind("person", "string", "A person", {"name": "string", "title": "string?"}),
    ClaimKind("place", "string", "A place", {"city": "string?", "country": "string?"}),
    ClaimKind("age", "number", "An age", {"person": "string?"}),
]


def ensure_kinds() -> None:
    for kind in PENDING_KINDS:
        CLAIM_KINDS.setdefault(kind.name, kind)
    for cached in (T.parse_type, T.claim_fields, T.claim_value_type, T.record_fields):
        cached.cache_clear()


def claim(text: str, part: str, kind: str, value: Any = None, **fields: Any) -> Claim:
    start = text.index(part)
    return Claim(kind, part, Span(start, start + len(part)), value, fields=fields,
                 precision=Decimal(1) if kind == "age" else None)


def person(text: str, part: str, name: str, title: str | None) -> Claim:
    return claim(text, part, "person", name, name=name, title=title)


def place(text: str, part: str, city: str, country: str) -> Claim:
    return claim(text, part, "place", part, city=city, country=country)


def age(text: str, part: str, years: int, who: str) -> Claim:
    return claim(text, part, "age", Decimal(years), person=who)


def evaluate(rule: Any, text: str, claims: list[Claim], facts: FactBase,
             date: dt.date | None = dt.date(2025, 10, 16)) -> list[Finding]:
    doc = Document(path="t.txt", text=text, original=text, offsets=OffsetMap.identity(len(text)), date=date,
                   source="test")
    return list(evaluate_rule(rule, EvalContext(doc, ClaimSet(claims), facts)))
