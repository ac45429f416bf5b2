"""What every reporter shares: options, the reporter protocol, the tool's identity, run totals."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from factcheck.engine.results import RunResult, Unchecked
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
    html_text: str = "auto"
    """Whether the HTML report includes each document's whole text, claims highlighted: ``always``,
    ``never``, or ``auto`` (for a run of up to 20 documents)."""

    def shown(self, finding: Finding) -> bool:
        """Whether ``finding`` reaches ``min_confidence``."""
        return finding.confidence.rank >= self.min_confidence.rank


class Reporter(Protocol):
    """Formats a run; never computes or filters findings."""

    def __call__(self, run: RunResult, options: ReportOptions) -> str: ...


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"


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


@dataclass(frozen=True, slots=True)
class Stop:
    """Why an interrupted run stopped, as every machine format states it: the process's exit code
    (the command line's 130 for Ctrl-C, 3 for a lost worker), the signal, and a description."""

    exit_code: int
    exit_signal: signal.Signals | None
    description: str

    @classmethod
    def of(cls, run: RunResult) -> Stop | None:
        if not run.interrupted:
            return None
        if run.failure:
            return cls(3, None, f"stopped by an internal error: {run.failure}")
        return cls(128 + signal.SIGINT, signal.SIGINT, "interrupted (Ctrl-C)")

    def summary(self, run: RunResult) -> str:
        """One sentence: how the run stopped, what it finished and what it did not."""
        left = sum(item.documents for item in run.unchecked)
        rest = f"{plural(left, 'document')} in {plural(len(run.unchecked), 'input')} not checked" if left \
            else "every input was checked"
        return f"The run was {self.description} after {plural(len(run.documents), 'document')}; {rest}."


def line_ranges(lines: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted lines as inclusive runs: 3 4 5 9 → (3, 5) (9, 9)."""
    ranges: list[tuple[int, int]] = []
    for line in sorted(lines):
        if ranges and line == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], line)
        else:
            ranges.append((line, line))
    return ranges


def unchecked_text(item: Unchecked, most: int = 5) -> str:
    """``news.jsonl: 812 records (lines 1189-2000)``, or ``b.md`` for a whole file; at most ``most``
    runs of lines are spelled out."""
    if not item.lines:
        return item.path
    ranges = line_ranges(item.lines)
    spelled = [f"{start}" if start == end else f"{start}-{end}" for start, end in ranges[:most]]
    more = f" and {len(ranges) - most} more runs" if len(ranges) > most else ""
    noun = "line" if len(item.lines) == 1 else "lines"
    return f"{item.path}: {plural(item.documents, 'record')} ({noun} {', '.join(spelled)}{more})"
