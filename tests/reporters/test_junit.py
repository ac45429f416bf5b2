"""JUnit XML parses, and its counts agree with its cases."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from factcheck.engine.results import DocumentResult, RunResult
from factcheck.findings import Finding, Severity
from factcheck.reporters import render

from .conftest import Fixture


def parse(run: RunResult) -> ET.Element:
    return ET.fromstring(render("junit", run).encode("utf-8"))


def test_counts_match_cases(fixture: Fixture) -> None:
    root = parse(fixture.run)
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [
        "articles/calls, 2025.md",
        "feeds/news.jsonl#r-42",
        "notes.txt",
        "missing.txt",
    ]
    for element in [root, *suites]:
        cases = list(element.iter("testcase"))
        assert element.get("tests") == str(len(cases))
        assert element.get("failures") == str(sum(case.find("failure") is not None for case in cases))
        assert element.get("errors") == str(sum(case.find("error") is not None for case in cases))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("13", "4", "2")


def test_one_case_per_rule_and_errors_where_they_belong(fixture: Fixture) -> None:
    suites = parse(fixture.run).findall("testsuite")
    names = [case.get("name") for case in suites[0].findall("testcase")]
    assert names == ["count-vs-period", "duration-rounding", "entity-mention", "weekday-matches-date"]
    assert suites[0].find("testcase[@name='weekday-matches-date']/error") is not None
    failure = suites[0].find("testcase[@name='entity-mention']/failure")
    assert failure is not None and failure.get("message") == "Smith & Jones: 100% unknown,\nnot in the facts"
    assert failure.text is not None and '"Smith &amp; Jones"' in failure.text
    missing = suites[3].findall("testcase")
    assert [(case.get("name"), case.find("error") is not None) for case in missing] == [
        ("factcheck/input-error", True)
    ]


def test_characters_xml_cannot_carry_are_made_visible(fixture: Fixture) -> None:
    finding = Finding("entity-mention", Severity.INFO, "bad \x0b control <&>")
    result = DocumentResult("missing.txt", None, fixture.run.documents[3].claims, [finding])
    root = parse(RunResult([result], fixture.run.rules))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bad \\x0b control <&>"


def test_skipped_rules_file_and_time(fixture) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(render("junit", fixture.run))
    notes = root.find("testsuite[@name='notes.txt']")
    skipped = notes.find("testcase[@name='weekday-matches-date']/skipped")
    assert skipped is not None and skipped.get("message") == "the document has no date"
    assert notes.get("skipped") == "1" and root.get("skipped") == "1"
    assert notes.findtext("system-out") == "the title was taken from the first line"
    record = root.find("testsuite[@name='feeds/news.jsonl#r-42']/testcase")
    assert record.get("file") == "feeds/news.jsonl"
    timed = root.find("testsuite/testcase[@name='count-vs-period']")
    assert timed.get("time") == "0.012500"
