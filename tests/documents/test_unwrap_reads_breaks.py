"""Unwrapping reads each line break once instead of trying a regex at every space: it replaces
exactly the breaks the rule states (a non-space character before the line's trailing spaces and
tabs, text on the next line, no list item), compared here with that rule written as one regex."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents.plaintext import unwrap

_RULE = re.compile(r"(?<=\S)([ \t]*)(\r\n|\r|\n)(?=[ \t]*\S)(?![ \t]*(?:[-*+•]|[0-9]{1,2}[.)])[ \t])")


def _by_rule(text: str) -> str:
    return _RULE.sub(lambda match: match[1] + " " * len(match[2]), text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1. \t\r\n-*•)\u00a0\u2028\x0c")), max_size=40))
def test_unwrap_replaces_the_breaks_the_rule_states(text: str) -> None:
    assert unwrap(text) == _by_rule(text)


def test_paragraphs_lists_and_wrapped_lines() -> None:
    text = "One line\nwrapped.\n\nA paragraph  \r\nwrapped again\n- an item\n \n\ttabbed\r\rend"
    assert unwrap(text) == _by_rule(text)
    assert unwrap(text) == ("One line wrapped.\n\nA paragraph    wrapped again\n- an item\n"
                            " \n\ttabbed\r\rend")
