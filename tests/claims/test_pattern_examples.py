"""Runs the examples and negatives of every pattern file in the default pack (``rules/patterns``).

An example lists exactly the claims of the file's kind its text must yield, as the claim corpora do
(``test_corpus.py``); ``requires`` names atomic kinds the example needs, and the example is skipped
while one of them has no extractor yet.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from factcheck.claims import extract_claims
from factcheck.claims.examples import mismatch
from factcheck.claims.kinds import BUILTIN_KINDS
from factcheck.claims.patterns import default_dir, pattern_files


def _cases() -> list[tuple[str, str, str, dict[str, Any] | None]]:
    cases = []
    for path in pattern_files(default_dir()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for example in data.get("examples", []):
            cases.append((path.stem, data["kind"], example["text"], example))
        for text in data.get("negatives", []):
            cases.append((path.stem, data["kind"], text, None))
    return cases


CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}{'' if c[3] else '-neg'}:{c[2][:40]}" for c in CASES])
def test_pattern_example(case: tuple[str, str, str, dict[str, Any] | None]) -> None:
    _, kind, text, example = case
    missing = [name for name in (example or {}).get("requires", []) if name not in BUILTIN_KINDS]
    if missing:
        pytest.skip(f"needs the atomic kind(s) {', '.join(missing)}, not extracted yet")
    found = extract_claims(text).of_kind(kind)
    if example is None:
        assert [c.text for c in found] == []
        return
    problem = mismatch(found, example.get("claims", []))
    assert problem is None, f"{kind} in {text!r}: {problem}"


def test_every_pattern_file_has_examples() -> None:
    for path in pattern_files(default_dir()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("examples") and data.get("negatives"), path.name
