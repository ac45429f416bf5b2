"""Reporters: each turns a finished run into one output format; they only format, never judge.

``REPORTERS`` is the one registry of run formats, filled below; ``render`` is the entry point the CLI
calls. ``render_claims`` formats the output of ``factcheck claims``.
"""

from __future__ import annotations

from factcheck.engine.results import RunResult
from factcheck.reporters import github, html, json_report, junit, sarif, text
from factcheck.reporters.base import Reporter, ReportOptions
from factcheck.reporters.claims import CLAIM_FORMATS, render_claims

REPORTERS: dict[str, Reporter] = {}


def register(name: str, reporter: Reporter) -> None:
    """Add a format; a name may be registered once."""
    if name in REPORTERS:
        raise RuntimeError(f"reporter {name!r} registered twice")
    REPORTERS[name] = reporter


register("text", text.render)
register("json", json_report.render)
register("sarif", sarif.render)
register("junit", junit.render)
register("github", github.render)
register("html", html.render)

DEFAULT_FORMAT = "text"


def render(format: str, run: RunResult, options: ReportOptions | None = None) -> str:
    """``run`` in ``format`` (a key of :data:`REPORTERS`)."""
    try:
        reporter = REPORTERS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; expected one of: {', '.join(REPORTERS)}") from None
    return reporter(run, options or ReportOptions())


__all__ = [
    "CLAIM_FORMATS",
    "DEFAULT_FORMAT",
    "REPORTERS",
    "ReportOptions",
    "Reporter",
    "render",
    "render_claims",
]
