"""The registry of formats and the entry points."""

from __future__ import annotations

import pytest

from factcheck.reporters import REPORTERS, register, render, render_claims

from .conftest import Fixture


def test_formats() -> None:
    assert sorted(REPORTERS) == ["concise", "github", "html", "json", "jsonl", "junit", "sarif", "text"]


def test_unknown_format(fixture: Fixture) -> None:
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        render("yaml", fixture.run)
    with pytest.raises(ValueError, match="unknown claims format"):
        render_claims("csv", fixture.claims)


def test_duplicate_registration_is_refused() -> None:
    with pytest.raises(RuntimeError, match="registered twice"):
        register("text", REPORTERS["text"])
