"""The short runs of number words read from generated data (factcheck.claims.numwords.PREBUILT)
read as the grammar reads them; a damaged reading is not used, and a run it lacks is parsed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims import numwords
from factcheck.startup import built


def test_the_prebuilt_readings_are_the_grammars() -> None:
    runs = built.load(numwords.PREBUILT)
    assert runs, "the readings of short runs were not generated or are stale"
    for run in [*list(runs)[::53], "eight", "eighth", "twenty one", "two and a half", "a dozen", "one two"]:
        assert run in runs
        assert numwords._parse_run(run) == numwords._parse_with_grammar(run), run


def test_a_run_of_two_words_needs_no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(words: str):
        raise AssertionError(f"{words!r} was parsed")

    monkeypatch.setattr(numwords, "_parse_with_grammar", refuse)
    assert numwords._parse_run("forty two") == ((Decimal(42), Decimal(1), False), 2)
    assert numwords._parse_run("three and a quarter") == ((Decimal("3.25"), Decimal("0.25"), False), 4)


@pytest.mark.parametrize("damaged", [("8", 1, False, 1), ("eight", "1", False, 1), [None], "1", 2.5, None])
def test_a_damaged_reading_is_parsed_instead(monkeypatch: pytest.MonkeyPatch, damaged) -> None:
    monkeypatch.setattr(numwords, "_short_runs", lambda: {"eight": damaged})
    assert numwords._parse_run("eight") == ((Decimal(8), Decimal(1), False), 1)


def test_a_longer_run_is_parsed() -> None:
    run = "one million two hundred thousand and five"
    assert run not in built.load(numwords.PREBUILT)
    assert numwords._parse_run(run) == ((Decimal(1200005), Decimal(1), False), 7)
