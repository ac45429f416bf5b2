"""Days named inside a period counted from the document date: "Tuesday next week", "on Friday of last
week", "next week on Sunday", "the first Saturday of next month", "the last Monday of this month",
"the 15th of next month".

Each is one ``date`` claim whose ``relative`` and ``grain`` name the period ("next week": 1, week) and
whose ``weekday``, ``nth`` or ``day`` name the day in it; ``factcheck.timex`` resolves it to the full
date. Read before the relative dates, which would otherwise take "Tuesday" and "next week" apart (a
weekday alone is the last or next one by the tense, which the week stated overrides).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.claims import lexicon
from factcheck.claims.base import Taken
from factcheck.claims.model import Claim
from factcheck.claims.periods import calendar_claim
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache

_WEEKDAYS = lexicon.words("weekdays")
# Full weekday names are no other word in lower case ("friday of last week" in chat and minutes).
_WEEKDAY = lexicon.alternation([*_WEEKDAYS, *(w.lower() for w in _WEEKDAYS)])
_DIRECTIONS = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1, "this": 0}
_DIRECTION = (rf"(?P<dir>[Nn]ext|[Cc]oming|[Ll]ast|[Pp]ast|[Pp]revious|[Tt]his"
              rf"|[Tt]he{GAP}(?:coming|past|previous))")
# "Tuesday next week", "Friday of last week", "on Sunday of this week" (not "Tuesday, last week's
# winner", nor "Friday this week's talks": the week there qualifies what follows).
_WEEKDAY_OF_WEEK = regexcache.compile(
    rf"(?<![\w-])(?P<weekday>{_WEEKDAY}){GAP}(?:of{GAP})?{_DIRECTION}{GAP}week\b(?![-'’])"
)
# The week first, as chat and schedules write it: "next week Sunday", "this week on Friday" (not "last
# week Friday's close": the day there qualifies what follows).
_WEEK_THEN_WEEKDAY = regexcache.compile(
    rf"(?<![\w-]){_DIRECTION}{GAP}week(?:{GAP}on)?{GAP}(?P<weekday>{_WEEKDAY})\b(?![-'’])"
)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
# "the first Saturday of next month", "the last Friday in this month".
_NTH_WEEKDAY_OF_MONTH = regexcache.compile(
    rf"(?<![\w-])(?:[Tt]he{GAP})?(?P<nth>(?i:{lexicon.alternation(_NTH)})){GAP}(?P<weekday>{_WEEKDAY}){GAP}"
    rf"(?:of|in){GAP}{_DIRECTION}{GAP}month\b(?![-'’])"
)
_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth", "twentieth"]
_DAY_WORDS = {word: n for n, word in enumerate(_ORDINAL_WORDS, 1)}
_DAY_WORDS.update({f"twenty-{w}": 20 + n for n, w in enumerate(_ORDINAL_WORDS[:9], 1)})
_DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31})
# "the 15th of next month", "the first of this month", "on the 3rd of last month", "20th day of next
# month" (a bare figure stays a number: "20 of next month's deliveries").
_DAY_OF_MONTH = regexcache.compile(
    rf"(?<![\w-])(?:[Tt]he{GAP}(?P<day>[1-3]?\d(?:st|nd|rd|th)|{lexicon.alternation(_DAY_WORDS)})"
    rf"|(?P<digits>[1-3]?\d(?:st|nd|rd|th)))(?:{GAP}day)?{GAP}of{GAP}"
    rf"{_DIRECTION}{GAP}month\b(?![-'’])"
)


def _offset(m: re.Match[str]) -> int:
    return _DIRECTIONS[m["dir"].lower().split()[-1]]


def _weekday_of_week(text: str, m: re.Match[str]) -> Claim:
    return calendar_claim(text, m.start(), m.end(), relative=_offset(m), grain="week",
                          weekday=m["weekday"].capitalize())


def _nth_weekday_of_month(text: str, m: re.Match[str]) -> Claim:
    return calendar_claim(text, m.start(), m.end(), relative=_offset(m), grain="month",
                          weekday=m["weekday"].capitalize(), nth=_NTH[m["nth"].lower()])


def _day_of_month(text: str, m: re.Match[str]) -> Claim | None:
    word = (m["day"] or m["digits"]).lower()
    day = _DAY_WORDS.get(word) or int(word[:-2])
    if not 1 <= day <= 31:
        return None
    return calendar_claim(text, m.start(), m.end(), relative=_offset(m), grain="month", day=day)


_SCANS: list[tuple[re.Pattern[str], Callable[[str, re.Match[str]], Claim | None]]] = [
    (_WEEKDAY_OF_WEEK, _weekday_of_week), (_WEEK_THEN_WEEKDAY, _weekday_of_week),
    (_NTH_WEEKDAY_OF_MONTH, _nth_weekday_of_month),
    (_DAY_OF_MONTH, _day_of_month)]


def extract(text: str, taken: Taken) -> list[Claim]:
    """The days inside relative periods, over characters still free."""
    if "week" not in text and "month" not in text:
        return []
    claims = []
    for pattern, build in _SCANS:
        for match in pattern.finditer(text):
            claim = build(text, match)
            if claim is not None and not taken.overlaps(claim.span.start, claim.span.end):
                claims.append(claim)
                taken.mark(claim.span.start, claim.span.end)
    return claims
