"""Claims: typed values found in a document's text, and the declared shape of each kind.

A claim is a function of the text alone: extractors never read the clock or the document date
(relative expressions keep their offset and are resolved when a rule evaluates them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from factcheck.spans import Span
from factcheck.values import Hedge


class Binding(StrEnum):
    """How far apart a composite claim's parts were when they were joined: the further, the less
    sure the reading (a finding's confidence follows the loosest binding among its claims)."""

    PHRASE = "phrase"  # one contiguous phrase, or an atomic claim
    CLAUSE = "clause"  # the same clause, with other words between the parts
    SENTENCE = "sentence"  # across clauses of one sentence
    NEXT_SENTENCE = "next_sentence"  # a statement attached from the following sentence
    DOCUMENT = "document"  # further away: a definite description or coreference across paragraphs

    @property
    def rank(self) -> int:
        return _BINDING_RANK[self]


_BINDING_RANK = {b: i for i, b in enumerate(Binding)}


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim. ``precision`` is the rounding step the value was stated with, in the value's
    own type ("1.2 million" → 100000, "eight months" → 1 month), or None when unknown.
    ``fields`` holds the kind-specific fields its kind declares (:mod:`factcheck.claims.kinds`, or
    a pattern file); for composite kinds some are claims themselves. ``binding`` says how far apart
    a composite's parts were; ``certain`` is False when the value rests on an inference (a year
    taken from the document date, one of several competing readings)."""

    kind: str
    text: str
    span: Span
    value: Any = None
    unit: str | None = None
    hedge: Hedge = Hedge.EXACT
    precision: Any = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    binding: Binding = Binding.PHRASE
    certain: bool = True

    def __getitem__(self, name: str) -> Any:
        return self.fields.get(name)

    def with_fields(self, fields: Mapping[str, Any], *, certain: bool | None = None) -> Claim:
        """This claim with other ``fields`` (and ``certain`` when given): what
        ``dataclasses.replace`` makes, without reading the class's fields on every call
        (resolution rebuilds most temporal claims of every document)."""
        return Claim(self.kind, self.text, self.span, self.value, self.unit, self.hedge, self.precision,
                     fields, self.binding, self.certain if certain is None else certain)

    def parts(self) -> Iterator[Claim]:
        """The claims this one is composed of (for a composite), recursively."""
        for value in self.fields.values():
            if isinstance(value, Claim):
                yield value
                yield from value.parts()
            elif isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, Claim):
                        yield item
                        yield from item.parts()


@dataclass(frozen=True, slots=True)
class ClaimKind:
    """The declared shape of a claim kind, which the rule language type-checks against.

    Types are written in the rule language's type syntax: ``number``, ``string``, ``bool``,
    ``date``, ``duration``, ``percent``, ``money``, ``time``, ``claim<KIND>``, ``list<T>``; a
    trailing ``?`` marks a field that may be null.
    """

    name: str
    value_type: str
    description: str
    fields: Mapping[str, str] = field(default_factory=dict)
    composite: bool = False


class ClaimSet:
    """A document's claims, ordered by position, indexed by kind. ``problems`` holds what extraction
    refused to read (a span and why: a number beyond the magnitude limit), for the engine to report."""

    def __init__(self, claims: Iterable[Claim], problems: Iterable[tuple[Span, str]] = ()) -> None:
        self.problems: list[tuple[Span, str]] = list(problems)
        self.claims: list[Claim] = sorted(claims, key=lambda c: (c.span.start, -c.span.end, c.kind))
        self._by_kind: dict[str, list[Claim]] = {}
        for claim in self.claims:
            self._by_kind.setdefault(claim.kind, []).append(claim)

    @classmethod
    def in_order(cls, claims: list[Claim], problems: Iterable[tuple[Span, str]] = ()) -> ClaimSet:
        """A set of ``claims`` that are already in a set's order (another set's claims, each
        replaced by one of the same kind and span, as resolution does): not sorted again."""
        made = cls.__new__(cls)
        made.problems = list(problems)
        made.claims = claims
        made._by_kind = {}
        for claim in claims:
            made._by_kind.setdefault(claim.kind, []).append(claim)
        return made

    def owns(self, items: object) -> bool:
        """Whether ``items`` is one of this set's own per-kind lists (so: in document order)."""
        return any(items is claims for claims in self._by_kind.values())

    def of_kind(self, kind: str) -> list[Claim]:
        return self._by_kind.get(kind, [])

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)
