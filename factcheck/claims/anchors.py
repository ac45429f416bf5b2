"""Ages and anniversaries whose anchor year is stated elsewhere in the document.

- Birth years and later ages: "Maria Keller, who was born in 1958, ... Keller, 60, still runs it",
  "Born in the winter of 1984 ... Now 50, she ...", "Reyes was born in 1940 ... Reyes, who died on
  Monday aged 92". A birth statement ("born in YEAR", "born in the winter of YEAR") is tied to the
  name before it, if any; a later age is tied to it by the person's full name, by the surname when
  only one birth has it, or, for an unnamed birth, by "Now N," opening one of the next two sentences.
  Each pair is an ``age_birth`` claim spanning the age (where a finding is reported).
- Years counted from an event: "reopened in 2020, 15 years after it was demolished in 2002", "In
  2010, a quarter of a century after it was founded" with "founded in 1990" in another paragraph.
  The anchor is the year stated with the verb, in the sentence or anywhere in the document; the
  target the year stated before the offset in its sentence. Each is a ``years_from`` claim.

Pairs within one phrase ("Smith, 52, born in 1973") are the pattern files' to read; these are the
pairs a pattern cannot reach, bound ``next_sentence`` or ``document``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factcheck.claims.base import make_claim
from factcheck.claims.model import Binding, Claim
from factcheck.claims.sentences import SentenceIndex
from factcheck.startup import regexcache

_BORN_BEFORE = regexcache.compile(
    r"\b[Bb]orn[ \t]+(?:in|on)[ \t]+(?:(?:the[ \t]+)?(?:winter|spring|summer|autumn|fall|early|late|middle)"
    r"[ \t]+(?:of[ \t]+)?)?$"
)
_NAME_BEFORE_BORN = regexcache.compile(
    r"(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}),?[ \t]+(?:who[ \t]+)?(?:was|is)[ \t]+$"
)
_NOW_BEFORE = regexcache.compile(r"(?:^|[.!?][ \t]*\n*[ \t]*|\n)[ \t]*Now[ \t]+$")
# The verbs of "15 years after it was demolished", "a decade after it was promoted", "after it opened".
_ANCHOR_VERBS = (
    "founded", "established", "built", "opened", "demolished", "destroyed", "rebuilt", "completed",
    "launched", "created", "formed", "closed", "signed", "elected", "born", "promoted", "relegated",
    "restored", "renovated", "acquired", "bought", "sold", "merged", "listed", "privatised", "privatized",
    "nationalised", "nationalized", "discovered", "published", "released", "introduced", "abolished",
    "dissolved", "started", "inaugurated", "unveiled", "banned", "legalised", "legalized",
)
_AFTER_VERB = regexcache.compile(
    r"[ \t]+after[ \t]+(?:it|they|he|she|the[ \t]+[\w-]+(?:[ \t]+[\w-]+)?)[ \t]+"
    rf"(?:(?:was|were|had[ \t]+been|had)[ \t]+)?(?P<verb>{'|'.join(_ANCHOR_VERBS)})(?P<in>[ \t]+in[ \t]+)?"
)
_NEXT_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class _Birth:
    """A birth date in the text, its sentence, and the name of the person born when one is written."""

    name: str | None
    date: Claim
    sentence: int


def _births(text: str, dates: list[Claim], sentences: SentenceIndex) -> list[_Birth]:
    found = []
    for date in dates:
        if date["year"] is None:
            continue
        born = _BORN_BEFORE.search(text, max(0, date.span.start - 40), date.span.start)
        if born is None:
            continue
        name = _NAME_BEFORE_BORN.search(text, max(0, born.start() - 50), born.start())
        found.append(_Birth(name["name"] if name else None, date, sentences.of(date.span.start)))
    return found


def _ages(text: str, atoms: list[Claim]) -> list[Claim]:
    """Age claims, and "Now 50," opening a sentence (a number standing for an age)."""
    ages = [c for c in atoms if c.kind == "age"]
    for number in atoms:
        if (number.kind == "number" and number.value is not None and 0 < number.value < 120
                and text[number.span.end : number.span.end + 1] == ","
                and _NOW_BEFORE.search(text, max(0, number.span.start - 8), number.span.start)):
            ages.append(number)
    return ages


def _birth_of(text: str, age: Claim, births: list[_Birth], sentences: SentenceIndex) -> _Birth | None:
    sentence = sentences.of(age.span.start)
    earlier = [b for b in births if b.sentence < sentence]
    person = age["person"] if age.kind == "age" else None
    if person:
        exact = [b for b in earlier if b.name == person]
        surname = [b for b in earlier if b.name and b.name.split()[-1] == person.split()[-1]]
        chosen = exact or (surname if len({b.name for b in surname}) == 1 else [])
        return chosen[-1] if chosen else None
    low = sentences.starts[sentence]
    named = [b for b in earlier if b.name and re.search(rf"\b{re.escape(b.name.split()[-1])}\b",
                                                         text[low : age.span.start])]
    if len({b.name for b in named}) == 1:
        return named[-1]
    unnamed = [b for b in earlier if b.name is None and sentence - b.sentence <= _NEXT_SENTENCES]
    if age.kind == "number" and len(unnamed) == 1:
        return unnamed[0]
    return None


def _binding(birth_sentence: int, sentence: int) -> Binding:
    return Binding.NEXT_SENTENCE if sentence - birth_sentence == 1 else Binding.DOCUMENT


def ages_from_births(text: str, atoms: list[Claim]) -> list[Claim]:
    """``age_birth`` claims whose age and birth year are in different sentences."""
    dates = [c for c in atoms if c.kind == "date"]
    sentences = SentenceIndex(text)
    births = _births(text, dates, sentences)
    if not births:
        return []
    found = []
    for age in _ages(text, atoms):
        birth = _birth_of(text, age, births, sentences)
        if birth is None:
            continue
        claim = make_claim(text, "age_birth", age.span.start, age.span.end, age.value,
                           fields={"name": birth.name or "", "age": age, "born": birth.date})
        found.append(replace(claim, binding=_binding(birth.sentence, sentences.of(age.span.start))))
    return found


def years_after_events(text: str, atoms: list[Claim]) -> list[Claim]:
    """``years_from`` claims: "15 years after it was demolished in 2002", with the anchor year
    found with the same verb anywhere in the document when the sentence does not state it."""
    dates = [c for c in atoms if c.kind == "date" and c["year"] is not None and c["month"] is None]
    if not dates:
        return []
    sentences = SentenceIndex(text)
    by_start = {d.span.start: d for d in dates}
    found = []
    for offset in atoms:
        if offset.kind != "duration" or offset.unit not in ("year", "decade", "century"):
            continue
        after = _AFTER_VERB.match(text, offset.span.end)
        if after is None:
            continue
        sentence = sentences.of(offset.span.start)
        anchor, binding = by_start.get(after.end()) if after["in"] else None, Binding.SENTENCE
        if anchor is None:
            anchor, binding = _anchor_elsewhere(text, after["verb"], by_start, sentences, sentence)
        targets = [d for d in dates
                   if sentences.of(d.span.start) == sentence and d.span.end <= offset.span.start]
        if anchor is None or not targets:
            continue
        target = targets[-1]
        claim = make_claim(text, "years_from", target.span.start, max(offset.span.end, after.end()),
                           offset.value, fields={"offset": offset, "relation": "after", "anchor": anchor,
                                                 "target": target})
        found.append(replace(claim, binding=binding, certain=binding is Binding.SENTENCE))
    return found


def _anchor_elsewhere(text: str, verb: str, by_start: dict[int, Claim], sentences: SentenceIndex,
                      sentence: int) -> tuple[Claim | None, Binding]:
    """The one year stated with ``verb`` ("founded in 1990") elsewhere in the document or earlier in
    the sentence, and how far from the offset's sentence it stands."""
    pattern = regexcache.compile(rf"\b{verb}(?:[ \t]+[\w-]+){{0,3}}?[ \t]+in[ \t]+")
    anchors = [by_start[m.end()] for m in pattern.finditer(text) if m.end() in by_start]
    if len({a["year"] for a in anchors}) != 1:
        return None, Binding.DOCUMENT
    anchor = anchors[0]
    distance = abs(sentence - sentences.of(anchor.span.start))
    if distance == 0:  # "The bridge, which opened in 1998, was closed in 2023, 35 years after it opened"
        return anchor, Binding.SENTENCE
    return anchor, Binding.NEXT_SENTENCE if distance == 1 else Binding.DOCUMENT
