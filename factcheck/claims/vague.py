"""Lengths of time stated without an amount: "several years", "a few days", "for weeks", "in recent
months", "the past few weeks", "decades", "the weeks ahead", "over the years",
"for a while". A ``vague_duration`` claim (value null, ``grain`` its unit:
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
          "months": "month", "quarters": "quarter", "years": "year", "decades": "decade",
          "centuries": "century"}
_QUANTIFIERS = ["several", "a few", "few", "many", "some", "a number of", "countless", "recent",
                "the past few", "the last few", "the next few", "the past several", "the last several",
                "the next several", "the coming", "coming", "the past", "in recent", "more"]
_TAKERS = ["for", "over", "within", "took", "take", "takes", "taking", "lasted", "lasts", "spent", "spend",
           "after", "waited", "wait"]
_UNIT = lexicon.alternation(_UNITS)
_VAGUE = regexcache.compile(
    rf"(?<![\w-])(?:(?P<q>{lexicon.alternation(lexicon.with_capitals(_QUANTIFIERS))})(?:{GAP}|-)"
    rf"|(?P<taker>{lexicon.alternation(lexicon.with_capitals(_TAKERS))}){GAP})"
    rf"(?:(?:more|long|additional|straight){GAP})?(?P<unit>{_UNIT})\b(?!{GAP}(?:ago|old|later|earlier)\b)"
    rf"(?P<of>{GAP}of\b)?"
)

# Lengths without a quantifier: "the weeks ahead", "over the years", "the first time in years" (a
# bare plural after "in" only after a superlative or "time": "in years past" is no length), "for a
# while" (no unit: ``grain`` None, TIMEX3 ``PXX``).
_AHEAD = regexcache.compile(
    rf"(?<![\w-])(?P<span>[Tt]he{GAP}(?P<unit>days|weeks|months|years){GAP}ahead)\b"
    rf"|(?<![\w-])(?:[Oo]ver|[Tt]hrough|[Dd]uring){GAP}(?P<span2>the{GAP}(?P<unit2>years))\b(?![-'’]|{GAP}of\b)"
    rf"|(?<![\w-])(?:time|level|high|low|[a-z]+est){GAP}in{GAP}(?P<unit3>years|decades|months|weeks)\b"
    rf"(?![-'’]|{GAP}(?:of|ago|past)\b)"
    rf"|(?<![\w-])(?:[Ff]or|[Aa]fter|[Ii]n){GAP}(?P<span4>a{GAP}while)\b"
)


def extract(text: str, taken: Taken) -> list[Claim]:
    """``vague_duration`` claims over characters no other claim took."""
    found = []
    for match in _VAGUE.finditer(text):
        start = match.start("unit") if match["taker"] else match.start()
        if match["q"] and match["q"].lower() == "in recent":
            start += 3
        if match["of"] and match["taker"]:
            continue  # "the years of war", "after weeks of talks": a noun; "several years of war" is a length
        found.append((start, match.end("unit"), _UNITS[match["unit"]]))
    for match in _AHEAD.finditer(text):
        group = next(g for g in ("span", "span2", "unit3", "span4") if match[g])
        unit = match["unit"] or match["unit2"] or match["unit3"]
        found.append((match.start(group), match.end(group), _UNITS[unit] if unit else None))
    claims = []
    for start, end, grain in sorted(found):
        if taken.overlaps(start, end):
            continue
        claims.append(make_claim(text, "vague_duration", start, end, None, fields={"grain": grain}))
        taken.mark(start, end)
    return claims
