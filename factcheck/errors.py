"""One error hierarchy; every error that concerns a file carries where in it.

Rule files, fact files, configuration and inputs all report ``path:line:col`` and, where the source
is at hand, the offending line with a caret under the problem.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A 1-based line and column in a named file, with the line's text for a caret excerpt."""

    path: str
    line: int
    column: int
    source_line: str | None = None
    length: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def excerpt(self) -> str:
        """The source line with a caret (or a run of them) under the located text."""
        if self.source_line is None:
            return ""
        from factcheck.safetext import visible

        gutter = f"{self.line} | "
        pad = " " * (len(gutter) + len(visible(self.source_line[: self.column - 1])))
        return f"{gutter}{visible(self.source_line)}\n{pad}{'^' * max(1, self.length)}"


class FactcheckError(Exception):
    """Base class: a message, an optional location, optional hint lines."""

    def __init__(self, message: str, location: SourceLocation | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        head = f"{self.location}: {self.message}" if self.location else self.message
        parts = [head]
        if self.location and self.location.source_line is not None:
            parts.append(self.location.excerpt())
        if self.hint:
            parts.append(f"hint: {self.hint}")
        return "\n".join(parts)


class UsageError(FactcheckError):
    """Bad command-line arguments or configuration (exit code 2)."""


class ConfigError(FactcheckError):
    """An invalid ``factcheck.yaml`` or ``[tool.factcheck]`` table (exit code 2)."""


class RuleLoadError(FactcheckError):
    """A rule file that does not load: YAML, structure, expression syntax or types (exit code 2)."""


class ExpressionSyntaxError(RuleLoadError):
    """A rule expression that does not parse."""


class ExpressionTypeError(RuleLoadError):
    """A rule expression whose operand types do not fit."""


class FactLoadError(FactcheckError):
    """A reference-fact file that does not load (exit code 2)."""


class InputError(FactcheckError):
    """A document that cannot be read or decoded; reported as a finding, the run goes on."""


class EvaluationError(FactcheckError):
    """A rule that fails while evaluating (division by zero, cost bound); becomes a finding."""
