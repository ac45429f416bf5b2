"""Physical quantities with a unit: "120 kilometres", "75 miles", "5 kg", "30 degrees Celsius",
"60 mph", "2 square miles", "10 litres", "a 120-kilometre road", "30°C".

A number mention followed by a unit name from ``lexicon/units.yaml`` (one anchored match at the
mention's end). The value is the Decimal amount in the stated unit; ``unit`` is the unit's canonical
name and ``dimension`` its dimension. ``claims.units.convert`` converts between units.
"""

from __future__ import annotations

import re

from factcheck.claims import lexicon, ranges, units
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention

_NAMES = units.written_names()
_AFTER = re.compile(
    rf"(?P<sep>[ \t\u00a0]?|[ \t]?-[ \t]?)(?P<unit>{lexicon.alternation(_NAMES)})(?![A-Za-z0-9²³])"
)


def _unit_after(text: str, mention: NumberMention) -> re.Match[str] | None:
    match = _AFTER.match(text, mention.end)
    if match is None:
        return None
    written = match["unit"]
    if len(written) == 1 and written != "°" and match["sep"]:
        return None  # "30C" and "100m" are units; "Group 5 C" and "plan 9 m" are not
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
    return claims
