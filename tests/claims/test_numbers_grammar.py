"""The number-word grammar (grammars/numbers.lark) and its evaluator, word run by word run."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims.numbers import parse_words, scan


@pytest.mark.parametrize(
    ("words", "value", "step", "ordinal"),
    [
        ("eight", "8", "1", False),
        ("twenty one", "21", "1", False),
        ("two hundred and five", "205", "1", False),
        ("twelve hundred", "1200", "100", False),
        ("a million", "1000000", "1000000", False),
        ("one million two hundred thousand", "1200000", "100000", False),
        ("one thousand and five", "1005", "1", False),
        ("two and a half", "2.5", "0.5", False),
        ("three and a quarter", "3.25", "0.25", False),
        ("two dozen", "24", "12", False),
        ("half", "0.5", "0.5", False),
        ("zero", "0", "1", False),
        ("eighth", "8", "1", True),
        ("twenty first", "21", "1", True),
        ("one hundred and first", "101", "1", True),
        ("hundredth", "100", "1", True),
        ("two thousandth", "2000", "1", True),
        ("ninetieth", "90", "1", True),
        ("two and a half million", "2500000", "500000", False),
        ("one and a quarter billion", "1250000000", "250000000", False),
        ("nine hundred and ninety and a half thousand", "990500", "500", False),
        ("three billions", "3000000000", "1000000000", False),
        ("five hundreds", "500", "100", False),
        ("twelve thousands", "12000", "1000", False),
        ("half a dozen", "6", "6", False),
        ("a half dozen", "6", "6", False),
    ],
)
def test_parse_words(words: str, value: str, step: str, ordinal: bool) -> None:
    assert parse_words(words) == (Decimal(value), Decimal(step), ordinal)


@pytest.mark.parametrize(
    "words",
    ["one two", "three thousand two million", "and five", "a", "thousand", "twenty twenty", "first second",
     "hundreds", "millions", "a millions", "one million and a half million"],
)
def test_rejects_non_numbers(words: str) -> None:
    assert parse_words(words) is None


def test_runs_split_into_numbers() -> None:
    text = "one two three"
    assert [text[m.start : m.end] for m in scan(text)] == ["one", "two", "three"]


def test_case_and_hyphens() -> None:
    text = "Twenty-One people and Two-And-A-Half hours"
    assert [(text[m.start : m.end], m.value) for m in scan(text)] == [
        ("Twenty-One", Decimal(21)),
        ("Two-And-A-Half", Decimal("2.5")),
    ]


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_POWERS = ["", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion", "sextillion"]


def _below_thousand(n: int, joiner: str) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, unit = divmod(rest, 10)
        below = _UNITS[rest] if rest < 20 else _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
        words.append(f"{joiner}{below}" if hundreds and joiner else below)
    return " ".join(words)


def _in_words(n: int, joiner: str = "") -> str:
    """English words for ``n``, written independently of the grammar under test."""
    groups = []
    power = 0
    while n:
        n, group = divmod(n, 1000)
        if group:
            groups.append(f"{_below_thousand(group, joiner)} {_POWERS[power]}".strip())
        power += 1
    return " ".join(reversed(groups))


@pytest.mark.parametrize("joiner", ["", "and "])
@pytest.mark.parametrize(
    "value",
    [98_761_234_567_890, 7_654_123_456_789_098, 210_012_345_678_909_876_543, 999_999_999_999_999_999_999_999],
)
def test_long_numbers_in_words_are_one_mention(value: int, joiner: str) -> None:
    """Every number the magnitude limit admits is read whole, however many words it takes (a bounded
    window once cut the longest ones and read only their tails)."""
    text = f"The total was {_in_words(value, joiner)} units."
    words = _in_words(value, joiner)
    assert [(text[m.start : m.end], m.value) for m in scan(text)] == [(words, Decimal(value))]


_ORDINAL_ENDINGS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                    "nine": "ninth", "twelve": "twelfth"}


def _ordinal_in_words(n: int) -> str:
    words = _in_words(n)
    last = words.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
    ending = _ORDINAL_ENDINGS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
    return words[: len(words) - len(last)] + ending


@pytest.mark.parametrize("value", [876_512_345_678_909, 543_212_345_678_909_876, 123_456_789_098_765_432_100])
def test_long_ordinals_in_words_are_one_mention(value: int) -> None:
    ordinal = _ordinal_in_words(value)
    text = f"It was the {ordinal} visitor."
    read = [(text[m.start : m.end], m.value, m.ordinal) for m in scan(text)]
    assert read == [(ordinal, Decimal(value), True)]
