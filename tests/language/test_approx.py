"""The approximate comparison: hedges, precision and explicit tolerances."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.model import Claim
from factcheck.language import TypeEnv
from factcheck.spans import Span
from factcheck.values import Duration, Hedge, Percent

from .helpers import dec, duration_claim, run

HOUR = dec(3600)
MINUTE = dec(60)


def hours(h, m=0) -> Duration:
    return Duration(seconds=dec(h) * HOUR + dec(m) * MINUTE)


def months(m, d=0) -> Duration:
    return Duration(months=dec(m), days=dec(d))


NEARLY_TWO_AND_A_HALF = duration_claim(
    "nearly two and a half hours", hours(2, 30), precision=Duration(seconds=30 * MINUTE), hedge=Hedge.AT_MOST
)


def stated(text: str, n: int) -> Claim:
    return duration_claim(text, months(n), precision=months(1))


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        (NEARLY_TWO_AND_A_HALF, hours(2, 20), True),
        (NEARLY_TWO_AND_A_HALF, hours(2, 29), True),
        (NEARLY_TWO_AND_A_HALF, hours(3), False),
        (NEARLY_TWO_AND_A_HALF, hours(1, 30), False),
        (stated("eight months", 8), months(8, 4), True),
        (stated("eight months", 8), months(10), False),
        (stated("nine months", 9), months(8, 26), True),
        (stated("six months", 6), months(8, 26), False),
    ],
)
def test_hedged_duration_claims(claim, actual, expected):
    assert run("c ~ actual", env=_env(), c=claim, actual=actual) is expected
    assert run("c !~ actual", env=_env(), c=claim, actual=actual) is (not expected)
    assert run("actual ~ c", env=_env(), c=claim, actual=actual) is expected  # symmetric


def _env(**extra):
    return TypeEnv({"c": "claim<duration>", "actual": "duration", "n": "number", "k": "claim<number>",
                    **extra})


def number_claim(value, hedge=Hedge.EXACT, precision=None) -> Claim:
    return Claim("number", str(value), Span(0, 3), dec(value), None, hedge, precision)


@pytest.mark.parametrize(
    ("hedge", "inside", "outside"),
    [
        (Hedge.EXACT, [100], [99, 101]),
        (Hedge.APPROX, [90, 100, 110], [89, 111]),
        (Hedge.AT_MOST, [90, 100], [89, 101]),
        (Hedge.AT_LEAST, [100, 10**6], [99]),
        (Hedge.MORE_THAN, [101], [100, 99]),
        (Hedge.LESS_THAN, [99, -5], [100]),
    ],
)
def test_hedges_on_numbers(hedge, inside, outside):
    claim = number_claim(100, hedge)
    for n in inside:
        assert run("k ~ n", env=_env(), k=claim, n=dec(n)) is True, (hedge, n)
    for n in outside:
        assert run("k ~ n", env=_env(), k=claim, n=dec(n)) is False, (hedge, n)


def test_precision_widens_by_half_a_step():
    claim = number_claim(1_200_000, precision=dec(100_000))  # "1.2 million"
    assert run("k ~ 1249999", env=_env(), k=claim) is True
    assert run("k ~ 1250001", env=_env(), k=claim) is False


def test_plain_values_and_explicit_tolerances():
    assert run("100 ~ 100") is True
    assert run("100 ~ 105") is False
    assert run("100 ~ 105 within 5%") is True  # each side widened by 5% of itself
    assert run("100 ~ 111 within 5%") is False
    assert run("100 ~ 103 within 2") is True  # absolute: 100+2 meets 103-2
    assert run("100 ~ 105 within 2") is False


def test_durations_and_dates_with_tolerance():
    assert run("8 months ~ 240 days within 10 days") is True
    assert run("8 months ~ 200 days within 10 days") is False
    assert run("2025-01-20 ~ 2025-01-23 within 2 days") is True
    assert run("2025-01-20 ~ 2025-01-26 within 2 days") is False
    assert run("2025-01-20 ~ 2025-01-20") is True
    assert run("2025-01-20 !~ 2025-01-21") is True


def test_claim_with_explicit_tolerance():
    claim = stated("six months", 6)
    assert run("c ~ actual", env=_env(), c=claim, actual=months(8)) is False
    assert run("c ~ actual within 25%", env=_env(), c=claim, actual=months(8)) is True


def test_percent_and_null_sides():
    assert run("10% ~ 11% within 10%") is True
    assert run("10% ~ 12% within 5%") is False
    env = _env(p="percent", q="percent?")
    assert run("p ~ q", env=env, p=Percent(dec(5)), q=None) is None
    date_claim = Claim("date", "March", Span(0, 5), None)
    assert run("dc ~ 2025-03-01", env=_env(dc="claim<date>"), dc=date_claim) is None
    assert run("dc ~ 2025-03-01", env=_env(dc="claim<date>"),
               dc=Claim("date", "March 1", Span(0, 7), dt.date(2025, 3, 1))) is True
