"""Claim values as JSON (DESIGN §7)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from factcheck.claims.model import Claim
from factcheck.findings import Severity
from factcheck.reporters.jsonvalues import number, to_json
from factcheck.spans import Span
from factcheck.values import Duration, Hedge, Money, PartialDate, Percent, TimeOfDay


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal(8), 8),
        (Decimal("8.000"), 8),
        (Decimal("1.2E+6"), 1200000),
        (Decimal("2.50"), 2.5),
        (Decimal("0.1"), 0.1),
        (Decimal("-3.75"), -3.75),
        (Decimal("3.14159265358979323846"), "3.14159265358979323846"),
        (Decimal(10**23), "100000000000000000000000"),
        (Decimal(2**53), 2**53),
        (Decimal(2**53 + 1), "9007199254740993"),
        (Decimal("NaN"), "NaN"),
    ],
)
def test_numbers(value: Decimal, expected: object) -> None:
    result = number(value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 10, 16), "2025-10-16"),
        (dt.datetime(2025, 10, 16, 9, 5), "2025-10-16T09:05:00"),
        (dt.time(14, 30), "14:30"),
        (PartialDate(2025, 10), "2025-10"),
        (PartialDate(None, 10, 16), "--10-16"),
        (TimeOfDay(9, 5), "09:05"),
        (Duration(months=Decimal(8)), "P8M"),
        (Duration(seconds=Decimal(9000)), "PT2H30M"),
        (Money(Decimal("1.50"), "USD"), {"amount": 1.5, "currency": "USD"}),
        (Percent(Decimal(25)), 25),
        (Hedge.APPROX, "approx"),
        (Severity.ERROR, "error"),
        (Claim("duration", "eight months", Span(3, 15)), "eight months"),
        (Span(3, 15), {"start": 3, "end": 15}),
        (True, True),
        (None, None),
        (7, 7),
        (float("inf"), "inf"),
    ],
)
def test_values(value: object, expected: object) -> None:
    assert to_json(value) == expected


def test_containers_are_converted_recursively() -> None:
    data = {"values": [Decimal("1.5"), (Duration(days=Decimal(3)),)], 2: {Decimal(1)}}
    assert to_json(data) == {"values": [1.5, ["P3D"]], "2": [1]}
    json.dumps(to_json(data), allow_nan=False)
