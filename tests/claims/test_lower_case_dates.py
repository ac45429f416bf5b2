"""Weekdays and month names in lower case, as wire copy, chat and transcripts write them: read as the
capitalized names, and a lower-case month only with a day or a year beside it ("may" and "march"
alone are verbs)."""

from __future__ import annotations

import pytest

from factcheck.claims import extract_claims


def _dates(text: str) -> list[tuple[str, int | None, int | None, int | None, str | None]]:
    fields = ("year", "month", "day", "weekday")
    return [(text[c.span.start : c.span.end], *(c.fields.get(name) for name in fields))
            for c in extract_claims(text) if c.kind == "date"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reagan will address the nation wednesday.", [("wednesday", None, None, None, "Wednesday")]),
        ("a general strike for next thursday.", [("next thursday", None, None, None, "Thursday")]),
        ("ok see you sunday then", [("sunday", None, None, None, "Sunday")]),
        ("Shares closed higher than last friday.", [("last friday", None, None, None, "Friday")]),
        ("On monday, April 6, it will begin trading.", [("monday, April 6", None, 4, 6, "Monday")]),
    ],
)
def test_lower_case_weekdays(text: str, expected: list) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("effective march 5 it raised its posted prices", [("march 5", None, 3, 5, None)]),
        ("Qtr ends dec 31", [("dec 31", None, 12, 31, None)]),
        ("the notes are due march 20, 1990.", [("march 20, 1990", 1990, 3, 20, None)]),
        ("minutes of the meeting held 14th february 2019", [("14th february 2019", 2019, 2, 14, None)]),
        ("we start on the second of june", [("the second of june", None, 6, 2, None)]),
        ("deliveries resume 12 sept", [("12 sept", None, 9, 12, None)]),
        ("a 3.15 pct rise in february 1986, the office said", [("february 1986", 1986, 2, None, None)]),
        ("the 4 may 2015 hearing", [("4 may 2015", 2015, 5, 4, None)]),
        ("ok so tuesday january 5th works", [("tuesday january 5th", None, 1, 5, "Tuesday")]),
    ],
)
def test_lower_case_months_with_a_day_or_year(text: str, expected: list) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Options 1 and 3 may be combined.",
        "About 20 march on the capital.",
        "They may well march in protest.",
        "Sales rose in may, analysts said.",
    ],
)
def test_lower_case_month_words_that_are_verbs(text: str) -> None:
    assert _dates(text) == []
