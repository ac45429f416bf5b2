"""``--format concise``: one line per finding, ``path:line:col: severity[rule] message``, as
compilers and ruff print them, so editors, ``grep`` and quickfix lists read the report directly."""

from __future__ import annotations

from factcheck.engine.results import RunResult
from factcheck.reporters.base import ReportOptions, Totals, plural
from factcheck.reporters.locations import locate
from factcheck.reporters.style import Painter
from factcheck.reporters.text import one_line
from factcheck.safetext import visible


def render(run: RunResult, options: ReportOptions) -> str:
    paint = Painter(options.color)
    lines = []
    for result in run.documents:
        document = result.document
        path = visible(document.display_path if document else result.path)
        for finding in result.findings:
            where = path
            if document is not None and finding.span is not None:
                location = locate(document, finding.span)
                where = f"{path}:{location.line}:{location.column}"
            severity = paint.severity(finding.severity.value, finding.severity)
            lines.append(f"{paint(where, 'bold')}: {severity}[{finding.rule}] {one_line(finding.message)}")
    totals = Totals.of(run)
    found = sum(totals.by_severity.values())
    lines.append(f"Found {plural(found, 'finding')} in {plural(totals.documents, 'document')}.")
    return "\n".join(lines) + "\n"
