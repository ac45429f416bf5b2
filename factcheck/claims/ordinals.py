"""Ordinals: "eighth", "8th", "twenty-first", "one hundred and first".

The number scan already parsed them (the grammar's ``ordinal`` start); this module only decides which
ordinal mentions are claims: not those inside a date ("March 12th"), not idioms ("at first",
"first lady"), and not "first"/"last" opening a stretch of time ("the first 100 days of ...", which
is an ``elapsed`` relation, not a position in a series).
"""

from __future__ import annotations

import re

from factcheck.claims import lexicon
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache

_IDIOM = regexcache.compile(rf"\b(?:{lexicon.alternation(lexicon.words('ordinal_idioms'))})\b", re.IGNORECASE)
_RELATIONS = frozenset(lexicon.words("elapsed_relations"))
_SPACE_AFTER = regexcache.compile(GAP)


def _in_idiom(text: str, mention: NumberMention) -> bool:
    for match in _IDIOM.finditer(text, max(0, mention.start - 12), min(len(text), mention.end + 20)):
        if match.start() <= mention.start and mention.end <= match.end():
            return True
    return False


def _opens_duration(text: str, mention: NumberMention, duration_starts: set[int]) -> bool:
    """"first" in "the first 100 days": a relation to the stretch of time that follows."""
    if text[mention.start : mention.end].lower() not in _RELATIONS:
        return False
    space = _SPACE_AFTER.match(text, mention.end)
    return space is not None and space.end() in duration_starts


def extract(text: str, mentions: list[NumberMention], taken: Taken, duration_starts: set[int]) -> list[Claim]:
    """``ordinal`` claims from the ordinal mentions no date or duration has taken."""
    claims = []
    for mention in mentions:
        if not mention.ordinal or taken.overlaps(mention.start, mention.end):
            continue
        if _in_idiom(text, mention) or _opens_duration(text, mention, duration_starts):
            continue
        claims.append(make_claim(text, "ordinal", mention.start, mention.end, mention.value,
                                 precision=mention.step))
        taken.mark(mention.start, mention.end)
    return claims
