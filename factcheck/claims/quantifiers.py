"""Fractions and vague plurals of numbers: "a third of", "two-thirds", "three quarters of",
"hundreds of", "thousands of", "tens of thousands of", "dozens of".

Both are ``number`` claims. A fraction's value is the fraction (precision one part: "a third" → 1/3);
"a quarter" or "a third" counts only before "of", in the plural, after "one" ("one fifth") or after a
hedge ("almost a third"), else it is an ordinal or a length of time ("a third term", "a quarter"). A
vague plural states a floor: value 100 for "hundreds", hedge ``at_least``, precision the scale.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims import lexicon
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache
from factcheck.values import Hedge

_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}
_DENOMINATORS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10}
_DENOMINATOR = regexcache.compile(lexicon.trie(_DENOMINATORS) + r"(?P<plural>s)?\b(?!-)")
_NUMERATOR_BEFORE = regexcache.compile(
    rf"(?<![\w-])(?P<num>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)"
    rf"(?:{GAP}|{HSPACE}*-{HSPACE}*)$"
)
_OF = regexcache.compile(rf"{GAP}of\b")
_PLURALS = {"dozens": Decimal(12), "hundreds": Decimal(100), "thousands": Decimal(1000),
            "millions": Decimal(10) ** 6, "billions": Decimal(10) ** 9}
_VAGUE = regexcache.compile(lexicon.trie(lexicon.with_capitals(_PLURALS)) + rf"(?={GAP}of\b)")
_TENS_BEFORE = regexcache.compile(rf"(?<![\w-])(?P<tens>[Tt]ens|[Hh]undreds){GAP}of{GAP}$")


def _fraction(text: str, match: re.Match[str]) -> Claim | None:
    before = _NUMERATOR_BEFORE.search(text, max(0, match.start() - 7), match.start())
    if before is None:
        return None
    numerator = _NUMERATORS[before["num"].lower()]
    plural = bool(match["plural"])
    word = match[0][:-1] if plural else match[0]
    denominator = Decimal(_DENOMINATORS[word])
    if (numerator > 1) != plural or numerator >= denominator:
        return None  # "six quarters" is a year and a half of quarters, not a fraction
    if word == "quarter" and plural and before[0][-1] != "-" and not _OF.match(text, match.end()):
        return None  # "the past two quarters" are periods; "three quarters of" and "three-quarters" are parts
    spelled_one = before["num"].lower() == "one" and match[0] != "quarter"  # "one fifth", not "one quarter"
    hedge, _ = hedge_before(text, before.start())
    # a hedge says it is an amount: "almost a third", "about a quarter" (no ordinal or period is
    # "almost a third" of anything)
    hedged = hedge is not Hedge.EXACT and not plural
    if not (plural or spelled_one or hedged or _OF.match(text, match.end())):
        return None  # "a third term", "a fifth"
    return make_claim(text, "number", before.start(), match.end(), numerator / denominator, hedge=hedge,
                      precision=1 / denominator)


def _vague(text: str, match: re.Match[str]) -> Claim | None:
    start = match.start()
    if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
        return None
    value = _PLURALS[match[0].lower()]
    tens = _TENS_BEFORE.search(text, max(0, start - 16), start)
    if tens is not None:
        value *= 10 if tens["tens"][0] in "Tt" else 100
        start = tens.start()
    return make_claim(text, "number", start, match.end(), value, hedge=Hedge.AT_LEAST, precision=value)


def extract(text: str, taken: Taken) -> list[Claim]:
    """Fraction and vague-plural ``number`` claims, taking their characters."""
    candidates = [c for c in (_fraction(text, m) for m in _DENOMINATOR.finditer(text)) if c is not None]
    candidates += [c for c in (_vague(text, m) for m in _VAGUE.finditer(text)) if c is not None]
    claims = []
    for claim in sorted(candidates, key=lambda c: c.span.start):
        if not taken.overlaps(claim.span.start, claim.span.end):
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims
