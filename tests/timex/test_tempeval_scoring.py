"""The benchmark's TempEval-3 rows (benchmarks/extraction_accuracy.py, rule 7): a TIMEX3's value is
scored whatever its type, and its type as an attribute of its own, as TempEval-3's official scorer
does; the rows that score dates and durations apart are unchanged."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import extraction_accuracy as accuracy  # noqa: E402
from peers import Prediction  # noqa: E402

TEXT = "Profit fell in the fourth quarter and over the past two years, a spokesman said Monday."
GOLD = [
    # a gold DURATION holding a date's value, as TimeBank writes some quarters
    {"text": "the fourth quarter", "start": 14, "end": 32, "value": "1989-Q4", "kind": "duration",
     "type": "duration", "seconds": None},
    {"text": "the past two years", "start": 42, "end": 60, "value": "P2Y", "kind": "duration",
     "type": "duration", "seconds": None},
    {"text": "Monday", "start": 81, "end": 87, "value": "1989-10-30", "kind": "date", "type": "date"},
]
CASE = {"id": "t", "suite": "tbaq_test", "kind": "date", "text": TEXT, "expected": GOLD,
        "ref_date": "1989-11-01"}


def scored(predictions: list[Prediction]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    accuracy.score_case(CASE, predictions, {"date", "duration"}, counts)
    return counts


def test_a_value_is_right_whatever_its_type_and_the_type_is_scored_apart():
    counts = scored([
        Prediction("date", 18, 32, timex="1989-Q4", timex_type="DATE"),
        Prediction("duration", 51, 60, timex="P2Y", timex_type="DURATION"),
        Prediction("date", 81, 87, timex="1989-10-23", timex_type="DATE"),  # a week off
        Prediction("duration", 0, 6, timex="P1D", timex_type="DURATION"),  # no gold there
    ])
    assert counts["TIMEX3 relaxed match (TempEval-3)"] == [3, 0, 1]
    assert counts["TIMEX3 value (TempEval-3)"] == [2, 1, 2]  # the quarter and the two years
    assert counts["TIMEX3 type (TempEval-3)"] == [2, 1, 2]  # the quarter is typed DATE, gold DURATION
    # the rows by kind are unchanged: the quarter counts against the duration row, not for it
    assert counts["duration value (TimeML)"] == [1, 1, 1]
    assert counts["date value (TimeML)"] == [0, 1, 2]


def test_each_gold_is_paired_once_preferring_the_overlap_with_its_value():
    counts = scored([
        Prediction("duration", 42, 50, timex="P2M", timex_type="DURATION"),
        Prediction("duration", 51, 60, timex="P2Y", timex_type="DURATION"),
    ])
    assert counts["TIMEX3 relaxed match (TempEval-3)"] == [1, 2, 1]
    assert counts["TIMEX3 value (TempEval-3)"] == [1, 2, 1]


def test_a_tool_without_types_is_typed_by_its_kind():
    counts = scored([Prediction("duration", 42, 60, timex="P2Y")])
    assert counts["TIMEX3 type (TempEval-3)"] == [1, 2, 0]
