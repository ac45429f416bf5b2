"""Unit conversion (``factcheck.claims.units``) and the unit table the quantity extractor reads."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.units import convert, lookup, units


@pytest.mark.parametrize(
    ("amount", "source", "target", "expected"),
    [
        (75, "miles", "km", "120.7008"),
        (30, "°C", "°F", "86"),
        (86, "degrees Fahrenheit", "degree Celsius", "30"),
        (60, "mph", "km/h", "96.56064"),
        (2, "square miles", "km2", "5.179976220672"),
        (1, "kilometre", "metre", "1000"),
        (1, "kWh", "joule", "3600000"),
    ],
)
def test_convert(amount: int, source: str, target: str, expected: str) -> None:
    assert convert(amount, source, target) == Decimal(expected)


def test_convert_refuses_other_dimensions_and_unknown_units() -> None:
    with pytest.raises(ValueError, match="cannot convert"):
        convert(1, "km", "kg")
    with pytest.raises(ValueError, match="unknown unit"):
        convert(1, "furlong", "km")
    with pytest.raises(ValueError, match="no conversion"):
        convert(1, "degrees", "°C")


def test_every_unit_has_a_known_dimension() -> None:
    for unit in units().values():
        assert lookup(unit.name) is unit
        assert unit.dimension in {"length", "mass", "area", "volume", "speed", "temperature", "energy",
                                  "power", "frequency", "information", "absorbed dose", "dose equivalent"}


def test_quantity_claims_convert() -> None:
    (claim,) = extract_claims("The road is 120 kilometres long.").of_kind("quantity")
    assert convert(claim.value, claim.unit, "mile").quantize(Decimal("0.01")) == Decimal("74.56")


def test_every_convertible_unit_agrees_with_pint_itself():
    """The factors are pint's: converting through the kept table equals asking pint directly."""
    from decimal import Decimal

    import pint

    from factcheck.claims import lexicon
    from factcheck.claims.units import _pint_name, convert, units

    registry = pint.UnitRegistry(non_int_type=Decimal)
    table = lexicon.load("units")
    checked = 0
    for name, unit in units().items():
        if unit.factor is None:
            continue
        base = table["bases"][unit.dimension]
        quantity = registry.Quantity(Decimal(7), _pint_name(name, table["units"][name]))
        expected = quantity.to(_pint_name(base, {}))
        assert abs(convert(7, name, base) - Decimal(expected.magnitude)) <= Decimal("1e-9") * (
            1 + abs(Decimal(expected.magnitude))
        ), name
        checked += 1
    assert checked > 60


def test_a_run_does_not_import_pint_the_factors_are_generated_with_the_package():
    import subprocess
    import sys

    code = "import sys, factcheck.claims.units as u; u.units(); print('pint' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "False"
