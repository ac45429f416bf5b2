"""Findings: what the engine reports and every reporter formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from factcheck.spans import Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Confidence(StrEnum):
    """How sure the reading behind a finding is (CodeQL's ``precision`` beside severity): high when
    its claims were read in one phrase or clause, lower when they were joined across sentences or
    paragraphs, or when a value was inferred (a year-less date's year, one of competing readings)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 3, "medium": 2, "low": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Fix:
    """A suggested correction: replace the text at ``span`` with ``replacement``."""

    span: Span
    replacement: str


INPUT_ERROR = "factcheck/input-error"
RULE_ERROR = "factcheck/rule-error"
INTERNAL = "internal"
"""Evidence key set on an input or rule error that is a bug in factcheck, not the input's fault:
the run still reports everything, then exits 3 (DESIGN §5)."""


def is_internal(finding: Finding) -> bool:
    return finding.evidence.get(INTERNAL) is True


def describe_exception(error: BaseException) -> str:
    """``TypeError: ...`` in one short line (a message can be as long as the input it quotes)."""
    text = " ".join(str(error).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass(frozen=True, slots=True)
class Finding:
    """One inconsistency (or a failure to check): spans are into the document's normalized text.

    ``evidence`` holds JSON-ready values: the values compared, the facts used (with their sources),
    the tolerance applied.
    """

    rule: str
    severity: Severity
    message: str
    span: Span | None = None
    related: tuple[Span, ...] = ()
    evidence: dict[str, Any] = field(default_factory=dict)
    confidence: Confidence = Confidence.HIGH
    fix: Fix | None = None
