"""Composite claims built on the atomic ones: ``event_count`` and ``elapsed``.

- event_count: "their eighth conversation in just eight months", "the seventh phone call between the
  two presidents in three months", "their five calls over the past three months", "meeting for the
  fourth time". An ordinal or a count, an event noun from ``lexicon/events.yaml`` right after it, and
  optionally the duration the series is counted over, later in the same sentence.
- elapsed: "the past nine months of Trump's second term": a relation word, a duration, "of" and the
  named interval.

Each composite starts from one atomic claim and reads a bounded window around it with anchored
regexes; durations are looked up by their start offset, so there is no pairing of claims.
"""

from __future__ import annotations

import re

from factcheck.claims import lexicon
from factcheck.claims.base import make_claim
from factcheck.claims.model import Claim
from factcheck.startup import regexcache

_SP = r"[ \t\u00a0]+"
_EVENTS = lexicon.event_phrases()
_VERBS: dict[str, str] = lexicon.load("events").get("verb_forms", {})
_WINDOW = 90

# An optional modifier word, then the event phrase: "eighth conversation", "fifth face-to-face meeting".
_EVENT_AFTER = regexcache.compile(
    rf"{_SP}(?:(?P<mod>[a-z][a-z-]*){_SP})?(?P<event>{lexicon.alternation(_EVENTS)})\b(?!-)"
)
# "met for the fourth time": the event named by a verb or noun before "for the <ordinal> time".
_EVENT_FOR_THE = regexcache.compile(
    rf"\b(?P<event>{lexicon.alternation([*_EVENTS, *_VERBS])}){_SP}for{_SP}the{_SP}$", re.IGNORECASE
)
_TIME_AFTER = regexcache.compile(rf"{_SP}time\b")
_SENTENCE_END = regexcache.compile(r"[.!?;](?=\s|$)|\n")
_JOINER = regexcache.compile(
    rf"\b(?:{lexicon.alternation(lexicon.load('events')['period_joiners'])}){_SP}"
    rf"(?:(?:{lexicon.alternation(lexicon.load('events')['period_fillers'])}){_SP})*",
    re.IGNORECASE,
)

_RELATION_BEFORE = regexcache.compile(
    rf"\b(?P<relation>{lexicon.alternation(lexicon.words('elapsed_relations'))}){_SP}$", re.IGNORECASE
)
_OF = regexcache.compile(rf"{_SP}of{_SP}")
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "this", "that", "these", "those", "our",
                          "my", "your", "a", "an"})
_STOPS = frozenset(lexicon.words("phrase_stops"))
_PHRASE_WORD = regexcache.compile(rf"(?:{_SP})?(?P<word>[A-Za-z0-9]+(?:[’'.-][A-Za-z0-9]+)*(?:[’']s?)?)")
_MAX_PHRASE_WORDS = 6


def _sentence_limit(text: str, start: int) -> int:
    """Where the sentence containing ``start`` ends, looking at most ``_WINDOW`` characters ahead."""
    limit = min(len(text), start + _WINDOW)
    match = _SENTENCE_END.search(text, start, limit)
    return match.start() if match else limit


def _period_after(text: str, start: int, durations: dict[int, Claim]) -> Claim | None:
    """The first duration in the rest of the sentence that a joiner introduces ("in just eight
    months", "over the past three months")."""
    for joiner in _JOINER.finditer(text, start, _sentence_limit(text, start)):
        duration = durations.get(joiner.end())
        if duration is not None:
            return duration
    return None


def _event_count(text: str, head: Claim, start: int, event: str, event_end: int,
                 durations: dict[int, Claim]) -> Claim:
    """An event_count claim from ``start`` through the event, or through its period if one follows."""
    period = _period_after(text, event_end, durations)
    end = period.span.end if period is not None else event_end
    ordinal = head if head.kind == "ordinal" else None
    count = head if head.kind == "number" else None
    return make_claim(
        text, "event_count", start, end, head.value, hedge=head.hedge, precision=head.precision,
        fields={"event": event, "ordinal": ordinal, "count": count, "period": period},
    )


def _from_ordinal(text: str, ordinal: Claim, durations: dict[int, Claim]) -> Claim | None:
    """"eighth conversation in just eight months" or "met for the fourth time this year"."""
    match = _EVENT_AFTER.match(text, ordinal.span.end)
    if match is not None:
        event = _EVENTS[_normalize(match["event"])]
        return _event_count(text, ordinal, ordinal.span.start, event, match.end(), durations)
    time = _TIME_AFTER.match(text, ordinal.span.end)
    before = _EVENT_FOR_THE.search(text, max(0, ordinal.span.start - 40), ordinal.span.start)
    if time is None or before is None:
        return None
    word = _normalize(before["event"])
    event = _EVENTS.get(word) or _VERBS[word]
    return _event_count(text, ordinal, before.start(), event, time.end(), durations)


def _from_count(text: str, number: Claim, durations: dict[int, Claim]) -> Claim | None:
    """"five calls over the past three months": a whole count followed by a plural event noun."""
    if number.value is None or number.value != number.value.to_integral_value() or number.value < 2:
        return None
    match = _EVENT_AFTER.match(text, number.span.end)
    if match is None or not match["event"].endswith("s"):
        return None
    event = _EVENTS[_normalize(match["event"])]
    return _event_count(text, number, number.span.start, event, match.end(), durations)


def _normalize(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower())


def event_counts(text: str, atoms: list[Claim]) -> list[Claim]:
    """``event_count`` claims, one per ordinal or count that heads an event noun."""
    durations = {c.span.start: c for c in atoms if c.kind == "duration"}
    found = []
    for claim in atoms:
        if claim.kind == "ordinal":
            composite = _from_ordinal(text, claim, durations)
        elif claim.kind == "number" and claim.unit is None:
            composite = _from_count(text, claim, durations)
        else:
            continue
        if composite is not None:
            found.append(composite)
    return found


def _interval_after(text: str, end: int) -> tuple[str, int] | None:
    """The named interval after "of": determiners, then up to six words that are neither function
    words nor "-ed" verbs ("of Trump's second term have revealed" → "Trump's second term")."""
    of = _OF.match(text, end)
    if of is None:
        return None
    position, words, phrase_end = of.end(), 0, -1
    while words < _MAX_PHRASE_WORDS:
        match = _PHRASE_WORD.match(text, position)
        if match is None:
            break
        word = match["word"].lower()
        if word in _DETERMINERS and phrase_end < 0 and words == 0:
            position = match.end()
            continue
        if word in _STOPS or (word.endswith("ed") and match["word"].islower()):
            break  # a function word or a verb ("of 2004 compared with ...") ends the name
        phrase_end, position, words = match.end(), match.end(), words + 1
        if word.isdigit():
            break  # "of 2004": a year names the interval by itself
    if phrase_end < 0:
        return None
    return text[of.end() : phrase_end], phrase_end


def elapsed(text: str, atoms: list[Claim]) -> list[Claim]:
    """``elapsed`` claims: "the past nine months of Trump's second term", "the first 100 days of his
    presidency"."""
    found = []
    for duration in atoms:
        if duration.kind != "duration" or duration["event"] is not None:
            continue
        relation = _RELATION_BEFORE.search(text, max(0, duration.span.start - 16), duration.span.start)
        interval = _interval_after(text, duration.span.end) if relation else None
        if relation is None or interval is None:
            continue
        name, end = interval
        found.append(make_claim(
            text, "elapsed", relation.start("relation"), end, duration.value, unit=duration.unit,
            hedge=duration.hedge, precision=duration.precision,
            fields={
                "period": duration,
                "of": name.replace("’", "'"),
                "relation": relation["relation"].lower(),
            },
        ))
    return found

