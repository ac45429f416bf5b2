"""Round 10, exact-span dates: quarters and halves with the year first or after, the British dotted
clock with a meridiem, "oclock", and "current" periods without a determiner."""

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims


def _readings(text: str) -> list[tuple[str, str, str | None]]:
    claims = resolve_claims(text, extract_claims(text), dt.date(2013, 2, 12))
    return [(c.kind, text[c.span.start:c.span.end], c["timex"]) for c in claims if c.kind in ("date", "time")]


@pytest.mark.parametrize(("text", "span", "timex"), [
    ("Results for 2019 Q1 were flat.", "2019 Q1", "2019-Q1"),
    ("The filing covers 2018Q4.", "2018Q4", "2018-Q4"),
    ("Guidance for 2019-H2 was cut.", "2019-H2", "2019-H2"),
    ("sales in q3 2019 fell", "q3 2019", "2019-Q3"),
    ("Profit in the fourth quarter 2018 rose.", "the fourth quarter 2018", "2018-Q4"),
    ("Current quarter sales fell.", "Current quarter", "2013-Q1"),
    ("for current year results", "current year", "2013"),
])
def test_periods(text: str, span: str, timex: str) -> None:
    assert ("date", span, timex) in _readings(text)


@pytest.mark.parametrize(("text", "span", "timex"), [
    ("The train leaves at 8.30pm.", "8.30pm", "2013-02-12T20:30"),
    ("Polls close at 9.45 p.m. tonight", "9.45 p.m.", "2013-02-12T21:45"),
    ("the shop opens at 10 oclock", "10 oclock", "2013-02-12T10:00"),
])
def test_clock_forms(text: str, span: str, timex: str) -> None:
    assert any(kind == "time" and s.startswith(span) and t == timex for kind, s, t in _readings(text))


@pytest.mark.parametrize("text", [
    "The index rose 3.30 to 1,204.",   # a decimal, no meridiem
    "It cost $8.30pm",                 # money
    "in the third quarter 2,000 jobs were added",
    "a 2019 H3 form",                  # no third half
])
def test_not_read(text: str) -> None:
    readings = _readings(text)
    assert not any(kind == "time" for kind, _, _ in readings)
    assert not any(s.endswith(("2,000", "H3")) for _, s, _ in readings)
