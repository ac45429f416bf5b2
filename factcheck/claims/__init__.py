"""Claim extraction: typed values found in prose, with exact spans.

``extract_claims(text)`` is a pure function of the text: it never reads the clock or a document
date. Atomic extractors run first, most specific first, each taking the characters it claims
(dates, then durations, then ordinals, then plain numbers); composite extractors (event counts,
elapsed parts of intervals) then combine atomic claims, which stay in the set as well.
"""

from __future__ import annotations

from factcheck.claims import (
    ages,
    dates,
    durations,
    events,
    money,
    numbers,
    ordinals,
    patterns,
    people,
    percents,
    places,
    quantifiers,
    quantities,
    ranges,
    relative,
    times,
)
from factcheck.claims.base import Taken
from factcheck.claims.kinds import CLAIM_KINDS
from factcheck.claims.model import Claim, ClaimKind, ClaimSet
from factcheck.limits import MAX_NUMBER_DIGITS
from factcheck.spans import Span


def extract_claims(text: str) -> ClaimSet:
    """Every claim in ``text``: numbers, ordinals, durations, dates, event counts, elapsed periods."""
    taken = Taken(len(text))
    mentions = numbers.scan(text)
    atoms: list[Claim] = times.extract(text, mentions, taken)
    atoms += dates.extract(text, mentions, taken)
    atoms += relative.extract(text, mentions, taken)
    for extractor in (ages, money, percents, quantities):  # units before durations and bare numbers
        atoms += extractor.extract(text, mentions, taken)
    found_durations = durations.extract(text, mentions, taken)  # "three quarters of an hour" first
    atoms += found_durations
    atoms += quantifiers.extract(text, taken)
    atoms += ordinals.extract(text, mentions, taken, {c.span.start for c in found_durations})
    atoms += numbers.extract(text, mentions, taken)
    atoms.sort(key=lambda c: c.span.start)
    composites = events.event_counts(text, atoms) + events.elapsed(text, atoms)
    composites += ranges.extract(text, atoms)
    composites += patterns.extract(text, atoms)  # the kinds declared in pattern files
    composites += people.extract(text) + places.extract(text)  # names and places: no numbers
    return ClaimSet(atoms + composites, _problems(text))


def _problems(text: str) -> list[tuple[Span, str]]:
    return [
        (Span(start, end), f"a number of more than {MAX_NUMBER_DIGITS} digits is beyond the magnitude "
         "factcheck reads; it is not checked")
        for start, end in numbers.oversized(text)
    ]


__all__ = ["CLAIM_KINDS", "Claim", "ClaimKind", "ClaimSet", "extract_claims"]
