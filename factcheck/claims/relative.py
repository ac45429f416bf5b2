"""Relative dates: "yesterday", "last Thursday", "on Monday", "next month", "this year",
"three years ago", "a week ago", "the day after tomorrow", and the vague "several years ago", "a few
weeks ago", "days ago", "two years back".

Matched, never resolved: each is a ``date`` claim with value None, ``relative`` the signed offset and
``grain`` its unit ("day", "week", "month", "year", "decade", "weekend", or "weekday" with the day in
``weekday``). "three years ago" is relative -3, grain year; "last Thursday" -1 weekday Thursday; a bare
"Thursday" is relative 0 (the nearest Thursday; in news, usually the past one). Rules resolve them
against the document date (``--date``), never the clock. "a couple of months ago" is two months back
(``mod`` APPROX). A shift by no stated count ("several years ago", "a few weeks back") names no one
period: it is ``vague`` ``PAST_REF``, the value TIMEX3 gives a past time it cannot place (HeidelTime
reads it so too); "a few days later" is a length and an anchor, read by the duration extractors.
"""

from __future__ import annotations

import dataclasses
import re

from factcheck.claims import lexicon, literals
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache
from factcheck.values import Duration, Hedge

_TABLE = lexicon.load("relative")
_DEICTIC: dict[str, list] = _TABLE["deictic"]
_DIRECTIONS: dict[str, int] = _TABLE["directions"]
_GRAINS: list[str] = _TABLE["grains"]
_WEEKDAYS = lexicon.words("weekdays")
# Weekdays as chat, minutes and transcripts write them too ("see you monday", "next tuesday"): a full
# weekday name is no other word in lower case, so it is read as the capitalized one.
_WEEKDAY_OF = {variant: day for day in _WEEKDAYS for variant in (day, day.lower())}

# Scans for the key word only (a trie, no leading assertion, so the regex engine skips fast), then
# reads the direction before it ("last", "next") or the article and "ago" around it with anchored matches.
_KEY = regexcache.compile(lexicon.trie([*lexicon.with_capitals(_DEICTIC), *_WEEKDAY_OF, *_GRAINS]) + r"\b")
_DIRECTION_BEFORE = regexcache.compile(
    rf"(?<![\w-])(?P<dir>{lexicon.alternation(lexicon.with_capitals(_DIRECTIONS))}){GAP}$"
)
_DIRECTION_REACH = max(map(len, _DIRECTIONS)) + 2
_DAY_SHIFT_BEFORE = regexcache.compile(rf"(?<![\w-])(?:[Tt]he{GAP})?[Dd]ay{GAP}(?P<rel>after|before){GAP}$")
# A capitalised word (or an acronym) right before a capitalised "Today" in mid-sentence: a title.
_NAME_BEFORE = regexcache.compile(r"(?<![.!?:\"“]\s)(?<![.!?:\"“])\b[A-Z][A-Za-z]*[ \t]$")
# "today's" before a noun of the age rather than of the day: "today's world", "by today's standards".
_GENERIC_AFTER = regexcache.compile(
    rf"['’]s{GAP}(?:(?:young|modern){GAP})?(?:{lexicon.alternation(_TABLE['generic_after_today'])})\b")
_THE_BEFORE = regexcache.compile(rf"(?<![\w-])[Tt]he{GAP}$")
_ARTICLE_BEFORE = regexcache.compile(rf"(?<![\w-])[Aa]n?{GAP}$")
# "ago", "back" and "from now" count from the document date; "earlier" and "later" from the narrative's
# date. "back" only where it ends the phrase ("two years back, the mill"; not "two years back in
# charge", "a week back home", "pushed two weeks back to May").
_BACK = rf"back\b(?!{GAP}(?:to|at|in|into|on|onto|home|from|with|then|when|and|up|down|out|over|for|as)\b|-)"
_SHIFTS = rf"(?:or{GAP}so{GAP})?(?P<rel>ago|{_BACK}|earlier|later|from{GAP}now|hence)\b"  # "a week or so ago"
_AGO = regexcache.compile(rf"{GAP}{_SHIFTS}")
_AGO_AFTER = regexcache.compile(rf"{GAP}(?P<grain>{lexicon.alternation(_GRAINS)})s?{GAP}{_SHIFTS}")
# "several years ago", "a few weeks back": a shift by no count. A bare plural ("just months ago") is left
# to the lengths: TimeBank writes it as one (PXM). "a couple of years ago" is two of them, about: the
# count TimeBank gives "a couple of years" (P2Y, mod APPROX).
_VAGUE_AGO = regexcache.compile(
    rf"(?<![\w-])(?:[Aa]{GAP}few|(?P<couple>[Aa]{GAP}couple{GAP}of)|[Aa]{GAP}number{GAP}of|[Ff]ew|[Ss]everal|"
    rf"[Ss]ome|[Mm]any){GAP}(?P<grain>years|months|weeks|days|decades|centuries|hours|minutes){GAP}"
    rf"(?:or{GAP}so{GAP})?(?:ago\b|{_BACK})")
_PRECISION = {"day": Duration.of(1, "day"), "weekday": Duration.of(1, "day"), "week": Duration.of(1, "week"),
              "weekend": Duration.of(2, "day"), "month": Duration.of(1, "month"),
              "quarter": Duration.of(1, "quarter"),
              "year": Duration.of(1, "year"), "decade": Duration.of(1, "decade"),
              "century": Duration.of(1, "century"), "hour": Duration.of(1, "hour"),
              "minute": Duration.of(1, "minute")}
# A length before "ago" ("a year and a half ago", "three centuries ago", "20 minutes ago") is the point
# it counts back to (TimeML: a DATE, as "three years ago" is), counted in the coarsest grain it fills
# whole: 18 months, 15 years, 3 centuries, 20 minutes.
_LENGTH_SHIFT = regexcache.compile(rf"{GAP}(?:or{GAP}so{GAP})?(?P<rel>ago|{_BACK}|from{GAP}now|hence)\b")
_WHOLE_GRAINS = (("century", 1200), ("decade", 120), ("year", 12), ("month", 1))


def _claim(text: str, start: int, end: int, offset: int, grain: str, weekday: str | None = None,
           shift: re.Match[str] | None = None, anaphoric: bool = False) -> Claim:
    """A relative date; ``shift`` the "ago"/"later" after it, which gives the sign and the anchor."""
    hedge, _ = hedge_before(text, start)
    fields: dict = {"year": None, "month": None, "day": None, "weekday": weekday,
                    "relative": offset, "grain": grain}
    if anaphoric:
        fields["anaphoric"] = True
    if shift is not None:
        fields["relative"] = abs(offset) * (-1 if shift["rel"] in ("ago", "back", "earlier") else 1)
        if shift["rel"] in ("earlier", "later"):
            fields["anaphoric"] = True
    return make_claim(text, "date", start, end, None, hedge=hedge, precision=_PRECISION[grain], fields=fields)


def _from_key(text: str, match: re.Match[str]) -> Claim | None:
    start, end, word = match.start(), match.end(), match[0]
    if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
        return None
    if word.lower() in _DEICTIC:
        if word[0].isupper() and _NAME_BEFORE.search(text, max(0, start - 30), start):
            return None  # "USA Today", "This is VOA Today": a title, not the day
        if word.lower() == "today" and _GENERIC_AFTER.match(text, end):
            return None  # "in today's world", "today's youth": the present age, not the day
        offset, grain = _DEICTIC[word.lower()]
        shift = _DAY_SHIFT_BEFORE.search(text, max(0, start - 20), start) if offset else None
        if shift is not None and (shift["rel"] == "after") == (offset > 0):
            return _claim(text, shift.start(), end, offset * 2, grain)  # "the day after tomorrow": +2
        return _claim(text, start, end, offset, grain)
    direction = _DIRECTION_BEFORE.search(text, max(0, start - _DIRECTION_REACH), start)
    weekday = _WEEKDAY_OF.get(word)
    if direction is not None:
        grain = "weekday" if weekday else word
        offset = _DIRECTIONS[" ".join(direction["dir"].lower().split())]
        # "the previous Friday", "the next Monday": counted from the narrative's day, not today's
        the = _THE_BEFORE.search(text, max(0, direction.start() - 5), direction.start()) \
            if weekday and offset else None
        start = direction.start() if the is None else the.start()
        return _claim(text, start, end, offset, grain, weekday, anaphoric=the is not None)
    if weekday:
        return _claim(text, start, end, 0, "weekday", weekday)
    ago = _AGO.match(text, end)
    article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start) if ago else None
    return _claim(text, article.start(), ago.end(), -1, word, shift=ago) if article and ago else None


def _vague_shift(text: str, match: re.Match[str]) -> Claim:
    grain = match["grain"][:-1]
    if match["couple"] and grain in _PRECISION:  # "a couple of weeks back": two weeks back, about
        claim = _claim(text, match.start(), match.end(), -2, grain)
        return dataclasses.replace(claim, hedge=Hedge.APPROX, fields={**claim.fields, "mod": "APPROX"})
    hedge, _ = hedge_before(text, match.start())
    return make_claim(text, "date", match.start(), match.end(), None, hedge=hedge,
                      fields={"year": None, "month": None, "day": None, "weekday": None, "relative": None,
                              "grain": None, "vague": "PAST_REF"})


def length_shift(text: str, end: int) -> re.Match[str] | None:
    """The "ago", "back", "from now" or "hence" right after a length ending at ``end``."""
    return _LENGTH_SHIFT.match(text, end)


def shifted_length(text: str, start: int, shift: re.Match[str], length: Duration, unit: str) -> Claim:
    """The date a length before "ago" (or after "from now") points to: "a year and a half ago" is 18
    months back, "a decade and a half ago" 15 years, "three centuries ago" 3 centuries, "an hour ago" one
    hour; a decade or century only when the unit stated is one ("20 years ago" stays in years)."""
    if length.months and not length.days and not length.seconds:
        for grain, months in _WHOLE_GRAINS:
            count = length.months / months
            if count == int(count) and (grain not in ("century", "decade") or unit == grain):
                return _claim(text, start, shift.end(), int(count), grain, shift=shift)
    if length.seconds and not length.months and not length.days:
        for grain, seconds in (("hour", 3600), ("minute", 60)):
            if length.seconds % seconds == 0:
                return _claim(text, start, shift.end(), int(length.seconds // seconds), grain, shift=shift)
    grain = "week" if unit == "week" and length.days % 7 == 0 else "day"
    days = round(length.in_unit("day") / (7 if grain == "week" else 1))
    return _claim(text, start, shift.end(), days, grain, shift=shift)


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """Relative ``date`` claims not overlapping a calendar date already found."""
    candidates = [c for c in (_from_key(text, m) for m in literals.finditer(_KEY, text)) if c is not None]
    for mention in mentions:
        ago = _AGO_AFTER.match(text, mention.end)
        if ago is not None and not mention.ordinal and mention.value == int(mention.value):
            candidates.append(_claim(text, mention.start, ago.end(), -int(mention.value), ago["grain"],
                                     shift=ago))
    if "ago" in text or "back" in text:
        candidates += [_vague_shift(text, m) for m in literals.finditer(_VAGUE_AGO, text)]
    claims = []
    for claim in sorted(candidates, key=lambda c: (c.span.start, -c.span.end)):
        if not taken.overlaps(claim.span.start, claim.span.end):
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims
