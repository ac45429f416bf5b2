"""Claim extraction: typed values found in prose, with exact spans.

An :class:`Extractor` is a pure function of the text: it never reads the clock or a document date.
Atomic extractors run first, most specific first, each taking the characters it claims (dates, then
durations, then ordinals, then plain numbers); composite extractors (event counts, elapsed parts of
intervals, ranges, the pack's pattern kinds) then combine atomic claims, which stay in the set as well.
"""

from __future__ import annotations

from functools import cache, lru_cache

from factcheck.claims import (
    ages,
    anchors,
    dates,
    daymonth,
    durations,
    events,
    holidays,
    lengths,
    money,
    numbers,
    ordinals,
    people,
    percents,
    perioddays,
    periods,
    places,
    quantifiers,
    quantities,
    ranges,
    relative,
    terms,
    times,
    vague,
)
from factcheck.claims import mentions as event_mentions
from factcheck.claims.base import Taken
from factcheck.claims.model import Claim, ClaimSet
from factcheck.claims.patterns import PatternSet, default_kinds
from factcheck.limits import MAX_NUMBER_DIGITS
from factcheck.spans import Span


class Extractor:
    """The extractors, with one pack's pattern kinds (built from a loaded pack, see
    :meth:`factcheck.rules.pack.Pack.extractor`)."""

    def __init__(self, patterns: PatternSet) -> None:
        self.patterns = patterns

    def extract(self, text: str) -> ClaimSet:
        """Every claim in ``text``."""
        taken = Taken(len(text))
        mentions = numbers.scan(text)
        atoms: list[Claim] = times.extract(text, mentions, taken)
        atoms += perioddays.extract(text, taken)  # "Tuesday next week": before "next week" and "Tuesday"
        atoms += durations.last_units(text, taken)  # "in the last month": before "last month", a date
        atoms += holidays.extract(text, taken)  # "Christmas Eve", "last Easter", "Eid al-Fitr 2018"
        atoms += periods.extract(text, taken)  # "Tuesday night", "early May", "the fourth quarter" first
        atoms += dates.extract(text, mentions, taken)
        atoms += daymonth.extract(text, taken)  # "on 4/22", "Friday 7/6": after the dated forms
        atoms += periods.extract_months(text, taken)  # "in October", after "the fourth of July"
        atoms = dates.with_edges(text, atoms, taken)  # "the end of April", "beginning of 2017"
        atoms += relative.extract(text, mentions, taken)
        atoms += times.extract_bare_hours(text, atoms, taken)  # "this morning at 3", after its part of day
        for extractor in (ages, money, percents, quantities):  # units before durations and bare numbers
            atoms += extractor.extract(text, mentions, taken)
        found_durations = durations.extract(text, mentions, taken)  # "three quarters of an hour" first
        atoms += found_durations
        atoms += vague.extract(text, taken)  # "several years", "for weeks": no amount stated
        atoms += quantifiers.extract(text, mentions, taken)
        atoms += ordinals.extract(text, mentions, taken, {c.span.start for c in found_durations})
        atoms += numbers.extract(text, mentions, taken)
        atoms.sort(key=lambda c: c.span.start)
        found_mentions = event_mentions.find(text, atoms)
        composites = event_mentions.claims(text, found_mentions)
        composites += events.event_counts(text, atoms, found_mentions) + events.elapsed(text, atoms)
        found_ranges = ranges.extract(text, atoms)
        composites += found_ranges + lengths.extract(text, atoms, found_ranges)
        composites += self.patterns.extract(text, atoms)  # the kinds declared in pattern files
        composites += anchors.ages_from_births(text, atoms) + anchors.years_after_events(text, atoms)
        found_people = people.extract(text)  # names and places: no numbers
        composites += found_people + places.extract(text) + terms.extract(text, atoms, found_people)
        # A time and its day are one claim ("10 p.m. Wednesday"), joined last so that the composites
        # above read the same atoms as before; each composite holding a joined time gets it too.
        joined = times.join_days(text, atoms)
        if joined:
            return ClaimSet([_with_joined(claim, joined) for claim in atoms + composites], _problems(text))
        return ClaimSet(atoms + composites, _problems(text))


def _with_joined(claim: Claim, joined: dict[int, Claim]) -> Claim:
    """``claim``, or its joined version, with every part of a composite replaced likewise (a claim
    none of whose parts was joined is kept as it is)."""
    if id(claim) in joined:
        return joined[id(claim)]
    fields = {key: _swapped(value, joined) for key, value in claim.fields.items()}
    if all(fields[key] is value for key, value in claim.fields.items()):
        return claim
    return claim.with_fields(fields)


def _swapped(value: object, joined: dict[int, Claim]) -> object:
    """A field's value with its joined claims swapped in, or the value itself when none was."""
    if isinstance(value, Claim):
        return _with_joined(value, joined)
    if isinstance(value, (list, tuple)):
        items = [_swapped(item, joined) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else type(value)(items)
    return value


@lru_cache(maxsize=16)  # by text: bounded, or a corpus run would keep every document
def _problems(text: str) -> list[tuple[Span, str]]:
    """What extraction refuses to read, for the engine to report at its place."""
    return [
        (Span(start, end), f"a number of more than {MAX_NUMBER_DIGITS} digits is beyond the magnitude "
         "factcheck reads; it is not checked")
        for start, end in numbers.oversized(text)
    ]


@cache
def default_extractor() -> Extractor:
    """The extractor of the default pack (its pattern files read on first use), built once: its
    pattern set keeps the combined search for the patterns' starting words."""
    return Extractor(PatternSet(default_kinds()))


def extract_claims(text: str) -> ClaimSet:
    """Every claim in ``text``, with the default pack's pattern kinds."""
    return default_extractor().extract(text)
