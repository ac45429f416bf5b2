"""``--format github``: GitHub Actions workflow commands, one annotation line per finding.

A JSONL record's findings point at the record's line in the file and name the record in the message.
A finding below high confidence says so in its title; one below ``--min-confidence`` is a
``notice`` whatever its severity, so it neither clutters a pull request as an error nor gates it. A
suggested correction ends the message.
"""

from __future__ import annotations

from factcheck.documents.model import Document
from factcheck.engine.results import RunResult
from factcheck.findings import Confidence, Finding, Severity
from factcheck.reporters.base import ReportOptions
from factcheck.reporters.locations import locate, with_record
from factcheck.safetext import visible

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it; control characters
    (ESC of a terminal sequence) are made visible first, newlines kept for the runner's ``%0A``."""
    return visible(text, keep="\n\r").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def position(document: Document | None, finding: Finding) -> dict[str, int]:
    if document is None or finding.span is None:
        return {}
    if document.record is not None:
        return {"line": document.record_line or 1}
    location = locate(document, finding.span)
    if location.multiline:  # GitHub takes columns only for an annotation within one line
        return {"line": location.line, "endLine": location.end_line}
    return {
        "line": location.line,
        "col": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
    }


def annotation(
    path: str, document: Document | None, finding: Finding, options: ReportOptions | None = None
) -> str:
    options = options or ReportOptions()
    properties = {"file": path, **{k: str(v) for k, v in position(document, finding).items()}}
    properties["title"] = finding.rule
    if finding.confidence is not Confidence.HIGH:
        properties["title"] += f" ({finding.confidence} confidence)"
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = escape_data(with_record(document, finding.message))
    command = COMMANDS[finding.severity] if options.shown(finding) else COMMANDS[Severity.INFO]
    return f"::{command} {rendered}::{message}"


def render(run: RunResult, options: ReportOptions) -> str:
    lines = [
        annotation(result.document.path if result.document else result.path, result.document, finding,
                   options)
        for result in run.documents
        for finding in result.findings
    ]
    return "".join(line + "\n" for line in lines)
