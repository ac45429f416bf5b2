"""Lengths of time stated without an amount: "several years", "a few days", "for weeks", "in recent
months", "the past few weeks", "decades", "the weeks ahead", "over the years", "the ensuing months",
"the years that followed", "for a while". A ``vague_duration`` claim (value null, ``grain`` its unit:
year, month, week, day, hour, minute, decade, century), which resolution writes as TIMEX3 does:
``PXY``, ``PXM``, ``PTXH``.

A bare plural is a length of time only after a word that takes one ("for years", "over months",
"took weeks", "within hours"): elsewhere it is a noun ("the years of war", "months of the year").
"""

from __future__ import annotations

import re

from factcheck.claims import lexicon, literals, periods
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.model import Claim
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache

_UNITS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "weeks": "week",
          "months": "month", "quarters": "quarter", "years": "year", "decades": "decade",
          "centuries": "century"}
_QUANTIFIERS = ["several", "a few", "few", "many", "some", "a number of", "countless", "recent",
                "the past few", "the last few", "the next few", "the past several", "the last several",
                "the next several", "the coming", "coming", "the past", "in recent", "more", "a matter of",
                # a stretch at one end of a period: "the first hours of the war", "in the early years"
                "the first", "the early", "the final", "the closing", "the opening", "the initial",
                # a stretch after or before the story's time: "the ensuing months", "in subsequent years"
                "the following", "the ensuing", "the subsequent", "in subsequent", "the intervening",
                "the succeeding", "the preceding"]
_TAKERS = ["for", "over", "within", "took", "take", "takes", "taking", "lasted", "lasts", "spent", "spend",
           "after", "waited", "wait"]
_UNIT = lexicon.alternation(_UNITS)
_VAGUE = regexcache.compile(
    rf"(?<![\w-])(?:(?P<q>{lexicon.alternation(lexicon.with_capitals(_QUANTIFIERS))})(?:{GAP}|-)"
    rf"|(?P<taker>{lexicon.alternation(lexicon.with_capitals(_TAKERS))}){GAP})"
    rf"(?:(?:more|long|additional|straight){GAP})?(?P<unit>{_UNIT})\b(?!{GAP}(?:ago|old)\b)"
    rf"(?P<of>{GAP}of\b)?"
)

# Lengths without a quantifier: "the weeks ahead", "over the years", "the first time in years" (a
# bare plural after "in" only after a superlative or "time": "in years past" is no length), "for a
# while" (no unit: ``grain`` None, TIMEX3 ``PXX``). One scan for the last word, then the words before
# it are read with anchored matches (a scan opening on a look-behind would stop the regex engine's fast
# skip).
_AHEAD_KEY = regexcache.compile(r"(?:ahead|while|years|decades|months|weeks)\b(?![-'’])")
_AHEAD_BEFORE = {
    "ahead": regexcache.compile(rf"(?<![\w-])[Tt]he{GAP}(?P<unit>days|weeks|months|years){GAP}$"),
    "while": regexcache.compile(rf"(?<![\w-])(?:[Ff]or|[Aa]fter|[Ii]n){GAP}(?P<span>a{GAP})$"),
    "years": regexcache.compile(rf"(?<![\w-])(?:[Oo]ver|[Tt]hrough|[Dd]uring){GAP}(?P<span>the{GAP})$"),
}
_SUPERLATIVE_IN = regexcache.compile(rf"(?<![\w-])(?:time|level|high|low|[a-z]+est){GAP}in{GAP}$")
_NOUN_AFTER = regexcache.compile(rf"{GAP}(?:of|ago|past)\b")
_AHEAD_REACH = 30

# Adjectives of a length without a count: "a decades-long feud", "the months-long strike", "a
# centuries-old rite", "a years-old slump", "a several-year tenure", "a multiyear contract". The scans
# open on the literal "-long"/"-old" and on "multi"/"several-", and read the unit around it anchored.
_ADJECTIVE_KEY = regexcache.compile(r"-(?:long|old)\b(?![-'’])")
_PLURAL_BEFORE = regexcache.compile(
    rf"(?<![\w-])(?P<unit>{lexicon.alternation(lexicon.with_capitals(_UNITS))})$"
)
_UNIT_STEM = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|centur)(?:s|y|ies)?\b(?![-'’])"
# "multi"/"several" without their first letter, so each scan opens on a literal.
_COUNTLESS_UNIT = {"m": regexcache.compile(rf"ulti-?{_UNIT_STEM}"),
                   "s": regexcache.compile(rf"everal-{_UNIT_STEM}")}
_STEMS = {unit: unit for unit in _UNITS.values()} | {"centur": "century"}

# A bare plural before a signal word, as TimeML marks it (a DURATION, the signal left out): "Hours
# later, the fire was out", "just days after the vote", "only weeks before the deadline", "mere
# minutes earlier". The plural opens its sentence or follows "just", "only", "mere", "barely"; not
# "in the days before the vote" (a time named by an event) nor "the years after" (a noun). The scan
# opens on the plural's last letter and the signal word (a literal first character keeps the regex
# engine's fast skip); the plural and the words before it are read anchored.
_SIGNAL = regexcache.compile(rf"s{GAP}(?:later|earlier|after|before)\b")
_PLURAL_BEFORE_SIGNAL = regexcache.compile(
    rf"(?:\A|(?<![\w-])(?:[Jj]ust|[Oo]nly|[Mm]ere|[Bb]arely)(?={GAP})|[.!?;:]['’\"”)]*(?=\s)|\n)\s*"
    rf"(?P<unit>(?i:{_UNIT}))$"
)
_SIGNAL_REACH = 30

# "In the years that followed, ...", "the weeks that followed the crash": the stretch after a time the
# story named, as "the ensuing weeks" is (TimeML: a DURATION, the relative clause left out).
_FOLLOWED = regexcache.compile(
    rf"(?<![\w-])[Tt]he{GAP}(?P<unit>hours|days|weeks|months|years|decades){GAP}(?:that|which){GAP}followed\b"
)

# "criticism in some quarters", "interest from several quarters", "favourites in many quarters": the
# idiom for circles of people, no length; "after several quarters of losses" stays one.
_IDIOM_QUARTERS = frozenset({"some", "many", "several", "a number of", "countless"})
_IDIOM_BEFORE = regexcache.compile(r"\b(?:[Ii]n|[Ff]rom|[Aa]mong|[Aa]cross|[Bb]y)[ \t]+$")


def _circles_of_people(text: str, match: re.Match[str]) -> bool:
    """"in some quarters", "from several quarters" (not followed by "of"): people, not periods."""
    if match["unit"] != "quarters" or not match["q"] or match["q"].lower() not in _IDIOM_QUARTERS:
        return False
    return not match["of"] and bool(_IDIOM_BEFORE.search(text, max(0, match.start() - 8), match.start()))


def _lengths_without_count(text: str) -> list[tuple[int, int, str | None]]:
    found = []
    for key in literals.finditer(_AHEAD_KEY, text):
        word, start, end = key[0], key.start(), key.end()
        if start and text[start - 1].isalnum():
            continue
        window = max(0, start - _AHEAD_REACH)
        before = _AHEAD_BEFORE.get(word)
        matched = before.search(text, window, start) if before is not None else None
        if matched is not None and word == "ahead":
            found.append((matched.start(), end, _UNITS[matched["unit"]]))
        elif matched is not None and word == "while":
            found.append((matched.start("span"), end, None))
        elif _NOUN_AFTER.match(text, end):
            continue
        elif matched is not None:  # "over the years"
            found.append((matched.start("span"), end, "year"))
        elif word != "while" and _SUPERLATIVE_IN.search(text, window, start):
            found.append((start, end, _UNITS[word]))
    return found


def _adjectives(text: str) -> list[tuple[int, int, str | None]]:
    found = []
    for key in literals.finditer(_ADJECTIVE_KEY, text):
        before = _PLURAL_BEFORE.search(text, max(0, key.start() - 10), key.start())
        if before is not None:
            found.append((before.start(), key.end(), _UNITS[before["unit"].lower()]))
    for letter, scan in _COUNTLESS_UNIT.items():
        for match in scan.finditer(text):
            start = match.start() - 1
            if start >= 0 and text[start].lower() == letter and not (start and text[start - 1].isalnum()):
                found.append((start, match.end(), _STEMS[match["unit"]]))
    return found


def _plurals_before_signals(text: str) -> list[tuple[int, int, str | None]]:
    found = []
    for signal in literals.finditer(_SIGNAL, text):
        plural_end = signal.start() + 1
        before = _PLURAL_BEFORE_SIGNAL.search(text, max(0, plural_end - _SIGNAL_REACH), plural_end)
        if before is not None:
            found.append((before.start("unit"), before.end("unit"), _UNITS[before["unit"].lower()]))
    return found


def extract(text: str, taken: Taken) -> list[Claim]:
    """``vague_duration`` claims over characters no other claim took."""
    found = []
    for match in literals.finditer(_VAGUE, text):
        start = match.start("unit") if match["taker"] else match.start()
        if match["q"] and match["q"].lower() in ("in recent", "in subsequent"):
            start += 3
        # "the years of war", "after weeks of talks": a noun; "several years of war" and "within days of
        # the crash" are lengths
        if match["of"] and match["taker"] and match["taker"].lower() != "within":
            continue
        if match["q"] and match["q"].lower() == "the early" and match["unit"] == "hours":
            continue  # "in the early hours of Thursday": a part of the night, not a length
        if _circles_of_people(text, match):
            continue
        found.append((start, match.end("unit"), _UNITS[match["unit"]]))
    found += _lengths_without_count(text) + _adjectives(text) + _plurals_before_signals(text)
    found += [(m.start(), m.end("unit"), _UNITS[m["unit"]]) for m in literals.finditer(_FOLLOWED, text)]
    claims = []
    for start, end, grain in sorted(found):
        if taken.overlaps(start, end):
            continue
        every = periods.EVERY_BEFORE.search(text, max(0, start - 8), start)
        if every is not None:  # "every few weeks": a set, as "every four weeks" is (see durations.py)
            claims.append(periods.calendar_claim(text, every.start(), end, grain=grain, every=True,
                                                 count=None))
            taken.mark(every.start(), end)
            continue
        claims.append(make_claim(text, "vague_duration", start, end, None, fields={"grain": grain}))
        taken.mark(start, end)
    return claims
