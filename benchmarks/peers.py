"""Adapters that run factcheck and the peer extractors on one text and return predictions in one shape.

A peer is used only if it imports in the running interpreter; factcheck depends on none of them and
nothing here installs anything. To measure the peers, install them into a separate virtualenv and run
the benchmark scripts with that interpreter (factcheck itself is found through PYTHONPATH)::

    python3.11 -m venv /tmp/peers-venv
    /tmp/peers-venv/bin/pip install recognizers-text-suite emoji==1.7.0 quantulum3 dateparser \\
        number-parser text2num -e .  # factcheck's own dependencies too (lemminflect, dateutil, ...)
    PYTHONPATH=. /tmp/peers-venv/bin/python benchmarks/extraction_accuracy.py

Every adapter maps its tool's output to the benchmark kinds (number, ordinal, percent, money, quantity,
duration, date) with a half-open span and a comparable value (Decimal for numbers and amounts, seconds for
durations, None where the tool gives no value or the kind is scored on spans only).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

# Durations in seconds by the suites' convention (RT and Duckling): month 30 d, year 365 d.
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
                 "fortnight": 1209600, "month": 2592000, "quarter": 7776000, "year": 31536000,
                 "decade": 315360000, "century": 3153600000}


@dataclass(frozen=True, slots=True)
class Prediction:
    kind: str
    start: int | None
    end: int | None
    value: Any = None  # a Decimal, or an interval {"from": Decimal, "to": Decimal} (one side may be missing)
    unit: str | None = None  # as the tool names it ("kilogram", "USD", "Cent"); scoring may convert by it
    timex: str | None = None  # a date's or duration's TIMEX3 value resolved against the reference date
    timex_type: str | None = None  # its TIMEX3 type (DATE, TIME, DURATION, SET) where the tool gives one
    range_end: bool = False  # an end of a range the tool also states as an interval


def decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


# --- factcheck -----------------------------------------------------------------------------------------

# The suites type ages as quantities, times as dates, and "several years" as a duration.
_FACTCHECK_KINDS = {"age": "quantity", "time": "date", "vague_duration": "duration"}


def duration_seconds(months: Decimal, days: Decimal, seconds: Decimal, unit: str | None = None) -> Decimal:
    """Seconds by the suites' convention. A duration stated in one unit counts that many units, as for
    quantulum3's number and unit ("3.5 years" = 3.5 × 365 d, "half a year" = 182.5 d, as RT counts it);
    a compound folds whole years at 365 d and the other months at 30 d ("2 years and 3 months" = 810 d
    in Duckling, stated in months)."""
    from factcheck.values import DURATION_UNITS

    parts = {"months": months, "days": days, "seconds": seconds}
    if unit in _UNIT_SECONDS and unit in DURATION_UNITS:
        field, factor = DURATION_UNITS[unit]
        if not any(amount for name, amount in parts.items() if name != field):
            return parts[field] / factor * _UNIT_SECONDS[unit]
    years, rest = divmod(months, 12) if months % 12 == 0 else (Decimal(0), months)
    return years * 31536000 + rest * 2592000 + days * 86400 + seconds


def _factcheck_value(claim: Any) -> Any:
    value = claim.value
    if claim.kind == "percent":
        return value.value
    if claim.kind == "money":
        return value.amount
    if claim.kind == "duration":
        return duration_seconds(value.months, value.days, value.seconds, claim.unit)
    if claim.kind in ("date", "time"):
        return None
    return value if isinstance(value, Decimal) else None


# A bound is a value with a hedge on one side ("under 7 euros" is 7 EUR, hedge less_than): as an
# interval, the side it leaves open.
_BOUND_SIDES = {"less_than": "to", "at_most": "to", "more_than": "from", "at_least": "from"}


def _bounded(claim: Any, value: Any) -> Any:
    """A hedged claim's value as the one-sided interval its hedge states, else the value itself."""
    side = _BOUND_SIDES.get(str(claim.hedge))
    return {side: value} if side and value is not None and not isinstance(value, dict) else value


def factcheck(text: str, ref_date: str | None = None) -> list[Prediction]:
    """factcheck's atomic claims, each ``range`` claim as an interval over its ends' kind (its ends
    are marked ``range_end``: the scorer reads either the range or its ends, one reading of the
    stretch of text), and each claim hedged as a bound ("under 7 euros") as the one-sided interval
    its hedge states."""
    from factcheck.claims import extract_claims
    from factcheck.timex import resolve_claims

    reference = dt.date.fromisoformat(ref_date[:10]) if ref_date else None
    claims = resolve_claims(text, extract_claims(text), reference)
    ends = {(end.kind, end.span.start, end.span.end) for c in claims
            if c.kind == "range" and c.fields.get("of") not in ("date", "time")
            for end in (c.fields["low"], c.fields["high"])}
    found = []
    for claim in claims:
        kind = _FACTCHECK_KINDS.get(claim.kind, claim.kind)
        if claim.kind == "range":
            kind = _FACTCHECK_KINDS.get(claim.fields["of"], claim.fields["of"])
            value: Any = {"from": _factcheck_value(claim.fields["low"]),
                          "to": _factcheck_value(claim.fields["high"])}
        elif claim.kind == "vague_duration":  # "several years": a span and a TIMEX3 value, no amount
            found.append(Prediction(kind, claim.span.start, claim.span.end, None, timex=claim["timex"],
                                    timex_type=claim["timex_type"]))
            continue
        elif kind in _ATOMIC:
            value = _factcheck_value(claim)
        else:
            continue
        if kind not in _ATOMIC:
            continue
        if kind == "date" and claim.kind == "range":  # "from 9 a.m. to 5 p.m.": one interval, as for numbers
            found.append(Prediction(kind, claim.span.start, claim.span.end, {"from": None, "to": None}))
            continue
        timex = claim["timex"] if kind in ("date", "duration") else None
        timex_type = claim["timex_type"] if kind in ("date", "duration") else None
        if claim.kind == "date" and claim.fields.get("with_time"):
            continue  # "10 p.m. Wednesday" is one TIMEX3, the time's
        if kind == "date":
            found.append(Prediction(kind, claim.span.start, claim.span.end, None, timex=timex,
                                    timex_type=timex_type))
            continue
        if kind in _BOUNDED_KINDS:
            value = _bounded(claim, value)
        found.append(Prediction(kind, claim.span.start, claim.span.end, value, claim.unit, timex, timex_type,
                                (claim.kind, claim.span.start, claim.span.end) in ends))
    return found


_BOUNDED_KINDS = {"number", "percent", "money", "quantity"}


_ATOMIC = {"number", "ordinal", "percent", "money", "quantity", "duration", "date"}


# --- Microsoft Recognizers-Text ------------------------------------------------------------------------

_RT_KINDS = {"number": "number", "ordinal": "ordinal", "percentage": "percent", "currency": "money",
             "dimension": "quantity", "temperature": "quantity", "age": "quantity"}


def _rt_value(kind: str, result: Any) -> Any:
    resolution = result.resolution or {}
    if kind == "duration":
        values = resolution.get("values") or [{}]
        return decimal(values[0].get("value"))
    if kind == "date":
        return None
    raw = resolution.get("value")
    if isinstance(raw, str):
        raw = raw.rstrip("%")
    return decimal(raw)


def _rt_timex(result: Any) -> str | None:
    """RT's TIMEX: as it writes it when complete; when the year or a day is left open ("XXXX-04-07",
    "XXXX-WXX-5"), its first resolution against the reference date (the past reading), cut to the
    TIMEX's grain; a range's TIMEX (``(2013-03-01,2013-03-08,P7D)``) as written."""
    values = (result.resolution or {}).get("values") or [{}]
    timex = values[0].get("timex")
    if not timex or "X" not in timex or timex.startswith("P"):
        return timex
    resolved = values[0].get("value") or values[0].get("start")
    if not resolved:
        return timex
    resolved = resolved.replace(" ", "T")
    if "T" in timex:
        return resolved[:16]
    return resolved[:10] if "W" in timex else resolved[:len(timex)]


def recognizers(text: str, ref_date: str | None = None) -> list[Prediction]:
    import recognizers_suite as rs

    culture = rs.Culture.English
    results = []
    for function in (rs.recognize_number, rs.recognize_ordinal, rs.recognize_percentage,
                     rs.recognize_currency, rs.recognize_dimension, rs.recognize_temperature,
                     rs.recognize_age):
        results += function(text, culture)
    reference = dt.datetime.fromisoformat(ref_date) if ref_date else None
    results += rs.recognize_datetime(text, culture, reference=reference)
    found = []
    for result in results:
        type_name = result.type_name
        if type_name.startswith("datetimeV2."):
            kind = "duration" if type_name == "datetimeV2.duration" else "date"
        else:
            kind = _RT_KINDS.get(type_name.split(".")[0])
        if kind is not None:
            unit = (result.resolution or {}).get("unit")
            timex = _rt_timex(result) if kind in ("date", "duration") else None
            found.append(Prediction(kind, result.start, result.end + 1, _rt_value(kind, result), unit, timex))
    return found


# --- quantulum3 ----------------------------------------------------------------------------------------


def _q3_kind(quantity: Any) -> str:
    entity, unit = quantity.unit.entity.name, quantity.unit.name
    if entity == "currency":
        return "money"
    if unit == "percentage":
        return "percent"
    if entity == "dimensionless":
        return "number"
    return "duration" if entity == "time" else "quantity"


def quantulum(text: str, ref_date: str | None = None) -> list[Prediction]:
    from quantulum3 import parser

    found = []
    for quantity in parser.parse(text):
        kind = _q3_kind(quantity)
        value = decimal(quantity.value)
        if kind == "duration" and value is not None:
            factor = _UNIT_SECONDS.get(quantity.unit.name.rstrip("s"))
            value = value * factor if factor else None
        found.append(Prediction(kind, quantity.span[0], quantity.span[1], value, quantity.unit.name))
    return found


# --- dateparser, number-parser, text2num -----------------------------------------------------------------


def dateparser_search(text: str, ref_date: str | None = None) -> list[Prediction]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(ref_date)} if ref_date else {}
    found, position = [], 0
    for surface, when in search_dates(text, languages=["en"], settings=settings) or []:
        start = text.find(surface, position)
        if start < 0:
            continue
        position = start + len(surface)
        timex = when.strftime("%Y-%m-%dT%H:%M") if (when.hour, when.minute) != (0, 0) else \
            when.date().isoformat()  # dateparser resolves to a datetime: day grain, or minute with a time
        found.append(Prediction("date", start, position, None, timex=timex))
    return found


def number_parser(text: str, ref_date: str | None = None) -> list[Prediction]:
    """number-parser gives no spans: only a whole-input number or ordinal is a prediction."""
    from number_parser import parse_number, parse_ordinal

    stripped = text.strip()
    start = text.index(stripped) if stripped else 0
    for kind, function in (("number", parse_number), ("ordinal", parse_ordinal)):
        value = function(stripped)
        if value is not None:
            return [Prediction(kind, start, start + len(stripped), decimal(value))]
    return []


def text2num(text: str, ref_date: str | None = None) -> list[Prediction]:
    """text2num gives no spans: only a whole-input number is a prediction."""
    from text_to_num import text2num as convert

    stripped = text.strip()
    try:
        value = convert(stripped, "en")
    except (ValueError, TypeError):
        return []
    start = text.index(stripped)
    return [Prediction("number", start, start + len(stripped), decimal(value))]


Adapter = Callable[[str, str | None], list[Prediction]]
PEERS: dict[str, tuple[str, Adapter]] = {
    "recognizers-text": ("recognizers_suite", recognizers),
    "quantulum3": ("quantulum3", quantulum),
    "dateparser": ("dateparser", dateparser_search),
    "number-parser": ("number_parser", number_parser),
    "text2num": ("text_to_num", text2num),
}
# The kinds each peer extracts at all; it is scored only on those.
PEER_KINDS = {
    "factcheck": {"number", "ordinal", "percent", "money", "quantity", "duration", "date"},
    "recognizers-text": {"number", "ordinal", "percent", "money", "quantity", "duration", "date"},
    "quantulum3": {"number", "percent", "money", "quantity", "duration"},
    "dateparser": {"date"},
    "number-parser": {"number", "ordinal"},
    "text2num": {"number"},
}


def available() -> dict[str, Adapter | None]:
    """factcheck, then each peer: its adapter, or None when it is not installed."""
    tools: dict[str, Adapter | None] = {"factcheck": factcheck}
    for name, (module, adapter) in PEERS.items():
        tools[name] = adapter if importlib.util.find_spec(module) is not None else None
    return tools


def safely(adapter: Adapter, text: str, ref_date: str | None) -> list[Prediction]:
    """A peer that raises on an input predicts nothing for it (counted, not hidden: see callers)."""
    quiet = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stderr(quiet), contextlib.redirect_stdout(quiet):
        warnings.simplefilter("ignore")
        return adapter(text, ref_date)
