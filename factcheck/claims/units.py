"""Units of measure: the names a quantity is written with, and conversion between units.

The units are declared data (``lexicon/units.yaml``): each unit's dimension and written names. What a
unit is worth comes from the ``pint`` units library: each unit's factor (and offset, for temperatures)
to its dimension's base unit is asked of pint, in exact decimals, when the package is built
(:data:`PREBUILT`), because importing pint and building its registry costs more than a whole cold
``factcheck run``; pint is needed at run time only if ``units.yaml`` changed after the build.
Conversions are then exact decimal arithmetic on pint's figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal
from functools import cache

from factcheck.claims import lexicon
from factcheck.startup import built


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measure: its dimension and how it converts to the dimension's base unit."""

    name: str  # canonical, singular: "kilometre", "degree Celsius"
    dimension: str  # "length", "mass", "area", "volume", "speed", "temperature", "energy", "power", ...
    factor: Decimal | None  # base units per unit; None when not convertible (bare "degrees")
    offset: Decimal = Decimal(0)


@cache
def units() -> dict[str, Unit]:
    """Every unit by its canonical name, with pint's factor and offset to its dimension's base."""
    table = lexicon.load("units")
    values = None
    data = built.load(PREBUILT)
    if data is not None:
        try:
            values = _decode(data, table)
        except (TypeError, ValueError, ArithmeticError):
            values = None
    if values is None:  # not generated with the package, or units.yaml changed since
        values = _from_pint(table)
    return {
        name: Unit(name, spec["dimension"], *values[name]) for name, spec in table["units"].items()
    }


def _encode(values: dict[str, tuple[Decimal | None, Decimal]]) -> dict[str, list[str | None]]:
    return {name: [None if factor is None else str(factor), str(offset)]
            for name, (factor, offset) in values.items()}


def _decode(data: dict[str, list[str | None]], table: dict) -> dict[str, tuple[Decimal | None, Decimal]]:
    """Generated factors read back; raises unless every unit has a decimal factor (or none) and offset."""
    if set(data) != set(table["units"]):
        raise ValueError("the generated units are not the declared ones")
    return {name: (None if factor is None else Decimal(factor), Decimal(str(offset)))
            for name, (factor, offset) in data.items()}


def _pint_name(name: str, spec: dict[str, object]) -> str | None:
    """How pint names a unit: ``pint:`` if given, else the canonical name in pint's syntax."""
    if "pint" in spec:
        return spec["pint"]  # type: ignore[return-value]
    for word, power in (("square ", "**2"), ("cubic ", "**3")):
        if name.startswith(word):
            return name.removeprefix(word).replace(" ", "_") + power
    return "/".join(part.replace(" ", "_") for part in name.split(" per "))


def _from_pint(table: dict) -> dict[str, tuple[Decimal | None, Decimal]]:
    """(factor, offset) of every unit, with base = (amount + offset) * factor, as pint computes them."""
    try:
        import pint
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "factcheck's unit factors were not generated when it was built (or lexicon/units.yaml "
            "changed since) and pint, which computes them, is not installed: reinstall factcheck, or "
            "pip install pint", name="pint") from None

    registry = pint.UnitRegistry(non_int_type=Decimal)
    values: dict[str, tuple[Decimal | None, Decimal]] = {}
    for name, spec in table["units"].items():
        unit = _pint_name(name, spec)
        if unit is None:
            values[name] = (None, Decimal(0))
            continue
        base = _pint_name(table["bases"][spec["dimension"]], {})

        def to_base(amount: Decimal, unit: str = unit, base: str | None = base) -> Decimal:
            return Decimal(registry.Quantity(amount, unit).to(base).magnitude)

        at_zero, factor = to_base(Decimal(0)), to_base(Decimal(1)) - to_base(Decimal(0))
        values[name] = (factor, at_zero / factor)
    return values


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


def convert(amount: Decimal | int | str, from_unit: str, to_unit: str, *,
            difference: bool = False) -> Decimal:
    """``amount`` stated in ``from_unit`` expressed in ``to_unit``: ``convert(75, "mile", "km")``.
    A ``difference`` (a temperature change, pint's delta units) converts by the factor alone: a rise of
    2 °F is a rise of 1.1 °C, not -16.7 °C.

    Raises ValueError for unknown units, units of different dimensions, or a unit without a factor."""
    source, target = lookup(from_unit), lookup(to_unit)
    if source.dimension != target.dimension:
        raise ValueError(f"cannot convert {source.name} ({source.dimension}) "
                         f"to {target.name} ({target.dimension})")
    if source.factor is None or target.factor is None:
        raise ValueError(f"no conversion declared between {source.name!r} and {target.name!r}")
    if difference:
        result = _ROUND.plus(Decimal(amount) * source.factor / target.factor)
    else:
        base = (Decimal(amount) + source.offset) * source.factor
        result = _ROUND.plus(base / target.factor - target.offset)
    return result.quantize(Decimal(1)) if result == result.to_integral_value() else result.normalize()


# Factors like 5/9 are repeating decimals: round results to 15 significant digits (past any stated
# precision) so that converting 30 °C gives 86 °F, not 85.999999999999999996.
_ROUND = Context(prec=15)


# pint's factors for every unit of lexicon/units.yaml, generated by the build hook, so that pint is
# needed only when the package is built (factcheck.startup.built).
PREBUILT = built.Artefact("units", lambda: [lexicon.path("units")],
                          lambda: _encode(_from_pint(lexicon.load("units"))))
