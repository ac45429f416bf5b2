"""Candidate-start matching (``patterns/starts.py``) finds exactly what a brute-force search finds.

The matcher tries each pattern only where a match can begin: at a claim of a starting kind, at a
starting word or punctuation found by one combined search, or (for patterns opening with a word class
or a gap) where the run before an anchoring claim begins. The reference tries every pattern at every
position of the masked text and skips no pattern for a missing claim kind. Over every example and
negative of the built-in pattern files, realistic news sentences, and sentences recombined from both,
the composite claims must be identical, fields included.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.claims import extract_claims, patterns
from factcheck.claims.model import Claim
from factcheck.claims.patterns import PatternSet, default_dir, pattern_files

NEWS = [
    "Maria Santos, 52, born in 1973, told reporters the strike would go on.",
    "Jean Dupont, who was born in 1950, is 75 and still runs the family vineyard.",
    "The package totals $1.2 billion, including $400 million for roads and $800 million for rail.",
    "The budget is worth 3,000 jobs: 1,000 in Leeds, 1,200 in York and 800 in Hull.",
    "Unemployment fell from 5.2 million to 4.8 million in the year to March.",
    "Shares in the company jumped 12% to $48.50 from $43.30 after the results.",
    "Exports rose by a quarter last year, the ministry said on Tuesday.",
    "Revenue declined 3% to €2.1 billion, its first fall in a decade.",
    "The bridge spans 1,200 metres (3,900 feet) across the estuary.",
    "Temperatures reached 40°C (104°F) in Seville on Sunday afternoon.",
    "The trial lasted six weeks, opening on January 9 and closing on February 20.",
    "Talks ran for 14 hours, starting at 9 a.m. and ending well after midnight.",
    "Delegates from three countries, Kenya, Uganda and Tanzania, signed the accord.",
    "The two finalists, Sinner or Alcaraz, will meet again in Paris.",
    "The council approved a $5 million grant and a 10% rise in parking fees.",
    "Officials described the 120-kilometre route as a 30 percent improvement.",
    "In the upper house the measure won 45 of 150, or 30 percent, of the seats.",
    "Of the 5,000 tickets they sold 4,500, or 90 percent, within an hour.",
    "In the survey, 52% backed the deal, 38% opposed it and 10% were undecided.",
    "Labour took 34%, the Conservatives 24%, Reform 17% and the Liberal Democrats 12%.",
    "Of the 300 workers surveyed, 180 said pay was too low and 120 said it was fair.",
    "Of the 27 member states, 24 voted in favour, two abstained and one voted against.",
    "Twenty of the 36 members present said yes; the rest, 16, said no.",
    "The wall came down 28 years after 1961, in November 1989.",
    "By 2030, five years after 2025, the plant must be closed.",
    "Putin and Trump spoke for nearly two and a half hours on Thursday, their eighth call.",
    "The president, 78, said on October 16 that the ceasefire would hold.",
    "Inflation eased to 2.3% in April from 2.6% in March, the ONS said.",
    "About 1,500 people, many of them children, were evacuated from the valley.",
    "The storm left 200,000 homes without power and 12 people dead across three states.",
    "He was sentenced to eight years in prison, of which he must serve at least five.",
    "Prices slipped 0.4% in May, while wages grew 5.1% over the same period.",
    "A 2.5-hour meeting in Geneva on Monday, the third in a month, ended without a deal.",
]


def _pattern_texts() -> list[str]:
    texts = []
    for path in pattern_files(default_dir()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [example["text"] for example in data.get("examples", [])]
        texts += list(data.get("negatives", []))
    return texts


def _recombined(sources: list[str], count: int) -> list[str]:
    """Sentences stitched from halves of others (seeded): starting words and claims in odd places."""
    rng = random.Random(20251016)
    words = [text.split() for text in sources]
    out = []
    for _ in range(count):
        first, second = rng.sample(words, 2)
        out.append(" ".join(first[: rng.randint(1, len(first))] + second[rng.randint(0, len(second) - 1):]))
    return out


_EXTRACT = PatternSet.extract
TEXTS = _pattern_texts() + NEWS
TEXTS += _recombined(TEXTS, 120)


def _form(value: Any) -> Any:
    if isinstance(value, Claim):
        return (value.kind, value.span.start, value.span.end, value.text, repr(value.value), value.unit,
                str(value.hedge), repr(value.precision),
                tuple(sorted((name, _form(field)) for name, field in value.fields.items())))
    if isinstance(value, list | tuple):
        return tuple(_form(item) for item in value)
    return repr(value)


def _both(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[list[Any], list[Any]]:
    """The composite claims of ``text`` by candidate starts and by brute force, from the same atoms."""
    seen: list[tuple[list[Any], list[Any]]] = []
    original = _EXTRACT

    def both(self: PatternSet, text: str, atoms: list[Claim], **options: Any) -> list[Claim]:
        fast = original(self, text, atoms)
        seen.append(([_form(c) for c in fast], [_form(c) for c in original(self, text, atoms, brute=True)]))
        return fast

    monkeypatch.setattr(PatternSet, "extract", both)
    extract_claims(text)
    ((fast, brute),) = seen
    return fast, brute


def test_candidate_starts_match_brute_force(monkeypatch: pytest.MonkeyPatch) -> None:
    found = 0
    for text in TEXTS:
        fast, brute = _both(monkeypatch, text)
        assert fast == brute, text
        found += len(fast)
    assert found >= len(NEWS)  # the comparison is not vacuous


def test_the_texts_exercise_every_kind_and_every_way_of_starting(monkeypatch: pytest.MonkeyPatch) -> None:
    kinds = {kind.kind.name for kind in patterns.default_kinds()}
    found: set[str] = set()
    for text in NEWS:
        found |= {claim[0] for claim in _both(monkeypatch, text)[0]}
    assert kinds <= found, f"no news sentence yields {sorted(kinds - found)}"
    compiled = [c for kind in patterns.default_kinds() for c in kind.patterns]
    assert any(c.anchor is not None for c in compiled)  # a word class first: anchored on a claim
    assert any(start[0] == "word" for c in compiled for start in c.starts)
    assert any(start[0] == "claim" for c in compiled for start in c.starts)


def test_brute_force_reference_is_independent_of_candidates() -> None:
    """The reference neither needs the combined start search nor skips patterns by required kinds."""
    text = "Jean Dupont, 61, born in 1964, spoke."
    atoms = [c for c in extract_claims(text) if c.kind in ("number", "date", "age")]
    masked = patterns.Masked(text, atoms)  # never scanned for starting words
    kind = next(k for k in patterns.default_kinds() if k.kind.name == "age_birth")
    (claim,) = patterns.match_kind(masked, kind, brute=True)
    assert claim.text == "Jean Dupont, 61, born in 1964"


def _news(limit: int) -> list[str]:
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        pytest.skip("FACTCHECK_DATA is not set: the news corpus is needed for this comparison")
    texts = []
    with (Path(data) / "news" / "news.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def test_candidate_starts_match_brute_force_on_news_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real articles: every prefilter (starting words, needs within a window, bullets) at once, on
    the lines, lists, capitals and lengths of wire copy rather than on one sentence."""
    found = 0
    for text in _news(12):
        fast, brute = _both(monkeypatch, text)
        assert fast == brute, text[:200]
        found += len(fast)
    assert found >= 12
