"""Lengths of time stated without an amount: "several years", "a few days", "for weeks", "in recent
months", "the past few weeks", "decades". A ``vague_duration`` claim (value null, ``grain`` its unit:
year, month, week, day, hour, minute, decade, century), which resolution writes as TIMEX3 does:
``PXY``, ``PXM``, ``PTXH``.

A bare plural is a length of time only after a word that takes one ("for years", "over months",
"took weeks", "within hours"): elsewhere it is a noun ("the years of war", "months of the year").
"""

from __future__ import annotations

from factcheck.claims import lexicon
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.model import Claim
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache

_UNITS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "weeks": "week",
          "months": "month", "years": "year", "decades": "decade", "centuries": "century"}
_QUANTIFIERS = ["several", "a few", "few", "many", "some", "a number of", "countless", "recent",
                "the past few", "the last few", "the next few", "the past several", "the last several",
                "the next several", "the coming", "the past", "in recent", "more"]
_TAKERS = ["for", "over", "within", "took", "take", "takes", "taking", "lasted", "lasts", "spent", "spend",
           "after", "waited", "wait"]
_UNIT = lexicon.alternation(_UNITS)
_VAGUE = regexcache.compile(
    rf"(?<![\w-])(?:(?P<q>{lexicon.alternation(lexicon.with_capitals(_QUANTIFIERS))})(?:{GAP}|-)"
    rf"|(?P<taker>{lexicon.alternation(lexicon.with_capitals(_TAKERS))}){GAP})"
    rf"(?:(?:more|long|additional|straight){GAP})?(?P<unit>{_UNIT})\b(?!{GAP}(?:of|ago|old|later|earlier)\b)"
)


def extract(text: str, taken: Taken) -> list[Claim]:
    """``vague_duration`` claims over characters no other claim took."""
    claims = []
    for match in _VAGUE.finditer(text):
        start = match.start("unit") if match["taker"] else match.start()
        if match["q"] and match["q"].lower() == "in recent":
            start += 3
        if taken.overlaps(start, match.end()):
            continue
        claims.append(make_claim(text, "vague_duration", start, match.end(), None,
                                 fields={"grain": _UNITS[match["unit"]]}))
        taken.mark(start, match.end())
    return claims
