"""``--format sarif``: SARIF 2.1.0, one run, every loaded rule described in ``tool.driver.rules``.

A JSONL record's findings point at the record's line in the file (columns and offsets inside the
record's text do not map onto the file's escaped JSON, so the region is that whole line) and name the
record in the message. A finding without a span (an unreadable file) points at line 1, column 1.

A finding's confidence is its ``rank`` (:data:`RANKS`: high 90, medium 60, low 30, on SARIF's 0-100
scale of priority) and ``properties.confidence``; ``properties.belowMinConfidence`` marks a finding
below ``--min-confidence``. A suggested correction is a ``fixes`` entry replacing the figure's exact
region (not for a JSONL record, whose region is the whole record line); a rule's confidence cap is
its descriptor's ``properties.precision``, as CodeQL names it.

A stopped run (Ctrl-C, a lost worker) has ``executionSuccessful: false``, its ``exitCode`` (and
``exitSignalName``), and a ``toolExecutionNotifications`` error per input it did not check.
"""

from __future__ import annotations

from pathlib import PurePath, PurePosixPath
from typing import Any
from urllib.parse import quote

from factcheck.ci.fingerprints import finding_fingerprint
from factcheck.documents.model import Document
from factcheck.engine.results import RunResult, Unchecked
from factcheck.findings import INPUT_ERROR, RULE_ERROR, Confidence, Finding, Severity
from factcheck.reporters.base import TOOL_NAME, ReportOptions, Stop, line_ranges, tool_version, unchecked_text
from factcheck.reporters.json_report import dumps
from factcheck.reporters.jsonvalues import to_json
from factcheck.reporters.locations import Location, locate, with_record
from factcheck.rules.model import RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "factcheckFingerprint/v1"
RANKS = {Confidence.HIGH: 90.0, Confidence.MEDIUM: 60.0, Confidence.LOW: 30.0}

BUILTIN_RULES = (
    RuleInfo(
        id=INPUT_ERROR,
        title="Input could not be read",
        severity=Severity.ERROR,
        description="A file, directory entry or JSONL record could not be read or decoded; the run went "
        "on with the other inputs.",
    ),
    RuleInfo(
        id=RULE_ERROR,
        title="Rule failed while evaluating",
        severity=Severity.ERROR,
        description="A rule raised an error while it was evaluated on a document; its verdict on that "
        "document is unknown.",
    ),
)


def pascal_name(rule_id: str) -> str:
    """``duration-vs-count`` → ``DurationVsCount`` (path separators dropped)."""
    words = rule_id.replace("/", "-").replace("_", "-").split("-")
    return "".join(word[:1].upper() + word[1:] for word in words if word)


def rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    help_text = rule.description or rule.title
    if rule.references:
        help_text += "\n\nReferences:\n" + "\n".join(f"- {ref}" for ref in rule.references)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": pascal_name(rule.id),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description or rule.title},
        "help": {"text": help_text},
    }
    if rule.references:
        descriptor["helpUri"] = rule.references[0]
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    descriptor["properties"] = {"tags": list(rule.tags)}
    if rule.confidence is not None:
        descriptor["properties"]["precision"] = rule.confidence.value
    return descriptor


def artifact_location(path: str) -> dict[str, str]:
    """A relative path as a ``%SRCROOT%``-based URI reference; an absolute one as a file URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(PurePosixPath(*pure.parts).as_posix()), "uriBaseId": "%SRCROOT%"}


def region(document: Document | None, location: Location | None) -> dict[str, Any]:
    """The full region of ``location``; the record's line for a JSONL record; line 1 at file level."""
    if document is not None and document.record is not None:
        line = document.record_line or 1
        return {"startLine": line, "endLine": line}
    if location is None:
        return {"startLine": 1, "startColumn": 1}
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
        "charOffset": location.start,
        "charLength": location.length,
        "snippet": {"text": location.text},
    }


def physical_location(path: str, document: Document | None, location: Location | None) -> dict[str, Any]:
    return {"artifactLocation": artifact_location(path), "region": region(document, location)}


def fingerprint(finding: Finding, document: Document | None, location: Location | None) -> str:
    """Stable across edits that move the text (see :mod:`factcheck.ci.fingerprints`)."""
    return finding_fingerprint(finding, document if location is not None else None)


def related_locations(path: str, document: Document | None, finding: Finding) -> list[dict[str, Any]]:
    if document is None:
        return []
    result = []
    for index, span in enumerate(finding.related, start=1):
        location = locate(document, span)
        result.append(
            {
                "id": index,
                "physicalLocation": physical_location(path, document, location),
                "message": {"text": with_record(document, f'related claim "{location.text}"')},
            }
        )
    return result


def fixes(path: str, document: Document | None, finding: Finding) -> list[dict[str, Any]]:
    """The suggested correction as a SARIF fix: one replacement of the figure's exact region."""
    if finding.fix is None or document is None or document.record is not None:
        return []
    location = locate(document, finding.fix.span)
    inserted = {"text": finding.fix.replacement}
    replacement = {"deletedRegion": region(document, location), "insertedContent": inserted}
    return [
        {
            "description": {"text": f'Replace "{location.text}" with "{finding.fix.replacement}"'},
            "artifactChanges": [{"artifactLocation": artifact_location(path), "replacements": [replacement]}],
        }
    ]


def result_object(
    path: str, document: Document | None, finding: Finding, indices: dict[str, int],
    options: ReportOptions | None = None,
) -> dict[str, Any]:
    location = locate(document, finding.span) if document and finding.span is not None else None
    data: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in indices:
        data["ruleIndex"] = indices[finding.rule]
    data["level"] = LEVELS[finding.severity]
    data["rank"] = RANKS[finding.confidence]
    data["message"] = {"text": with_record(document, finding.message)}
    data["locations"] = [{"physicalLocation": physical_location(path, document, location)}]
    related = related_locations(path, document, finding)
    if related:
        data["relatedLocations"] = related
    data["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(finding, document, location)}
    suggested = fixes(path, document, finding)
    if suggested:
        data["fixes"] = suggested
    data["properties"] = properties(document, finding, location)
    data["properties"]["confidence"] = finding.confidence.value
    data["properties"]["belowMinConfidence"] = not (options or ReportOptions()).shown(finding)
    return data


def properties(document: Document | None, finding: Finding, location: Location | None) -> dict[str, Any]:
    """The evidence; for a JSONL record also the record id and the excerpt the region cannot show."""
    data: dict[str, Any] = {}
    if document is not None and document.record is not None:
        data["record"] = document.record
        data["excerpt"] = location.text if location else None
    data["evidence"] = to_json(finding.evidence)
    return data


def invocation(run: RunResult) -> dict[str, Any]:
    """The run's invocation, whose notifications carry the skipped rules and notes per document,
    and, for a stopped run, how it stopped and each input it did not check."""
    notifications = []
    for item in run.documents:
        where = [{"physicalLocation": {"artifactLocation": artifact_location(item.path)}}]
        for rule_id, reason in item.skipped.items():
            notifications.append({
                "level": "note",
                "message": {"text": f"{rule_id} skipped: {reason}"},
                "locations": where,
                "associatedRule": {"id": rule_id},
            })
        for note in item.notes:
            if not any(note.startswith(f"{rule_id}:") for rule_id in item.skipped):
                notifications.append({"level": "note", "message": {"text": note}, "locations": where})
    data: dict[str, Any] = {"executionSuccessful": True}
    stop = Stop.of(run)
    if stop is not None:
        data = {"executionSuccessful": False, "exitCode": stop.exit_code}
        if stop.exit_signal is not None:
            data["exitSignalName"] = stop.exit_signal.name
            data["exitSignalNumber"] = int(stop.exit_signal)
        data["exitCodeDescription"] = stop.description
        notifications.append({"level": "error", "message": {"text": stop.summary(run)}})
        notifications.extend(unchecked_notification(item) for item in run.unchecked)
    data["toolExecutionNotifications"] = notifications
    return data


def unchecked_notification(item: Unchecked) -> dict[str, Any]:
    """An input a stopped run did not check; for a JSONL file, the records' lines (first to last as
    the region, every run of lines in ``properties.lineRanges``)."""
    location: dict[str, Any] = {"artifactLocation": artifact_location(item.path)}
    properties: dict[str, Any] = {"uncheckedDocuments": item.documents}
    if item.lines:
        location["region"] = {"startLine": min(item.lines), "endLine": max(item.lines)}
        properties["lineRanges"] = [list(pair) for pair in line_ranges(item.lines)]
    return {
        "level": "error",
        "message": {"text": f"not checked: {unchecked_text(item)}"},
        "locations": [{"physicalLocation": location}],
        "properties": properties,
    }


def render(run: RunResult, options: ReportOptions) -> str:
    loaded = {rule.id for rule in run.rules}
    rules = list(run.rules) + [rule for rule in BUILTIN_RULES if rule.id not in loaded]
    indices = {rule.id: index for index, rule in enumerate(rules)}
    results = [
        result_object(item.document.path if item.document else item.path, item.document, finding, indices,
                      options)
        for item in run.documents
        for finding in item.findings
    ]
    driver = {
        "name": TOOL_NAME,
        "version": tool_version(),
        "rules": [rule_descriptor(rule) for rule in rules],
    }
    sarif_run = {
        "tool": {"driver": driver},
        "invocations": [invocation(run)],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [sarif_run]})
