"""``--format json`` (DESIGN §6): documents with their findings, offsets and lines into the original
file, and a summary. Key order is fixed; a file-level finding has ``"span": null``. Each finding
carries its ``confidence``, whether it is ``below_min_confidence`` (it does not gate the exit code)
and its suggested correction, ``fix`` (``{"span", "replacement"}``) or null. A stopped run's summary
says ``interrupted``, its ``exit_code``, why it ``stopped``, and lists the inputs it left
``unchecked``."""

from __future__ import annotations

import json
from typing import Any

from factcheck.documents.model import Document
from factcheck.engine.results import DocumentResult, RunResult, Unchecked
from factcheck.findings import Confidence, Finding, Fix, Severity
from factcheck.reporters.base import TOOL_NAME, ReportOptions, Stop, Totals, line_ranges, tool_version
from factcheck.reporters.jsonvalues import to_json
from factcheck.reporters.locations import Location, locate
from factcheck.safetext import json_text


def dumps(data: Any) -> str:
    """The JSON text every JSON-speaking reporter prints."""
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def span_object(location: Location) -> dict[str, int]:
    return {
        "start": location.start,
        "end": location.end,
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
    }


def fix_object(document: Document | None, fix: Fix | None) -> dict[str, Any] | None:
    """The replacement and the exact span of the original text it replaces."""
    if fix is None or document is None:
        return None
    location = locate(document, fix.span)
    return {"span": span_object(location), "replacement": fix.replacement}


def finding_object(
    document: Document | None, finding: Finding, options: ReportOptions | None = None
) -> dict[str, Any]:
    location = locate(document, finding.span) if document and finding.span is not None else None
    related = [locate(document, span) for span in finding.related] if document else []
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "below_min_confidence": not (options or ReportOptions()).shown(finding),
        "message": finding.message,
        "span": span_object(location) if location else None,
        "excerpt": location.text if location else None,
        "related": [span_object(item) | {"text": item.text} for item in related],
        "evidence": to_json(finding.evidence),
        "fix": fix_object(document, finding.fix),
    }


def document_object(result: DocumentResult, options: ReportOptions | None = None) -> dict[str, Any]:
    document = result.document
    data: dict[str, Any] = {
        "path": document.path if document else result.path,
        "date": to_json(document.date) if document else None,
    }
    if document is not None and document.record is not None:
        data["record"] = document.record
    data["findings"] = [finding_object(document, finding, options) for finding in result.findings]
    data["notes"] = list(result.notes)
    data["skipped"] = [{"rule": rule_id, "reason": reason} for rule_id, reason in result.skipped.items()]
    return data


def summary_object(run: RunResult, options: ReportOptions | None = None) -> dict[str, Any]:
    totals = Totals.of(run)
    options = options or ReportOptions()
    findings = run.findings()
    summary: dict[str, Any] = {
        "documents": totals.documents,
        "claims": totals.claims,
        "rules": totals.rules,
        "findings": {severity.value: totals.by_severity[severity] for severity in Severity},
        "confidence": {c.value: sum(1 for f in findings if f.confidence is c) for c in Confidence},
        "min_confidence": options.min_confidence.value,
        "below_min_confidence": sum(1 for f in findings if not options.shown(f)),
    }
    stop = Stop.of(run)
    if stop is not None:  # stopped early: the documents listed are the ones it finished
        summary["interrupted"] = True
        summary["exit_code"] = stop.exit_code
        summary["stopped"] = stop.description
        summary["unchecked"] = [unchecked_object(item) for item in run.unchecked]
    return summary


def unchecked_object(item: Unchecked) -> dict[str, Any]:
    """An input a stopped run did not check: its path, how many documents, and for a JSONL file the
    runs of record lines (``[first, last]``, inclusive)."""
    data: dict[str, Any] = {"path": item.path, "documents": item.documents}
    if item.lines:
        data["line_ranges"] = [list(pair) for pair in line_ranges(item.lines)]
    return data


def render(run: RunResult, options: ReportOptions) -> str:
    return dumps(
        {
            "version": tool_version(),
            "tool": TOOL_NAME,
            "documents": [document_object(result, options) for result in run.documents],
            "summary": summary_object(run, options),
        }
    )
