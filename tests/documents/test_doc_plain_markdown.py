"""Markdown that is nothing but paragraphs of plain text is read without markdown-it, with the very text
and offset map the parser's reading gives (factcheck.documents.markdown._plain_paragraphs)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import frontmatter, markdown
from factcheck.documents.frontmatter import split_front_matter
from tests.conftest import SEED


def read_both(original: str):
    """The plain reading (None when the source is not plain paragraphs) and the parser's reading,
    each as (text, offset segments)."""
    body_start = split_front_matter("a.md", original).body_start
    plain = markdown._plain_paragraphs(original, body_start)
    text, offsets = markdown._Reader(original, body_start).read(markdown.parser().parse(original))
    parsed = (text, list(offsets.segments()))
    return (None if plain is None else (plain[0], list(plain[1].segments()))), parsed


WIRE = "WASHINGTON (Reuters) - The Senate voted 52-48 on Tuesday.\nThe bill now goes to the House.\n"
FEATURE = ("It was, she said, “the eighth time in eight months”.\n\n\nNobody in the room — not even the\n"
           "mayor — disagreed. Turnout rose from 12,000 to 15,000, a 25% rise.")
RELEASE = ("---\ntitle: Q3 results\ndate: 2025-10-16\n---\nACME Corp. today reported revenue of $4.2 "
           "million, up 12% on the year.\n\nThe company employs 1,200 people (up from 1,050).\n")
MINUTES = ("---\n---\nThe council met at 7 p.m. Twelve of the fifteen members attended; three sent "
           "apologies.\nMotion 4 was carried 9-3.")


@pytest.mark.parametrize("original", [WIRE, FEATURE, RELEASE, MINUTES, SEED.read_text(encoding="utf-8"),
                                      "One line, no newline", "\n\nAfter blank lines.\n\n\n"])
def test_plain_paragraphs_read_as_the_parser_reads_them(original: str) -> None:
    plain, parsed = read_both(original)
    assert plain is not None and plain == parsed


@pytest.mark.parametrize("original", [
    "# A heading\nText.", "Text with *emphasis*.", "Text with `code`.", "A [link](http://x.org).",
    "An entity &amp; more.", "An escape \\* here.", "- a list\n- of two", "1. ordered\n2. list",
    "Text\n===", "Text\n---", "    indented code", "A | table\n--- | ---\n1 | 2", "<div>html</div>",
    "A hard break  \nhere.", "Tab\there.", "CRLF\r\nline.", "No\u00a0break space.", "~~struck~~",
    "> a quote", "A footnote[^1].", "+ plus item", " leading space", "trailing space \nnext",
    "---\ntitle: x\n----\nBody.", "---\n- a\n---\nBody.", "---\ntitle: x\n...\nBody.",
    "---  \ntitle: x\n---\nBody.",
])
def test_anything_else_is_left_to_the_parser(original: str) -> None:
    block = frontmatter._find_block(original)  # where the body starts, whatever the front matter holds
    body_start = block[2] if block else 0
    assert markdown._plain_paragraphs(original, body_start) is None


WORDS = st.sampled_from(
    ["The", "council", "approved", "12", "of", "15", "bids,", "80%", "“rise”", "—", "U.S.-Russian", "it’s",
     "3.5", "(up", "from", "9)", "$4.2m", "2025-10-16:", "e-mail", "@desk", "{x}", "a=b", "x+y"] * 4
    + ["*", "_", "`", "[", "]", "!", "<", ">", "&amp;", "#", "~", "|", "\\", "\t", "\u00a0", "-", "+", "=",
       "1.", "2)", "", " "])
LINES = st.lists(st.lists(WORDS, min_size=0, max_size=8).map(" ".join), min_size=1, max_size=6)
FRONT = st.sampled_from(["", "---\ntitle: T\n---\n", "---\ndate: 2025-10-16\nsource: a\n---\n", "---\n---\n"])


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(FRONT, LINES, st.sampled_from(["", "\n"]))
def test_the_plain_reading_never_differs_from_the_parser(front: str, lines: list[str], end: str) -> None:
    original = front + "\n".join(lines) + end
    plain, parsed = read_both(original)
    if plain is not None:
        assert plain == parsed, original


def test_real_news_as_markdown_reads_alike(shared_data) -> None:
    """Articles of the news corpus written as Markdown paragraphs: where the plain reading applies it
    gives the parser's text and map, and it applies to a good share of them."""
    taken = 0
    with (shared_data / "news" / "news.jsonl").open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(300), lines, strict=False)]
    for record in records:
        original = f"---\ntitle: {record['id']}\n---\n" + record["text"]
        plain, parsed = read_both(original)
        if plain is not None:
            taken += 1
            assert plain == parsed, record["id"]
    assert taken >= len(records) // 5, taken


def test_plain_markdown_imports_no_parser() -> None:
    probe = textwrap.dedent("""
        import sys
        from factcheck.documents.markdown import parse_markdown
        plain = parse_markdown("a.md", "---\\ntitle: T\\n---\\nThe council approved 12 of 15 bids.\\n")
        marked = "markdown_it" in sys.modules
        parse_markdown("b.md", "The council approved *12* of 15 bids.\\n")
        print(plain.text, marked, "markdown_it" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "The council approved 12 of 15 bids. False True"
