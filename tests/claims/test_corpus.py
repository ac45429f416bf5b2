"""Runs every example corpus beside the extractors (``factcheck/claims/corpus/*.yaml``).

Each corpus names a claim kind. A positive example lists *exactly* the claims of that kind its text
must yield, in order, with their span text and any of value, precision, hedge, unit and the kind's
fields; a negative example is a text that must yield no claim of that kind.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.claims import extract_claims
from factcheck.claims.model import Claim
from factcheck.values import Duration, Hedge, Percent, plain

CORPUS_DIR = Path(__file__).resolve().parents[2] / "factcheck" / "claims" / "corpus"
_CLAIM_KEYS = ("value", "precision", "hedge", "unit")


def _load() -> list[tuple[str, str, str, dict[str, Any] | None]]:
    cases = []
    for path in sorted(CORPUS_DIR.glob("*.yaml")):
        corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
        kind = corpus["kind"]
        for example in corpus.get("examples", []):
            cases.append((path.stem, kind, example["text"], example))
        for text in corpus.get("negatives", []):
            cases.append((path.stem, kind, text, None))
    return cases


CASES = _load()


def render(value: Any) -> Any:
    """A claim value as the corpus writes it: ``8``, ``P8M``, ``2025-10-16``, a sub-claim's text."""
    if isinstance(value, Claim):
        return value.text
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Duration):
        return value.iso()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Hedge):
        return value.value
    if isinstance(value, Percent):
        return plain(value.value)
    return value


def expected_form(value: Any) -> str | None:
    """The corpus value as text: YAML reads ``2025-10-16`` as a date and ``4.5`` as a float."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return plain(Decimal(str(value)))
    return str(value)


def actual_form(value: Any) -> str | None:
    rendered = render(value)
    return None if rendered is None else str(rendered)


def _id(case: tuple[str, str, str, Any]) -> str:
    corpus, _, text, example = case
    return f"{corpus}{'' if example else '-neg'}:{text[:50]}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_corpus(case: tuple[str, str, str, dict[str, Any] | None]) -> None:
    _, kind, text, example = case
    claims = extract_claims(text)
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.text
    found = claims.of_kind(kind)
    if example is None:
        assert [c.text for c in found] == [], f"unexpected {kind} claims in {text!r}"
        return
    expected = example.get("claims", [])
    assert [c.text for c in found] == [e["text"] for e in expected]
    for claim, wanted in zip(found, expected, strict=True):
        for key, value in wanted.items():
            if key == "text":
                continue
            actual = actual_form(getattr(claim, key) if key in _CLAIM_KEYS else claim[key])
            assert actual == expected_form(value), f"{kind} {claim.text!r}: {key}"
        if "start" in wanted:
            assert claim.span.start == wanted["start"]


def test_corpora_exist() -> None:
    kinds = {kind for _, kind, _, _ in CASES}
    assert {"number", "ordinal", "duration", "date", "event_count", "elapsed"} <= kinds
