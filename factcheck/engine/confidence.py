"""A finding's confidence: how sure the reading behind it is, computed from the claims it involves.

Severity says how bad an inconsistency is if the reading is right; confidence says how sure that
reading is (CodeQL's ``precision`` beside ``problem.severity``). The rule, documented in
``docs/confidence.md``:

1. Start from the loosest binding among the finding's claims and their parts (recursively):
   phrase or clause → high; sentence or next sentence → medium; document → low.
2. Lower one step for each kind of doubt present (each counted once): a claim whose value rests on
   an inference (``Claim.certain`` is False: a year taken from the document date, one of competing
   readings), and an approximate value ("about", "nearly", "some"), whose tolerance is a convention
   about the writer rather than something the text states.
   A rule that compares dates and times only with each other (``relative_time: true``: a range's
   length, a restated duration) does not count the inferred year or day of a temporal claim.
3. Never above the rule's own ``confidence`` cap, when its YAML states one, nor above the limits
   the rule sets for the finding itself (``limits``: a level and its reason each): the level of
   each of its ``confidence:`` cases that holds, and what its ``reading`` expression gives (a rule
   that pairs claims itself says how sure the pairing is).

Low is the floor. One-sided hedges ("more than", "at least", "up to") do not lower it: the rules
never use their open side against the writer, so the side they do use is exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.claims.model import Binding, Claim
from factcheck.findings import Confidence
from factcheck.values import Hedge

_BY_BINDING = {
    Binding.PHRASE: Confidence.HIGH,
    Binding.CLAUSE: Confidence.HIGH,
    Binding.SENTENCE: Confidence.MEDIUM,
    Binding.NEXT_SENTENCE: Confidence.MEDIUM,
    Binding.DOCUMENT: Confidence.LOW,
}
_BY_RANK = {c.rank: c for c in Confidence}
DOUBTFUL_HEDGES = frozenset({Hedge.APPROX})

_BINDING_REASONS = {
    Binding.SENTENCE: "parts joined across clauses",
    Binding.NEXT_SENTENCE: "parts joined across sentences",
    Binding.DOCUMENT: "parts joined across the document",
}


@dataclass(frozen=True, slots=True)
class Assessment:
    """A confidence and the reasons it is below high (for the finding's evidence)."""

    confidence: Confidence
    reasons: tuple[str, ...] = ()


def involved(claims: Iterable[Claim]) -> list[Claim]:
    """The claims and all their parts, each once."""
    seen: dict[int, Claim] = {}
    for claim in claims:
        for item in (claim, *claim.parts()):
            seen.setdefault(id(item), item)
    return list(seen.values())


def assess(claims: Iterable[Claim], cap: Confidence | None = None, relative_time: bool = False,
           limits: Iterable[tuple[Confidence, str]] = ()) -> Assessment:
    """The confidence of a finding about ``claims`` (see the module docstring). With
    ``relative_time`` (the rule compares dates and times only with each other), an inferred year or
    day of a resolved temporal claim is no doubt: it shifts every such claim alike. ``limits`` are
    the levels the rule's own reading of this finding allows, each with its reason."""
    every = involved(claims)
    reasons: list[str] = []
    loosest = max((c.binding for c in every), key=lambda b: b.rank, default=Binding.PHRASE)
    rank = _BY_BINDING[loosest].rank
    if loosest in _BINDING_REASONS:
        reasons.append(_BINDING_REASONS[loosest])
    uncertain = [c for c in every if not c.certain and not (relative_time and _temporal(c))]
    if uncertain:
        rank -= 1
        reasons.append(f'"{uncertain[0].text}" rests on an inference')
    hedged = [c for c in every if c.hedge in DOUBTFUL_HEDGES]
    if hedged:
        rank -= 1
        reasons.append(f'"{hedged[0].text}" is approximate')
    if cap is not None and cap.rank < rank:
        rank = cap.rank
        reasons.append(f"the rule's readings are at most {cap.value} confidence")
    for level, reason in sorted(limits, key=lambda limit: -limit[0].rank):  # each reason that lowers it
        if level.rank < rank:
            rank = level.rank
            reasons.append(reason)
    return Assessment(_BY_RANK[max(rank, Confidence.LOW.rank)], tuple(reasons))


def _temporal(claim: Claim) -> bool:
    """Whether the claim was placed in time by the resolver (its doubt is its inferred year or day)."""
    return claim.fields.get("timex_type") is not None


def at_least(confidence: Confidence, threshold: Confidence) -> bool:
    """Whether ``confidence`` reaches ``threshold`` (``--min-confidence``)."""
    return confidence.rank >= threshold.rank
