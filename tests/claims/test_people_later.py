"""Later mentions of a titled person: the surname alone, found only after the first mention."""

from __future__ import annotations

from factcheck.claims import people


def _mentions(text: str) -> list[tuple[str, str, int]]:
    return [(text[c.span.start:c.span.end], c.fields["name"], c.fields["first_mention"])
            for c in people.extract(text) if c.fields.get("title") is None]


def test_the_surname_alone_later_is_a_mention_of_the_titled_name() -> None:
    text = "Finance Minister Jane Okafor spoke on Monday. Okafor said the budget was balanced."
    assert _mentions(text) == [("Okafor", "Jane Okafor", 0)]


def test_a_surname_written_only_inside_titled_mentions_is_no_later_mention() -> None:
    text = ("Finance Minister Jane Okafor spoke on Monday. Later, Finance Minister Jane Okafor "
            "left for Abuja.")
    assert _mentions(text) == []
    assert not people._written_again(text, "Okafor", 0, [c.span for c in people.extract(text)])


def test_a_surname_before_the_first_mention_is_not_read() -> None:
    text = "Okafor's plan was debated. Finance Minister Jane Okafor spoke on Monday."
    assert _mentions(text) == []
