"""Percentages: "10%", "10 percent", "ten per cent", "a 10-percent rise", "3 percentage points",
"50 basis points".

A number mention followed by a percent sign or word. The value is a :class:`Percent` in percent
units; ``unit`` is "%" for a percentage and "pp" for a difference in percentage points (basis points
are converted: 50 bp → 0.5 pp). The low end of a range takes the unit: "10 to 15 percent".
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from factcheck.claims import ranges
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.regexparts import HSPACE
from factcheck.startup import regexcache
from factcheck.values import Percent

_AFTER = regexcache.compile(
    rf"(?:{HSPACE}?|[ \t]?-[ \t]?)"
    r"(?:(?P<pp>(?:percentage|percent|pct)(?:[ \t]+|-)(?:points?|pts?)\b|pp\b|ppts?\b)"
    r"|(?P<bp>basis(?:[ \t]+|-)points?\b|bps\b|bp\b)"
    r"|(?P<pct>%(?![0-9A-Fa-f]{2})|percents?\b|percentage\b|per[ \t-]?cent\b|pct\b))",
    re.IGNORECASE,
)
# "10%-15%": the scan reads "-15" as a negative number; after a percent sign the dash is a joiner.
_DASH = frozenset("-\u2212\u2013")
# "–18 per cent", "(–4.2%)": typeset copy writes a minus as an en dash, which the number scan leaves
# out (between figures it joins a range, "2010–18"); glued to a percentage after a space, an opening
# parenthesis or a line start, and not after a figure and a space ("5 –3"), it is the sign.
_EN_DASH_SIGN = regexcache.compile(r"(?:^|(?<=[\s(\[])(?<!\d[ \t]))\u2013\Z", re.MULTILINE)
_HUNDRED = Decimal(100)


def _claim(text: str, mention: NumberMention, end: int, unit: str, scale: Decimal = Decimal(1)) -> Claim:
    hedge, _ = hedge_before(text, mention.start)
    return make_claim(text, "percent", mention.start, end, Percent(mention.value / scale), unit=unit,
                      hedge=hedge, precision=Percent(mention.step / scale))


def _en_dash_sign(text: str, start: int) -> bool:
    """Whether an en dash right before ``start`` is a minus sign (see ``_EN_DASH_SIGN``)."""
    if start == 0 or text[start - 1] != "\u2013":
        return False
    return _EN_DASH_SIGN.search(text, max(0, start - 3), start) is not None


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``percent`` claims; the characters of each are taken so no ``number`` claim repeats them."""
    claims = []
    for index, mention in enumerate(mentions):
        if mention.ordinal or taken.overlaps(mention.start, mention.end):
            continue
        match = _AFTER.match(text, mention.end)
        if match is None:
            continue
        after_sign = text[mention.start - 1 : mention.start] == "%"
        if mention.value < 0 and after_sign and text[mention.start] in _DASH:
            mention = replace(mention, start=mention.start + 1, value=-mention.value)
        elif mention.value > 0 and _en_dash_sign(text, mention.start):
            mention = replace(mention, start=mention.start - 1, value=-mention.value)
        unit, scale = ("%", Decimal(1)) if match["pct"] else ("pp", Decimal(1) if match["pp"] else _HUNDRED)
        low = ranges.low_end(text, mentions, index)
        if low is not None and not taken.overlaps(low.start, low.end):
            claims.append(_claim(text, low, low.end, unit, scale))
            taken.mark(low.start, low.end)
        claims.append(_claim(text, mention, match.end(), unit, scale))
        taken.mark(mention.start, match.end())
    return claims
