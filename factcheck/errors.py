"""One error hierarchy; every error that concerns a file carries where in it.

Rule files, fact files, configuration and inputs all report ``path:line:col`` and, where the source
is at hand, the offending line with a caret under the problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.spans import LineIndex


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A 1-based line and column in a named file, with the line's text for a caret excerpt."""

    path: str
    line: int
    column: int
    source_line: str | None = None
    length: int = 1

    @classmethod
    def at(cls, path: str, lines: LineIndex, offset: int, length: int = 1) -> SourceLocation:
        """The location of ``offset`` in a file whose text ``lines`` indexes, quoting its line."""
        where = lines.position(offset)
        return cls(path, where.line, where.column, lines.line_text(where.line), length)

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


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The known spelling nearest to ``word``, if one is close enough to be a typo of it: the one
    did-you-mean of the command line, the loaders and the checker."""
    import difflib  # only when there is a typo to explain

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(name: str, candidates: Iterable[str], what: str = "") -> str | None:
    """A hint for an unknown ``name``: the closest candidate, or, when none is close and ``what``
    names them, the list of candidates."""
    options = sorted(set(candidates))
    suggestion = closest(name, options)
    if suggestion is not None:
        return f"did you mean {suggestion!r}?"
    return f"{what}: {', '.join(options)}" if what and options else None
