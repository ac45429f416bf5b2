"""Physical quantities with a unit: "120 kilometres", "75 miles", "5 kg", "30 degrees Celsius",
"60 mph", "2 square miles", "10 litres", "a 120-kilometre road", "30°C".

A number mention followed by a unit name from ``lexicon/units.yaml`` (one anchored match at the
mention's end). The value is the Decimal amount in the stated unit; ``unit`` is the unit's canonical
name and ``dimension`` its dimension. ``claims.units.convert`` converts between units.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from factcheck.claims import lexicon, literals, ranges, units
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.numwords import tidy
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache
from factcheck.values import Hedge

# Unit names of several words are also capitalized, as specifications write them ("10 Kilometers per
# hour", "30 Degrees Celsius"); one word capitalized is as often a title ("21 Grams", "The Three Degrees").
_NAMES = {**{capital: name for written, name in units.written_names().items()
             if " " in written and written.islower() for capital in lexicon.with_capitals([written])[1:]},
          **units.written_names()}
# Between the parts of one measure in several units: "7 feet 10 inches", "2 km and 1 metre", "2 yds, 7 feet".
_PART_JOIN = regexcache.compile(rf"(?:,?{GAP}and|,)?{GAP}")
_SPACED_LETTERS = frozenset({"°", "g", "l", "L"})
# "a litre", "an ml", "a kilogram of": one unit, for units that are no idiom ("a mile away", "an inch").
_ONE_UNIT = ["litre", "liter", "millilitre", "milliliter", "ml", "kilogram", "kilo", "kg", "gallon", "lb",
             "cup", "tablespoon", "teaspoon"]
_ARTICLE_UNIT = regexcache.compile(
    rf"(?<![\w-])[Aa]n?{GAP}(?P<unit>{lexicon.alternation(_ONE_UNIT)})\b(?![-])"
)
# A figure right before "a litre" makes the unit the denominator of a price or rate ("$3.40 a gallon",
# "£1.52 a litre", "90 pence a kilo", "30 miles a gallon"), not a measure of its own.
_RATE_BEFORE = regexcache.compile(
    r"(?:\d|\b(?:cents?|pence|p|dollars?|pounds?|euros?|dlrs|yen|miles?|km))[ \t]*$", re.IGNORECASE)
_AFTER = regexcache.compile(
    rf"(?P<sep>{HSPACE}?|[ \t]?-[ \t]?)(?P<unit>{lexicon.alternation(_NAMES)})(?![A-Za-z0-9²³])"
)
# A part of one unit: "half a mile", "half an inch", "a quarter of a mile", "three quarters of a
# gallon", "a tenth of a litre"; and "a mile and a half". Unit names of one or two letters are left
# out ("half a m" is no measure).
_WORD_NAMES = [name for name in _NAMES if len(name) > 2 and name[0].isalpha()]
_PARTS = {"half": Decimal("0.5"), "a quarter": Decimal("0.25"), "a third": Decimal(1) / 3,
          "three quarters": Decimal("0.75"), "three-quarters": Decimal("0.75"), "a tenth": Decimal("0.1"),
          "two thirds": Decimal(2) / 3, "two-thirds": Decimal(2) / 3}
# Each opens on a literal (the part, or "and a half"), so the scan skips ahead fast; the word
# boundary before a part and the unit before "and a half" are checked after a hit.
_PART_OF_UNIT = regexcache.compile(
    rf"(?P<part>{lexicon.alternation(lexicon.with_capitals(_PARTS))})"
    rf"{GAP}(?:of{GAP})?an?{GAP}(?P<unit>{lexicon.alternation(_WORD_NAMES)})(?![\w-])"
)
_PART_WORDS = ("half", "quarter", "third", "tenth")
_AND_A_HALF = regexcache.compile(rf"{GAP}and{GAP}a{GAP}half(?![\w-])")
_ONE_WHOLE_BEFORE = regexcache.compile(
    rf"(?<![\w-])[Aa]n?{GAP}(?P<unit>{lexicon.alternation(_WORD_NAMES)})$"
)
# Below zero: "20 degrees below zero", "five below zero" (degrees understood).
_BELOW_ZERO = regexcache.compile(rf"{GAP}below{GAP}zero\b")
# Feet and inches: "6-foot-5", "6'5\"", "5' 10\"", "5′11″"; inches alone marked "5\"", "5''", "150″".
_INCH_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11}
_FOOT_INCHES = regexcache.compile(rf"-(?P<inches>\d{{1,2}}|{'|'.join(_INCH_WORDS)})(?![\w-])")
_PRIMES = regexcache.compile(
    r"(?:['′][ ]?(?P<inches>\d{1,2}(?:\.\d+)?)(?:\"|″|''))|(?P<mark>\"|″|'')(?![\w'\"″])"
)
_MARKS = ("'", '"', "″", "′")


# After a space, "m" and "in" are metres and inches only where a measure ends: "1 m x 1 m", "the
# door is 2 in thick", "5 in of rain", "a 100 m."; "plan 9 m" and "5 in 10 people" are no measures.
_SPACED_ONLY_AT_END = frozenset({"m", "in"})
_MEASURE_END = regexcache.compile(
    rf"[ \t]*(?:[.,;:!?)\]]|\n|$)|{GAP}(?:x|×|by|thick|long|wide|tall|high|deep|across|away|apart|of)\b"
)


# A unit in brackets after the figure, as a table or form writes it: "20 (kg)", "20 [kg]".
_BRACKETED = regexcache.compile(
    rf"(?P<sep>{HSPACE}?[(\[{{<])(?P<unit>{lexicon.alternation([n for n in _NAMES if len(n) > 1])})[)\]}}>]"
)


def _unit_after(text: str, mention: NumberMention) -> re.Match[str] | None:
    match = _AFTER.match(text, mention.end)
    if match is None:
        opens = text[mention.end : mention.end + 2].strip()[:1]
        return _BRACKETED.match(text, mention.end) if opens and opens in "([{<" else None
    written = match["unit"]
    if match["sep"] and written in _SPACED_ONLY_AT_END:
        return match if _MEASURE_END.match(text, match.end()) else None
    if len(written) == 1 and written not in _SPACED_LETTERS and match["sep"]:
        return None  # "30C" and "100m" are units; "Group 5 C" and "plan 9 m" are not; "2 g", "5 l" are
    if not match["sep"] and not mention.glued and written[0].isalpha():
        return None
    return match


def _claim(text: str, mention: NumberMention, start: int, end: int, unit: units.Unit) -> Claim:
    hedge, _ = hedge_before(text, start)
    return make_claim(text, "quantity", start, end, mention.value, unit=unit.name, hedge=hedge,
                      precision=mention.step, fields={"dimension": unit.dimension})


def _feet_and_inches(text: str, mention: NumberMention, end: int) -> tuple[Decimal, int] | None:
    """Inches and the end of "6-foot-5" or "6'5\"" after ``mention`` (its feet end at ``end``)."""
    written = text[mention.end : end]
    if written in ("-foot", "-feet"):
        match = _FOOT_INCHES.match(text, end)
        if match is None:
            return None
        inches = _INCH_WORDS.get(match["inches"].lower()) or Decimal(match["inches"])
    else:
        match = _PRIMES.match(text, mention.end)
        if match is None or not match["inches"]:
            return None
        inches = Decimal(match["inches"])
    if not (mention.value == mention.value.to_integral_value() and 0 <= inches < 12):
        return None
    return mention.value * 12 + inches, match.end()


def _inch_mark(text: str, mention: NumberMention) -> re.Match[str] | None:
    """``5"``, ``5''``, ``150″``: inches marked, unless a straight quote after the figure closes a
    quotation opened earlier in its line ('the "top 10" list')."""
    match = _PRIMES.match(text, mention.end)
    if match is None or not match["mark"]:
        return None
    line = text.rfind("\n", 0, mention.start) + 1
    if match["mark"] == '"' and text.count('"', line, mention.start) % 2:
        return None
    opened = text.count("``", line, mention.start)
    if match["mark"] == "''" and opened > text.count("''", line, mention.start):
        return None  # ``we lost 10'': a quotation closed the old way
    return match


def _measure(text: str, mention: NumberMention, zero: bool) -> tuple[Decimal, units.Unit, int] | None:
    """The value, unit and end of a quantity written after ``mention`` in a form with no unit name
    (see :data:`_PRIMES`, :data:`_BELOW_ZERO`; ``zero``: whether the text says "zero"), else None."""
    if text[mention.end : mention.end + 1] in ("'", "′", '"', "″"):
        inches = _feet_and_inches(text, mention, mention.end)
        if inches is not None:
            return inches[0], units.units()["inch"], inches[1]
        mark = _inch_mark(text, mention)
        return (mention.value, units.units()["inch"], mark.end()) if mark is not None else None
    if not zero or text[mention.end : mention.end + 1] != " " or mention.value <= 0:
        return None
    below = _BELOW_ZERO.match(text, mention.end)
    return (-mention.value, units.units()["degree"], below.end()) if below is not None else None


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``quantity`` claims (and the low end of a range: "between 10 and 15 km")."""
    claims = []
    zero = "zero" in text
    unnamed = zero or any(mark in text for mark in _MARKS)  # _measure may find one
    for index, mention in enumerate(mentions):
        if mention.ordinal or taken.overlaps(mention.start, mention.end):
            continue
        match = _unit_after(text, mention)
        if match is None:
            measure = _measure(text, mention, zero) if unnamed else None
            if measure is not None:
                value, unit, end = measure
                claims.append(_claim(text, replace(mention, value=value), mention.start, end, unit))
                taken.mark(mention.start, end)
            continue
        unit = units.units()[_NAMES[match["unit"]]]
        end = match.end()
        if unit.name == "foot":
            inches = _feet_and_inches(text, mention, end)
            if inches is not None:  # "6-foot-5": one height in inches
                claims.append(_claim(text, replace(mention, value=inches[0]), mention.start, inches[1],
                                     units.units()["inch"]))
                taken.mark(mention.start, inches[1])
                continue
        if unit.dimension == "temperature" and mention.value > 0:
            below = _BELOW_ZERO.match(text, end)
            if below is not None:  # "20 degrees below zero"
                mention, end = replace(mention, value=-mention.value), below.end()
        low = ranges.low_end(text, mentions, index)
        if low is not None and not taken.overlaps(low.start, low.end):
            claims.append(_claim(text, low, low.start, low.end, unit))
            taken.mark(low.start, low.end)
        claims.append(_claim(text, mention, mention.start, end, unit))
        taken.mark(mention.start, end)
    claims += _parts_of_units(text, taken)
    for match in literals.finditer(_ARTICLE_UNIT, text):
        if not taken.overlaps(match.start(), match.end()) and not _RATE_BEFORE.search(
                text, max(0, match.start() - 12), match.start()):
            unit = units.units()[_NAMES[match["unit"]]]
            one = NumberMention(match.start(), match.start(), Decimal(1), Decimal(1))
            claims.append(_claim(text, one, match.start(), match.end(), unit))
            taken.mark(match.start(), match.end())
    claims.sort(key=lambda claim: claim.span.start)
    return _compounds(text, claims)


def _parts_of_units(text: str, taken: Taken) -> list[Claim]:
    """"half a mile", "a quarter of a mile", "a mile and a half" (see :data:`_PART_OF_UNIT`)."""
    found: list[tuple[int, int, Decimal, Decimal, str]] = []
    lower = literals.lowered(text) or text.lower()
    seen: set[int] = set()
    for word in _PART_WORDS:  # a substring search per word, then the regex only around each hit
        at = lower.find(word)
        while at != -1:
            match = _PART_OF_UNIT.search(text, max(0, at - 6), at + 60)
            at = lower.find(word, at + len(word))
            if match is None or match.start() in seen:
                continue
            seen.add(match.start())
            before = text[match.start() - 1] if match.start() else " "
            if not (before.isalnum() or before == "-"):
                value = _PARTS[match["part"].lower()]
                found.append((match.start(), match.end(), value, value, match["unit"]))
    if "half" in text:
        for match in literals.finditer(_AND_A_HALF, text):
            whole = _ONE_WHOLE_BEFORE.search(text, max(0, match.start() - 40), match.start())
            if whole is not None:
                found.append((whole.start(), match.end(), Decimal("1.5"), Decimal("0.5"), whole["unit"]))
    claims = []
    for start, end, value, step, name in found:
        if not taken.overlaps(start, end):
            amount = NumberMention(start, start, tidy(value), tidy(step))
            claims.append(_claim(text, amount, start, end, units.units()[_NAMES[name]]))
            taken.mark(start, end)
    return claims


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
