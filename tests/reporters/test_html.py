"""``--format html``: a self-contained page whose every piece of document, rule and finding text is
escaped, whose highlighted spans nest properly, and which a real browser renders."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.claims.model import Claim, ClaimSet
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.findings import Finding, Severity
from factcheck.reporters import render, render_claims
from factcheck.reporters.html import Mark, asset, markup
from factcheck.rules.model import RuleInfo
from factcheck.values import Duration, Hedge
from tests import browser as browser_module
from tests.browser import Browser, BrowserUnavailable, ensure_chromium, png_distinct_bytes, png_size

from .conftest import RULES, Fixture, span_of
from .snapshot import assert_snapshot

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
ENTITY = "&lt;"
HOSTILE_TEXT = f"\nIntro {SCRIPT} and {IMG} then {ENTITY} end.\nThe talks lasted 90 minutes, then 2 hours.\n"
HOSTILE_MESSAGE = "message <script>alert(2)</script> & <b>bold</b>"
HOSTILE_EVIDENCE = '"><img src=y onerror=alert(3)>'
HOSTILE_TITLE = '<i>Title</i> & "quotes"'
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class Page(HTMLParser):
    """The parsed page: its text, start tags with their attributes, and whether tags nest."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.mismatched: list[str] = []
        self.documents: list[str] = []  # each <pre>'s text, without the finding numbers
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "pre":
            self.documents.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.mismatched.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if "pre" in self.stack and self.stack[-1] != "a":
            self.documents[-1] += data

    @property
    def content(self) -> str:
        return "".join(self.text)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def own_script_removed(output: str) -> str:
    """The page without the report's own filter script, the one script it may hold (its CSP allows
    that script alone, by hash): what is left must hold no script at all."""
    own = f"<script>{asset('report.js')}</script>"
    assert output.count("<script") == output.count(own) <= 1
    return output.replace(own, "")


def in_text_order(run: RunResult) -> list[str]:
    """The documents' texts in the page's order: documents with findings first, then the others."""
    readable = [result for result in run.documents if result.document]
    ordered = [r for r in readable if r.findings] + [r for r in readable if not r.findings]
    return [result.document.original for result in ordered]


def hostile_result() -> DocumentResult:
    text = HOSTILE_TEXT
    document = Document("hostile/<img src=x>.txt", text, text, OffsetMap.identity(len(text)))
    claims = [
        Claim(
            "duration", "90 minutes", span_of(text, "90 minutes"), Duration(seconds=Decimal(5400)), "minute"
        ),
        Claim("duration", "2 hours", span_of(text, "2 hours"), Duration(seconds=Decimal(7200)), "hour"),
        Claim("person", SCRIPT, span_of(text, SCRIPT), SCRIPT, hedge=Hedge.APPROX),
    ]
    findings = [
        Finding(
            "x-ray", Severity.ERROR, HOSTILE_MESSAGE, span_of(text, IMG), (), {"<b>k</b>": HOSTILE_EVIDENCE}
        ),
        # Crosses the "90 minutes" claim: the claim's element is split, not mis-nested.
        Finding(
            "duration-rounding",
            Severity.WARNING,
            "crossing",
            span_of(text, "lasted 90"),
            (span_of(text, "2 hours"),),
        ),
    ]
    return DocumentResult(document.path, document, ClaimSet(claims), findings, rules_evaluated=2)


def hostile_run() -> RunResult:
    return RunResult([hostile_result()], [RuleInfo("x-ray", HOSTILE_TITLE, Severity.ERROR), *RULES])


def test_snapshot(fixture: Fixture) -> None:
    assert_snapshot("run.html", render("html", fixture.run))


def test_hostile_snapshot() -> None:
    assert_snapshot("run.hostile.html", render("html", hostile_run()))


def test_claims_snapshot(fixture: Fixture) -> None:
    assert_snapshot("claims.html", render_claims("html", fixture.claims))


def test_hostile_text_is_escaped() -> None:
    output = own_script_removed(render("html", hostile_run()))
    page = Page(output)
    assert "<script" not in output and "<img" not in output and "<b>" not in output and "<i>" not in output
    assert not page.named("script") and not page.named("img") and not page.named("b")
    for literal in (
        SCRIPT,
        IMG,
        ENTITY,
        HOSTILE_MESSAGE,
        HOSTILE_EVIDENCE,
        HOSTILE_TITLE,
        "hostile/<img src=x>",
    ):
        assert literal in page.content
    assert not [attrs for _, attrs in page.tags if any(name.startswith("on") for name in attrs)]
    titles = [attrs["title"] for attrs in page.named("span") if attrs.get("title")]
    assert f"person: {SCRIPT} (hedge: approx)" in titles
    assert page.documents == ["\n" + HOSTILE_TEXT]


@pytest.mark.parametrize("build", [hostile_run, None], ids=["hostile", "fixture"])
def test_elements_nest(fixture: Fixture, build) -> None:
    page = Page(own_script_removed(render("html", build() if build else fixture.run)))
    assert page.mismatched == [] and page.stack == []


def test_crossing_spans_are_split() -> None:
    outer = Mark(0, 4, 0, "mark", {"class": "a"}, "first")
    inner = Mark(2, 6, 1, "span", {"class": "b"}, "second")
    assert markup("ab<def", [inner, outer], {4: ["|"]}) == (
        '<mark id="first" class="a">ab<span id="second" class="b">&lt;d</span></mark>|'
        '<span class="b">ef</span>'
    )


def test_equal_spans_nest_by_rank_and_empty_spans_are_skipped() -> None:
    finding = Mark(0, 2, 0, "mark")
    claim = Mark(0, 2, 3, "span")
    assert markup("ab", [claim, finding, Mark(1, 1, 0, "i")], {}) == "<mark><span>ab</span></mark>"


def test_page_content(fixture: Fixture) -> None:
    output = render("html", fixture.run)
    page = Page(output)
    assert page.named("html") == [{"lang": "en"}]
    for finding in fixture.run.findings():
        assert finding.message in page.content
    for rule in RULES:
        assert rule.id in page.content
    assert "1 document without findings" in page.content and "This input could not be read." in page.content
    assert "whole document" in page.content
    # browsers drop the first newline of a <pre>
    assert page.documents == ["\n" + original for original in in_text_order(fixture.run)]
    ids = {attrs["id"] for _, attrs in page.tags if attrs.get("id")}
    assert {"d1-f1", "d1-f1-at", "d1-f1-r1", "d1-f2-at", "d2-f1-r1", "d4-f1"} <= ids
    hrefs = {attrs["href"] for attrs in page.named("a")}
    assert all(href and href.startswith("#") and href[1:] in ids for href in hrefs)


def test_claims_are_marked_by_kind(fixture: Fixture) -> None:
    page = Page(render("html", fixture.run))
    spans = {attrs.get("title"): attrs.get("class") for attrs in page.named("span")}
    assert spans["duration: PT1H30M minute (hedge: approx)"] == "claim k5"
    assert spans["event_count: 8 (hedge: exact)"] == "composite k11"
    assert spans["date: 2025-10 (hedge: exact)"] == "claim k6"
    assert spans['money: {"amount": 1200000, "currency": "USD"} (hedge: exact)'] == "claim k3"


def test_self_contained(fixture: Fixture) -> None:
    output = own_script_removed(render("html", fixture.run)) + render_claims("html", fixture.claims)
    for needle in ("<script", "<link", "<img", "src=", "url(", "@import", 'href="http'):
        assert needle not in output


# --- a real browser ---------------------------------------------------------------------------------


def test_browser_install_needs_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser_module, "find_chromium", lambda: None)
    monkeypatch.setattr(browser_module.os, "geteuid", lambda: 1000)
    with pytest.raises(BrowserUnavailable, match="not root"):
        ensure_chromium()


@pytest.mark.slow
def test_chromium_renders_the_page(fixture: Fixture, browser: Browser, tmp_path: Path) -> None:
    run = RunResult(fixture.run.documents + hostile_run().documents, hostile_run().rules)
    page = tmp_path / "report.html"
    page.write_text(render("html", run), encoding="utf-8")
    dom = Page(browser.dump_dom(page))
    for finding in run.findings():
        assert finding.message in dom.content
    for literal in (SCRIPT, IMG, ENTITY, HOSTILE_EVIDENCE):
        assert literal in dom.content
    assert dom.named("script") == [{}] and not dom.named("img") and not dom.named("b")
    assert not [attrs for _, attrs in dom.tags if any(name.startswith("on") for name in attrs)]
    assert len(dom.named("mark")) >= 5
    assert dom.documents == in_text_order(run)
    png = browser.screenshot(page, tmp_path / "report.png", 1280, 2000)
    assert png_size(png) == (1280, 2000)
    assert png_distinct_bytes(png) > 64
