"""The HTML report at corpus size: findings first, clean documents folded into a list, the rules
after; small without the documents' text; filters that work in a real browser under the page's own
Content Security Policy; usable from the keyboard; hostile text still escaped."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.findings import Finding
from factcheck.reporters import ReportOptions, render
from factcheck.reporters.html import asset, stylesheet
from tests.browser import Browser

from .corpus_run import HOSTILE_MESSAGE, HOSTILE_PATH, corpus_run

DOCUMENTS = 500
SIZE_LIMIT = 600_000  # bytes for 500 documents, 250 findings (measured: about 314 kB)
DEFAULT = ReportOptions()


class Elements(HTMLParser):
    """Start tags in order (name, attributes), with the text inside <script> and <style>."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.text: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag
                and all(wanted[key] in attrs.get(key.replace("_", "-"), "").split() or
                        attrs.get(key.replace("_", "-")) == wanted[key] for key in wanted)]

    def ids(self, tag: str, css: str) -> list[str]:
        return [attrs["id"] for attrs in self.find(tag, **{"class": css})]


@pytest.fixture(scope="module")
def run():
    return corpus_run(DOCUMENTS)


@pytest.fixture(scope="module")
def page(run) -> str:
    return render("html", run)


def shown(finding: Finding, options: ReportOptions = DEFAULT) -> bool:
    return options.shown(finding)


def test_findings_come_first_then_the_clean_documents_then_the_rules(run, page) -> None:
    order = [page.index(marker) for marker in ('id="findings"', 'class="clean"', 'id="rules-h"')]
    assert order == sorted(order)
    elements = Elements(page)
    flagged = [f"d{n}" for n, result in enumerate(run.documents, 1) if result.findings]
    clean = [f"d{n}" for n, result in enumerate(run.documents, 1) if not result.findings]
    assert [attrs["id"] for attrs in elements.find("section", **{"class": "document"})] == flagged
    assert [attrs["id"] for _, attrs in elements.tags if attrs.get("id") in set(clean)] == clean
    assert f"{len(clean)} documents without findings" in page
    assert len(flagged) == 126 and len(clean) == DOCUMENTS - 126
    assert page.index("archive/broken.md") < page.index('class="clean"')  # an input error is a finding


def test_small_without_the_documents_text_unless_asked(run, page) -> None:
    assert len(page.encode("utf-8")) < SIZE_LIMIT
    assert "<pre" not in page  # no full text at 500 documents: excerpts around each finding
    assert page.count('class="excerpt"') == sum(1 for f in run.findings() if f.span is not None)
    full = render("html", run, replace(DEFAULT, html_text="always"))
    assert full.count('<pre class="doc">') == DOCUMENTS - 1  # every readable document
    small = corpus_run(5)
    assert '<pre class="doc">' in render("html", small)  # a small run shows the text by default
    assert "<pre" not in render("html", small, replace(DEFAULT, html_text="never"))


def test_the_page_allows_only_its_own_style_and_script(page) -> None:
    elements = Elements(page)
    metas = elements.find("meta")
    (policy,) = [a["content"] for a in metas if a.get("http-equiv") == "Content-Security-Policy"]
    (script,) = elements.raw["script"]
    (style,) = elements.raw["style"]
    assert script == asset("report.js") and style == stylesheet()

    def allowed(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == allowed(script) and directives["style-src"] == allowed(style)
    assert not [attrs for _, attrs in elements.tags if any(name.startswith("on") for name in attrs)]
    assert not [attrs for _, attrs in elements.tags if "style" in attrs or "src" in attrs]
    assert "<img" not in page and page.count("<script") == 1
    text = "".join(elements.text)
    assert HOSTILE_PATH in text and HOSTILE_MESSAGE in text


def test_every_control_is_labelled_and_reachable_by_keyboard(page) -> None:
    elements = Elements(page)
    labels = {attrs.get("for") for attrs in elements.find("label")}
    controls = elements.find("input") + elements.find("select")
    assert len(controls) == 3 + 3 + 1 and all(attrs["id"] in labels for attrs in controls)
    assert not [attrs for _, attrs in elements.tags if attrs.get("tabindex", "0") not in ("0", "-1")]
    (skip,) = elements.find("a", **{"class": "skip"})
    assert skip["href"] == "#findings" and elements.find("section", id="findings")
    names = [name for name, _ in elements.tags]
    assert names.count("summary") == names.count("details") >= 2  # folded parts open with Enter
    hrefs = {attrs["href"][1:] for attrs in elements.find("a") if attrs.get("href", "").startswith("#")}
    assert hrefs <= {attrs["id"] for _, attrs in elements.tags if "id" in attrs}


def test_the_filter_form_counts_what_it_filters(run, page) -> None:
    elements = Elements(page)
    findings = run.findings()
    boxes = {attrs["value"]: attrs for attrs in elements.find("input")}
    assert [attrs.get("checked") is not None for attrs in boxes.values()] == [True] * 5 + [False]
    for value in ("error", "warning", "info", "high", "medium", "low"):
        count = sum(1 for f in findings if value in (f.severity.value, f.confidence.value))
        assert re.search(rf'value="{value}"[^>]*> \w+ <span class="count">\({count}\)', page)
    options = [attrs["value"] for attrs in elements.find("option")]
    assert options == ["", *sorted({f.rule for f in findings})]


# --- in Chromium --------------------------------------------------------------------------------------


def visible(dom: str) -> tuple[set[str], set[str], dict[str, str]]:
    """The finding items and document sections not hidden after the script ran, and the status line."""
    elements = Elements(dom)
    items = {a["id"] for a in elements.find("li", **{"class": "finding-item"}) if "hidden" not in a}
    sections = {a["id"] for a in elements.find("section", **{"class": "document"}) if "hidden" not in a}
    (status,) = elements.find("p", id="filter-status")
    return items, sections, status


def expected(run, keep) -> tuple[set[str], set[str]]:
    items, sections = set(), set()
    for number, result in enumerate(run.documents, 1):
        for index, finding in enumerate(result.findings, 1):
            if keep(finding):
                items.add(f"d{number}-f{index}")
                sections.add(f"d{number}")
    return items, sections


def test_filters_work_in_chromium_on_500_documents(run, page, browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    loaded = browser.load(path)
    assert loaded.console == []  # no script error, no CSP violation
    items, sections, status = visible(loaded.dom)
    assert (items, sections) == expected(run, shown)  # by default: what reaches --min-confidence
    assert status["data-shown"] == str(len(items)) and status["data-documents"] == str(len(sections))
    assert f"Showing {len(items)} of {len(run.findings())} findings in {len(sections)} of 126" in loaded.dom

    # The filter state in the address: errors and warnings of every confidence, one rule.
    fragment = "filter:severity=error,warning;confidence=high,medium,low;rule=duration-rounding"
    loaded = browser.load(path, fragment)
    assert loaded.console == []
    items, sections, _ = visible(loaded.dom)
    assert (items, sections) == expected(run, lambda f: f.rule == "duration-rounding")
    assert 0 < len(items) < len(run.findings())
    print(f"\nChromium loaded the 500-document report ({len(page.encode()):,} bytes) "
          f"in {loaded.seconds:.1f} s, browser start-up included")


@pytest.mark.parametrize(("choice", "texts"), [("never", 0), ("always", 12), ("auto", 12)])
def test_html_text_from_the_command_line(tmp_path: Path, capsys, choice: str, texts: int) -> None:
    from factcheck.cli.main import main
    from tests.cli.corpora import write_corpus

    corpus = write_corpus(tmp_path / "corpus.jsonl", 12)
    out = tmp_path / "report.html"
    code = main(["run", str(corpus), "--format", "html", "-o", str(out), "-j", "1", "--html-text", choice])
    capsys.readouterr()
    page = out.read_text(encoding="utf-8")
    assert code == 1 and page.count('<pre class="doc">') == texts
    assert page.count('class="finding-item') >= 3 and "documents without findings" in page
