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
    ],
)
def test_parse_words(words: str, value: str, step: str, ordinal: bool) -> None:
    assert parse_words(words) == (Decimal(value), Decimal(step), ordinal)


@pytest.mark.parametrize(
    "words",
    ["one two", "three thousand two million", "and five", "a", "thousand", "twenty twenty", "first second"],
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
