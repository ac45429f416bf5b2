"""Ranges of times or dates with the length a writer states for them, in one sentence or across two:
"between 2 p.m. and 6 p.m., a three-hour sitting", "lasts from April 11 to April 14, a week-long
festival", "began at half past eight in the evening and ran until midnight, a five-hour session",
"The hearing ran from 9 a.m. to 11 a.m. ... The three-hour hearing heard ten witnesses".

The endpoints are a ``range`` claim of two times or two dates, or two times or dates of one sentence
whose second follows "until", "to", "ended at", "closed at". The length is the first duration after
them in the same sentence (else an adjectival one before them: "the week-long festival runs from"),
or, when their sentence states none, a definite or demonstrative duration opening the next
sentence's statement ("The three-hour hearing", "those eight hours"): a length a reader takes as the
one just given. An indefinite one there ("A two-hour lunch break was once common") is news of its
own, and is left alone. A length in days is never read for two times of day, nor hours for two dates.

Each becomes a ``range_length`` claim, bound ``sentence`` (spanning the endpoints and the length) or
``next_sentence`` (spanning the length, where a finding is reported).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from factcheck.claims.base import make_claim
from factcheck.claims.model import Binding, Claim
from factcheck.claims.sentences import sentence_starts
from factcheck.startup import regexcache
from factcheck.values import Duration

_END_BEFORE = regexcache.compile(
    r"\b(?:until|till|to|through|ended[ \t]+at|ending[ \t]+at|finished[ \t]+at|closed[ \t]+at"
    r"|closing[ \t]+at|wrapped[ \t]+up[ \t]+at|adjourned[ \t]+at)[ \t]+$",
    re.IGNORECASE,
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_DAY = Duration.of(1, "day")
_DATE_UNITS = frozenset({"day", "week", "month", "year", "decade"})
_MAX_PAIR_GAP = 40
_NEAR_AFTER = 48  # ", a three-hour sitting", "and ran until midnight, a five-hour session"
# words, and a comma before the endpoints: "sat for four hours, from 9.30am until 2.30pm"
_WORDS_ONLY = regexcache.compile(r"[ \t\w-]*,?[ \t\w-]*")
_DIGIT = regexcache.compile(r"\d")
_ADJACENT = 12  # "five months from", "the 10 days between": the length right before the endpoints
# "The week-long festival runs from": the length's noun and a verb, nothing more, before the endpoints.
_NOUN_AND_VERB = regexcache.compile(r"(?:[ \t]+[\w-]+){1,4}[ \t]+")
# ... or, after a length written as an adjective ("ten-day", "three-year"), its noun phrase, perhaps a
# verb, and a comma: "The ten-day Brecon Jazz Trail runs from 4 to 15 May", "a three-year term as
# leader of the council, from 2021 to 2025"
_ADJECTIVE_NOUN = regexcache.compile(r"(?:[ \t]+[\w'’-]+){1,8}(?:,(?:[ \t]+[\w'’-]+){0,2})?[ \t]+")
# "9,000 tonnes a year", "twice a day": a rate, not a length.
_RATE_BEFORE = regexcache.compile(r"(?:\d|\w+s|once|twice|per)[ \t]+$")
_COMPARATIVE = regexcache.compile(r"\b(?:more|fewer|less|extra|additional|further)\b", re.IGNORECASE)
# "changed its year end from Aug 31 to Dec 31": a change of date, not a stretch of time.
_CHANGE_BEFORE = regexcache.compile(
    r"\b(?:chang|mov|shift|switch|push|bring|brought|postpon|delay|resched|revis)\w*\b[^.;]{0,30}$",
    re.IGNORECASE,
)
# "on a year earlier", "two days later": an offset, not a length.
_OFFSET_AFTER = regexcache.compile(r"[ \t]+(?:earlier|later|ago|before|after|since|from[ \t]+now)\b")


def _pairs(text: str, atoms: list[Claim], ranges: list[Claim],
           starts: list[int]) -> list[tuple[Claim, Claim, int]]:
    """Endpoints and where they start: the ranges of times or dates ("between 2 p.m. and 6 p.m."),
    and "at X ... until Y" within one sentence."""
    pairs = [(r["low"], r["high"], r.span.start) for r in ranges if r["of"] in ("time", "date")]
    in_range = {id(claim) for pair in pairs for claim in pair[:2]}
    points = [c for c in atoms
              if c.kind in ("time", "date") and id(c) not in in_range and c.value is not None]
    for first, second in itertools.pairwise(points):
        sentence = bisect.bisect_right(starts, first.span.start)
        near = second.span.start - first.span.end <= _MAX_PAIR_GAP
        same = sentence == bisect.bisect_right(starts, second.span.start)
        if (first.kind == second.kind and near and same
                and _END_BEFORE.search(text, max(0, second.span.start - 24), second.span.start)):
            pairs.append((first, second, first.span.start))
    return pairs


def _fits(duration: Claim, kind: str) -> bool:
    """A length under a day for two times; one stated in days, weeks, months or years for two dates
    ("171 hours from 20 March to 27 March" counts hours of something, not the days between)."""
    if kind == "time":
        return bool(duration.value < _DAY)
    return duration.unit in _DATE_UNITS


def _before(later: Claim, earlier: Claim) -> bool:
    """Two dates stated in the wrong order (times may wrap past midnight)."""
    return later.kind == "date" and bool(later.value < earlier.value)


def _is_length(text: str, duration: Claim, kind: str) -> bool:
    """Whether ``duration`` may state how long a range of ``kind`` lasts: not an offset ("a year
    earlier"), a rate ("9,000 tonnes a year") or a difference ("two more weeks")."""
    if not _fits(duration, kind) or _OFFSET_AFTER.match(text, duration.span.end):
        return False
    if _COMPARATIVE.search(duration.text):
        return False
    rate = duration.text[:2].lower() in ("a ", "an") and _RATE_BEFORE.search(
        text, max(0, duration.span.start - 16), duration.span.start)
    return not rate


def _figure_between(text: str, start: int, end: int, dates: list[Claim]) -> bool:
    """Whether a figure stands between ``start`` and ``end`` other than in a date ("from 7am to 10pm
    on Thursday 7 May, a 12-hour window": the day of the range, no other figure)."""
    inside = [(d.span.start, d.span.end) for d in dates if start <= d.span.start and d.span.end <= end]
    return any(not any(low <= m.start() < high for low, high in inside)
               for m in _DIGIT.finditer(text, start, end))


def _length(text: str, durations: list[Claim], dates: list[Claim], starts: list[int], low: Claim,
            high: Claim) -> tuple[Claim, Binding] | None:
    """The length stated for ``low`` to ``high``, and how far from them it was."""
    text_length = len(text)
    sentence = bisect.bisect_right(starts, low.span.start) - 1
    begin = starts[sentence]
    end = starts[sentence + 1] if sentence + 1 < len(starts) else text_length
    fitting = [d for d in durations if _is_length(text, d, low.kind)]
    just_before = [d for d in fitting if 0 <= low.span.start - d.span.end <= _ADJACENT
                   and _WORDS_ONLY.fullmatch(text, d.span.end, low.span.start)]
    if just_before:  # "the five months from 3 August to 24 December"
        return just_before[-1], Binding.SENTENCE
    after = [d for d in fitting if high.span.end <= d.span.start < min(end, high.span.end + _NEAR_AFTER)
             and not _figure_between(text, high.span.end, d.span.start, dates)]
    if after:
        return after[0], Binding.SENTENCE
    before = [d for d in fitting if begin <= d.span.start and d.span.end <= low.span.start
              and ((d["event"] is not None and _NOUN_AND_VERB.fullmatch(text, d.span.end, low.span.start))
                   or ("-" in d.text and _ADJECTIVE_NOUN.fullmatch(text, d.span.end, low.span.start)))]
    if before:
        return before[-1], Binding.SENTENCE
    if sentence + 1 >= len(starts) or (low.kind == "date" and low.fields.get("day") is None):
        return None  # dates to the month only: "the three months to end January" after "October 1985
        # to October 1986" is another stretch; the length of such ends must be in their sentence
    following = starts[sentence + 2] if sentence + 2 < len(starts) else text_length
    later = [d for d in durations if end <= d.span.start < following]
    if later and _fits(later[0], low.kind) and later[0]["determiner"] in _DEFINITE:
        return later[0], Binding.NEXT_SENTENCE
    return None


def extract(text: str, atoms: list[Claim], ranges: list[Claim]) -> list[Claim]:
    """``range_length`` claims: endpoints and the length stated for them."""
    durations = [c for c in atoms if c.kind == "duration"]
    if not durations:
        return []
    dates = [c for c in atoms if c.kind == "date"]
    starts = [0, *sentence_starts(text)]
    found, used = [], set()
    for low, high, opening in _pairs(text, atoms, ranges, starts):
        if _CHANGE_BEFORE.search(text, max(0, opening - 48), opening):
            continue
        if low.value is not None and high.value is not None and _before(high, low):
            continue  # "12 months ended Dec 31, 1986, and eight months ended Dec 31 1985"
        length = _length(text, durations, dates, starts, low, high)
        if length is None or length[0].span.start in used:
            continue
        duration, binding = length
        used.add(duration.span.start)
        start, end = min(opening, duration.span.start), max(high.span.end, duration.span.end)
        if binding is Binding.NEXT_SENTENCE:  # reported where the length is restated
            start, end = duration.span.start, duration.span.end
        claim = make_claim(text, "range_length", start, end, duration.value, unit=duration.unit,
                           hedge=duration.hedge, precision=duration.precision,
                           fields={"duration": duration, "begin": low, "finish": high})
        found.append(replace(claim, binding=binding))
    return found
