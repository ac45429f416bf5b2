"""The Markdown reader against the CommonMark reference: markdown-it-py's own HTML rendering.

Each case is rendered to HTML by the same CommonMark parser and turned into plain text the way a
reader sees the page (code and scripts removed, a block per paragraph, heading, list item or table
row, cells joined by "; "); the reader's text must give the same blocks, word for word, and every
word must map back to the same characters in the source. The cases cover the parts of the spec that
decide what prose is: paragraphs, soft and hard breaks, headings, block quotes, lists, code, HTML
blocks, entities, escapes, links, images, emphasis and tables.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from factcheck.documents.markdown import CELL_SEPARATOR, parse_markdown

from .helpers import assert_round_trips

CASES = {
    "paragraphs": "First paragraph with 12\nlines joined.\n\n\nSecond one, 13.\n",
    "leading spaces": "   Three spaces before 14.\n  Two on the next line.\n",
    "hard breaks": "A line ending in two spaces  \nthen 15; a backslash\\\nthen 16.\n",
    "atx headings": "# Title 1\n## Section 2 ##\n###### Six 6\n#7 not a heading\n\\## escaped 8\n",
    "setext headings": "Results for 2025\n================\n\nSub 9\n---\n",
    "thematic breaks": "Before 10\n\n***\n\nAfter 11\n- - -\nLast 12\n",
    "block quotes": "> Quoted 3 people\ncontinued lazily.\n>\n> > Nested 4.\n\n>Tight 5\n",
    "lists": "- one 1\n- two 2\n\n  still two\n- three\n  1. nested 3\n  2. nested 4\n\n7) seven\n8) eight\n",
    "list interruptions": "Paragraph 20\n- a list 21\n\nParagraph 22\n2. not a list, 23\n",
    "indented code": "Prose 30.\n\n    code 31\n    code 32\n\nProse 33.\n",
    "fenced code": "```python\nx = 40\n```\n~~~~\n41\n~~~\n42\n~~~~\nAfter 43.\n",
    "inline code": "Run `make 50` then ``a ` 51`` and ` 52 ` done 53.\n",
    "emphasis": "*one 60* **two 61** _three 62_ __four 63__ ***five 64*** snake_case_65\n",
    "strikethrough": "Was ~~70~~ now 71.\n",
    "links": '[inline 80](http://a.b/c "T 81") [angle 82](<a b> \'t\') [par 83](x(y)) [empty]()\n',
    "references": "[full 84][r] [r][] [r] [nope 85]\n\n[r]: http://r.example 'Ref 86'\n",
    "images": "![chart of 87 bars](c.png \"t 88\") and ![alt *89*][r]\n\n[r]: i.png\n",
    "autolinks": "Mail <a@b.org> or <https://x.org/90> not <91>.\n",
    "inline html": "A <span class=\"n\">92</span> and <!-- hidden 93 --> <b\nclass=x>bold 94</b>.\n",
    "html blocks": (
        "<div>\nDiv text 95\n</div>\n\n<!-- comment\n96 -->\n\n"
        "<table><tr><td>2019</td><td>31%</td></tr></table>\n"
    ),
    "html block with markdown after": "<div>\n*not emphasis 97*\n\n*emphasis 98*\n</div>\n",
    "scripts in html blocks": "<script>\nvar n = 99;\n</script>\n<style>p { x: 100 }</style>\n\nText 101.\n",
    "entities": "&euro;30 &amp; &copy; &#8212; &#x24;5 &nbsp;6 &notanentity; &#0; &#xD06;\n",
    "entities are literal in code": "`&amp; 110` and &amp; 111\n",
    "escapes": "\\*not em\\* \\# \\[x\\] 5\\% \\\\ \\a 112\n",
    "tables": (
        "| Year | Share |\n|:-----|------:|\n| 2019 | 31% |\n| 2020 | `x` 32% |\n| esc \\| pipe | 33 |\n"
    ),
    "table without leading pipes": "Year | Share\n--- | ---\n2021 | 34%\n",
    "tabs": "\tcode 120\n\n>\tquoted 121\n\n-\titem 122\n",
}

_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "table", "div", "ul", "ol", "hr"}
)
_SKIPPED_TAGS = frozenset({"code", "pre", "script", "style"})


class _PlainText(HTMLParser):
    """The blocks of text a reader sees in rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self._skip = 0
        self._cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.blocks.append([])
            self._cells = 0
        elif tag in ("td", "th"):
            if self._cells:
                self.blocks[-1].append(CELL_SEPARATOR)
            self._cells += 1
        elif tag == "img":
            self.blocks[-1].append(dict(attrs).get("alt") or "")
        elif tag == "br":
            self.blocks[-1].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.blocks[-1].append(data)


def _normalized(blocks) -> list[str]:
    texts = (" ".join("".join(block).replace("\xa0", " ").split()) for block in blocks)
    return [re.sub(r" ;", ";", text) for text in texts if text]


REFERENCE = (
    MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin).use(footnote_plugin)
)
"""The reference as users meet it: markdown-it-py's stock CommonMark renderer (``text_join`` on)."""


def reference_blocks(source: str) -> list[str]:
    reader = _PlainText()
    reader.feed(REFERENCE.render(source))
    reader.close()
    return _normalized(reader.blocks)


@pytest.mark.parametrize("name", list(CASES))
def test_reader_gives_the_reference_parser_blocks(name: str) -> None:
    source = CASES[name]
    document = parse_markdown(f"{name}.md", source)
    assert _normalized(document.text.split("\n\n")) == reference_blocks(source)


@pytest.mark.parametrize("name", list(CASES))
def test_every_word_maps_back_to_the_source(name: str) -> None:
    document = parse_markdown(f"{name}.md", CASES[name])
    assert assert_round_trips(document) > 0


def test_the_cases_are_not_trivial() -> None:
    """Guard against a reference that renders nothing: every case has prose in the reference."""
    assert all(reference_blocks(source) for source in CASES.values())
