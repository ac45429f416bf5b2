"""Helpers for the fact tests: claims built directly, and one-rule evaluation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim, ClaimSet
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.evaluate import evaluate_rule
from factcheck.facts.model import FactBase
from factcheck.findings import Finding
from factcheck.language import EvalContext
from factcheck.spans import Span


def claim(text: str, part: str, kind: str, value: Any = None, **fields: Any) -> Claim:
    start = text.index(part)
    return Claim(kind, part, Span(start, start + len(part)), value, fields=fields,
                 precision=Decimal(1) if kind == "age" else None)


def person(text: str, part: str, name: str, title: str | None) -> Claim:
    return claim(text, part, "person", name, name=name, title=title, first_mention=text.index(part))


def place(text: str, part: str, city: str, country: str) -> Claim:
    return claim(text, part, "place", city, city=city, country=country, region=None)


def age(text: str, part: str, years: int, who: str) -> Claim:
    return claim(text, part, "age", Decimal(years), person=who)


def evaluate(rule: Any, text: str, claims: list[Claim], facts: FactBase,
             date: dt.date | None = dt.date(2025, 10, 16)) -> list[Finding]:
    doc = Document(path="t.txt", text=text, original=text, offsets=OffsetMap.identity(len(text)), date=date,
                   source="test")
    return list(evaluate_rule(rule, EvalContext(doc, ClaimSet(claims), facts)))
