"""The declared claim kinds: one registry, filled here, that extractors produce and the rule
language type-checks against. Adding a kind means adding it here and writing its extractor."""

from __future__ import annotations

from factcheck.claims.model import ClaimKind

_KINDS = [
    ClaimKind("number", "number", "A cardinal number in digits or words: '1,000', 'two-and-a-half'."),
    ClaimKind("ordinal", "number", "An ordinal: 'eighth', '8th', 'twenty-first'."),
    ClaimKind(
        "duration",
        "duration",
        "A length of time: 'eight months', 'a 90-minute call', 'nearly two-and-a-half-hour'. "
        "`event` is the noun it measures ('call'); `determiner` the article or demonstrative before "
        "the phrase ('a', 'the', 'this'), which tells a restatement from a first mention.",
        {"event": "string?", "determiner": "string?"},
    ),
    ClaimKind(
        "date",
        "date?",
        "A calendar date, possibly partial ('March 12', 'October 2025'); value is null when a part "
        "is missing.",
        {"year": "number?", "month": "number?", "day": "number?", "weekday": "string?"},
    ),
    ClaimKind(
        "event_count",
        "number",
        "A count of events in a series, by ordinal or cardinal, optionally over a period: "
        "'their eighth conversation in just eight months'.",
        {
            "event": "string",
            "ordinal": "claim<ordinal>?",
            "count": "claim<number>?",
            "period": "claim<duration>?",
        },
        composite=True,
    ),
    ClaimKind(
        "elapsed",
        "duration",
        "A stated part of a named interval: 'the past nine months of Trump's second term'.",
        {"period": "claim<duration>", "of": "string", "relation": "string"},
        composite=True,
    ),
]

CLAIM_KINDS: dict[str, ClaimKind] = {}
for _kind in _KINDS:
    if _kind.name in CLAIM_KINDS:
        raise RuntimeError(f"claim kind {_kind.name!r} declared twice")
    CLAIM_KINDS[_kind.name] = _kind
