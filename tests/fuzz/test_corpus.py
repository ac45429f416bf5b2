"""Every input in ``corpus/``, once a crasher, a hang or unsafe output, checked again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.patterns.loader import PatternLoadError, load_pattern_text
from factcheck.claims.patterns.matcher import Masked, match_kind
from tests.fuzz.budget import size_of, tried
from tests.fuzz.test_fuzz_documents import check_file

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix != ".md")


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_corpus_input(path: Path) -> None:
    if path.suffix == ".json":
        case = json.loads(path.read_text(encoding="utf-8"))
        with tried("corpus", size_of(case["pattern_file"], case["text"])):
            try:
                kind = load_pattern_text("fuzz_kind.yaml", case["pattern_file"])
            except PatternLoadError:
                return
            match_kind(Masked(case["text"], list(extract_claims(case["text"]))), kind)
        return
    with tried("corpus", path.stat().st_size):
        check_file(path)
