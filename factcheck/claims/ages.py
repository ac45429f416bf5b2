"""Ages of people: "Maria Santos, 52,", "Santos (52)", "the 79-year-old president", "five years old",
"95 years of age", "aged 52", "at the age of 52", "At 52, she ...".

An age is a number mention in one of these frames. The value is the age in years (a Decimal) and
``person`` the name right before an appositive age ("Maria Santos, 52,") or right after an adjectival
one ("79-year-old Joe Biden"), when there is one. Ages run before durations: "five years old" is an
age, not a length of time.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache

_YEARS_OLD = regexcache.compile(rf"(?:-|{GAP})years?(?:-|{GAP})olds?\b|{GAP}years?{GAP}of{GAP}age\b")
# a name of up to five words, accented letters and the particles of names included ("Luiz Inácio Lula
# da Silva", "Ursula von der Leyen")
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_WORD = rf"[{_UPPER}][{_UPPER}{_LOWER}’'.-]*[{_LOWER}]"
_PARTICLES = r"(?:(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|ter|bin|ibn|al|el|la|le)[ ]){0,2}"
_NAME = rf"{_NAME_WORD}(?:[ ]{_PARTICLES}{_NAME_WORD}){{0,4}}"
_NAME_BEFORE = regexcache.compile(rf"(?<![\w’'.-])(?P<name>{_NAME})(?:,[ ]|[ ]\()$")
_NAME_AFTER = regexcache.compile(rf"{GAP}(?P<name>[A-Z][a-z’'-]+(?:[ ][A-Z][A-Za-z’'.-]*[a-z]){{1,3}})")
_AGED_BEFORE = regexcache.compile(rf"\b(?:[Aa]ged|[Aa]ge){GAP}$")
# the person of "Walsh, aged 25": a name and a comma before "aged"
_NAME_BEFORE_AGED = regexcache.compile(rf"(?<![\w’'.-])(?P<name>{_NAME}),[ ]+[Aa]ged{GAP}$")
# "at the age of 52"; and "At 52," opening a sentence whose subject is a person ("At 52, she became",
# "At 45, Okafor is"): after a pronoun or a name, not "the", "it" or "there" ("At 10, the shop opens")
_AGE_OF_BEFORE = regexcache.compile(rf"\b[Aa]t{GAP}the{GAP}age{GAP}of{GAP}$")
_AT_OPENING = regexcache.compile(r"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][\"”’)])[ \t]*)At[ \t]$", re.MULTILINE)
_PERSON_AFTER = regexcache.compile(
    r",[ \t]+(?:she|he|they|I|we|his|her"
    r"|(?!(?:The|This|That|These|Those|It|Its|There|Here|A|An)\b)[A-Z][a-z’'-]+)\b")
_ONE = Decimal(1)


def _appositive(text: str, mention: NumberMention) -> str | None:
    """The name in "Maria Santos, 52, said", "Santos (52)" or "Tom Achterberg, thirty-eight,"; None if
    the frame is not there (a number word below ten is as often a count: "the three, two, ...")."""
    value = mention.value
    in_words = not mention.digits and 10 <= value <= 120 and value == value.to_integral()
    if not ((mention.plain_integer and 0 < value <= 120) or in_words) or mention.end >= len(text):
        return None
    opening, closing = text[mention.start - 2 : mention.start], text[mention.end]
    if not ((opening == ", " and closing == ",") or (opening == " (" and closing == ")")):
        return None
    match = _NAME_BEFORE.search(text, max(0, mention.start - 50), mention.start)
    return match["name"] if match else None


def _claim(text: str, mention: NumberMention, end: int, person: str | None) -> Claim:
    hedge, _ = hedge_before(text, mention.start)
    return make_claim(text, "age", mention.start, end, mention.value, unit="year", hedge=hedge,
                      precision=_ONE, fields={"person": person})


def _age(text: str, mention: NumberMention) -> Claim | None:
    old = _YEARS_OLD.match(text, mention.end)
    if old is not None:
        after = _NAME_AFTER.match(text, old.end())
        return _claim(text, mention, old.end(), after["name"] if after else None)
    if mention.start < 2 or mention.ordinal:
        return None
    person = _appositive(text, mention)
    if person is not None:
        return _claim(text, mention, mention.end, person)
    if mention.plain_integer and _AGED_BEFORE.search(text, max(0, mention.start - 8), mention.start):
        named = _NAME_BEFORE_AGED.search(text, max(0, mention.start - 60), mention.start)
        return _claim(text, mention, mention.end, named["name"] if named else None)
    if mention.plain_integer and 0 < mention.value <= 120 and _at_age(text, mention):
        return _claim(text, mention, mention.end, None)
    return None


def _at_age(text: str, mention: NumberMention) -> bool:
    """Whether the mention is an age after "at the age of" or in a sentence opening "At 52, she"."""
    if _AGE_OF_BEFORE.search(text, max(0, mention.start - 20), mention.start):
        return True
    return bool(_AT_OPENING.search(text, max(0, mention.start - 6), mention.start)
                and _PERSON_AFTER.match(text, mention.end))


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``age`` claims, taking their characters so that "52" is no plain number."""
    claims = []
    for mention in mentions:
        if taken.overlaps(mention.start, mention.end):
            continue
        claim = _age(text, mention)
        if claim is not None:
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims
