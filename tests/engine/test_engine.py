"""The engine: bindings, guards, assertions, messages, evidence and rule errors on real text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.runner import Engine
from factcheck.facts.loader import load_fact_files
from factcheck.findings import RULE_ERROR, Severity
from factcheck.rules.loader import load_packs, load_rule_text
from factcheck.startup.resources import rules_dir

FACTS = load_fact_files(load_packs([rules_dir()]).fact_files)


def document(text: str, date: dt.date | None = dt.date(2025, 10, 16)) -> Document:
    return Document("doc.txt", text, text, OffsetMap.identity(len(text)), date=date)


def rule(body: str):
    (compiled,) = load_rule_text("test.yaml", "id: test-rule\ntitle: t\nseverity: warning\n" + body)
    return compiled


def check(rules, text: str, date: dt.date | None = dt.date(2025, 10, 16)):
    return Engine(rules, FACTS).check(document(text, date))


def test_finding_points_at_the_first_binding_with_related_claims():
    r = rule(
        "for: b in claims.ordinal, a in claims.ordinal\n"
        "where: a.start < b.start\n"
        "assert: a.value < b.value\n"
        'message: "{b.text} comes after {a.text}"\n'
    )
    text = "The third round came before the second round."
    (finding,) = check([r], text).findings
    assert text[finding.span.start : finding.span.end] == "second"
    assert [text[s.start : s.end] for s in finding.related] == ["third"]
    assert finding.message == "second comes after third"
    assert finding.severity is Severity.WARNING


def test_guard_filters_and_null_assertion_is_undecided():
    r = rule("for: c in claims.ordinal\nwhere: c.value > 5\nassert: c.value < 7\nmessage: m\n")
    text = "The second, the sixth and the ninth."
    findings = check([r], text).findings
    found = [(f.rule, text[f.span.start : f.span.end], f.message) for f in findings]
    assert found == [("test-rule", "ninth", "m")]  # "second" is filtered, "sixth" holds
    undecided = rule("for: c in claims.date\nassert: c.value > 2020-01-01\nmessage: m\n")
    assert check([undecided], "It happened on March 12.").findings == []


def test_evidence_records_the_compared_values():
    eighth = rule("for: c in claims.ordinal\nassert: c.value == 3\nmessage: m\n")
    (finding,) = check([eighth], "the eighth").findings
    assert finding.evidence == {"ordinal": Decimal(8)}  # the value of the claim the rule was bound to
    assert (finding.span.start, finding.span.end) == (4, 10)


def test_rule_error_becomes_a_finding_and_the_run_goes_on():
    broken = rule("for: c in claims.ordinal\nassert: 1 / (c.value - c.value) > 0\nmessage: m\n")
    fine = load_rule_text(
        "ok.yaml",
        "id: ok-rule\ntitle: t\nseverity: info\nfor: c in claims.ordinal\nassert: false\nmessage: m\n",
    )[0]
    findings = check([broken, fine], "the eighth").findings
    assert {f.rule for f in findings} == {RULE_ERROR, "ok-rule"}
    error = next(f for f in findings if f.rule == RULE_ERROR)
    assert error.evidence["rule"] == "test-rule"
    assert "division by zero" in error.message
    assert (error.span.start, error.span.end) == (4, 10)  # "eighth", the claim the rule was bound to
    [fine_finding] = [f for f in findings if f.rule == "ok-rule"]
    assert (fine_finding.message, fine_finding.span.start, fine_finding.span.end) == ("m", 4, 10)


def test_rules_needing_a_date_are_skipped_on_undated_documents():
    r = rule("for: c in claims.ordinal\nassert: doc.date > 2020-01-01 and c.value < 0\nmessage: m\n")
    result = check([r], "the eighth", date=None)
    assert result.findings == []
    assert result.notes == ["test-rule: skipped, the document has no date (use --date or front matter)"]
    (dated,) = check([r], "the eighth").findings
    assert (dated.rule, dated.span.start, dated.span.end) == ("test-rule", 4, 10)


def test_seed_article_passes_the_default_pack(seed_text):
    from factcheck.documents import load_documents
    from tests.conftest import SEED

    (doc,) = list(load_documents([str(SEED)]))
    result = Engine(load_packs([rules_dir()]).rules, FACTS).check(doc)
    assert [f for f in result.findings if f.severity is Severity.ERROR] == []
    kinds = {c.kind for c in result.claims}
    assert {"event_count", "elapsed", "duration", "ordinal"} <= kinds
