"""The literals every match of a scan holds: read from the regex, never wrong about a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims import literals, periods
from tests.conftest import extractor_patterns

SEED = Path(__file__).resolve().parents[2] / "seeds"
TEXT = (
    "In the fourth quarter of 2012, Q3 sales and the first half; fiscal 1990 and FY13. Early May, "
    "late last June, mid-March, the end of the year; last summer, the winter of 2012. Tuesday night, "
    "this morning, the 1990s, the '80s, the nineties. Every Friday, each week, the next day, that "
    "Sunday, currently, the past. The current weakness; daily flights. Christmas Eve, Easter 2012. "
    "In October, since March, October's sales. January this year. The latest quarter, the year-ago "
    "period. ſummer İnside \u212aelvin ıf."
)


def holds(needs: literals.Needs, text: str) -> bool:
    lower = text.lower()
    return all(any(word in lower for word in group) for group in needs)


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?<![\w-])[Ff]iscal[ \t]+\d{4}", [{"fiscal"}]),
    (r"\b(?:[Tt]he[ \t]+)?(?:first|second)[ \t]+quarter\b", [{"quarter"}, {"first", "second"}]),
    (r"[Tt]h(?:e[ \t]+end|at[ \t]+day)", [{"the", "that"}]),  # "th" joined to each branch
    (r"(?:an?|the) (?:spring|fall)", [{f"{article} {season}" for article in ("a", "an", "the")
                                       for season in ("spring", "fall")}]),
    (r"Q[1-4]\b", [{"q1", "q2", "q3", "q4"}]),
    (r"(?i:first)|\d+", []),  # one branch holds no literal
    (r"\d+(?:st|nd)", [{"st", "nd"}]),
    (r"(?i:s)ince", [{"ince"}]),  # "ſince" matches: "s" is no literal under IGNORECASE
    (r"(?:ab)+c", [{"ab"}]),
    (r"(?:april|april's)\b", [{"april"}]),  # "april's" holds "april"
])
def test_needs_are_read_from_the_parse_tree(pattern, expected):
    assert {frozenset(group) for group in literals.needs(re.compile(pattern))} == \
        {frozenset(group) for group in expected}


def test_a_scan_is_skipped_only_without_its_words():
    quarter = re.compile(r"(?<![\w-])(?P<ord>first|second)[ \t]+quarter\b")
    assert list(literals.finditer(quarter, "sales fell in the first half")) == []
    assert [m[0] for m in literals.finditer(quarter, "In the First quarter")] == []
    assert [m[0] for m in literals.finditer(quarter, "in the first quarter")] == ["first quarter"]
    assert literals.may_match(quarter, "İ first quarter")  # lowering changes the length: always scanned


def test_every_match_of_every_extractor_pattern_holds_its_needs():
    texts = [TEXT, TEXT.upper(), *(path.read_text(encoding="utf-8") for path in sorted(SEED.glob("*.md")))]
    patterns = extractor_patterns()
    assert periods._SEASON in patterns
    for pattern in patterns:
        needs = literals.needs(pattern)
        for text in texts:
            for match in pattern.finditer(text):
                assert holds(needs, match[0]), (pattern.pattern, match[0], needs)


_PIECES = st.sampled_from([
    "ab", "Tt", "[Tt]he", "(?i:ks)", "(?i:é)", "s", "[0-3]", r"\d", r"\w", " ", r"\b", r"(?<!\w)",
    "(?:ab|cd)", "(?:x|)", "(?:abc|ab)", ".", "[^a]",
])


@st.composite
def patterns(draw) -> str:
    pieces = draw(st.lists(_PIECES, min_size=1, max_size=6))
    quantified = [f"(?:{piece})" + draw(st.sampled_from(["", "", "?", "*", "+", "{2}", "{1,2}"]))
                  for piece in pieces]
    return "".join(quantified) + draw(st.sampled_from(["", "|ab", "|(?i:the)"]))


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(patterns(), st.text(alphabet="abcdTtheksſKé0123 x\n", max_size=40))
def test_random_patterns_never_skip_a_match(pattern, text):
    compiled = re.compile(pattern)
    needs = literals.needs(compiled)
    for match in compiled.finditer(text):
        assert holds(needs, match[0])
    if compiled.search(text):
        assert literals.may_match(compiled, text)
