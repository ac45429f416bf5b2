"""Every example the extraction issue quotes is extracted, with its span and value.

The corpora beside each extractor hold many more cases; this file keeps the promised examples in one
place so a regression in any of them is named plainly.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from factcheck.claims import extract_claims
from factcheck.values import Duration, Hedge, Money, Percent, TimeOfDay

H = Duration.of
ATOMIC = [
    ("1,000 people", "number", "1,000", Decimal(1000)),
    ("a rise of 4.5 points", "number", "4.5", Decimal("4.5")),
    ("1.2 million people", "number", "1.2 million", Decimal(1200000)),
    ("twelve people", "number", "twelve", Decimal(12)),
    ("two-and-a-half people", "number", "two-and-a-half", Decimal("2.5")),
    ("a dozen eggs", "number", "a dozen", Decimal(12)),
    ("half of them", "number", "half", Decimal("0.5")),
    ("temperatures of -3 overnight", "number", "-3", Decimal(-3)),
    ("their eighth call", "ordinal", "eighth", Decimal(8)),
    ("the 8th call", "ordinal", "8th", Decimal(8)),
    ("the twenty-first century", "ordinal", "twenty-first", Decimal(21)),
    ("for the fourth time", "ordinal", "fourth", Decimal(4)),
    ("up 10%", "percent", "10%", Percent(Decimal(10))),
    ("up 10 percent", "percent", "10 percent", Percent(Decimal(10))),
    ("up ten per cent", "percent", "ten per cent", Percent(Decimal(10))),
    ("revenue of $4.5bn", "money", "$4.5bn", Money(Decimal(4500000000), "USD")),
    ("$1.2 billion", "money", "$1.2 billion", Money(Decimal(1200000000), "USD")),
    ("€300m", "money", "€300m", Money(Decimal(300000000), "EUR")),
    ("£5", "money", "£5", Money(Decimal(5), "GBP")),
    ("US$10", "money", "US$10", Money(Decimal(10), "USD")),
    ("10 billion rubles", "money", "10 billion rubles", Money(Decimal(10000000000), "RUB")),
    ("120 kilometres", "quantity", "120 kilometres", Decimal(120)),
    ("eight months", "duration", "eight months", H(8, "month")),
    ("a 90-minute call", "duration", "90-minute", H(90, "minute")),
    ("two-and-a-half-hour talks", "duration", "two-and-a-half-hour", H("2.5", "hour")),
    ("a decade", "duration", "a decade", H(10, "year")),
    ("11 days", "duration", "11 days", H(11, "day")),
    ("on Oct. 16, 2025,", "date", "Oct. 16, 2025", dt.date(2025, 10, 16)),
    ("on 16 October 2025", "date", "16 October 2025", dt.date(2025, 10, 16)),
    ("on 2025-10-16", "date", "2025-10-16", dt.date(2025, 10, 16)),
    ("Wednesday, March 12, 2026", "date", "Wednesday, March 12, 2026", dt.date(2026, 3, 12)),
    ("at 9 a.m.", "time", "9 a.m.", TimeOfDay(9, 0)),
    ("at 11:30 a.m.", "time", "11:30 a.m.", TimeOfDay(11, 30)),
    ("Maria Santos, 52, said", "age", "52", Decimal(52)),
    ("the 79-year-old president", "age", "79-year-old", Decimal(79)),
]
PRESENT = [  # value depends on context (partial or relative dates), so only kind and span
    ("on March 12 officials", "date", "March 12"),
    ("in 1998 the", "date", "1998"),
    ("yesterday", "date", "yesterday"),
    ("last Thursday", "date", "last Thursday"),
    ("three years ago", "date", "three years ago"),
    ("next month", "date", "next month"),
    ("3 percentage points", "percent", "3 percentage points"),
    ("between 10 and 15 people", "range", "between 10 and 15"),
    ("10 to 15 people", "range", "10 to 15"),
    ("from May 4 to May 8", "range", "from May 4 to May 8"),
    ("from 9 a.m. to 11:30 a.m.", "range", "from 9 a.m. to 11:30 a.m."),
    ("Russian President Vladimir Putin said", "person", "Russian President Vladimir Putin"),
    ("U.S. President Donald Trump said", "person", "U.S. President Donald Trump"),
    ("in Budapest, Hungary.", "place", "Budapest, Hungary"),
]
HEDGES = [
    ("about 40 people", "40", Hedge.APPROX),
    ("nearly two-and-a-half-hour talks", "two-and-a-half-hour", Hedge.AT_MOST),
    ("more than 300 people", "300", Hedge.MORE_THAN),
    ("at least 12 people", "12", Hedge.AT_LEAST),
    ("fewer than 20 people", "20", Hedge.LESS_THAN),
    ("hundreds of protesters", "hundreds", Hedge.AT_LEAST),
]
COMPOSITES = [
    ("event_count", "the seventh phone call between the two presidents in three months"),
    ("event_count", "their five calls over the past three months"),
    ("event_count", "meeting for the fourth time this year"),
    ("change", "rose from 40,000 to 50,000, a 25% increase"),
    ("change", "rose 10% to $5.5 billion from $5 billion"),
    ("change", "sales fell by a third"),
    ("part_of_whole", "45, or 30 percent, voted"),
    ("whole_parts", "Of the 120 delegates present, 70 voted yes and 50 voted no."),
    ("shares", "48% backed the plan, 41% opposed it and 11% were undecided."),
    ("breakdown", "It totals $1.2 billion: $600 million for roads, $400 million for schools and "
     "$200 million for parks."),
    ("enumeration", "four countries, France, Germany and Italy, signed"),
    ("conversion", "120 kilometres (75 miles)"),
    ("duration_span", "The festival lasted five days, opening on May 4 and closing on May 8."),
    ("duration_span", "The hearing ran from 9 a.m. to 11:30 a.m., lasting two and a half hours."),
    ("years_from", "in 2005, ten years after 1995"),
    ("age_birth", "Smith, 52, born in 1973, said"),
]


def _of(text: str, kind: str):
    return [c for c in extract_claims(text) if c.kind == kind]


@pytest.mark.parametrize("text,kind,span,value", ATOMIC, ids=[c[0] for c in ATOMIC])
def test_atomic_example(text, kind, span, value):
    (claim,) = [c for c in _of(text, kind) if c.text == span]
    assert text[claim.span.start : claim.span.end] == span
    assert claim.value == value


@pytest.mark.parametrize("text,kind,span", PRESENT, ids=[c[0] for c in PRESENT])
def test_example_is_found(text, kind, span):
    assert span in [c.text for c in _of(text, kind)]


@pytest.mark.parametrize("text,span,hedge", HEDGES, ids=[c[0] for c in HEDGES])
def test_hedges(text, span, hedge):
    (claim,) = [c for c in extract_claims(text) if c.text == span]
    assert claim.hedge is hedge


@pytest.mark.parametrize("kind,text", COMPOSITES, ids=[c[1][:40] for c in COMPOSITES])
def test_composite_example(kind, text):
    assert _of(text, kind), f"no {kind} claim in {text!r}"


def test_stated_precision_is_kept():
    (rounded,) = _of("1.2 million people", "number")
    (exact,) = _of("1,213,000 people", "number")
    assert rounded.precision == Decimal(100000) and exact.precision == Decimal(1)
