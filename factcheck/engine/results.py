"""What a run produces, handed to reporters: per-document findings and the rules that ran."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.claims.model import ClaimSet
from factcheck.documents.model import Document
from factcheck.findings import Confidence, Finding, Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A loaded rule's metadata, as reporters and `factcheck rules` show it."""

    id: str
    title: str
    severity: Severity
    description: str = ""
    tags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    path: str | None = None
    confidence: Confidence | None = None  # the most confidence its findings can have (a YAML cap)


@dataclass(slots=True)
class DocumentResult:
    """One document's outcome. ``document`` is None for an input that could not be read at all
    (then ``path`` names it and ``findings`` holds the input error)."""

    path: str
    document: Document | None
    claims: ClaimSet
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rules_evaluated: int = 0
    skipped: dict[str, str] = field(default_factory=dict)
    """Rules not evaluated on this document, with the reason (JUnit ``skipped``, SARIF notifications)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Time each evaluated rule took on this document (JUnit ``time``)."""


@dataclass(slots=True)
class RunResult:
    documents: list[DocumentResult]
    rules: list[RuleInfo]

    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings() if f.severity is severity)

    def worst(self) -> Severity | None:
        severities = [f.severity for f in self.findings()]
        return max(severities, key=lambda s: s.rank) if severities else None
