"""Ranges: "10 to 15", "between 10 and 15 percent", "$5-7 million", "from 9 a.m. to 11:30 a.m.",
"from May 4 to May 8".

A range is not a value of its own kind: each end is an atomic claim of the kind it states (both ends
of "10 to 15 percent" are ``percent`` claims, the low end taking the unit, and the scale, written only
after the high end), and a composite ``range`` claim ties the two together with fields ``low`` and
``high`` and ``of`` (the ends' kind). Rules that check a stated value against a range read the ends;
rules over single values see both ends as ordinary claims.
"""

from __future__ import annotations

import itertools
import re

from factcheck.claims.base import make_claim
from factcheck.claims.model import Claim
from factcheck.claims.numbers import SCALES, NumberMention
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache

# What stands between the ends: "10 to 15", "10-15", "10 – 15", "between 10 and 15".
_JOIN = regexcache.compile(rf"{HSPACE}*(?:-|–|—){HSPACE}*|{GAP}(?P<word>to|and|through|till|until){GAP}")
_OPENER_BEFORE = regexcache.compile(rf"\b(?P<opener>[Bb]etween|[Ff]rom){GAP}$")
_LAST_WORD = regexcache.compile(r"([A-Za-z]+)$")
RANGE_KINDS = frozenset({"number", "percent", "money", "quantity", "duration", "time", "date", "age"})
_ORDERED_KINDS = frozenset({"number", "percent", "money", "quantity", "duration", "age"})


def _joined(text: str, low_end: int, high_start: int) -> re.Match[str] | None:
    if high_start - low_end > 10:
        return None
    return _JOIN.fullmatch(text, low_end, high_start)


def _opener(text: str, start: int) -> re.Match[str] | None:
    return _OPENER_BEFORE.search(text, max(0, start - 9), start)


def low_end(text: str, mentions: list[NumberMention], index: int) -> NumberMention | None:
    """The bare number opening a range whose high end is ``mentions[index]`` ("10" in "10 to 15
    percent"), with the high end's scale when only the high end states one ("10 to 15 million")."""
    return pair(text, mentions[index - 1], mentions[index]) if index > 0 else None


def pair(text: str, low: NumberMention, high: NumberMention) -> NumberMention | None:
    """``low`` as the low end of a range up to ``high`` (scaled like ``high``), or None when the two
    mentions do not form a range."""
    if low.ordinal or high.ordinal or low.glued:
        return None
    join = _joined(text, low.end, high.start)
    if join is None or (join["word"] == "and" and not _opener(text, low.start)):
        return None
    if low.plain_integer and 1000 <= low.value <= 2099 and (high.step != 1 or high.value >= 10000):
        return None  # "fell in 1986 to 15.995 billion dlrs": a year, then the amount
    value, step = low.value, low.step
    scale = _LAST_WORD.search(text, high.start, high.end)
    if scale and low.step == 1 and low.value < 1000 and scale[1].lower() in SCALES:
        value, step = value * SCALES[scale[1].lower()], step * SCALES[scale[1].lower()]
    if value >= high.value:
        return None
    return NumberMention(low.start, low.end, value, step, digits=low.digits)


def _ordered(low: Claim, high: Claim) -> bool:
    if low.kind not in _ORDERED_KINDS:
        return True
    try:
        return bool(low.value < high.value)
    except TypeError:
        return True


def extract(text: str, atoms: list[Claim]) -> list[Claim]:
    """``range`` claims over consecutive atomic claims of one kind joined by "to", "-" or
    "between ... and"; ``atoms`` are in text order."""
    claims = []
    for low, high in itertools.pairwise(atoms):
        if low.kind != high.kind or low.kind not in RANGE_KINDS or low.span.end > high.span.start:
            continue
        join = _joined(text, low.span.end, high.span.start)
        if join is None or not _ordered(low, high):
            continue
        opener = _opener(text, low.span.start)
        if join["word"] == "and" and (opener is None or opener["opener"].lower() != "between"):
            continue
        start = opener.start("opener") if opener else low.span.start
        claims.append(make_claim(text, "range", start, high.span.end, None, unit=high.unit,
                                 fields={"low": low, "high": high, "of": low.kind}))
    return claims

