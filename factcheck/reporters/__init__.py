"""Reporters: each turns a finished run into one output format; they only format, never judge.

``REPORTERS`` is the one registry of run formats, filled below; ``render`` is the entry point the CLI
calls. ``render_claims`` formats the output of ``factcheck claims``. A format's module is imported
only when it is used, so a run pays for the one reporter it needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from factcheck import safetext
from factcheck.engine.results import RunResult
from factcheck.reporters.base import Reporter, ReportOptions

if TYPE_CHECKING:
    from factcheck.reporters.claims import CLAIM_FORMATS, render_claims


def __getattr__(name: str) -> Any:
    """``render_claims`` and ``CLAIM_FORMATS`` from their module on first use (``factcheck claims``
    only: a run does not import the claims reporter and the JSON reporter it builds on)."""
    if name in ("CLAIM_FORMATS", "render_claims"):
        from factcheck.reporters import claims

        return getattr(claims, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Registry(Mapping[str, Reporter]):
    """Format names to reporters; entries are ``module:function`` paths resolved on first use."""

    def __init__(self) -> None:
        self._entries: dict[str, str | Reporter] = {}

    def add(self, name: str, reporter: str | Reporter) -> None:
        if name in self._entries:
            raise RuntimeError(f"reporter {name!r} registered twice")
        self._entries[name] = reporter

    def __getitem__(self, name: str) -> Reporter:
        entry = self._entries[name]
        if isinstance(entry, str):
            module, function = entry.split(":")
            entry = self._entries[name] = getattr(importlib.import_module(module), function)
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


REPORTERS = _Registry()


def register(name: str, reporter: str | Reporter) -> None:
    """Add a format (a reporter, or its ``module:function`` path); a name may be registered once."""
    REPORTERS.add(name, reporter)


register("text", "factcheck.reporters.text:render")
register("json", "factcheck.reporters.json_report:render")
register("jsonl", "factcheck.reporters.jsonl:render")
register("sarif", "factcheck.reporters.sarif:render")
register("junit", "factcheck.reporters.junit:render")
register("github", "factcheck.reporters.github:render")
register("html", "factcheck.reporters.html:render")
register("concise", "factcheck.reporters.concise:render")

DEFAULT_FORMAT = "text"


def render(format: str, run: RunResult, options: ReportOptions | None = None) -> str:
    """``run`` in ``format`` (a key of :data:`REPORTERS`)."""
    try:
        reporter = REPORTERS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; expected one of: {', '.join(REPORTERS)}") from None
    return guard_lines(reporter(run, options or ReportOptions()), format)


LINE_ESCAPES = {"html": "&#58;", "junit": "&#58;"}
"""How each format writes the ``:`` of a workflow command at the start of a line; ``github``
writes commands on purpose (its messages are escaped by the runner's rules) and the JSON formats
never start a line with text from the input."""


def guard_lines(output: str, format: str) -> str:
    """``output`` with no line that a CI runner would take for a workflow command (see
    :mod:`factcheck.safetext`)."""
    if format in ("github", "json", "sarif"):
        return output
    return safetext.guard_lines(output, LINE_ESCAPES.get(format, "\\x3a"))


__all__ = [
    "CLAIM_FORMATS",
    "DEFAULT_FORMAT",
    "REPORTERS",
    "ReportOptions",
    "Reporter",
    "render",
    "render_claims",
]
