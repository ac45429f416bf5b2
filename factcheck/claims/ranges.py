"""Ranges: "10 to 15", "between 10 and 15 percent", "$5-7 million", "from 9 a.m. to 11:30 a.m.",
"from May 4 to May 8".

A range is not a value of its own kind: each end is an atomic claim of the kind it states (both ends
of "10 to 15 percent" are ``percent`` claims, the low end taking the unit, and the scale, written only
after the high end), and a composite ``range`` claim ties the two together with fields ``low`` and
``high`` and ``of`` (the ends' kind). Rules that check a stated value against a range read the ends;
rules over single values see both ends as ordinary claims.
"""

from __future__ import annotations

import contextlib
import itertools

from factcheck.claims import numbers, units
from factcheck.claims.base import make_claim
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.rangewords import range_join, range_opener

RANGE_KINDS = frozenset({"number", "percent", "money", "quantity", "duration", "time", "date", "age"})
_ORDERED_KINDS = frozenset({"number", "percent", "money", "quantity", "duration", "age"})


def low_end(text: str, mentions: list[NumberMention], index: int) -> NumberMention | None:
    """The bare number opening a range whose high end is ``mentions[index]`` ("10" in "10 to 15
    percent"), with the high end's scale when only the high end states one ("10 to 15 million")."""
    return numbers.pair(text, mentions[index - 1], mentions[index]) if index > 0 else None


def _ordered(low: Claim, high: Claim) -> bool:
    """Whether ``low`` and ``high`` can be a range's ends: the same dimension or currency ("from
    44 ml to 50 mg" is a change, no range), and rising (a quantity compared in the high end's unit)."""
    if low.kind not in _ORDERED_KINDS:
        return True
    low_value = low.value
    if low.kind == "quantity" and low.unit != high.unit:
        if low.fields.get("dimension") != high.fields.get("dimension"):
            return False
        with contextlib.suppress(ValueError):  # bare "degrees" and degrees Celsius: compared as stated
            low_value = units.convert(low.value, low.unit, high.unit)
    if low.kind == "money" and low.unit != high.unit:
        return False
    try:
        return bool(low_value < high.value)
    except TypeError:
        return True


def extract(text: str, atoms: list[Claim]) -> list[Claim]:
    """``range`` claims over consecutive atomic claims of one kind joined by "to", "-" or
    "between ... and"; ``atoms`` are in text order."""
    claims = []
    for low, high in itertools.pairwise(atoms):
        if low.kind != high.kind or low.kind not in RANGE_KINDS or low.span.end > high.span.start:
            continue
        join = range_join(text, low.span.end, high.span.start)
        if join is None or not _ordered(low, high):
            continue
        opener = range_opener(text, low.span.start)
        if join["word"] == "and" and (opener is None or opener["opener"].lower() != "between"):
            continue
        start = opener.start("opener") if opener else low.span.start
        claims.append(make_claim(text, "range", start, high.span.end, None, unit=high.unit,
                                 fields={"low": low, "high": high, "of": low.kind}))
    return claims

