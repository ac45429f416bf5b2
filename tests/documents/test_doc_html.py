"""HTML: the article text, entities decoded with exact spans, titles, dates and broken markup."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.documents.html import parse_html

from .helpers import assert_round_trips, original_at, position_of

PAGE = """\
<!doctype html>
<html><head>
<title>Putin &amp; Trump talk</title>
<meta property="og:title" content="OG title">
<meta property="article:published_time" content="2025-10-16T08:00:00Z">
<meta name="date" content="2020-01-01">
<style>p { margin: 0 }</style>
</head>
<body>
<header><a href="/">Site 1</a><nav>Menu 2</nav></header>
<main>
<aside>Related: 3 stories</aside>
<article>
<h1>The 8th call</h1>
<p>Published <time datetime="2024-05-05">yesterday</time>.</p>
<p>It lasted 2&nbsp;hours &amp; 30 minutes &mdash; 8&#8211;9 calls,
   in   <b>8</b>&#x202F;months. AT&T agreed.</p>
<ul><li>First 10</li><li>Second 11</li></ul>
<table><tr><th>Year</th><th>Calls</th></tr><tr><td>2025</td><td>8</td></tr></table>
<script>var calls = 99;</script><noscript>98</noscript>
<!-- factcheck-disable 97 -->
</article>
</main>
<footer>&copy; 2025 News 96</footer>
</body></html>
"""


@pytest.fixture
def document():
    return parse_html("page.html", PAGE)


def test_article_content_is_preferred_and_chrome_dropped(document) -> None:
    assert document.metadata["content_scope"] == "article"
    assert document.text.startswith("The 8th call\n\nPublished yesterday.")
    for gone in ("Site 1", "Menu 2", "3 stories", "99", "98", "97", "96", "margin", "Putin"):
        assert gone not in document.text, gone


def test_entities_are_decoded_and_whitespace_collapsed(document) -> None:
    assert "It lasted 2 hours & 30 minutes — 8–9 calls, in 8 months. AT&T agreed." in document.text


def test_blocks_become_line_breaks_and_cells_separators(document) -> None:
    assert "\n\nFirst 10\n\nSecond 11\n\n" in document.text
    assert "Year; Calls\n\n2025; 8" in document.text


def test_decoded_characters_point_at_their_whole_entity(document) -> None:
    assert original_at(document, "&") == "&amp;"
    assert original_at(document, "8–9") == "8&#8211;9"
    assert original_at(document, "2 hours") == "2&nbsp;hours"
    assert original_at(document, "AT&T") == "AT&T"
    assert original_at(document, "in 8") == "in   <b>8"
    assert original_at(document, "8 months") == "8</b>&#x202F;months"


def test_positions_point_into_the_page_source(document) -> None:
    assert position_of(document, "The 8th") == (14, 5)
    assert position_of(document, "2 hours") == (16, 14)
    assert position_of(document, "in 8") == (17, 4)
    assert position_of(document, "Second 11") == (18, 26)
    assert assert_round_trips(document) > 20


def test_title_prefers_title_element_then_og_then_h1(document) -> None:
    assert document.title == "Putin & Trump talk"
    assert parse_html("p.html", '<meta property="og:title" content="OG">\n<h1>H</h1>').title == "OG"
    assert parse_html("p.html", "<header><h1>Big &amp; bold</h1></header><p>x</p>").title == "Big & bold"
    assert parse_html("p.html", "<p>nothing</p>").title is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta property="article:published_time" content="2025-10-16T08:00:00Z">'
            '<time datetime="2024-01-01">x</time><meta name="date" content="2023-01-01">',
            dt.date(2025, 10, 16),
        ),
        ('<time datetime="2024-01-01">x</time><time datetime="2022-02-02">y</time>', dt.date(2024, 1, 1)),
        ('<meta name="date" content="2023-01-01"><time datetime="2024-01-01">x</time>', dt.date(2024, 1, 1)),
        ('<meta name="DATE" content="Thu, 16 Oct 2025 08:00:00 GMT">', dt.date(2025, 10, 16)),
        ("<p>no date</p>", None),
    ],
)
def test_date_precedence(head: str, expected: dt.date | None) -> None:
    assert parse_html("p.html", head).date == expected


def test_unparseable_date_is_a_note() -> None:
    document = parse_html("p.html", '<time datetime="soon">soon</time><p>x</p>')
    assert document.date is None
    assert "soon" in str(document.metadata["date_error"])


def test_main_then_body_when_there_is_no_article() -> None:
    main = parse_html("p.html", "<body><nav>n</nav><main><p>Main 1</p></main><p>Other 2</p></body>")
    assert main.text == "Main 1" and main.metadata["content_scope"] == "main"
    body = parse_html("p.html", "<body><div>Body 1</div><aside>No</aside><p>Body 2</p></body>")
    assert body.text == "Body 1\n\nBody 2" and body.metadata["content_scope"] == "body"


def test_broken_html_still_gives_text_with_exact_offsets() -> None:
    source = "<p>Unclosed <b>bold 5 <div>x &amp y &#65 &bogus; <i>3</p></span>tail 7\n<script>var z = 1"
    document = parse_html("broken.html", source)
    assert document.text == "Unclosed bold 5\n\nx & y A &bogus; 3\n\ntail 7"
    assert original_at(document, "A") == "&#65"
    assert_round_trips(document)


def test_crlf_page_positions() -> None:
    source = "<html>\r\n<body>\r\n<p>Line one 1.</p>\r\n<p>Line &amp; two 22.</p>\r\n</body></html>\r\n"
    document = parse_html("crlf.html", source)
    assert document.text == "Line one 1.\n\nLine & two 22."
    assert position_of(document, "22") == (4, 19)
    assert assert_round_trips(document) >= 6


def test_empty_page_is_an_empty_document() -> None:
    document = parse_html("e.html", "")
    assert document.text == "" and document.title is None
