"""Markdown: front matter, markup stripped for extraction, and exact offsets back into the file."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from factcheck.documents.markdown import parse_markdown
from factcheck.errors import InputError

from .helpers import assert_round_trips, original_at, position_of

ARTICLE = """\
---
title: Putin calls Trump
date: 2025-10-16
author: Jane Doe
tags: [politics]
---
# The 8th call in 8 months ##

It was **their 8th call** in _just 8 months_, says `TASS 2025`.
See [the report of 12 pages](https://example.com/r/99 "Title 77") and ![a chart of 3 bars](c.png).
> A quote with 4 numbers
- a list item with 5
  2. an ordered item with 6
* [x] a task with 7

```python
calls = 99
```

~~~
also 98 code
~~~

<!-- factcheck-disable rule-x 97 -->
<!-- a comment
spanning 96 lines -->Text 10 after it.

| Year | Calls |
|------|------:|
| 2025 | 8     |
| `a\\|b` | 11 \\| 12 |

[ref]: https://example.com/95 "Reference 94"
A [reference link 13][ref], a [shortcut][ref] one, a [ref] and [not a link 14].
Footnote[^1] here.

Setext heading 15
-----------------
3 * 4 = 12, ~5 people, snake_case_name 16.
"""


@pytest.fixture
def document():
    return parse_markdown("a.md", ARTICLE)


def test_front_matter_gives_title_date_and_other_metadata(document) -> None:
    assert document.title == "Putin calls Trump"
    assert document.date == dt.date(2025, 10, 16)
    assert document.metadata == {"author": "Jane Doe", "tags": ["politics"]}
    assert document.source == "markdown"
    assert "Putin" not in document.text and "Jane" not in document.text


def test_markup_is_stripped(document) -> None:
    text = document.text
    assert "The 8th call in 8 months\n\n" in text
    assert "It was their 8th call in just 8 months, says . See the report of 12 pages" in text
    assert "and a chart of 3 bars.\n\nA quote with 4 numbers\n\n" in text
    # two lists (their markers differ), each ended by a section break
    assert "\n\na list item with 5 2. an ordered item with 6\n\n\na task with 7\n\n\n" in text
    assert "\n\nText 10 after it.\n\n" in text
    assert "A reference link 13, a shortcut one, a ref and [not a link 14]. Footnote[^1] here." in text
    assert "\n\nSetext heading 15\n\n" in text
    assert "3 * 4 = 12, ~5 people, snake_case_name 16." in text
    for gone in ("#", "**", "`", "](", "https", "[x]", "---", "| Year", "|---", "TASS"):
        assert gone not in text, gone


def test_code_comments_and_definitions_are_not_prose(document) -> None:
    for number in ("99", "98", "97", "96", "95", "94", "77"):
        assert number not in document.text
    assert "<!-- factcheck-disable rule-x 97 -->" in document.original


def test_table_rows_are_blocks_and_cells_are_separated(document) -> None:
    assert "\n\nYear; Calls\n\n2025; 8\n\n" in document.text
    table = parse_markdown("t.md", "| a | b |\n|---|---|\n| 11 \\| 12 | 2019 |\n")
    assert table.text == "a; b\n\n11 | 12; 2019"
    assert original_at(table, "11 | 12") == "11 \\| 12"


def test_every_claim_like_piece_maps_back_exactly(document) -> None:
    assert assert_round_trips(document) > 60
    for number in ("8th", "12", "3", "4", "5", "6", "7", "10", "13", "15", "16", "2025"):
        for match in re.finditer(rf"(?<![\d.]){re.escape(number)}(?![\d])", document.text):
            start = document.offsets.to_original(match.start())
            assert document.original[start : start + len(number)] == number


def test_positions_are_lines_and_columns_of_the_file(document) -> None:
    assert position_of(document, "The 8th") == (7, 3)
    assert position_of(document, "their 8th") == (9, 10)
    assert position_of(document, "just 8") == (9, 31)
    assert position_of(document, "a task with 7") == (14, 7)
    assert position_of(document, "Text 10") == (26, 22)


def test_a_span_across_removed_markup_covers_it_in_the_original(document) -> None:
    assert original_at(document, "their 8th call in just 8") == "their 8th call** in _just 8"


def test_soft_breaks_are_spaces_that_map_to_the_newline() -> None:
    source = "> Putin spoke with U.S. President\n> Donald Trump for\n> 2.5 hours.\n"
    document = parse_markdown("w.md", source)
    assert document.text == "Putin spoke with U.S. President Donald Trump for 2.5 hours."
    assert original_at(document, "President Donald") == "President\n> Donald"
    assert position_of(document, "2.5 hours") == (3, 3)


def test_entities_are_decoded_and_map_to_the_whole_reference() -> None:
    document = parse_markdown("e.md", "It cost &euro;30&nbsp;million &#8212; or &#x24;33m.\n")
    assert document.text == "It cost €30 million — or $33m."
    assert original_at(document, "€30") == "&euro;30"
    assert original_at(document, "$33m") == "&#x24;33m"


def test_code_of_every_kind_is_not_prose() -> None:
    source = "Before 1.\n\n    indented 2\n\n```\nfenced 3\n```\n\nInline `code 4` and ``a ` 5`` after 6.\n"
    document = parse_markdown("c.md", source)
    assert document.text == "Before 1.\n\nInline  and  after 6."
    assert position_of(document, "after 6") == (9, 31)


def test_crlf_file_keeps_exact_offsets() -> None:
    source = "---\r\ntitle: T\r\ndate: 2025-01-02\r\n---\r\n# Head 1\r\n\r\nSome *text*\r\nwith 42.\r\n"
    document = parse_markdown("crlf.md", source)
    assert document.title == "T" and document.date == dt.date(2025, 1, 2)
    assert document.text == "Head 1\n\nSome text with 42."
    assert position_of(document, "42") == (8, 6)
    assert_round_trips(document)


def test_no_front_matter_when_not_at_the_very_start() -> None:
    document = parse_markdown("b.md", "\n---\ntitle: X\n---\nBody 1\n")
    assert document.title is None
    assert "title: X" in document.text


def test_unclosed_front_matter_is_a_thematic_break_and_text() -> None:
    document = parse_markdown("b.md", "---\ntitle: X\nBody 1\n")
    assert document.title is None and "Body 1" in document.text


def test_invalid_yaml_front_matter_is_an_input_error_with_its_line() -> None:
    with pytest.raises(InputError) as raised:
        parse_markdown("bad.md", "---\ntitle: ok\ndate: [2025\n---\nBody\n")
    location = raised.value.location
    assert location is not None and location.path == "bad.md" and location.line >= 3


def test_front_matter_that_is_not_a_mapping_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a mapping"):
        parse_markdown("list.md", "---\n- a\n- b\n---\nBody\n")


def test_unparseable_front_matter_date_is_a_note_not_a_failure() -> None:
    document = parse_markdown("d.md", "---\ndate: next week\n---\nBody 1\n")
    assert document.date is None
    assert "next week" in str(document.metadata["date_error"])


def test_yaml_datetime_gives_its_date() -> None:
    document = parse_markdown("d.md", "---\ndate: 2025-10-16 08:30:00\n---\nBody\n")
    assert document.date == dt.date(2025, 10, 16)


def test_unclosed_fence_drops_the_rest_as_code() -> None:
    document = parse_markdown("f.md", "Before 1\n```\ncode 2\nmore 3\n")
    assert "Before 1" in document.text and "2" not in document.text and "3" not in document.text


def test_unmatched_emphasis_and_lone_tildes_stay_literal() -> None:
    document = parse_markdown("e.md", "An *unclosed star and ~10% and a_b_c.\n")
    assert document.text == "An *unclosed star and ~10% and a_b_c."


def test_escapes_drop_the_backslash() -> None:
    document = parse_markdown("e.md", "Not \\*emphasis\\* and 5\\% rate.\n")
    assert document.text == "Not *emphasis* and 5% rate."
    assert original_at(document, "5% rate") == "5\\% rate"


def test_links_with_parentheses_and_titles() -> None:
    source = 'A [link (with parens) 5](http://x.com/a_(b) "t (1) 2") and [b](c) [x] 7\n'
    document = parse_markdown("l.md", source)
    assert document.text == "A link (with parens) 5 and b [x] 7"
    assert position_of(document, "7") == (1, len(source) - 1)


def test_html_blocks_are_read_as_html() -> None:
    source = "Intro 1.\n\n<table><tr><td>2019</td><td>31%</td></tr>\n<script>var x = 9;</script></table>\n"
    document = parse_markdown("h.md", source)
    assert document.text == "Intro 1.\n\n2019; 31%"
    assert original_at(document, "31%") == "31%"


def test_many_unmatched_brackets_stay_linear() -> None:
    source = "[" * 50_000 + "\n" + "(" * 50_000 + "x](" * 10_000 + "\n"
    document = parse_markdown("p.md", source)
    assert document.text == source.strip().replace("\n", " ")


def test_a_heading_after_a_list_is_two_blank_lines_on() -> None:
    """A heading opens a section: no list before it runs on into it (the list patterns read items at
    most one blank line apart)."""
    source = "Spending went to:\n\n- Parks: £1.2m\n- Libraries: £0.8m\n\n## Next year: £2.5m\n\nText.\n"
    document = parse_markdown("list.md", source)
    assert document.text == ("Spending went to:\n\nParks: £1.2m\n\nLibraries: £0.8m"
                             "\n\n\nNext year: £2.5m\n\nText.")
    assert_round_trips(document)
