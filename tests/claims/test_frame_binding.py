"""A frame records how far apart its own parts stood (``Claim.binding``), and a finding's confidence
follows it: gap words, commas and time phrases between the parts are what a pattern match reads."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.model import Binding
from factcheck.claims.patterns.attach import inner_binding
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.runner import Engine
from factcheck.facts.loader import load_fact_files
from factcheck.findings import Confidence
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir


def _change(text: str):
    (change,) = [claim for claim in extract_claims(text) if claim.kind == "change"]
    return change


@pytest.mark.parametrize(("text", "binding"), [
    ("Membership rose from 40,000 to 50,000 in a year.", Binding.PHRASE),
    ("Output fell 11.4 pct to 6.5 mln tonnes from 7.1 mln.", Binding.PHRASE),
    ("Sales fell by 23% from 36,185 in 2003 to 28,041.", Binding.CLAUSE),  # a time phrase between
    ("The company raised its quarterly dividend 16 pct to 29 cts from 25 cts.", Binding.CLAUSE),
    ("Exports climbed 5 pct, the office said on Friday, to 40,000 from 38,000.", Binding.CLAUSE),
    ("Exports climbed 5 pct after the holidays to 40,000 from 38,000.", Binding.CLAUSE),
    ("Exports climbed 5 pct after tariffs were cut to 40,000 from 38,000.", Binding.SENTENCE),
    # a relative clause between the endpoints: they may belong to different statements
    ("Sales rose 5 pct to 40,000 in the quarter that ended in March from 38,000.", Binding.SENTENCE),
    ("Exports climbed 5 pct to 40,000 in the year which ended in June from 38,000.", Binding.SENTENCE),
])
def test_a_frame_records_the_distance_between_its_parts(text: str, binding: Binding) -> None:
    assert _change(text).binding is binding


def test_adjacent_filler_is_one_stretch() -> None:
    text = "rose to 5 in the three months of the year from 4"
    first, second = text.index("in the three months"), text.index("of the year")
    four, three = (first, first + len("in the three months")), (second, second + len("of the year"))
    assert inner_binding(text, [four, three]) is Binding.SENTENCE  # seven words in one stretch
    assert inner_binding(text, [four]) is Binding.CLAUSE
    assert inner_binding(text, [(7, 8), (9, 9)]) is Binding.PHRASE  # no word: a space, nothing


def test_parts_a_spelled_full_stop_separates_are_a_sentence_apart() -> None:
    """A pattern that reads a full stop between two of its claims joins two sentences, even when
    the words after the stop are the pattern's own and no gap ("That is")."""
    text = "Vouchers went to 3,600 residents. That is 30% of the town's 12,000 people."
    (part,) = [claim for claim in extract_claims(text) if claim.kind == "part_of_whole"]
    assert part["part"].text == "3,600" and part["whole"].text == "12,000"
    assert part.binding is Binding.NEXT_SENTENCE
    residents = (text.index("residents"), text.index("residents") + len("residents"))
    claims = [(text.index("3,600"), text.index("3,600") + 5), (text.index("30%"), text.index("30%") + 3)]
    assert inner_binding(text, [residents], claims) is Binding.NEXT_SENTENCE
    assert inner_binding(text, [residents], claims[:1]) is Binding.CLAUSE


def test_an_attached_statement_keeps_the_looser_binding() -> None:
    change = _change("Sales rose to 40,000 in the quarter that ended in March from 38,000, a 5% increase.")
    assert change["change"].text == "5%"
    assert change.binding is Binding.SENTENCE


def test_a_finding_over_a_far_apart_frame_has_medium_confidence() -> None:
    pack = load_packs([rules_dir()])
    engine = Engine(pack.rules, load_fact_files(pack.fact_files))

    def confidence(text: str) -> Confidence:
        document = Document("doc.txt", text, text, OffsetMap.identity(len(text)), date=dt.date(2025, 1, 1))
        findings = engine.check(document).findings
        (finding,) = [f for f in findings if f.rule == "change-percent-matches-endpoints"]
        return finding.confidence

    assert confidence("Sales rose 50 pct to 40,000 from 38,000 in the quarter.") is Confidence.HIGH
    assert confidence("Sales rose 50 pct to 40,000 in the quarter that ended in March from 38,000.") is (
        Confidence.MEDIUM)


@pytest.mark.parametrize(("text", "change", "direction"), [
    ("Sales of 10,480 against 8,400 a year earlier, a rise of 20 per cent.", "20 per cent", "up"),
    ("Turnover was £5.5m, compared with £5.0m last year. That is a 10 per cent rise.", "10 per cent", "up"),
    ("Turnover was £5.5m, compared with £5.0m last year. The figure represents a drop of 9%.", "9%", "down"),
    # a statement of another clause, or one before the pair, is not the pair's
    ("The rate was 1.71 francs, against 1.69 in 1986, the report forecast a 2.75 pct rise in exports.",
     None, None),
    ("A one pct rise in rates would cost 18 cts a share versus one dlr a share in 1981.", None, None),
    ("Net 5.1 mln vs 4.2 mln. The company said the 37.6 pct increase in profit came from exports.",
     None, None),
])
def test_two_levels_without_a_word_of_change_take_a_statement_only_beside_them(
        text: str, change: str | None, direction: str | None) -> None:
    pair = _change(text)
    assert pair["compared"] is not None
    assert (pair["change"].text if pair["change"] else None, pair["direction"]) == (change, direction)
