"""Lengths of time: "eight months", "2.5 hours", "a decade", "half an hour", and the adjectival
forms "a 90-minute call", "nearly two-and-a-half-hour discussion", "an hour-long meeting".

A duration is a number mention followed by a unit (checked with one anchored match at the mention's
end), or an article before a unit ("a decade"), found by one regex pass. The adjectival form names
the event it measures: the noun right after it ("90-minute call" → call); "the call lasted two hours"
names it before.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims import lexicon
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.values import Duration

_UNITS = lexicon.unit_names()
_UNIT = rf"(?:{lexicon.alternation(_UNITS)})"
_SP = r"[ \t\u00a0]"

# After a number mention: " months", "-minute", "-hour-long".
_UNIT_AFTER = re.compile(
    rf"(?P<sep>{_SP}+|{_SP}*-{_SP}*)(?P<unit>{_UNIT})\b(?P<long>-long\b)?", re.IGNORECASE
)
# An article standing for one: "a decade", "an hour-long meeting", "half an hour", "a year and a half".
_ARTICLE_UNIT = re.compile(
    rf"\b(?P<half>half{_SP}+)?(?P<article>an?){_SP}+(?P<halfhyph>half-)?(?P<unit>{_UNIT})\b"
    rf"(?P<long>-long\b)?(?P<andhalf>{_SP}+and{_SP}+a{_SP}+half\b)?",
    re.IGNORECASE,
)
# "30-year-old" is an age and "five-year-plan" a name; "a second term" is an ordinal.
_NOT_AFTER_ADJECTIVAL = re.compile(r"-(?:old|olds)\b|-[A-Za-z]")
# "2.5 hours" is said for two and a half hours: its step is the half, not a tenth of an hour.
_FRACTION_STEPS = {
    Decimal("0.5"): Decimal("0.5"),
    Decimal("0.25"): Decimal("0.25"),
    Decimal("0.75"): Decimal("0.25"),
}
_LEADING_ARTICLE = re.compile(rf"an?{_SP}+(?=half\b)", re.IGNORECASE)
# "twice a year", "£5.60 an hour", "70 miles an hour" are rates, not lengths of time.
_RATE_BEFORE = re.compile(
    r"(?:\d[\w%]*|\b(?:once|twice|thrice|times|per|every|each|miles|kilometres|kilometers|km|dollars|pounds"
    r"|euros|cents|pence))[ \t]+$",
    re.IGNORECASE,
)
_SECOND_AS_UNIT_AFTER = re.compile(r"[.,;:!?)]|[ \t]+(?:ago|later|earlier|or|and|before|after)\b")

_DETERMINER_BEFORE = re.compile(
    rf"(?:^|(?<=[^\w-]))(?P<det>{lexicon.alternation(lexicon.words('determiners'))}){_SP}+"
    rf"(?:(?:{lexicon.alternation(lexicon.words('determiner_skips'))}){_SP}+)?$",
    re.IGNORECASE,
)
_EVENT_WORD = re.compile(r"[ \t]+(?P<word>[a-z][a-z-]*)\b")
_STOPS = frozenset(lexicon.words("phrase_stops"))
_EVENTS = lexicon.event_phrases()
_EVENT_BEFORE = re.compile(
    rf"\b(?P<event>{lexicon.alternation(_EVENTS)})[ \t]+"
    rf"(?:{lexicon.alternation(lexicon.words('duration_verbs'))})[ \t]+(?:for[ \t]+)?[a-z ]{{0,12}}$",
    re.IGNORECASE,
)


def _duration_claim(text: str, start: int, end: int, amount: Decimal, step: Decimal, unit: str,
                    adjectival: bool) -> Claim:
    hedge, hedge_start = hedge_before(text, start, duration=True)
    event = _event_after(text, end) if adjectival else _event_before(text, start)
    return make_claim(
        text, "duration", start, end, Duration.of(amount, unit),
        unit=unit, hedge=hedge, precision=Duration.of(step, unit),
        fields={"event": event, "determiner": _determiner(text, start, hedge_start)},
    )


def _determiner(text: str, start: int, hedge_start: int) -> str | None:
    """The article or demonstrative opening the phrase: "a" in "a 90-minute call", "the" in "the past
    nine months", "this" in "this nearly two-and-a-half-hour discussion"; "a" in "a decade"."""
    if text[start : start + 2].lower() in ("a ", "an"):
        return text[start : start + 2].strip().lower()
    match = _DETERMINER_BEFORE.search(text, max(0, hedge_start - 24), hedge_start)
    return match["det"].lower() if match else None


def _event_after(text: str, end: int) -> str | None:
    """The head of the noun phrase after an adjectival duration: "90-minute phone call" → "call".

    Reads at most three lower-case words, stopping at a function word or a verb-looking "-ed"/"-ly"
    word; a known event noun wins, else the last word read (English compounds are head-final)."""
    words: list[str] = []
    position = end
    while len(words) < 3:
        match = _EVENT_WORD.match(text, position)
        if match is None:
            break
        word = match["word"]
        if word in _STOPS or word.endswith(("ed", "ly")):
            break
        words.append(word)
        position = match.end()
    for count in range(len(words), 0, -1):
        phrase = " ".join(words[:count])
        if phrase in _EVENTS:
            return _EVENTS[phrase]
    for word in words:
        if word in _EVENTS:
            return _EVENTS[word]
    return words[-1] if words else None


def _event_before(text: str, start: int) -> str | None:
    """"the call lasted two hours" → "call": an event noun, a duration verb, then the duration."""
    match = _EVENT_BEFORE.search(text, max(0, start - 60), start)
    if match is None:
        return None
    return _EVENTS.get(re.sub(r"\s+", " ", match["event"].lower()))


def _from_mention(text: str, mention: NumberMention) -> Claim | None:
    """"eight months", "2.5 hours", "90-minute", "two-and-a-half-hour" from a number and its unit."""
    match = _UNIT_AFTER.match(text, mention.end)
    if match is None or mention.ordinal:
        return None
    adjectival = "-" in match["sep"]
    unit_word = match["unit"].lower()
    unit = _UNITS[unit_word]
    if adjectival and (unit_word != unit or _NOT_AFTER_ADJECTIVAL.match(text, match.end())):
        return None  # "10-years" is no adjective; "30-year-old" is an age
    spelled_one = mention.value == 1 and not mention.digits
    if not adjectival and spelled_one and _ordinal_second(text, unit_word, match):
        return None  # "one second chance"
    adjectival = adjectival or bool(match["long"])
    start = mention.start
    if adjectival and not mention.digits:
        article = _LEADING_ARTICLE.match(text, start, mention.end)
        start = article.end() if article else start  # "a half-hour show": "a" is the show's article
    step = _FRACTION_STEPS.get(mention.value % 1, mention.step) if mention.digits else mention.step
    return _duration_claim(text, start, match.end(), mention.value, step, unit, adjectival)


def _ordinal_second(text: str, unit_word: str, match: re.Match[str]) -> bool:
    """"a second term", "one second chance": "second" after one is an ordinal unless the phrase ends
    there ("wait a second.") or goes on like a length of time ("a second later")."""
    return unit_word == "second" and _SECOND_AS_UNIT_AFTER.match(text, match.end()) is None


def _from_article(text: str, match: re.Match[str]) -> Claim | None:
    """"a decade", "an hour", "half an hour", "a half-hour", "a year and a half", "an hour-long"."""
    unit_word = match["unit"].lower()
    unit = _UNITS[unit_word]
    if unit_word != unit:
        return None  # "a months-long war" states no number
    start = match.start()
    if _RATE_BEFORE.search(text, max(0, start - 12), start):
        return None  # "twice a year" is a rate
    if not (match["half"] or match["halfhyph"]) and _ordinal_second(text, unit_word, match):
        return None  # "a second term"
    amount, step = Decimal(1), Decimal(1)
    if match["half"] or match["halfhyph"]:
        amount, step = Decimal("0.5"), Decimal("0.5")
    elif match["andhalf"]:
        amount, step = Decimal("1.5"), Decimal("0.5")
    if match["halfhyph"]:
        start = match.start("halfhyph")  # "a half-hour meeting": the article belongs to "meeting"
    elif match["long"]:
        start = match.start("unit")  # "an hour-long meeting"
    adjectival = bool(match["long"] or match["halfhyph"])
    return _duration_claim(text, start, match.end(), amount, step, unit, adjectival)


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``duration`` claims, from number mentions and from articles, skipping taken characters."""
    claims = []
    candidates = [_from_mention(text, m) for m in mentions]
    candidates += [_from_article(text, m) for m in _ARTICLE_UNIT.finditer(text)]
    for claim in sorted((c for c in candidates if c is not None), key=lambda c: (c.span.start, -c.span.end)):
        if not taken.overlaps(claim.span.start, claim.span.end):
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims
