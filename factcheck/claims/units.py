"""Units of measure: the names a quantity is written with, and conversion between units.

The table is declared data (``lexicon/units.yaml``): each unit's dimension and its factor to the
dimension's base unit (and an offset for temperatures). A declared table rather than ``pint``: pint's
import plus registry build costs far more than a whole cold ``factcheck run`` (see docs/extraction.md),
and the extractor needs its own list of written names anyway. Conversions are exact decimal arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal
from functools import cache

from factcheck.claims import lexicon


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # canonical, singular: "kilometre", "degree Celsius"
    dimension: str  # "length", "mass", "area", "volume", "speed", "temperature", "energy", "power", ...
    factor: Decimal | None  # base units per unit; None when not convertible (bare "degrees")
    offset: Decimal = Decimal(0)


def _decimal(value: object) -> Decimal:
    """``1000/3600`` or ``0.3048`` as a Decimal."""
    text = str(value)
    if "/" in text:
        numerator, denominator = text.split("/")
        return Decimal(numerator) / Decimal(denominator)
    return Decimal(text)


@cache
def units() -> dict[str, Unit]:
    """Every unit by its canonical name."""
    table = lexicon.load("units")["units"]
    return {
        name: Unit(name, spec["dimension"], _decimal(spec["factor"]) if "factor" in spec else None,
                   _decimal(spec.get("offset", 0)))
        for name, spec in table.items()
    }


@cache
def written_names() -> dict[str, str]:
    """Each written name ("km", "miles", "°C") mapped to its unit's canonical name."""
    table = lexicon.load("units")["units"]
    return {written: name for name, spec in table.items() for written in [name, *spec["names"]]}


def lookup(name: str) -> Unit:
    """The unit called ``name`` (canonical or written); ValueError when unknown."""
    canonical = written_names().get(name) or written_names().get(name.lower())
    if canonical is None:
        raise ValueError(f"unknown unit {name!r}")
    return units()[canonical]


def convert(amount: Decimal | int | str, from_unit: str, to_unit: str) -> Decimal:
    """``amount`` stated in ``from_unit`` expressed in ``to_unit``: ``convert(75, "mile", "km")``.

    Raises ValueError for unknown units, units of different dimensions, or a unit without a factor."""
    source, target = lookup(from_unit), lookup(to_unit)
    if source.dimension != target.dimension:
        raise ValueError(f"cannot convert {source.name} ({source.dimension}) "
                         f"to {target.name} ({target.dimension})")
    if source.factor is None or target.factor is None:
        raise ValueError(f"no conversion declared between {source.name!r} and {target.name!r}")
    base = (Decimal(amount) + source.offset) * source.factor
    result = _ROUND.plus(base / target.factor - target.offset)
    return result.quantize(Decimal(1)) if result == result.to_integral_value() else result.normalize()


# Factors like 1000/3600 are repeating decimals: round results to 20 significant digits so that
# converting 30 °C gives 86 °F, not 86.0000000000000000000000001.
_ROUND = Context(prec=20)
