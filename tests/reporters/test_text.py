"""The text format: colour only on request, one line per clean document, the summary."""

from __future__ import annotations

import re

from factcheck.engine.results import RunResult
from factcheck.reporters import ReportOptions, render
from factcheck.reporters.style import width

from .conftest import Fixture


def test_no_colour_unless_asked(fixture: Fixture) -> None:
    assert "\x1b[" not in render("text", fixture.run)
    assert "\x1b[" not in render("text", fixture.run, ReportOptions(color=False))
    coloured = render("text", fixture.run, ReportOptions(color=True))
    assert "\x1b[1;31merror\x1b[0m" in coloured


def test_colour_does_not_change_the_words(fixture: Fixture) -> None:
    coloured = render("text", fixture.run, ReportOptions(color=True))
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render("text", fixture.run)


def test_clean_document_and_summary(fixture: Fixture) -> None:
    out = render("text", fixture.run)
    assert "notes.txt: 1 claim checked, no findings\n  note: weekday-matches-date: skipped" in out
    assert out.endswith("Checked 4 documents: 14 claims, 4 rules; 3 errors, 2 warnings, 1 info.\n")


def test_carets_align_under_a_tab(fixture: Fixture) -> None:
    lines = render("text", fixture.run).splitlines()
    source = next(line for line in lines if "round took" in line)
    carets = lines[lines.index(source) + 1]
    column = carets.index("^")
    assert source[column : column + len("2 hours")] == "2 hours"
    assert carets.count("^") == len("2 hours")


def test_empty_run() -> None:
    summary = "Checked 0 documents: 0 claims, 0 rules; 0 errors, 0 warnings, 0 info.\n"
    assert render("text", RunResult([], [])) == summary


def test_display_width() -> None:
    assert width("a\tb") == 6
    assert width("日本") == 4
    assert width("e\u0301") == 1
