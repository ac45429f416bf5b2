"""Times of day: "9 a.m.", "11:30 a.m.", "9am", "14:30", "nine o'clock", "noon", "midnight", and the
24-hour clock of wire copy without a colon ("1930 GMT", "0800 local time", "at 1715 hours").

Digits are found by one regex pass (a bare "10:30" is a time; a bare "9" is not), spelled hours by
the number mentions followed by "a.m."/"p.m."/"o'clock". Four digits are a time only with what
only a time has after it: a zone ("1930 GMT", "2100GMT", "0800 local time"), or "hours"/"hrs" after a
word that points at a moment ("at 1900 hours"; not "1500 hours of overtime"); the first of a pair
takes the zone of the second ("between 0700 and 0730 GMT"). A year, a count or a code has none of
these ("in 1930", "1930 people", "flight 1930"). The value is a :class:`TimeOfDay` on the
24-hour clock; a time zone written after it ("9 a.m. ET") goes in the ``zone`` field. Ranges
("from 9 a.m. to 11:30 a.m.") are ``range`` claims over two times (see ``ranges``).
"""

from __future__ import annotations

import re

from factcheck.claims import lexicon
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache
from factcheck.values import Duration, TimeOfDay

_TABLE = lexicon.load("relative")
_MERIDIEM = r"(?P<ampm>[AaPp]\.[ ]?[Mm]\.|[AaPp][Mm]\b)"
# A cheap scan for what can only follow an hour ("9:", "9 a.m.", "9 o'clock"), then the full match.
_HINT = regexcache.compile(rf"\d(?::[0-5]\d|{HSPACE}?[AaPp]\.?[ ]?[Mm]\b|{GAP}o['’]clock\b)")
_CLOCK = regexcache.compile(
    rf"(?<![\w.:/$£€-])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)(?![\d:]))?"
    rf"(?:{HSPACE}?{_MERIDIEM}|{GAP}(?P<oclock>o['’]clock)\b)?(?![\d:,.]\d)"
)
# A zone after a time: "9 a.m. ET", "1930 GMT", "2130 gmt", "0800 local time" ("local" alone only before
# punctuation: "0700 local (0300 GMT)", not "by 2030 local councils").
_ZONE = (rf"(?:{lexicon.alternation(_TABLE['zones'])}|gmt|utc|local{GAP}time|[Ll]ocal(?![ \t]+[a-z]))\b")
_ZONE_AFTER = regexcache.compile(rf"{HSPACE}*\(?(?P<zone>{_ZONE})")
# The 24-hour clock without a colon, as wire copy writes it: "1930 GMT", "2100GMT", "0800 local time",
# "at 1715 hours", "between 0700 and 0730 hours GMT" (the first of a pair takes the second's zone).
_FOUR = r"(?:[01]\d|2[0-3])[0-5]\d"
_HOURS_WORD = r"(?:hours|hrs)\b(?![ \t]+(?:of|a|an|per|each|ago|later|earlier|before|after)\b)"
# Opens on a digit so the scan is fast; the character before it is checked after the match.
_FOUR_DIGIT = regexcache.compile(
    rf"(?P<hhmm>{_FOUR})(?:{HSPACE}*(?P<zone>{_ZONE})|{GAP}(?P<hours>{_HOURS_WORD})"
    rf"|(?={GAP}(?:and|to|until|till|-|–){GAP}{_FOUR}{HSPACE}*(?:{_ZONE}|{_HOURS_WORD})))"
)
_NOT_BEFORE_FOUR = frozenset(".,:/$£€#-")
_MOMENT_BEFORE = regexcache.compile(
    r"\b(?:at|by|until|till|from|between|and|to|after|before|around|about|since|for)[ \t]+$", re.IGNORECASE)
_SPELLED_AFTER = regexcache.compile(rf"{HSPACE}?{_MERIDIEM}|{GAP}(?P<oclock>o['’]clock)\b")
_WORDS: dict[str, list[int]] = _TABLE["clock_words"]
_WORD = regexcache.compile(  # not the idiom "high noon"
    rf"(?<![\w-])(?<![Hh]igh )(?P<word>{lexicon.alternation(lexicon.with_capitals(_WORDS))})\b"
)
_WORD_HINTS = ("noon", "Noon", "midnight", "Midnight", "midday", "Midday")
_MINUTE = Duration.of(1, "minute")
# Times in words: "half past eight in the evening", "a quarter to nine", "eleven at night".
_PAST_TO_BEFORE = regexcache.compile(
    r"(?P<minutes>half|(?:a[ \t]+)?quarter|twenty-five|twenty|ten|five)[ \t]+(?P<way>past|to|after)[ \t]+$",
    re.IGNORECASE,
)
_DAY_PART_AFTER = regexcache.compile(
    rf"{GAP}(?:o['’]clock[ \t]+)?(?P<part>in[ \t]+the[ \t]+(?:morning|afternoon|evening)|at[ \t]+night"
    r"|this[ \t]+(?:morning|afternoon|evening)|tonight)\b",
    re.IGNORECASE,
)
_WORDED_TIME_BEFORE = regexcache.compile(
    r"\b(?:at|from|until|till|to|by|between|and|around|about|before|after|since)[ \t]+$", re.IGNORECASE
)
_WORD_MINUTES = {"half": 30, "quarter": 15, "twenty-five": 25, "twenty": 20, "ten": 10, "five": 5}


def _hour24(hour: int, meridiem: str | None) -> int | None:
    if meridiem is None:
        return hour
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if meridiem[0] in "Pp" else 0)


def _claim(text: str, start: int, end: int, hour: int, minute: int) -> Claim:
    hedge, _ = hedge_before(text, start)
    zone = _ZONE_AFTER.match(text, end)
    return make_claim(text, "time", start, end, TimeOfDay(hour, minute), hedge=hedge, precision=_MINUTE,
                      fields={"zone": zone["zone"] if zone else None})


def _candidates(text: str, mentions: list[NumberMention]) -> list[Claim]:
    found = []
    for hint in _HINT.finditer(text):
        start = hint.start() - 1 if hint.start() and text[hint.start() - 1].isdigit() else hint.start()
        match = _CLOCK.match(text, start)
        if match is None or not (match["m"] or match["ampm"] or match["oclock"]):
            continue
        hour = _hour24(int(match["h"]), match["ampm"])
        if hour is not None:
            found.append(_claim(text, match.start(), match.end(), hour, int(match["m"] or 0)))
    for mention in mentions:
        if mention.digits or mention.ordinal or mention.value != int(mention.value):
            continue
        after = _SPELLED_AFTER.match(text, mention.end)
        hour = _hour24(int(mention.value), after["ampm"]) if after else None
        if after is not None and hour is not None and 1 <= mention.value <= 12:
            found.append(_claim(text, mention.start, after.end(), hour, 0))
    found += _worded(text, mentions)
    found += _twenty_four_hour(text)
    for match in _WORD.finditer(text) if any(w in text for w in _WORD_HINTS) else ():
        hour, minute = _WORDS[match["word"].lower()]
        found.append(_claim(text, match.start(), match.end(), hour, minute))
    return found


def _twenty_four_hour(text: str) -> list[Claim]:
    """"1930 GMT", "0800 local time", "at 1715 hours": four digits read on the 24-hour clock when a zone
    or the hours of a moment follow them (see the module docstring)."""
    found = []
    for match in _FOUR_DIGIT.finditer(text):
        hhmm = match["hhmm"]
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in _NOT_BEFORE_FOUR:
            continue  # a part of a longer number or a code ("21930", "$1930", "1.1930", "#1930")
        if match["hours"] and hhmm[0] != "0" \
                and not _MOMENT_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue  # "logged 1500 hours": a count of hours, not a moment
        end = match.end("hours") if match["hours"] else match.end("hhmm")  # the zone stays a field
        found.append(_claim(text, match.start(), end, int(hhmm[:2]), int(hhmm[2:])))
    return found


def _worded(text: str, mentions: list[NumberMention]) -> list[Claim]:
    """"half past eight in the evening", "a quarter to nine", "eight in the morning", "eleven at
    night": an hour from one to twelve with minutes before it in words or a part of the day after it
    (which sets a.m. or p.m.)."""
    found = []
    for mention in mentions:
        if mention.ordinal or mention.value != int(mention.value) or not 1 <= mention.value <= 12:
            continue
        before = _PAST_TO_BEFORE.search(text, max(0, mention.start - 24), mention.start)
        part = _DAY_PART_AFTER.match(text, mention.end)
        if before is None and (part is None or not _WORDED_TIME_BEFORE.search(
                text, max(0, mention.start - 10), mention.start)):
            continue
        hour, minute = int(mention.value), 0
        if before is not None:
            minute = _WORD_MINUTES[before["minutes"].lower().split()[-1]]
            if before["way"].lower() == "to":
                hour, minute = (hour - 2) % 12 + 1, 60 - minute
        if part is not None:
            word = part["part"].lower().split()[-1]
            evening = word in ("afternoon", "evening", "tonight") or (word == "night" and hour >= 6)
            hour = hour % 12 + (12 if evening else 0)
        start = before.start() if before is not None else mention.start
        found.append(_claim(text, start, part.end() if part else mention.end, hour, minute))
    return found


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``time`` claims, taking their characters so "9" in "9 a.m." is no number."""
    claims = []
    for claim in sorted(_candidates(text, mentions), key=lambda c: c.span.start):
        if not taken.overlaps(claim.span.start, claim.span.end):
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims
