"""What every reporter shares: options, the reporter protocol, the tool's identity, run totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from factcheck.engine.results import RunResult
from factcheck.findings import Confidence, Finding, Severity

TOOL_NAME = "factcheck"
DISTRIBUTION = "factcheck-prose"  # the name on PyPI; the tool and its command are "factcheck"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Presentation choices the CLI makes; ``color`` adds ANSI colours to the text format.
    Findings below ``min_confidence`` are marked in every format (the text format leaves them out
    and counts them); they do not gate the exit code. ``show_notes`` lists every document's notes,
    which a large run's text report otherwise sums up."""

    color: bool = False
    min_confidence: Confidence = Confidence.MEDIUM
    show_notes: bool = False
    width: int | None = None
    """The terminal's columns, to which the text format wraps its prose (None: not a terminal)."""

    def shown(self, finding: Finding) -> bool:
        """Whether ``finding`` reaches ``min_confidence``."""
        return finding.confidence.rank >= self.min_confidence.rank


class Reporter(Protocol):
    """Formats a run; never computes or filters findings."""

    def __call__(self, run: RunResult, options: ReportOptions) -> str: ...


def tool_version() -> str:
    """The installed factcheck version (``factcheck.__version__``, else the distribution's)."""
    from factcheck import __version__

    return str(__version__)


@dataclass(frozen=True, slots=True)
class Totals:
    """A run's totals, as the summaries of the text and JSON formats show them."""

    documents: int
    claims: int
    rules: int
    by_severity: dict[Severity, int]

    @classmethod
    def of(cls, run: RunResult, counted: Callable[[Finding], bool] | None = None) -> Totals:
        """The run's totals, counting only the findings ``counted`` accepts (all by default)."""
        findings = [f for f in run.findings() if counted is None or counted(f)]
        return cls(
            documents=len(run.documents),
            claims=sum(result.claim_count for result in run.documents),
            rules=len(run.rules),
            by_severity={s: sum(1 for f in findings if f.severity is s) for s in Severity},
        )

    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())
