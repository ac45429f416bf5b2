"""Fractions and vague plurals of numbers: "a third of", "two-thirds", "three quarters of",
"hundreds of", "thousands of", "tens of thousands of", "dozens of".

Both are ``number`` claims. A fraction's value is the fraction (precision one part: "a third" → 1/3).
Its denominator is any ordinal word ("three sixteenths", "one twenty-fifth", "a hundredth of"), its
numerator the article or a cardinal in words the number scan read right before it ("twenty-three
fifths"), and a whole number before "and" joins it ("forty-one and two thirds"; after a scale the
part is of the scale: "six million and two thirds"). "a quarter" or "a third" counts only before
"of", in the plural, after "one" ("one fifth") or after a whole number, else it is an ordinal or a
length of time ("a third term", "a quarter"). A vague plural states a floor: value 100 for
"hundreds", hedge ``at_least``, precision the scale.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from factcheck.claims import lexicon, literals
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention, parse_words
from factcheck.claims.numwords import tidy
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache
from factcheck.values import Hedge

# Denominators as ordinal words ("a third", "three fifths", "one twenty-fifth", "a hundredth of"); a
# compound's unit may be "first" or "second" ("three twenty-firsts"), but "second" alone never is
# ("two seconds" is a length of time).
_DENOMINATORS = {
    "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000, "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12,
}
_UNIT_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_JOIN = rf"(?:{HSPACE}*-{HSPACE}*|{GAP})"
_DENOMINATOR = regexcache.compile(
    rf"(?<![A-Za-z])(?:(?P<tens>{lexicon.alternation(_TENS)}){_JOIN}(?P<unit>{lexicon.alternation(_UNIT_ORDINALS)})"
    rf"|(?P<word>{lexicon.trie(_DENOMINATORS)}))(?P<plural>s)?\b(?!-)"
)
_SPACE_BEFORE = regexcache.compile(rf"{_JOIN}$")
_ARTICLE_BEFORE = regexcache.compile(rf"(?<![\w-])[Aa]n?{_JOIN}$")
_AND_BEFORE = regexcache.compile(rf"{GAP}and{GAP}$")
_OF = regexcache.compile(rf"{GAP}of\b")
_PLURALS = {"dozens": Decimal(12), "hundreds": Decimal(100), "thousands": Decimal(1000),
            "millions": Decimal(10) ** 6, "billions": Decimal(10) ** 9}
_VAGUE = regexcache.compile(lexicon.trie(lexicon.with_capitals(_PLURALS)) + rf"(?={GAP}of\b)")
_TENS_BEFORE = regexcache.compile(rf"(?<![\w-])(?P<tens>[Tt]ens|[Hh]undreds){GAP}of{GAP}$")
# A fraction of a scale is that part of it: "a quarter of a million" (250,000), "two thirds of a billion".
_SCALES = {"thousand": Decimal(1000), "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
           "trillion": Decimal(10) ** 12}
_OF_A_SCALE = regexcache.compile(rf"{GAP}of{GAP}an?{GAP}(?P<scale>{lexicon.alternation(_SCALES)})\b(?!-)")
# "a couple of", "a pair of": two (a couple loosely); "a couple of hundred" is about two hundred. Only
# with "of": "a couple" alone is two people, "a pair" a team, and neither a count of anything named.
_PAIR = regexcache.compile(
    rf"(?<![\w-])[Aa]{GAP}(?P<word>couple|pair){GAP}of\b(?:{GAP}(?P<scale>dozen|hundred|{lexicon.alternation(_SCALES)})\b)?"
)


_Whole = tuple[int, Decimal, Decimal]  # where a whole number before a fraction starts, its value and step
_LAST_AND = regexcache.compile(rf"{GAP}and{GAP}(?!.*{GAP}and{GAP})", re.IGNORECASE)


def _numerator(text: str, start: int, denominator: int,
               by_end: dict[int, NumberMention]) -> tuple[int, Decimal, _Whole | None] | None:
    """Where the numerator before ``start`` begins, its value, and the whole number a scale before "and"
    makes of the words before it ("six million and two thirds" is six and two thirds million), or a
    proper part after "and" would ("one hundred and two thirds" is 100 2/3, not 102/3): a cardinal in
    words ("twenty-three fifths", "two-thirds") or the article ("a third")."""
    space = _SPACE_BEFORE.search(text, max(0, start - 8), start)
    if space is None:
        return None
    mention = by_end.get(space.start())
    if mention is not None and not mention.ordinal and not mention.digits and mention.value >= 1 \
            and mention.value == int(mention.value):
        joined = _LAST_AND.search(text, mention.start, mention.end)
        if joined is not None:
            head = parse_words(" ".join(text[mention.start : joined.start()].lower().split()))
            tail = parse_words(" ".join(text[joined.end() : mention.end].lower().split()))
            if head and tail and not head[2] and not tail[2] \
                    and (head[1] >= 1000 or mention.value >= denominator > tail[0]):
                return joined.end(), tail[0], (mention.start, head[0], head[1])
        return mention.start, mention.value, None
    article = _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
    return (article.start(), Decimal(1), None) if article is not None else None


def _whole_before(text: str, start: int, by_end: dict[int, NumberMention]) -> _Whole | None:
    """The whole number of "forty two and a third", "one hundred and three and two thirds"."""
    joined = _AND_BEFORE.search(text, max(0, start - 12), start)
    mention = by_end.get(joined.start()) if joined is not None else None
    if mention is None or mention.ordinal or mention.value != int(mention.value):
        return None
    return mention.start, mention.value, mention.step


_PHRASE_END = regexcache.compile(rf"{HSPACE}*(?:[.,;:!?)\]]|\n|$)")
_LINE_START = regexcache.compile(rf"(?:(?:^|\n){HSPACE}*(?:[-*•]{HSPACE}+)?|[:(\[]{HSPACE}*)$")


def _says_part(text: str, start: int, end: int, hedge: Hedge, denominator: int) -> bool:
    """Whether what surrounds "a third", "three quarters" makes it a part rather than an ordinal or a
    count of periods: "of" after it, a hedge ("almost a third": no ordinal is almost anything),
    nothing else on its line (a list, a heading, a form's answer), or a denominator of twenty or more
    at a phrase's end ("a hundredth.": a fifth term is elided as "a fifth", a hundredth rarely).
    "fell by a third" stays the change pattern's (its `fraction`), which reads the ordinal."""
    if _OF.match(text, end) or hedge is not Hedge.EXACT:
        return True
    if _PHRASE_END.match(text, end) is None:
        return False
    return denominator >= 20 or _LINE_START.search(text, max(0, start - 80), start) is not None


def _inside_cardinal(mentions: list[NumberMention], starts: list[int], at: int) -> bool:
    index = bisect.bisect_left(starts, at) - 1
    return index >= 0 and mentions[index].end > at and not mentions[index].ordinal


def _fraction(text: str, match: re.Match[str], mentions: list[NumberMention], starts: list[int],
              by_end: dict[int, NumberMention]) -> Claim | None:
    plural = bool(match["plural"])
    forms = []
    if match["tens"]:  # "three twenty-firsts"; else "twenty fifths", the tens the numerator
        forms.append((match.start(), _TENS[match["tens"]] + _UNIT_ORDINALS[match["unit"]], match["unit"]))
        if match["unit"] in _DENOMINATORS:
            forms.append((match.start("unit"), _DENOMINATORS[match["unit"]], match["unit"]))
    else:
        forms.append((match.start(), _DENOMINATORS[match["word"]], match["word"]))
    for den_start, denominator, word in forms:
        if _inside_cardinal(mentions, starts, den_start):
            continue  # inside a number the grammar read whole: "two and a quarter", "a hundred and thirty"
        numerator = _numerator(text, den_start, denominator, by_end)
        if numerator is None:
            continue
        start, count, whole = numerator
        whole = whole or _whole_before(text, start, by_end)
        if (count > 1) != plural or (word == "quarter" and count >= denominator):
            return None  # "six quarters" is a year and a half of quarters, not a fraction
        if whole is not None:
            start = whole[0]
        hedge, _ = hedge_before(text, start)
        part = whole is not None or _says_part(text, start, match.end(), hedge, denominator)
        if word == "quarter" and plural and not part and text[den_start - 1] != "-":
            return None  # "the past two quarters" are periods; "three quarters of", "three-quarters": parts
        spelled_one = text[start:den_start].strip(" \t-").lower() == "one" and word != "quarter"
        if not (part or plural or spelled_one):
            return None  # "a third term", "a fifth"
        value, precision = count / Decimal(denominator), 1 / Decimal(denominator)
        if whole is not None:
            _, whole_value, step = whole
            unit = step if step >= 1000 else Decimal(1)  # "six million and two thirds"
            value, precision = whole_value + value * unit, precision * unit
        end = match.end()
        scale = _OF_A_SCALE.match(text, end) if whole is None else None
        if scale is not None:  # "a quarter of a million"
            times = _SCALES[scale["scale"]]
            value, precision, end = value * times, precision * times, scale.end()
        return make_claim(text, "number", start, end, tidy(value), hedge=hedge, precision=tidy(precision))
    return None


def _pair(text: str, match: re.Match[str]) -> Claim:
    """"a couple of" (about two), "a pair of" (two), "a couple of hundred" (about 200)."""
    scale = Decimal(12) if match["scale"] == "dozen" else _SCALES.get(match["scale"] or "", Decimal(1))
    if match["scale"] == "hundred":
        scale = Decimal(100)
    hedge = Hedge.APPROX if match["word"] == "couple" else Hedge.EXACT
    return make_claim(text, "number", match.start(), match.end(), 2 * scale, hedge=hedge, precision=scale)


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


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """Fraction and vague-plural ``number`` claims, taking their characters."""
    by_end = {m.end: m for m in mentions}
    starts = [m.start for m in mentions]
    fractions = (_fraction(text, m, mentions, starts, by_end) for m in literals.finditer(_DENOMINATOR, text))
    candidates = [c for c in fractions if c is not None]
    candidates += [c for c in (_vague(text, m) for m in literals.finditer(_VAGUE, text)) if c is not None]
    if "couple" in text or "pair" in text:
        candidates += [_pair(text, m) for m in literals.finditer(_PAIR, text)]
    claims = []
    for claim in sorted(candidates, key=lambda c: c.span.start):
        if not taken.overlaps(claim.span.start, claim.span.end):
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims
