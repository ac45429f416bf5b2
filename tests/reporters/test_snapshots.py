"""Every format rendered from the one shared fixture set, compared with its snapshot."""

from __future__ import annotations

import re

import pytest

from factcheck.reporters import REPORTERS, ReportOptions, render, render_claims

from .conftest import Fixture
from .snapshot import assert_snapshot

SNAPSHOT_NAMES = {
    "text": "run.txt",
    "json": "run.json",
    "jsonl": "run.jsonl",
    "sarif": "run.sarif",
    "junit": "run.junit.xml",
    "github": "run.github.txt",
    "html": "run.html",
    "concise": "run.concise.txt",
}


@pytest.mark.parametrize("format", sorted(REPORTERS))
def test_format_snapshot(fixture: Fixture, format: str) -> None:
    assert_snapshot(SNAPSHOT_NAMES[format], render(format, fixture.run))


def test_text_color_snapshot(fixture: Fixture) -> None:
    assert_snapshot("run.text-color.txt", render("text", fixture.run, ReportOptions(color=True)))


def test_text_wrapped_to_the_terminal_snapshot(fixture: Fixture) -> None:
    text = render("text", fixture.run, ReportOptions(width=60))
    assert_snapshot("run.text-60.txt", text)
    prose = [line for line in text.splitlines() if not re.match(r"\s*\d* \|", line)]
    assert len(prose) > 20 and max(len(line) for line in prose) <= 60
    assert "\n    but the timeline has 7 calls" in text


@pytest.mark.parametrize(("format", "extension"), [("table", "txt"), ("json", "json")])
def test_claims_snapshot(fixture: Fixture, format: str, extension: str) -> None:
    assert_snapshot(f"claims.{extension}", render_claims(format, fixture.claims))


def test_every_format_has_a_snapshot() -> None:
    assert set(REPORTERS) == set(SNAPSHOT_NAMES)
