"""The seed article (seeds/000_acc8b7b0e2c104a5.txt): the claims the first rules rely on, and no junk."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.model import ClaimSet
from factcheck.values import Duration, Hedge

SEED_NAME = "000_acc8b7b0e2c104a5.txt"


@pytest.fixture
def seed(shared_data: Path) -> tuple[str, ClaimSet]:
    """The shared seeds folder sits beside ``$FACTCHECK_DATA`` (``shared/seeds``, ``shared/data``)."""
    path = shared_data.parent / "seeds" / SEED_NAME
    if not path.is_file():
        pytest.skip(f"the seed article is not at {path}")
    text = path.read_text(encoding="utf-8")
    return text, extract_claims(text)


def _texts(claims: ClaimSet, kind: str) -> list[str]:
    return [c.text for c in claims.of_kind(kind)]


def test_spans_are_exact(seed: tuple[str, ClaimSet]) -> None:
    text, claims = seed
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.text


def test_atomic_claims(seed: tuple[str, ClaimSet]) -> None:
    _, claims = seed
    assert "eighth" in _texts(claims, "ordinal")
    durations = {c.text: c for c in claims.of_kind("duration")}
    assert set(durations) == {"eight months", "two-and-a-half-hour", "nine months"}
    assert durations["eight months"].value == Duration(months=Decimal(8))
    assert durations["eight months"].hedge is Hedge.EXACT
    half = durations["two-and-a-half-hour"]
    assert half.value == Duration(seconds=Decimal(9000))
    assert half.precision == Duration(seconds=Decimal(1800))
    assert half.hedge is Hedge.AT_MOST
    assert half["event"] == "discussion"


def test_event_count(seed: tuple[str, ClaimSet]) -> None:
    _, claims = seed
    counts = {c.text: c for c in claims.of_kind("event_count")}
    claim = counts["eighth conversation in just eight months"]
    assert claim.value == 8
    assert claim["event"] == "conversation"
    assert claim["ordinal"].text == "eighth"
    assert claim["count"] is None
    assert claim["period"].text == "eight months"


def test_elapsed(seed: tuple[str, ClaimSet]) -> None:
    _, claims = seed
    (claim,) = claims.of_kind("elapsed")
    assert claim.text == "past nine months of Trump’s second term"
    assert claim["of"] == "Trump's second term"
    assert claim["relation"] == "past"
    assert claim["period"].text == "nine months"
    assert claim.value == Duration(months=Decimal(9))


def test_composite_parts_are_atomic_claims(seed: tuple[str, ClaimSet]) -> None:
    _, claims = seed
    atoms = {(c.kind, c.span) for c in claims}
    for claim in claims:
        for part in claim.parts():
            assert (part.kind, part.span) in atoms


def test_no_junk(seed: tuple[str, ClaimSet]) -> None:
    text, claims = seed
    assert claims.of_kind("number") == []
    assert claims.of_kind("date") == []
    for junk in ("St. Petersburg", "U.S.-Russian"):
        where = text.index(junk)
        assert not [c for c in claims if c.span.start < where + len(junk) and where < c.span.end]
