"""Runs every example corpus beside the extractors (``factcheck/claims/corpus/*.yaml``).

Each corpus names a claim kind. A positive example lists *exactly* the claims of that kind its text
must yield, in order, with their span text and any of value, precision, hedge, unit and the kind's
fields; a negative example is a text that must yield no claim of that kind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.claims import extract_claims
from factcheck.claims.examples import mismatch

CORPUS_DIR = Path(__file__).resolve().parents[2] / "factcheck" / "claims" / "corpus"


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
    problem = mismatch(found, example.get("claims", []))
    assert problem is None, f"{kind} in {text!r}: {problem}"


def test_corpora_exist() -> None:
    kinds = {kind for _, kind, _, _ in CASES}
    assert {"number", "ordinal", "duration", "date", "event_count", "elapsed"} <= kinds
