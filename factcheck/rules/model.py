"""A loaded rule: its metadata, its compiled expressions, and the examples that test it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from factcheck.engine.results import RuleInfo
from factcheck.errors import SourceLocation
from factcheck.facts.model import FactBase
from factcheck.findings import Confidence, Severity


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

    figure: Any  # CompiledExpression of type claim<...>
    value: Any  # CompiledExpression of type number | percent | money | duration | string


@dataclass(slots=True)
class Rule:
    """A compiled rule. ``bindings`` iterate claims; ``where`` filters; ``check`` must hold."""

    info: RuleInfo
    bindings: list[Any]  # factcheck.language Binding objects
    where: Any | None  # CompiledExpression or None
    check: Any  # CompiledExpression
    message: Any  # Template
    location: SourceLocation
    uses_document_date: bool = False
    examples: list[Example] = field(default_factory=list)
    fix: FixSpec | None = None

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def severity(self) -> Severity:
        return self.info.severity
