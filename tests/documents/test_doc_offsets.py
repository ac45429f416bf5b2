"""The text builder and offset map: kept, replaced and inserted pieces map back exactly."""

from __future__ import annotations

from factcheck.documents.builder import TextBuilder
from factcheck.documents.model import OffsetMap
from factcheck.spans import LineIndex, Span


def test_contiguous_copies_merge_into_one_identity_segment() -> None:
    builder = TextBuilder("abcdef")
    builder.keep(0, 2)
    builder.keep(2, 4)
    text, offsets = builder.build()
    assert text == "abcd"
    assert [offsets.to_original(i) for i in range(4)] == [0, 1, 2, 3]
    assert len(offsets._segments) == 1


def test_gaps_shift_the_mapping() -> None:
    source = "**bold** 42"
    builder = TextBuilder(source)
    builder.keep(2, 6)
    builder.keep(8, 11)
    text, offsets = builder.build()
    assert text == "bold 42"
    start = text.index("42")
    assert source[offsets.to_original(start) :][:2] == "42"


def test_a_replacement_maps_to_its_whole_source() -> None:
    source = "A &amp; B"
    builder = TextBuilder(source)
    builder.keep(0, 2)
    builder.replace("&", 2, 7)
    builder.keep(7, 9)
    text, offsets = builder.build()
    assert text == "A & B"
    assert offsets.span_to_original(Span(2, 3)) == Span(2, 7)
    assert offsets.span_to_original(Span(0, 5)) == Span(0, 9)
    assert offsets.to_original(4) == 8


def test_an_insertion_maps_to_its_anchor_and_takes_no_original_text() -> None:
    builder = TextBuilder("a<br>b")
    builder.keep(0, 1)
    builder.insert("\n", 1)
    builder.keep(5, 6)
    text, offsets = builder.build()
    assert text == "a\nb"
    assert offsets.to_original(1) == 1
    assert offsets.to_original(2) == 5
    assert offsets.span_to_original(Span(1, 2)) == Span(1, 1)


def test_an_empty_build_still_maps_offset_zero() -> None:
    text, offsets = TextBuilder("<p></p>").build()
    assert text == ""
    assert offsets.to_original(0) == 0


def test_identity_map() -> None:
    offsets = OffsetMap.identity(10)
    assert offsets.span_to_original(Span(3, 7)) == Span(3, 7)


def test_line_index_counts_characters_and_strips_carriage_returns() -> None:
    lines = LineIndex("ab\r\ncé d\n")
    position = lines.position(7)
    assert (position.line, position.column) == (2, 4)
    assert lines.line_text(1) == "ab"
