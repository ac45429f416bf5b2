"""A name's lookup key: case, curly apostrophes and runs of white space (any Unicode space) do not
count."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factcheck.facts.lookup import normalize_name


def test_case_apostrophes_and_spaces_do_not_count() -> None:
    assert normalize_name("  Vladimir\u00a0 PUTIN\t") == "vladimir putin"
    assert normalize_name("Côte d’Ivoire") == normalize_name("côte d'ivoire") == "côte d'ivoire"
    assert normalize_name("\u2003\n") == ""


@given(st.text(alphabet=st.sampled_from("aZé’' \t\n\u00a0\u2003\u3000\x1c.-"), max_size=30))
def test_the_key_is_the_regex_reading(name: str) -> None:
    assert normalize_name(name) == re.sub(r"\s+", " ", name.replace("’", "'").strip().lower())
