"""Plain text keeps a list written one item a line as a list (a list marker interrupts a paragraph,
as in CommonMark), while hard-wrapped prose is still read as one line; the composite patterns then
read such a list in a text file as they read it in Markdown."""

from __future__ import annotations

import pytest

from factcheck import api
from factcheck.documents.plaintext import unwrap


@pytest.mark.parametrize("marker", ["- ", "* ", "+ ", "• ", "2. ", "2) ", "  - "])
def test_a_line_break_before_a_list_item_is_kept(marker: str) -> None:
    text = f"Three things:\n{marker}one\n{marker}two"
    assert unwrap(text) == text


@pytest.mark.parametrize("text", [
    "U.S. President\nDonald Trump said",
    "rose 2.5 pct to\n-- a record",           # a Reuters dash opening a wrapped line is prose
    "the -\nhyphen",
    "in 1987\n12.5 pct of the shares",         # a figure with decimals, not a numbered marker
])
def test_prose_wrapped_over_lines_is_still_one_line(text: str) -> None:
    unwrapped = unwrap(text)
    assert "\n" not in unwrapped and len(unwrapped) == len(text)


def _kinds(text: str, fmt: str) -> list[str]:
    return [c.kind for c in api.extract(text, format=fmt) if c.kind in ("shares", "enumeration", "breakdown")]


@pytest.mark.parametrize("text, kind", [
    ("How members voted:\n- Yes: 61%\n- No: 30%\n- Abstained: 9%\n", "shares"),
    ("The review names three priorities:\n1. staffing\n2. training\n3. equipment\n", "enumeration"),
])
def test_a_list_one_item_a_line_is_read_in_text_as_in_markdown(text: str, kind: str) -> None:
    assert kind in _kinds(text, "markdown")
    assert kind in _kinds(text, "text")


def test_a_miscount_in_a_plain_text_list_is_found() -> None:
    text = "The audit found four faults:\n- a leaking roof\n- broken lifts\n- faulty wiring\n"
    findings = api.check(text, format="text")
    assert [f.rule for f in findings.findings] == ["enumeration-count-matches"]
    assert "four" in findings.findings[0].message
