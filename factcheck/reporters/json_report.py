"""``--format json`` (DESIGN §6): documents with their findings, offsets and lines into the original
file, and a summary. Key order is fixed; a file-level finding has ``"span": null``."""

from __future__ import annotations

import json
from typing import Any

from factcheck.documents.model import Document
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.findings import Finding, Severity
from factcheck.reporters.base import TOOL_NAME, ReportOptions, Totals, tool_version
from factcheck.reporters.jsonvalues import to_json
from factcheck.reporters.locations import Location, locate


def dumps(data: Any) -> str:
    """The JSON text every JSON-speaking reporter prints."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def span_object(location: Location) -> dict[str, int]:
    return {
        "start": location.start,
        "end": location.end,
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
    }


def finding_object(document: Document | None, finding: Finding) -> dict[str, Any]:
    location = locate(document, finding.span) if document and finding.span is not None else None
    related = [locate(document, span) for span in finding.related] if document else []
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "span": span_object(location) if location else None,
        "excerpt": location.text if location else None,
        "related": [span_object(item) | {"text": item.text} for item in related],
        "evidence": to_json(finding.evidence),
    }


def document_object(result: DocumentResult) -> dict[str, Any]:
    document = result.document
    data: dict[str, Any] = {
        "path": document.path if document else result.path,
        "date": to_json(document.date) if document else None,
    }
    if document is not None and document.record is not None:
        data["record"] = document.record
    data["findings"] = [finding_object(document, finding) for finding in result.findings]
    return data


def summary_object(run: RunResult) -> dict[str, Any]:
    totals = Totals.of(run)
    summary: dict[str, Any] = {
        "documents": totals.documents,
        "claims": totals.claims,
        "rules": totals.rules,
        "findings": {severity.value: totals.by_severity[severity] for severity in Severity},
    }
    if run.interrupted:  # stopped by Ctrl-C: the documents listed are the ones it finished
        summary["interrupted"] = True
    return summary


def render(run: RunResult, options: ReportOptions) -> str:
    return dumps(
        {
            "version": tool_version(),
            "tool": TOOL_NAME,
            "documents": [document_object(result) for result in run.documents],
            "summary": summary_object(run),
        }
    )
