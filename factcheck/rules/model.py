"""A loaded rule: its metadata, its compiled expressions, and the examples that test it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.errors import SourceLocation
from factcheck.facts.model import FactBase
from factcheck.findings import Confidence, Severity

if TYPE_CHECKING:
    from factcheck.language.expression import Binding, CompiledExpression
    from factcheck.language.templates import Template


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """A rule's documentation in fixed sections (``doc:`` in YAML), as ruff documents its rules.

    ``example`` is a passage the rule flags and ``instead`` the same passage written as it should
    be; ``factcheck test`` reads both (on ``date``, when given) and fails when the rule does not flag
    the one or flags the other, so the documentation cannot drift from the rule."""

    checks: str  # what the rule checks
    why: str  # why the inconsistency matters
    example: str
    instead: str
    notes: str = ""  # tolerance and limits: what the rule accepts, and what it leaves unchecked
    date: dt.date | None = None  # the document date the two passages are read on
    location: SourceLocation | None = None  # where ``doc:`` is written, for a failing passage


# Each section of a rule's documentation: its key in ``doc:`` and its heading where it is rendered.
DOC_SECTIONS = (
    ("checks", "What it checks"),
    ("why", "Why it matters"),
    ("example", "Example"),
    ("instead", "Write instead"),
    ("notes", "Tolerance and limits"),
)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A loaded rule's metadata, as reporters and `factcheck rules` show it. ``description`` is
    the free-form text of older packs, or the documentation's ``checks`` section when there is one."""

    id: str
    title: str
    severity: Severity
    description: str = ""
    tags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    path: str | None = None
    confidence: Confidence | None = None  # the most confidence its findings can have (a YAML cap)
    doc: RuleDoc | None = None
    # Dates and times are compared only with each other (lengths, restatements): a year or day the
    # resolver inferred for them cancels out and does not lower the findings' confidence.
    relative_time: bool = False


@dataclass(frozen=True, slots=True)
class ExpectedFinding:
    """A finding an example must produce: where it points (``at``, the exact text of the span)
    and optionally a piece of its message."""

    at: str | None = None
    message: str | None = None
    fix: str | None = None  # the exact replacement text the finding's suggested correction proposes
    confidence: Confidence | None = None  # the finding's confidence


@dataclass(frozen=True, slots=True)
class Example:
    """A small document and what the rule must (and, by omission, must not) report on it."""

    text: str
    location: SourceLocation
    date: dt.date | None = None
    facts: FactBase | None = None  # inline facts replacing the pack's, or None
    expect: tuple[ExpectedFinding, ...] = ()
    name: str | None = None


@dataclass(frozen=True, slots=True)
class FixSpec:
    """How a rule proposes a correction (``fix:`` in YAML): the claim whose text is replaced
    (``figure``) and the value consistent with the other figures (``value``, a number, percent,
    money or duration restated in the figure's style, or a string used as it is)."""

    figure: CompiledExpression  # of type claim<...>
    value: CompiledExpression  # of type number | percent | money | duration | string


@dataclass(frozen=True, slots=True)
class ConfidenceCase:
    """A reading the rule knows to be doubtful (one entry of a list under ``confidence:``): when
    ``when`` holds for a finding, its confidence is at most ``level``, and ``because`` (a template,
    like the message) says why in its evidence. A rule so states which of its readings are sure and
    which are not, in place of one cap for every finding."""

    level: Confidence
    when: CompiledExpression  # of type bool, over the bindings and the assertion's ``let`` names
    because: Template


@dataclass(slots=True)
class Rule:
    """A compiled rule. ``bindings`` iterate claims; ``where`` filters; ``check`` must hold."""

    info: RuleInfo
    bindings: list[Binding]
    where: CompiledExpression | None
    check: CompiledExpression
    message: Template
    location: SourceLocation
    uses_document_date: bool = False
    examples: Sequence[Example] = field(default_factory=tuple)
    fix: FixSpec | None = None
    # how sure the rule's own reading of a finding is ("high", "medium", "low"), for a rule that
    # pairs claims the extractor did not join (a restatement and its first mention)
    reading: CompiledExpression | None = None
    confidence_cases: tuple[ConfidenceCase, ...] = ()

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def severity(self) -> Severity:
        return self.info.severity
