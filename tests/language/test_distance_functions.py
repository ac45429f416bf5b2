"""``sentences_apart``, ``words_between`` and ``word_after``: how far apart two claims are, for rules
that pair a restatement with its first mention."""

from __future__ import annotations

from factcheck.claims.extract import extract_claims
from factcheck.documents.model import Document, OffsetMap
from factcheck.language import FUNCTIONS

TEXT = ("The bank arranged a $20 million loan for the yard. It was signed in May.\n\n"
        "Analysts praised it. The $40 million rights issue came later, and raised more.")


class _Ctx:
    document = Document(path="t.md", text=TEXT, original=TEXT, offsets=OffsetMap.identity(len(TEXT)))


def _money():
    return [c for c in extract_claims(TEXT) if c.kind == "money"]


def _call(name: str, *args):
    return FUNCTIONS[name].impl(_Ctx(), *args)


def test_sentences_apart_counts_boundaries_either_way():
    first, later = _money()
    assert _call("sentences_apart", first, first) == 0
    assert _call("sentences_apart", first, later) == 3
    assert _call("sentences_apart", later, first) == 3


def test_words_between_reads_across_paragraphs_in_lower_case():
    first, later = _money()
    assert _call("words_between", first, later) == ["loan", "for", "the", "yard", "it", "was", "signed", "in",
                                                    "may", "analysts", "praised", "it", "the"]
    assert _call("words_between", later, first) == []


def test_word_after_stops_at_punctuation():
    first, later = _money()
    assert _call("word_after", first) == "loan"
    assert _call("word_after", later) == "rights"
