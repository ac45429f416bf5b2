"""What a run produces, handed to reporters: per-document findings and the rules that ran."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from factcheck.claims.model import ClaimSet
from factcheck.documents.model import Document, OffsetMap
from factcheck.findings import Finding, Severity
from factcheck.rules.model import RuleInfo


@dataclass(slots=True)
class DocumentResult:
    """One document's outcome. ``document`` is None for an input that could not be read at all
    (then ``path`` names it, ``record_line`` the bad line of a JSONL file, and ``findings`` holds
    the input error).

    ``characters`` is the length of the text checked; ``timings`` the seconds spent per stage
    (``extract``, ``rules``).
    """

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
    characters: int = 0
    record_line: int | None = None
    timings: dict[str, float] = field(default_factory=dict)
    _claim_count: int | None = None

    @property
    def claim_count(self) -> int:
        """How many claims were extracted (kept when :meth:`compact` released the claims)."""
        return len(self.claims) if self._claim_count is None else self._claim_count

    def compact(self) -> DocumentResult:
        """Release what reporters of a large run do not need: the claims (their count is kept) and,
        for a document without findings, its text. A corpus run keeps one of these per document, so
        memory stays flat in the corpus size."""
        self._claim_count = self.claim_count
        self.claims = _NO_CLAIMS
        self.notes = [sys.intern(note) for note in self.notes]  # the same few notes on every document
        if self.document is not None and not self.findings and self.document.original:
            self.document = _without_text(self.document)
        return self


_NO_CLAIMS = ClaimSet([])


def _without_text(document: Document) -> Document:
    return Document(
        document.path, "", "", OffsetMap.identity(0), document.title, document.date, document.source,
        document.record, document.record_line, {},
    )


@dataclass(frozen=True, slots=True)
class Unchecked:
    """An input a stopped run did not finish: a whole file, or (``lines``) the file lines of the
    records of a JSONL file that were not checked."""

    path: str
    lines: tuple[int, ...] = ()

    @property
    def documents(self) -> int:
        return len(self.lines) or 1


@dataclass(slots=True)
class RunResult:
    """A run's results. ``interrupted`` marks a run stopped before its last document (Ctrl-C, or
    ``failure``, a lost worker): ``documents`` then holds only the ones it finished, and
    ``unchecked`` names what it did not."""

    documents: list[DocumentResult]
    rules: list[RuleInfo]
    interrupted: bool = False
    failure: str | None = None
    unchecked: tuple[Unchecked, ...] = ()

    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings() if f.severity is severity)

    def worst(self) -> Severity | None:
        severities = [f.severity for f in self.findings()]
        return max(severities, key=lambda s: s.rank) if severities else None
