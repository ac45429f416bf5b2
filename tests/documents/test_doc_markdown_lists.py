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
    assert text.split("\n\n") == ["a", "\tb\t", "\t\tc\t", "\t\t\tmore c\t", "d"]


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
