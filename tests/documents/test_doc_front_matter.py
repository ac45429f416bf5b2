"""Front matter made of one-line ``key: text`` entries is read without PyYAML, exactly as YAML reads it;
anything else is read by YAML (factcheck.documents.frontmatter)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import frontmatter
from factcheck.documents.frontmatter import split_front_matter


def read_both(block: str) -> tuple[dict[str, object] | None, dict[str, object] | Exception]:
    """The entries read without YAML (None when the block is not simple) and YAML's reading."""
    text = f"---\n{block}---\nBody.\n"
    try:
        by_yaml: dict[str, object] | Exception = frontmatter._read_yaml("a.md", text, block)
    except Exception as error:  # an input error: the simple reading must then not apply
        by_yaml = error
    return frontmatter._simple_entries(block), by_yaml


@pytest.mark.parametrize("block", [
    "title: Putin calls Trump before Zelensky visit\ndate: 2025-10-16\nsource: ../shared/seeds/a.txt\n",
    "title: Council minutes, 3 March\nauthor: J. O'Neill\nslug: council-minutes\n",
    "layout: post\ntitle: Some \"quoted\" words, [brackets] and {braces} & ampersands!\n",
    "url: https://example.org/a/b?c=d#section\ntags: C# and F#\n",
    "date: 2025-13-45\ntitle: a day that does not exist stays text\n",  # dates are text here
    "title: first\ntitle: second wins, as in YAML\n",
    "description: Trailing spaces are not part of it   \nnote: Zelensky’s visit\n",
])
def test_simple_entries_are_read_without_yaml_as_yaml_reads_them(block: str) -> None:
    simple, by_yaml = read_both(block)
    assert simple is not None and simple == by_yaml
    assert all(type(value) is str for value in simple.values())


@pytest.mark.parametrize("block", [
    "published: yes\n", "draft: No\n", "summary: null\n", "on: Monday\n", "count: 12\n", "ratio: .5\n",
    "date: 2025-10-16 08:30:00\n", "title: a: b\n", "title: ends with a colon:\n", "title: a # comment\n",
    "title: 'quoted'\n", "title: \"quoted\"\n", "tags: [a, b]\n", "tags:\n  - a\n", "title: &a anchored\n",
    "title: !tag value\n", "title: > folded\n", "title: two\n  lines\n", "title: x\n\nauthor: y\n",
    "# a comment\ntitle: x\n", "title: x\r\n", "title: tab\there\n", "title: no\u00a0break\n",
    "title: ~\n", "title: élan\n", "title:x\n", "title : x\n", "",
])
def test_anything_else_is_left_to_yaml(block: str) -> None:
    assert frontmatter._simple_entries(block) is None


KEYS = st.sampled_from(["title", "date", "author", "source", "x_1", "a-b", "Title2"] * 3
                       + ["on", "Yes", "null"])
PLAIN = ["Council", "minutes", "it's", "Zelensky’s", "approved", "12", "2025", "ok.", "a,", "x:y", "C#",
         "a#b"]
SPECIAL = ["#tag", "-", "?", "&", "*", "!", "|", ">", "%", "@", "`q`", "\"q\"", "'q'", "[a]", "{b}", "~",
           "yes", "No", "null", "=", "<<", ":", "é", "../x", "/z", "http://x.org/a#b", "\u00a0", "\t", ""]
WORDS = st.sampled_from(PLAIN * 6 + SPECIAL)
PROSE = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)  # prose-like, now and then a special piece
VALUES = st.one_of(
    PROSE, PROSE, PROSE,
    st.sampled_from([
        "yes", "No", "OFF", "null", "Null", "~", "true", "2025-10-16", "2025-13-45", "../x", "./y", "/z",
        ".5", ".inf", ".NaN", "0x1F", "1_000", "12:30", "1e3", "a: b", "end:", "- item", "[a, b]", "{a: 1}",
        "&anchor", "*alias", "!tag x", "| x", "> x", "%x", "@x", "? x", "<< merge", "=",
    ]),
    st.text(alphabet="abcXYZ019 -_.,:;#'\"/!&*[]{}|>%@`?~\t\u00a0é’", min_size=0, max_size=14),
)
SEPARATORS = st.sampled_from([": ", ": ", ": ", ":  ", ":", " : ", ":\t"])
ENDINGS = st.sampled_from(["\n", "\n", "\n", "\n", " \n", "\r\n"])


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(KEYS, SEPARATORS, VALUES, ENDINGS), min_size=1, max_size=4))
def test_the_simple_reading_never_differs_from_yaml(entries: list[tuple[str, str, str, str]]) -> None:
    assert_read_alike(entries)


def assert_read_alike(entries: list[tuple[str, str, str, str]]) -> None:
    block = "".join(f"{key}{separator}{value}{ending}" for key, separator, value, ending in entries)
    simple, by_yaml = read_both(block)
    if simple is not None:
        assert simple == by_yaml, block


NEAR_SIMPLE = st.lists(st.tuples(st.sampled_from(["title", "date", "x_1", "a-b"]), st.just(": "),
                                  st.lists(WORDS, min_size=1, max_size=6).map(" ".join), st.just("\n")),
                        min_size=1, max_size=3)


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(NEAR_SIMPLE)
def test_entries_of_prose_with_odd_pieces_read_as_yaml_reads_them(entries) -> None:
    """Mostly entries the simple reading takes, with a piece now and then that YAML reads otherwise
    (an indicator, a comment, a word it reads as true or null)."""
    assert_read_alike(entries)


def test_front_matter_without_yaml_gives_the_same_document() -> None:
    text = "---\ntitle: The council\ndate: 2025-03-03\nauthor: Desk\n---\nIt approved 12 of 15 bids.\n"
    front = split_front_matter("m.md", text)
    assert front.data == {"title": "The council", "date": "2025-03-03", "author": "Desk"}
    assert text[front.body_start:] == "It approved 12 of 15 bids.\n"


IMPORTED = textwrap.dedent("""
    import sys
    from factcheck.documents.markdown import parse_markdown
    document = parse_markdown("a.md", sys.argv[1])
    print(document.title, document.date, "yaml" in sys.modules)
""")


@pytest.mark.parametrize(("front", "shown"), [
    ("title: Minutes\ndate: 2025-03-03\n", "Minutes 2025-03-03 False"),
    ("title: Minutes\ndate: 2025-03-03\ntags: [council]\n", "Minutes 2025-03-03 True"),
])
def test_yaml_is_imported_only_for_front_matter_that_needs_it(front: str, shown: str) -> None:
    text = f"---\n{front}---\nThe council approved 12 of 15 bids.\n"
    out = subprocess.run([sys.executable, "-c", IMPORTED, text], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == shown
