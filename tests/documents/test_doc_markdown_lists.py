"""Markdown lists are read as CommonMark structures them: a list item's continuing paragraphs and
nested lists are its nested content (each line opened with a tab per level and closed with a tab),
which the list patterns read as part of the item above, never as items of the outer list."""

from __future__ import annotations

from factcheck import api
from factcheck.documents.markdown import NEST_MARK, parse_markdown

from .helpers import assert_round_trips

NESTED = """The plan has two strands:

- Housing, in three parts:
  - social rent
  - shared ownership
  - homes for key workers

  Each part has its own budget.
- Transport

It runs until 2030.
"""


def test_nested_content_is_marked_per_level_and_maps_back() -> None:
    document = parse_markdown("plan.md", NESTED)
    lines = document.text.split("\n")
    assert "Housing, in three parts:" in lines and "Transport" in lines
    assert f"{NEST_MARK}social rent{NEST_MARK}" in lines
    assert f"{NEST_MARK}Each part has its own budget.{NEST_MARK}" in lines
    assert "It runs until 2030." in lines
    assert assert_round_trips(document) > 0


def test_deeper_levels_take_one_mark_each() -> None:
    text = parse_markdown("deep.md", "- a\n  - b\n    - c\n\n      more c\n- d\n").text
    assert text.split("\n\n") == ["a", "\tb\t", "\t\tc\t", "\t\t\tmore c\t", "d", "\n"]  # the list's end


def _enumerations(text: str) -> list[tuple[str, list[str]]]:
    claims = api.extract(text, format="markdown")
    return [(c["count"].text, c["items"]) for c in claims if c.kind == "enumeration"]


def test_the_outer_list_counts_its_items_and_the_sub_list_its_own() -> None:
    assert _enumerations(NESTED) == [
        ("two", ["Housing, in three parts: social rent shared ownership homes for key workers "
                 "Each part has its own budget.", "Transport"]),
        ("three", ["social rent", "shared ownership", "homes for key workers"]),
    ]


def test_a_paragraph_continuing_an_item_is_part_of_it() -> None:
    text = ("Three candidates were shortlisted:\n\n- Ruth Ellis\n\n  She has led the team since 2019.\n\n"
            "- Tom Baker\n- Amina Yusuf\n")
    assert _enumerations(text) == [("Three", ["Ruth Ellis She has led the team since 2019.", "Tom Baker",
                                              "Amina Yusuf"])]


def test_a_breakdown_adds_the_outer_items_only() -> None:
    text = "Capital spending of £10m:\n\n- Schools: £6m\n  - primary: £4m\n  - secondary: £2m\n- Roads: £4m\n"
    (claim,) = [c for c in api.extract(text, format="markdown") if c.kind == "breakdown"]
    assert [part.text for part in claim["parts"]] == ["£6m", "£4m"]


RECOMMENDATIONS = """The review makes five recommendations:

1. Publish waiting times every month.
2. Recruit more community nurses.
3. Close the two oldest wards.
4. Give patients a named contact.
5. Fund a new discharge team.
6. Report progress to the board.

The board will reply in March.
"""


def test_items_that_are_sentences_are_read_up_to_the_lists_end() -> None:
    (count, items), = _enumerations(RECOMMENDATIONS)
    assert count == "five" and len(items) == 6 and items[-1] == "Report progress to the board."
    assert "The board will reply in March." not in items


def test_a_list_ending_the_document_ends_its_section_too() -> None:
    text = parse_markdown("end.md", "Two aims:\n\n- Cut costs.\n- Hire nurses.\n").text
    assert text.endswith("Hire nurses.\n\n\n")
    assert _enumerations("Two aims:\n\n- Cut costs.\n- Hire nurses.\n- Reopen the ward.\n") == [
        ("Two", ["Cut costs.", "Hire nurses.", "Reopen the ward."])]


def test_sentences_after_a_colon_in_plain_text_are_no_list() -> None:
    claims = api.extract("The review makes two points:\n\nCosts rose.\n\nStaff left.\n\nIt ends here.\n")
    assert not [c for c in claims if c.kind == "enumeration"]
