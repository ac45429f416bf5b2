"""``--format junit``: one ``<testsuite>`` per document, one ``<testcase>`` per loaded rule.

Each testcase carries the document's ``file`` and the ``time`` the rule took on it; a rule that was
not evaluated on the document (it needs a date the document lacks) is ``<skipped>`` with the reason,
and the suite's other notes are its ``<system-out>``.

A rule's findings in a document make its testcase fail (one ``<failure>`` listing them all); input
errors and rule errors are ``<error>`` elements, on the failing rule's testcase when the rule error's
evidence names a loaded rule, else on a testcase of their own (``factcheck/input-error``, ...).
Findings below ``--min-confidence`` do not fail a testcase (they do not gate the run either): they
are listed in its ``<system-out>``, labelled with their confidence.

A run stopped early (Ctrl-C) ends with a suite ``factcheck: run stopped`` holding one ``<error>``
testcase per input it did not check.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from factcheck.documents.model import Document
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.findings import INPUT_ERROR, RULE_ERROR, Confidence, Finding
from factcheck.reporters.base import TOOL_NAME, ReportOptions, Stop, unchecked_text
from factcheck.reporters.locations import file_line, locate
from factcheck.safetext import xml_text

ERROR_RULES = (INPUT_ERROR, RULE_ERROR)
STOPPED_SUITE = "factcheck: run stopped"


def describe(path: str, document: Document | None, finding: Finding) -> str:
    """A finding as a few plain lines: location, severity (and confidence below high) and message,
    excerpt."""
    level = finding.severity.value
    if finding.confidence is not Confidence.HIGH:
        level += f" ({finding.confidence} confidence)"
    if document is None or finding.span is None:
        return f"{path}: {level}: {finding.message}"
    location = locate(document, finding.span)
    where = f"{document.display_path}:{location.line}:{location.column}"
    if document.record is not None:
        where += f" (file line {file_line(document, location)})"
    return f'{where}: {level}: {finding.message}\n    "{location.text}"'


def case_key(finding: Finding, rule_ids: set[str]) -> str:
    """The testcase a finding belongs to."""
    if finding.rule == RULE_ERROR and finding.evidence.get("rule") in rule_ids:
        return str(finding.evidence["rule"])
    return finding.rule


def add_problem(
    case: ET.Element, tag: str, path: str, document: Document | None, found: list[Finding]
) -> None:
    if not found:
        return
    message = found[0].message if len(found) == 1 else f"{len(found)} findings"
    worst = max((finding.severity for finding in found), key=lambda severity: severity.rank)
    element = ET.SubElement(case, tag, {"message": xml_text(message), "type": worst.value})
    element.text = xml_text("\n".join(describe(path, document, finding) for finding in found))


def testcase(
    suite: ET.Element, result: DocumentResult, path: str, rule_id: str, found: list[Finding],
    options: ReportOptions | None = None,
) -> None:
    options = options or ReportOptions()
    document = result.document
    attributes = {
        "classname": xml_text(path),
        "name": xml_text(rule_id),
        "file": xml_text(document.path if document else result.path),
        "time": f"{result.seconds.get(rule_id, 0.0):.6f}",
    }
    case = ET.SubElement(suite, "testcase", attributes)
    gating = [f for f in found if options.shown(f)]
    add_problem(case, "failure", path, document, [f for f in gating if f.rule not in ERROR_RULES])
    add_problem(case, "error", path, document, [f for f in gating if f.rule in ERROR_RULES])
    if rule_id in result.skipped:
        ET.SubElement(case, "skipped", {"message": xml_text(result.skipped[rule_id])})
    below = [f for f in found if not options.shown(f)]
    if below:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n".join(describe(path, document, f) for f in below))


def testsuite(parent: ET.Element, result: DocumentResult, rule_ids: list[str],
              options: ReportOptions | None = None) -> ET.Element:
    document = result.document
    path = document.display_path if document else result.path
    by_case: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_case[case_key(finding, set(rule_ids))].append(finding)
    # An unreadable input ran no rules: only the cases with something to report.
    ran = rule_ids if document else [rule_id for rule_id in rule_ids if rule_id in by_case]
    case_ids = ran + [key for key in by_case if key not in rule_ids]
    suite = ET.SubElement(parent, "testsuite", {"name": xml_text(path)})
    for rule_id in case_ids:
        testcase(suite, result, path, rule_id, by_case.get(rule_id, []), options)
    count_attributes(suite)
    notes = [note for note in result.notes if not any(note.startswith(f"{rule}:") for rule in result.skipped)]
    if notes:
        ET.SubElement(suite, "system-out").text = xml_text("\n".join(notes))
    return suite


def count_attributes(element: ET.Element) -> None:
    """Set ``tests``/``failures``/``errors``/``skipped`` from the cases under ``element``."""
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
    element.set("errors", str(sum(1 for case in cases if case.find("error") is not None)))
    element.set("skipped", str(sum(1 for case in cases if case.find("skipped") is not None)))
    element.set("time", f"{sum(float(case.get('time', 0)) for case in cases):.6f}")


def stopped_suite(parent: ET.Element, run: RunResult, stop: Stop) -> None:
    """A stopped run's last suite: one errored testcase per input it did not check (or one saying
    it checked everything before it stopped), so a CI dashboard shows the run as broken."""
    suite = ET.SubElement(parent, "testsuite", {"name": STOPPED_SUITE})
    items = run.unchecked or (None,)
    for item in items:
        name = item.path if item is not None else "all inputs checked"
        attributes = {"classname": STOPPED_SUITE, "name": xml_text(name), "time": "0"}
        case = ET.SubElement(suite, "testcase", attributes)
        if item is not None:
            case.set("file", xml_text(item.path))
        error = ET.SubElement(case, "error", {"message": xml_text(stop.summary(run)), "type": "interrupted"})
        error.text = xml_text(f"not checked: {unchecked_text(item)}" if item else stop.summary(run))
    count_attributes(suite)


def render(run: RunResult, options: ReportOptions) -> str:
    root = ET.Element("testsuites", {"name": TOOL_NAME})
    rule_ids = [rule.id for rule in run.rules]
    for result in run.documents:
        testsuite(root, result, rule_ids, options)
    stop = Stop.of(run)
    if stop is not None:
        stopped_suite(root, run, stop)
    count_attributes(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
