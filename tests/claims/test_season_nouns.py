""""fall" and "spring" are nouns as often as seasons: a decline, a collapse, a spring of water. Without a
year, "the fall" is the season only where it is placed in time ("in the fall", "by the spring", "the
fall and winter"); "The fall in prices", "the fall of the dollar" and "an early fall in shares" are not."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

DOCUMENT_DATE = dt.date(2025, 10, 16)


def _seasons(text: str) -> list[tuple[str, str | None]]:
    claims = resolve_claims(text, extract_claims(text), DOCUMENT_DATE)
    seasons = ("SP", "SU", "FA", "WI")
    return [(c.text, c["timex"]) for c in claims if c.kind == "date" and c["part"] in seasons]


@pytest.mark.parametrize(
    "text",
    [
        "The fall in prices hit farmers hardest in the north.",
        "It said the fall was largely due to sales of foreign currency.",
        "The fall compares with a decline of 0.2 pct in January.",
        "Exporters said the fall of the dollar was hurting margins.",
        "The spring in the garden dried up during the drought.",
        "Along with the fall in drilling has come a decrease in rig counts.",
        "An early fall in shares unsettled traders in Tokyo.",
        "The last fall in rates came in May, the bank said.",
        "Analysts blamed the fall from grace on one bad season.",
        "It contributed to the fall of the coalition government.",
    ],
)
def test_a_noun_is_no_season(text: str) -> None:
    assert _seasons(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose in the fall, the ministry said.", [("the fall", "2025-FA")]),
        ("During the fall, the index rose 4 pct.", [("the fall", "2025-FA")]),
        ("Feed needs have increased because of the fall and winter.", [("the fall", "2025-FA")]),
        ("A late spring would require longer feeding.", [("late spring", "2026-SP")]),
        ("Sales slowed last fall in Europe.", [("last fall", "2024-FA")]),
        ("The council will vote this fall.", [("this fall", "2025-FA")]),
        ("The fall of 1987 was hard on growers.", [("The fall of 1987", "1987-FA")]),
        ("In the spring of 2024 it rained for weeks.", [("the spring of 2024", "2024-SP")]),
        ("Prices will recover by next spring.", [("next spring", "2026-SP")]),
        ("The summer was the wettest on record.", [("The summer", "2025-SU")]),
    ],
)
def test_a_season_placed_in_time_is_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert _seasons(text) == expected
