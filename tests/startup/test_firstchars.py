"""The first-character set written into regex code: the same matches as ``re``, fewer attempts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.startup import firstchars, regexcache
from factcheck.startup.firstchars import _ASCII_FOLDS
from tests.conftest import extractor_patterns

SEED = Path(__file__).resolve().parents[2] / "seeds"
TEXT = (
    "The end of the year. the 1990s and the '80s, an end; Q3 2012 -- mid-March, early-2012 ſtart "
    "İnside KELVIN \u212aelvin ıf, Fiscal 2013, FY13; twenty-one years\tlater\n\nEvery Friday night "
    "(after 12,000 units) rose 20% to $1.05 billion from $840 million. Ünïcödé ٣ digits ½ end."
)


def fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return regexcache._compile(pattern, flags)[0]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_folds_list_every_non_ascii_character_ignorecase_pairs_with_an_ascii_letter():
    every = "".join(chr(point) for point in range(0x110000) if not 0xD800 <= point < 0xE000)
    paired = {char for char in re.findall(r"(?i)[a-z]", every) if not char.isascii()}
    listed = set("".join(_ASCII_FOLDS.values()))
    assert paired == listed
    for letter, folds in _ASCII_FOLDS.items():
        assert all(re.fullmatch(f"(?i){letter}", fold) for fold in folds)


def test_a_pattern_behind_a_guard_gets_a_first_character_set():
    pattern = r"(?<![\w-])(?:[Tt]he |[Aa]n? )?(?:end|start)\b"
    code = fast(pattern)
    parsed = re._parser.parse(pattern, 0)  # the stdlib writes no set for it, firstchars does
    assert re._compiler._code(parsed, 0)[2] == 0
    assert firstchars.code(parsed, 0)[2] == re._constants.SRE_INFO_CHARSET
    assert spans(code, TEXT) == spans(re.compile(pattern), TEXT)


@pytest.mark.parametrize("pattern", [
    r"(?<![\w-])(?:[Tt]he |[Aa]n? )?(?:end|start)\b",
    r"(?i)(?<!\w)(?:kelvin|start|inside|if)\b",
    r"\b(?i:first|second|fiscal)[ \t]+\w+",
    r"(?:(?P<c>1[89]|20)?(?P<t>\d)0['’]?s|['’]\d0s)",
    r"\b\d+(?:,\d{3})*",
    r"(?:the )?(?:x|)end",  # an empty alternative: the set holds what follows too
    r"(?:a*)(?:b|c)",
    r"a?",  # may be empty: no set
    r"(?<=\()\d",
    r"[^\W\d]+ly\b",  # a negated class: no set
    r"(?i)[a-f]{2}\d",
    r"(?i)[à-ÿ]x",  # IGNORECASE outside ASCII: no set
    r"\s+\n",
    r"(?>ab|a)c",
    r"(?:ab)++c",
    r"(a)|\1b",
    r"(?P<w>[Tt]wenty)-(?P<u>one|two)\b",
])
def test_matches_are_those_of_re(pattern):
    for text in (TEXT, TEXT.lower(), TEXT.upper(), ""):
        assert spans(fast(pattern), text) == spans(re.compile(pattern), text)


_PIECES = st.sampled_from([
    "a", "b", "T", "t", "k", "i", "s", "é", " ", r"\d", r"\w", r"\s", r"\b", r"(?<!\w)", r"(?<=-)",
    "[Tt]", "[a-c]", "[^a]", ".", "(?i:k)", "(?i:s)", "(?i:é)", "(?:a|)", "(?:b|T)",
])


@st.composite
def patterns(draw) -> str:
    pieces = draw(st.lists(_PIECES, min_size=1, max_size=6))
    quantified = [piece + draw(st.sampled_from(["", "", "?", "*", "+", "{2}", "?+"])) for piece in pieces]
    return "".join(quantified) + draw(st.sampled_from(["", "|b", "|(?i:t)e"]))


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(patterns(), st.text(alphabet="abTtkKisſıİé -1\n\u212a", max_size=40))
def test_random_patterns_match_as_re_does(pattern, text):
    try:
        expected = re.compile(pattern)
    except re.error:
        return
    assert spans(fast(pattern), text) == spans(expected, text)


def test_every_extractor_pattern_matches_as_re_does():
    texts = [TEXT, *(path.read_text(encoding="utf-8") for path in sorted(SEED.glob("*.md")))]
    patterns = extractor_patterns()
    assert len(patterns) > 100
    for pattern in patterns:
        expected = re.compile(pattern.pattern, pattern.flags & ~re.UNICODE)
        again = fast(pattern.pattern, pattern.flags & ~re.UNICODE)
        for text in texts:
            assert spans(again, text) == spans(expected, text), pattern.pattern
