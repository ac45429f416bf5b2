"""The function registry: every function the rule language offers, declared once, here.

Each function has a written signature (``round(n: number, digits: number = 0) -> number``) that the
type checker uses and the reference documentation lists, and a docstring describing it. Unless a
function is declared ``null_safe``, a null argument makes its result null without calling it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from factcheck.language import types as T
from factcheck.startup import regexcache
from factcheck.values import Duration, Money, Percent

ReturnSpec = T.Type | Callable[[list[T.Type], T.ClaimTypes], T.Type]  # argument types, the kinds


@dataclass(frozen=True)
class Param:
    name: str
    types: tuple[T.Type, ...]  # accepted types (a union); ``any`` accepts everything
    optional: bool = False
    default: Any = None


@dataclass(frozen=True)
class Function:
    name: str
    signature: str
    params: tuple[Param, ...]
    returns: ReturnSpec
    impl: Callable[..., Any]
    doc: str
    needs_ctx: bool = False
    null_safe: bool = False

    @property
    def min_args(self) -> int:
        return sum(1 for p in self.params if not p.optional)

    def return_type(self, args: list[T.Type], claims: T.ClaimTypes) -> T.Type:
        return self.returns(args, claims) if callable(self.returns) else self.returns


FUNCTIONS: dict[str, Function] = {}
RESERVED = {"all", "any", "count", "sum", "min", "max"}  # aggregates, handled by the checker

_SIGNATURE = regexcache.compile(r"(\w+)\((.*)\)\s*->\s*(.+)")
_PARAM = regexcache.compile(r"(\w+)\s*:\s*([^=]+?)\s*(?:=\s*(.+))?$")


def _register(signature: str, *, returns: ReturnSpec | None = None, needs_ctx: bool = False,
              null_safe: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    match = _SIGNATURE.fullmatch(signature)
    if match is None:
        raise ValueError(f"bad signature {signature!r}")
    name, params_text, return_text = match.groups()
    params = []
    for part in filter(None, (p.strip() for p in params_text.split(","))):
        pm = _PARAM.fullmatch(part)
        if pm is None:
            raise ValueError(f"bad parameter {part!r} in {signature!r}")
        types = tuple(T.parse_type(t.strip()) for t in pm.group(2).split("|"))
        default = pm.group(3)
        params.append(Param(pm.group(1), types, default is not None,
                            Decimal(default) if default and default[0].isdigit() else default))

    def decorate(impl: Callable[..., Any]) -> Callable[..., Any]:
        if name in FUNCTIONS or name in RESERVED:
            raise RuntimeError(f"function {name!r} declared twice")
        FUNCTIONS[name] = Function(
            name, signature, tuple(params),
            returns if returns is not None else T.parse_type(return_text.strip()),
            impl, (impl.__doc__ or "").strip(), needs_ctx, null_safe,
        )
        return impl

    return decorate


def _same_as_first(args: list[T.Type], claims: T.ClaimTypes) -> T.Type:
    return claims.value_view(args[0]).non_null()


# -- numbers and strings ---------------------------------------------------------------------------
@_register("len(x: list<any> | string) -> number")
def _len(x: Any) -> Decimal:
    """Number of items in a list or characters in a string."""
    return Decimal(len(x))


@_register("abs(x: number | duration | percent | money) -> same", returns=_same_as_first)
def _abs(x: Any) -> Any:
    """Absolute value."""
    if isinstance(x, Duration):
        return -x if x.total_seconds() < 0 else x
    if isinstance(x, Percent):
        return Percent(abs(x.value))
    if isinstance(x, Money):
        return Money(abs(x.amount), x.currency)
    return abs(x)


def _integer(n: Decimal, what: str) -> int:
    if n != n.to_integral_value():
        raise ValueError(f"{what} must be a whole number, not {n}")
    return int(n)


@_register("round(n: number, digits: number = 0) -> number")
def _round(n: Decimal, digits: Decimal = Decimal(0)) -> Decimal:
    """``n`` rounded half away from zero to ``digits`` decimal places: ``round(2.5)`` is 3."""
    return n.quantize(Decimal(1).scaleb(-_integer(digits, "digits")), rounding=ROUND_HALF_UP)


@_register("floor(n: number) -> number")
def _floor(n: Decimal) -> Decimal:
    """The largest whole number not above ``n``."""
    return Decimal(math.floor(n))


@_register("ceil(n: number) -> number")
def _ceil(n: Decimal) -> Decimal:
    """The smallest whole number not below ``n``."""
    return Decimal(math.ceil(n))


@_register("lower(s: string) -> string")
def _lower(s: str) -> str:
    """``s`` in lower case."""
    return s.lower()


@_register("upper(s: string) -> string")
def _upper(s: str) -> str:
    """``s`` in upper case."""
    return s.upper()


@_register("contains(s: string, part: string) -> bool")
def _contains(s: str, part: str) -> bool:
    """Whether ``part`` occurs in ``s``, ignoring case."""
    return part.casefold() in s.casefold()


@_register("starts_with(s: string, prefix: string) -> bool")
def _starts_with(s: str, prefix: str) -> bool:
    """Whether ``s`` starts with ``prefix``, ignoring case."""
    return s.casefold().startswith(prefix.casefold())


@_register("ends_with(s: string, suffix: string) -> bool")
def _ends_with(s: str, suffix: str) -> bool:
    """Whether ``s`` ends with ``suffix``, ignoring case."""
    return s.casefold().endswith(suffix.casefold())


def _coalesce_type(args: list[T.Type], claims: T.ClaimTypes) -> T.Type:
    return T.unify(args[0].non_null(), args[1]) or T.ANY


@_register("coalesce(x: any, fallback: any) -> same", returns=_coalesce_type, null_safe=True)
def _coalesce(x: Any, fallback: Any) -> Any:
    """``x`` unless it is null, else ``fallback``."""
    return fallback if x is None else x


# -- durations and dates ---------------------------------------------------------------------------
def _unit(word: str) -> str:
    from factcheck.language.parser import duration_unit

    return duration_unit(word)


@_register("in_unit(d: duration, unit: string) -> number")
def _in_unit(d: Duration, unit: str) -> Decimal:
    """``d`` measured in ``unit`` (``"months"``, ``"days"``, ...); months of different shapes are
    folded at the mean Gregorian month (30.436875 days)."""
    return d.in_unit(_unit(unit))


def _measure(unit: str) -> None:
    def impl(d: Duration) -> Decimal:
        return d.in_unit(unit)

    impl.__doc__ = f"``d`` in {unit}s (same as ``in_unit(d, \"{unit}s\")``)."
    _register(f"{unit}s(d: duration) -> number")(impl)


for _name in ("year", "month", "week", "day", "hour", "minute"):
    _measure(_name)


@_register("year(d: date) -> number")
def _year(d: dt.date) -> Decimal:
    """The year of a date."""
    return Decimal(d.year)


@_register("month(d: date) -> number")
def _month(d: dt.date) -> Decimal:
    """The month of a date, 1 to 12."""
    return Decimal(d.month)


@_register("day(d: date) -> number")
def _day(d: dt.date) -> Decimal:
    """The day of the month of a date, 1 to 31."""
    return Decimal(d.day)


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@_register("weekday(d: date) -> string")
def _weekday(d: dt.date) -> str:
    """The English name of the day of the week: ``"Monday"`` ... ``"Sunday"``."""
    return WEEKDAYS[d.weekday()]


@_register("date(year: number, month: number, day: number) -> date")
def _date(year: Decimal, month: Decimal, day: Decimal) -> dt.date:
    """The calendar date; an impossible date (``date(2025, 2, 30)``) is an evaluation error."""
    return dt.date(_integer(year, "year"), _integer(month, "month"), _integer(day, "day"))


@_register("duration(n: number, unit: string) -> duration")
def _duration(n: Decimal, unit: str) -> Duration:
    """A duration of ``n`` units: ``duration(8, "months")`` equals ``8 months``."""
    return Duration.of(n, _unit(unit))


# -- claims ----------------------------------------------------------------------------------------
@_register("value(c: claim<any>) -> value", returns=lambda a, claims: claims.value_type(str(a[0].arg)))
def _value(c: Any) -> Any:
    """The normalized value of a claim (also what a claim stands for where a value is expected)."""
    from factcheck.language.runtime import to_number

    return to_number(c.value)


@_register("hedge(c: claim<any>) -> string")
def _hedge(c: Any) -> str:
    """The claim's hedge: ``exact``, ``approx``, ``at_most``, ``at_least``, ``less_than`` or
    ``more_than``."""
    return c.hedge.value


# -- reference facts -------------------------------------------------------------------------------
@_register("period(name: string) -> period?", needs_ctx=True)
def _period(ctx: Any, name: str) -> Any:
    """The named period from the reference facts (by name or alias, ignoring case), or null."""
    return ctx.facts.period(name)


@_register("timeline(c: claim<event_count>) -> timeline?", needs_ctx=True)
def _timeline(ctx: Any, c: Any) -> Any:
    """The timeline of the counted events: among the timelines named by the claim's event ``class``
    ("call", "meeting"; else its ``event`` noun, unless a mode such as "face-to-face" changed the
    class), the one whose participants are all mentioned in the document; null when none or several
    fit."""
    nouns = [c.fields.get("class"), None if c.fields.get("mode") else c.fields.get("event")]
    mentioned = ctx.mentioned_entities
    for noun in filter(None, nouns):
        fitting = [t for t in ctx.facts.timelines_for(noun) if all(p in mentioned for p in t.participants)]
        if fitting:
            return fitting[0] if len(fitting) == 1 else None
    return None


def function_reference() -> str:
    """A Markdown table of every function, for ``docs/rule-language.md``."""
    rows = ["| function | description |", "| --- | --- |"]
    for function in sorted(FUNCTIONS.values(), key=lambda f: f.name):
        doc = " ".join(function.doc.split()).replace("``", "`").replace("|", "\\|")
        signature = function.signature.replace("|", "\\|")
        rows.append(f"| `{signature}` | {doc} |")
    return "\n".join(rows)




from factcheck.language import (  # noqa: E402, F401  (registers the date, fact and number functions)
    datefunctions,
    factfunctions,
    indexfunctions,
    numberfunctions,
)
