"""What every reporter shares: options, the reporter protocol, the tool's identity, run totals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from factcheck.engine.results import RunResult
from factcheck.findings import Severity

TOOL_NAME = "factcheck"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Presentation choices the CLI makes: ``color`` adds ANSI colours to the text formats;
    ``width`` (the terminal's columns, None when not writing to one) wraps the text format's prose."""

    color: bool = False
    width: int | None = None


class Reporter(Protocol):
    """Formats a run; never computes or filters findings."""

    def __call__(self, run: RunResult, options: ReportOptions) -> str: ...


def tool_version() -> str:
    """The installed factcheck version (``factcheck.__version__``, else the distribution's)."""
    try:
        from factcheck import __version__  # type: ignore[attr-defined]

        return str(__version__)
    except ImportError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(TOOL_NAME)
    except PackageNotFoundError:
        return "0+unknown"


@dataclass(frozen=True, slots=True)
class Totals:
    """A run's totals, as the summaries of the text and JSON formats show them."""

    documents: int
    claims: int
    rules: int
    by_severity: dict[Severity, int]

    @classmethod
    def of(cls, run: RunResult) -> Totals:
        return cls(
            documents=len(run.documents),
            claims=sum(len(result.claims) for result in run.documents),
            rules=len(run.rules),
            by_severity={severity: run.count(severity) for severity in Severity},
        )

    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())
