"""Physical quantities with a unit: "120 kilometres", "75 miles", "5 kg", "30 degrees Celsius",
"60 mph", "2 square miles", "10 litres", "a 120-kilometre road", "30°C".

A number mention followed by a unit name from ``lexicon/units.yaml`` (one anchored match at the
mention's end). The value is the Decimal amount in the stated unit; ``unit`` is the unit's canonical
name and ``dimension`` its dimension. ``claims.units.convert`` converts between units.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims import lexicon, ranges, units
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache
from factcheck.values import Hedge

_NAMES = units.written_names()
# Between the parts of one measure in several units: "7 feet 10 inches", "2 km and 1 metre", "2 yds, 7 feet".
_PART_JOIN = regexcache.compile(rf"(?:,?{GAP}and|,)?{GAP}")
_SPACED_LETTERS = frozenset({"°", "g", "l", "L"})
# "a litre", "an ml", "a kilogram of": one unit, for units that are no idiom ("a mile away", "an inch").
_ONE_UNIT = ["litre", "liter", "millilitre", "milliliter", "ml", "kilogram", "kilo", "kg", "gallon", "lb",
             "cup", "tablespoon", "teaspoon"]
_ARTICLE_UNIT = regexcache.compile(
    rf"(?<![\w-])[Aa]n?{GAP}(?P<unit>{lexicon.alternation(_ONE_UNIT)})\b(?![-])"
)
_AFTER = regexcache.compile(
    rf"(?P<sep>{HSPACE}?|[ \t]?-[ \t]?)(?P<unit>{lexicon.alternation(_NAMES)})(?![A-Za-z0-9²³])"
)


def _unit_after(text: str, mention: NumberMention) -> re.Match[str] | None:
    match = _AFTER.match(text, mention.end)
    if match is None:
        return None
    written = match["unit"]
    if len(written) == 1 and written not in _SPACED_LETTERS and match["sep"]:
        return None  # "30C" and "100m" are units; "Group 5 C" and "plan 9 m" are not; "2 g", "5 l" are
    if not match["sep"] and not mention.glued and written[0].isalpha():
        return None
    return match


def _claim(text: str, mention: NumberMention, start: int, end: int, unit: units.Unit) -> Claim:
    hedge, _ = hedge_before(text, start)
    return make_claim(text, "quantity", start, end, mention.value, unit=unit.name, hedge=hedge,
                      precision=mention.step, fields={"dimension": unit.dimension})


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``quantity`` claims (and the low end of a range: "between 10 and 15 km")."""
    claims = []
    for index, mention in enumerate(mentions):
        if mention.ordinal or taken.overlaps(mention.start, mention.end):
            continue
        match = _unit_after(text, mention)
        if match is None:
            continue
        unit = units.units()[_NAMES[match["unit"]]]
        low = ranges.low_end(text, mentions, index)
        if low is not None and not taken.overlaps(low.start, low.end):
            claims.append(_claim(text, low, low.start, low.end, unit))
            taken.mark(low.start, low.end)
        claims.append(_claim(text, mention, mention.start, match.end(), unit))
        taken.mark(mention.start, match.end())
    for match in _ARTICLE_UNIT.finditer(text):
        if not taken.overlaps(match.start(), match.end()):
            unit = units.units()[_NAMES[match["unit"]]]
            one = NumberMention(match.start(), match.start(), Decimal(1), Decimal(1))
            claims.append(_claim(text, one, match.start(), match.end(), unit))
            taken.mark(match.start(), match.end())
    claims.sort(key=lambda claim: claim.span.start)
    return _compounds(text, claims)


def _next_part(text: str, last: Claim, part: Claim) -> bool:
    """Whether ``part`` continues a measure ending in ``last``: the same dimension, a smaller unit,
    a whole number before it, and only a comma, a space or "and" between ("7 feet 10 inches")."""
    if _PART_JOIN.fullmatch(text, last.span.end, part.span.start) is None:
        return False
    before, after = units.units()[last.unit], units.units()[part.unit]
    return (before.dimension == after.dimension and before.dimension != "temperature"
            and before.factor is not None and after.factor is not None and before.factor > after.factor
            and last.value == last.value.to_integral_value() and part.hedge is Hedge.EXACT)


def _compounds(text: str, claims: list[Claim]) -> list[Claim]:
    """One claim for a measure stated in several units, in the smallest: "7 feet 10 inches" = 94 inches."""
    merged: list[Claim] = []
    index = 0
    while index < len(claims):
        parts = [claims[index]]
        while index + len(parts) < len(claims) and _next_part(text, parts[-1], claims[index + len(parts)]):
            parts.append(claims[index + len(parts)])
        index += len(parts)
        if len(parts) == 1:
            merged.append(parts[0])
            continue
        first, last = parts[0], parts[-1]
        total = sum((units.convert(p.value, p.unit, last.unit) for p in parts), Decimal(0))
        merged.append(make_claim(text, "quantity", first.span.start, last.span.end, total, unit=last.unit,
                                 hedge=first.hedge, precision=last.precision, fields=dict(last.fields)))
    return merged
