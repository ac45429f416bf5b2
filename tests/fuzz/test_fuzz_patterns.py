"""Generated pattern files (grammars/patterns.lark) load with a position or not at all, and a
loaded one matches any text without crashing or stalling."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims import extract_claims
from factcheck.claims.patterns.loader import PatternLoadError, load_pattern_text
from factcheck.claims.patterns.matcher import Masked, match_kind
from tests.fuzz import strategies as S
from tests.fuzz.budget import size_of, tried


@given(S.pattern_files(), S.prose)
def test_generated_patterns_load_and_match(pattern_text: str, text: str) -> None:
    with tried("pattern files (grammars/patterns.lark)", size_of(pattern_text, text)):
        try:
            kind = load_pattern_text("fuzz_kind.yaml", pattern_text)
        except PatternLoadError as error:
            assert error.message
            return
        atoms = [claim for claim in extract_claims(text) if not claim.fields]
        match_kind(Masked(text, atoms), kind)


@given(st.text(max_size=300))
def test_arbitrary_pattern_text_fails_cleanly(text: str) -> None:
    with tried("pattern files (arbitrary text)", size_of(text)), contextlib.suppress(PatternLoadError):
            load_pattern_text("fuzz_kind.yaml", text)
