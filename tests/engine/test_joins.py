"""The join plan: a rule pairing claims evaluates only the combinations its ``where`` may keep, and
finds exactly what evaluating every combination finds (findings, order, rule errors)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.extract import default_extractor
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.evaluate import evaluate_rule, plan_of
from factcheck.facts.loader import load_fact_files
from factcheck.findings import RULE_ERROR
from factcheck.language import EvalContext
from factcheck.language.joins import Plan
from factcheck.rules.loader import load_packs, load_rule_text
from factcheck.startup.resources import rules_dir
from factcheck.timex import document_claims

PACK = load_packs([rules_dir()])
PACK_FACTS = load_fact_files(PACK.fact_files)
DATE = dt.date(2025, 10, 16)

# Written as different reporters write: wire copy, a feature, council minutes, a list, a release.
TEXTS = [
    "It was the seventh call between the two presidents in three months. Aides said their five calls "
    "over the past three months had been cordial. It was the fourth strike this month; the union has "
    "staged six strikes this month.",
    "The council approved a $3 million loan for the depot in March. A $2 million grant followed. "
    "Members said the $5 million loan would pay for new buses, and the $2 million grant for repairs. "
    "This $3 million loan is the largest since 2019.",
    "LONDON, March 3 - The company said it raised a 40 mln dlr loan. The 40 mln dlr loan matures in "
    "1990. Separately, it took a 25 mln dlr credit; the 30 mln dlr credit was arranged by a bank. "
    "It was the ninth walkout this season, after the seven earlier stoppages this season.",
    "- The first meeting in two weeks was held on Monday.\n- The third meeting in two weeks was on "
    "Friday.\n- They have held four meetings in two weeks.\n",
    "Shares rose 5% on Tuesday, March 4, 2025. The 120-page report, a 300-page annex and the "
    "120-page report's summary were filed on Wednesday, March 5. The fifth round was the second round "
    "of the season.",
]


def document(text: str, date: dt.date | None = DATE) -> Document:
    return Document("doc.txt", text, text, OffsetMap.identity(len(text)), date=date)


def rule(body: str):
    (compiled,) = load_rule_text("test.yaml", "id: test-rule\ntitle: t\nseverity: warning\n" + body)
    return compiled


def findings(r: Any, text: str, plan: Plan, date: dt.date | None = DATE) -> list[tuple[Any, ...]]:
    doc = document(text, date)
    ctx = EvalContext(doc, document_claims(doc, default_extractor()), PACK_FACTS)
    return [(f.rule, f.message, f.span, f.related, repr(f.evidence))
            for f in evaluate_rule(r, ctx, plan=plan)]


def every_combination(r: Any) -> Plan:
    """The plan that knows nothing about the ``where``: every combination, as before plans."""
    return Plan(r.bindings, None)


def pairing_rules() -> Iterator[Any]:
    return (r for r in PACK.rules if len(r.bindings) > 1)


@pytest.mark.parametrize("r", list(pairing_rules()), ids=lambda r: r.id)
def test_the_default_rules_find_the_same_with_their_plan(r: Any) -> None:
    """On the texts above and every example of every rule that pairs claims (each with its date)."""
    cases = [(text, DATE) for text in TEXTS]
    cases += [(example.text, example.date) for other in pairing_rules() for example in other.examples]
    found = 0
    for text, date in cases:
        planned = findings(r, text, plan_of(r), date)
        assert planned == findings(r, text, every_combination(r), date)
        found += len(planned)
    assert found > 0  # the comparison saw findings of this rule


def test_a_key_an_order_and_filters_are_read_from_the_where() -> None:
    r = rule("for: b in claims.number, a in claims.number\n"
             "where: a.start < b.start and a.value == b.value and a.value > 10 and b.value != 0\n"
             "assert: false\nmessage: '{a.text} again as {b.text}'\n")
    first, second = plan_of(r).levels
    assert [p.source for p in first.prunes] == ["b.value != 0"]
    assert second.key is not None and [k.source for k in second.key] == ["a.value", "b.value"]
    assert [(op, bound.source) for op, bound in second.orders] == [("<", "b.start")]
    assert [f.source for f in second.filters] == ["a.value > 10"]
    text = "We sold 12 in May, 40 in June, then 12 in July and 40 in August; 12 again later."
    found = findings(r, text, plan_of(r))
    assert [message for _, message, *_ in found] == ["12 again as 12", "40 again as 40", "12 again as 12",
                                                     "12 again as 12"]
    assert found == findings(r, text, every_combination(r))


def test_an_end_before_a_start_bounds_the_start_too() -> None:
    r = rule("for: b in claims.number, a in claims.number\nwhere: a.end <= b.start\n"
             "assert: a.value <= b.value\nmessage: '{b.text} after {a.text}'\n")
    assert [(op, bound.source) for op, bound in plan_of(r).levels[1].orders] == [("<=", "b.start")]
    text = "Counts were 7, then 3, then 9 and 1."
    assert findings(r, text, plan_of(r)) == findings(r, text, every_combination(r))
    assert len(findings(r, text, plan_of(r))) == 4  # 3 < 7; 1 < 7, 3 and 9


def test_conjuncts_after_one_that_may_fail_are_not_used() -> None:
    """``1 / (a.value - b.value)`` fails on equal values: it stays the guard's to evaluate, and the
    conjuncts after it (which would rule the pair out first) are not read, so the error is kept."""
    r = rule("for: b in claims.number, a in claims.number\n"
             "where: 1 / (a.value - b.value) > 0 and a.start < b.start\n"
             "assert: true\nmessage: m\n")
    first, second = plan_of(r).levels
    assert not (first.prunes or second.filters or second.key or second.orders)
    text = "It was 4 and then 4."
    (error,) = findings(r, text, plan_of(r))
    assert error[0] == RULE_ERROR and "division by zero" in error[1]
    assert findings(r, text, plan_of(r)) == findings(r, text, every_combination(r))


def test_a_failing_key_keeps_the_claim() -> None:
    """A key that fails for one claim (a list where a string is compared) keeps that claim for every
    combination: the guard then decides, as without the plan."""
    r = rule("for: b in claims.event_count, a in claims.event_count\n"
             "where: a.start < b.start and a.series == b.series\n"
             "assert: a.value == b.value\nmessage: '{b.text} against {a.text}'\n")
    assert plan_of(r).levels[1].key is not None
    text = TEXTS[0]
    assert findings(r, text, plan_of(r)) == findings(r, text, every_combination(r))


def test_a_binding_that_is_not_the_claim_sets_own_list_is_scanned() -> None:
    r = rule("for: b in claims.number, a in [x in claims.number where x.value > 1]\n"
             "where: a.start < b.start and a.value == b.value\n"
             "assert: false\nmessage: '{b.text}'\n")
    text = "It was 2, then 5, then 2 and 1, then 1."
    assert findings(r, text, plan_of(r)) == findings(r, text, every_combination(r))
    assert [m for _, m, *_ in findings(r, text, plan_of(r))] == ["2"]


def test_combinations_ruled_out_are_not_charged_to_the_cost_bound() -> None:
    r = rule("for: b in claims.number, a in claims.number\nwhere: a.value == b.value and a.start < b.start\n"
             "assert: true\nmessage: m\n")
    text = " ".join(str(n) for n in range(300))  # 90,000 pairs, none of them kept
    ctx = EvalContext(document(text), extract_claims(text))
    assert list(evaluate_rule(r, ctx, budget=50_000, plan=plan_of(r))) == []
    ctx = EvalContext(document(text), extract_claims(text))
    (error,) = evaluate_rule(r, ctx, budget=50_000, plan=every_combination(r))
    assert error.rule == RULE_ERROR and "cost bound" in error.message


def test_loops_over_the_claim_sets_lists_use_an_index_with_the_same_results() -> None:
    """``count``, ``any`` and ``[x in ... where ...]`` over ``claims.number``, evaluated once per
    number (so the index is built from the second use), against the same arithmetic in Python."""
    r = rule("for: b in claims.number\n"
             "where: |\n  count(x in claims.number: x.start < b.start and x.value == b.value) >= 1\n"
             "  and any(x in claims.number: x.end <= b.start and x.value > b.value)\n"
             "assert: |\n  len([x in claims.number where x.start > b.start and x.value < b.value]) == 0\n"
             "message: '{b.text}'\n")
    text = "Counts: 5, 9, 5, 2, 9, 14, 5, 3, 9, 1, 7, 5 and 8, then 9 again."
    numbers = [(c.span.start, c.value, c.text) for c in extract_claims(text) if c.kind == "number"]
    expected = [
        word for start, value, word in numbers
        if any(s < start and v == value for s, v, _ in numbers)
        and any(s < start and v > value for s, v, _ in numbers)
        and any(s > start and v < value for s, v, _ in numbers)
    ]
    assert len(expected) >= 3
    assert [message for _, message, *_ in findings(r, text, plan_of(r))] == expected


def test_a_loop_condition_that_may_fail_first_is_evaluated_for_every_item() -> None:
    r = rule("for: b in claims.number\n"
             "where: |\n  count(x in claims.number: 1 / (x.value - 4) > 0 and x.start < b.start) >= 0\n"
             "assert: true\nmessage: m\n")
    (error,) = findings(r, "It was 3, then 4, then 5.", plan_of(r))
    assert error[0] == RULE_ERROR and "division by zero" in error[1]
