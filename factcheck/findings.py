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


INPUT_ERROR = "factcheck/input-error"
RULE_ERROR = "factcheck/rule-error"


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
