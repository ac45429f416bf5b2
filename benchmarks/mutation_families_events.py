"""The event families of the mutation benchmark (``benchmarks/mutation_recall.py`` runs them in a
section of their own): statements found by this module's own loose expressions, independent of the
extractor, kept when this module's own arithmetic finds them consistent, each given one clearly
inconsistent mutant.

- ``age_birth``: an age within a few sentences of a birth year ("Smith, who was born in 1935 ...
  Smith, 52,", "aged 52", "52-year-old", "Now 52,"), consistent with the article's date; the age is
  raised by seven.
- ``restated_duration``: an event's length stated twice alike ("talked for 40 minutes ... the
  40-minute call"), the second time after "the", "that", "this", "those" or "their"; the second
  number is tripled.
- ``range_length``: a range of clock times or of days of one month with its length in hours or days
  right after it ("from 9 a.m. to 5 p.m., an eight-hour shift", "from March 3 to March 7, a
  five-day visit"), or a length in days, weeks or months right before a range of dates ("the nine
  days from March 11 through March 20", "the five months from 3 August to 24 December"),
  consistent; the length is raised by half again (at least two).

Series (event counts and ordinals of one series) have no site on this corpus that a loose
expression reads reliably (two counts of one event noun with one scope); they are measured on the
paraphrase corpora (``rules/tests/events/series.md``) only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

EVENT_FAMILIES = ["age_birth", "restated_duration", "range_length"]
EVENT_KINDS = {"age_birth": {"age_birth"}, "restated_duration": {"event"}, "range_length": {"range_length"}}
EVENT_RULES = {"age_birth": {"age-matches-stated-birth"},
               "restated_duration": {"restated-duration-agrees"},
               "range_length": {"range-length-matches", "duration-matches-endpoints"}}

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
          "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90}
_N = rf"(?P<n>\d{{1,3}}|{'|'.join(sorted(_WORDS, key=len, reverse=True))})"
_BORN = re.compile(r"\bborn\b(?:[ \t]+(?:in|on))?[^.;\n]{0,30}?\b(?P<year>1[89]\d\d|20[0-2]\d)\b")
_AGE = re.compile(r"(?:,[ \t](?P<a1>\d{1,3}),|\((?P<a2>\d{1,3})\)|\baged[ \t](?P<a3>\d{1,3})\b"
                  r"|\b(?P<a4>\d{1,3})-year-old\b|\bNow[ \t](?P<a5>\d{1,3}),)")
_EVENT_NOUN = (r"(?:call|conversation|meeting|talks|session|hearing|sitting|summit|strike|walkout|speech"
               r"|debate|interview|stoppage|discussion)")
_DURATION = re.compile(rf"\b{_N}[- ](?P<unit>minute|hour)s?(?:-long)?\b", re.IGNORECASE)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_CLOCK = r"(?P<h{i}>\d{{1,2}})(?::(?P<m{i}>\d\d))?[ \t]*(?P<ap{i}>a\.m\.|p\.m\.|am\b|pm\b)"
_TIME_RANGE = re.compile(rf"\b(?:from|between)[ \t]+{_CLOCK.format(i=1)}[ \t]+(?:to|and|until|till)[ \t]+"
                         rf"{_CLOCK.format(i=2)}")
_DAY_RANGE = re.compile(rf"\b(?:from|between)[ \t]+(?P<mon>{'|'.join(_MONTHS)})[ \t]+(?P<d1>\d{{1,2}})"
                        rf"[ \t]+(?:to|and|until|through)[ \t]+(?:(?P=mon)[ \t]+)?(?P<d2>\d{{1,2}})\b")
_MONTH = rf"(?:{'|'.join(_MONTHS)}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:(?P<m{i}>{month})[ \t]+(?P<d{i}>\d{{1,2}})|(?P<e{i}>\d{{1,2}})[ \t]+(?P<n{i}>{month}))"
# "the nine days from March 11 through March 20", "in the five months from 3 August to 24 December"
_LENGTH_BEFORE = re.compile(
    rf"\b{_N}[- ](?P<unit>day|week|month)s?(?:[ \t]+period)?[ \t]+(?:from|between)[ \t]+"
    rf"{_DAY.format(i=1, month=_MONTH)}[ \t]+(?:to|and|until|through)[ \t]+{_DAY.format(i=2, month=_MONTH)}",
    re.IGNORECASE,
)
_HOURS = re.compile(rf"\b{_N}[- ]hours?\b", re.IGNORECASE)
_DAYS = re.compile(rf"\b{_N}[- ]days?\b", re.IGNORECASE)


@dataclass
class EventCandidate:
    family: str
    sentence: str
    keys: list[tuple[int, int]]  # document spans of the figures the claims must read
    mutation: tuple[int, int, str]
    mutated: str = ""

    @property
    def region(self) -> tuple[int, int]:
        return min(s for s, _ in self.keys), max(e for _, e in self.keys)


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def _age_candidates(text: str, date: dt.date | None) -> Iterator[EventCandidate]:
    if date is None:
        return
    for born in _BORN.finditer(text):
        year = int(born["year"])
        ages = [m for m in _AGE.finditer(text, max(0, born.start() - 150), min(len(text), born.end() + 400))]
        if not ages:
            continue
        age = min(ages, key=lambda m: abs(m.start() - born.start()))
        group = next(g for g in ("a1", "a2", "a3", "a4", "a5") if age[g])
        value = int(age[group])
        if date.year - year - value not in (0, 1):
            continue
        span = age.span(group)
        yield EventCandidate("age_birth", text[min(span[0], born.start()):max(span[1], born.end())],
                             [span, born.span("year")], (*span, str(value + 7)))


def _restated_candidates(text: str) -> Iterator[EventCandidate]:
    timed = []
    for match in _DURATION.finditer(text):
        around = text[max(0, match.start() - 40): match.end() + 40]
        if re.search(rf"\b{_EVENT_NOUN}\b|\b(?:talked|spoke|met|lasted|lasting)\b", around, re.IGNORECASE):
            timed.append(match)
    for index, later in enumerate(timed):
        definite = re.search(r"\b(?:the|that|this|those|their)[ \t]+(?:\S+[ \t]+)?$",
                             text[max(0, later.start() - 30): later.start()], re.IGNORECASE)
        same = [m for m in timed[:index] if (_value(m["n"]), m["unit"].lower())
                == (_value(later["n"]), later["unit"].lower())]
        if definite and same:
            span = later.span("n")
            yield EventCandidate("restated_duration", text[same[-1].start(): later.end()],
                                 [same[-1].span("n"), span], (*span, str(_value(later["n"]) * 3)))


def _hours(match: re.Match[str], i: int) -> float:
    hour = int(match[f"h{i}"]) % 12 + (12 if match[f"ap{i}"].lower().startswith("p") else 0)
    return hour + int(match[f"m{i}"] or 0) / 60


def _range_candidates(text: str) -> Iterator[EventCandidate]:
    for pattern, lengths in ((_TIME_RANGE, _HOURS), (_DAY_RANGE, _DAYS)):
        for found in pattern.finditer(text):
            length = lengths.search(text, found.end(), min(len(text), found.end() + 120))
            if length is None or re.search(r"[.!?]\s", text[found.end():length.start()]):
                continue
            stated = _value(length["n"])
            if pattern is _TIME_RANGE:
                span = (_hours(found, 2) - _hours(found, 1)) % 24
                fits = abs(span - stated) < 0.01
            else:
                span = int(found["d2"]) - int(found["d1"])
                fits = span > 0 and stated in (span, span + 1)
            if not fits:
                continue
            where = length.span("n")
            yield EventCandidate("range_length", text[found.start(): length.end()],
                                 [found.span(), where], (*where, str(stated + max(2, stated // 2))))


def _date(match: re.Match[str], i: int) -> dt.date | None:
    month = (match[f"m{i}"] or match[f"n{i}"]).rstrip(".").lower()[:3]
    day = int(match[f"d{i}"] or match[f"e{i}"])
    number = [m[:3].lower() for m in _MONTHS].index(month) + 1
    try:
        return dt.date(2001, number, day)
    except ValueError:
        return None


def _length_before_candidates(text: str) -> Iterator[EventCandidate]:
    """A length right before the range it measures: "the nine days from March 11 through March 20"."""
    for found in _LENGTH_BEFORE.finditer(text):
        first, last = _date(found, 1), _date(found, 2)
        if first is None or last is None or last <= first:
            continue
        days = (last - first).days
        stated, unit = _value(found["n"]), found["unit"].lower()
        fits = {"day": stated in (days, days + 1), "week": abs(days / 7 - stated) <= 0.5,
                "month": abs(days / 30.44 - stated) <= 0.5}[unit]
        if fits:
            where = found.span("n")
            yield EventCandidate("range_length", found[0], [where, (where[1], found.end())],
                                 (*where, str(stated + max(2, stated // 2))))


def event_candidates(text: str, date: dt.date | None) -> list[EventCandidate]:
    """The consistent event statements of ``text``, one mutant each."""
    return [*_age_candidates(text, date), *_restated_candidates(text), *_range_candidates(text),
            *_length_before_candidates(text)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def event_covered(candidate: EventCandidate, claims: list) -> bool:
    """Whether the extractor read the statement: one claim of the family with every key among its
    parts, or, for a restatement, the two durations in event mentions of one chain."""
    if candidate.family == "restated_duration":
        chains = []
        for key in candidate.keys:
            chains.append({c["chain"] for c in claims if c.kind == "event" and c["duration"] is not None
                           and _overlaps((c["duration"].span.start, c["duration"].span.end), key)})
        return bool(chains[0] & chains[1])
    for claim in claims:
        if claim.kind not in EVENT_KINDS[candidate.family]:
            continue
        spans = [(part.span.start, part.span.end) for part in claim.parts()]
        if all(any(_overlaps(s, key) for s in spans) for key in candidate.keys):
            return True
    return False
