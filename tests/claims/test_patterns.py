"""The pattern language: matching, captures, and load errors pointing into the pattern file."""

from __future__ import annotations

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.patterns import PatternLoadError, load_pattern_text
from factcheck.claims.patterns.loader import RESERVED_FIELDS
from factcheck.claims.patterns.matcher import Masked, match_kind

_HEAD = "kind: demo_kind\ndescription: A demo.\nfields:\n  a: claim<number>\n  words: list<string>\n"


def _load(pattern: str, fields: str = _HEAD) -> object:
    return load_pattern_text("demo.yaml", f"{fields}patterns:\n  - \"{pattern}\"\n")


def test_list_captures_collect_every_repetition() -> None:
    kind = _load("{number:a} (<cap>:words[] [,]){1,4}")
    text = "About 3 France, Spain, Italy went."
    atoms = [c for c in extract_claims(text) if c.kind == "number"]
    (claim,) = match_kind(Masked(text, atoms), kind)  # type: ignore[arg-type]
    assert claim.text == "3 France, Spain, Italy"
    assert claim["words"] == ["France", "Spain", "Italy"]
    assert claim["a"].text == "3"


@pytest.mark.parametrize(
    ("pattern", "message", "column"),
    [
        ("{number:a} (rose", "unexpected end of pattern", 22),
        ("{numbr:a} <cap>:words[]", "unknown claim kind 'numbr'", 7),
        ("{number:b} <cap>:words[]", "capture 'b' is not a declared field", 14),
        ("{number:a} <cap>:words", "declared list<string> but this captures string", 23),
        ("[{number:a}] <cap>:words[]", "not captured by every match", 15),
        ("{number:a} <foo>", "unknown word class <foo>", 18),
    ],
)
def test_errors_point_into_the_pattern(pattern: str, message: str, column: int) -> None:
    with pytest.raises(PatternLoadError) as info:
        _load(pattern)
    assert message in info.value.message
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (7, column)


def test_unknown_key_and_duplicate_kind() -> None:
    with pytest.raises(PatternLoadError, match="unknown key"):
        load_pattern_text("x.yaml", _HEAD + "patern: x\npatterns: ['{number:a} <cap>:words[]']\n")
    with pytest.raises(PatternLoadError, match="already declared"):
        load_pattern_text("x.yaml", _HEAD.replace("demo_kind", "change") + "patterns: ['{number:a}']\n")


@pytest.mark.parametrize("name", sorted(RESERVED_FIELDS))
def test_field_names_that_claims_already_have_are_rejected(name: str) -> None:
    head = _HEAD.replace("  a: claim<number>", f"  {name}: claim<number>")
    with pytest.raises(PatternLoadError) as info:
        load_pattern_text("demo.yaml", f"{head}patterns:\n  - \"{{number:{name}}} <cap>:words[]\"\n")
    assert f"field name {name!r} is reserved" in info.value.message
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (4, 3)
    assert info.value.hint is not None and "rename the field" in info.value.hint


def test_reserved_names_are_the_claims_common_members() -> None:
    from factcheck.language.types import CLAIM_COMMON

    assert set(CLAIM_COMMON) | {"value"} <= RESERVED_FIELDS
