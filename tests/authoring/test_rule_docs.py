"""Rule documentation in fixed sections (``doc:``): loaded with positions, filled in for every rule of
the default pack, tested by ``factcheck test``, and shown by ``factcheck rules --doc``."""

from __future__ import annotations

import json
import textwrap

import pytest

from factcheck.authoring.ruletest import run_examples
from factcheck.cli.main import main
from factcheck.errors import RuleLoadError
from factcheck.facts.loader import load_facts
from factcheck.rules.loader import load_packs, load_rule_text
from factcheck.rules.model import DOC_SECTIONS
from factcheck.startup.resources import rules_dir

DEFAULT = load_packs([rules_dir()])
DOCUMENTED = """\
id: ordinal-below-ten
title: An ordinal is below tenth
severity: warning
for: c in claims.ordinal
assert: c.value < 10
message: "{c.text} is tenth or later"
doc:
  checks: |
    Ordinals from "tenth" on.
  why: Long series are rare in the sample.
  example: It was the twelfth attempt.
  instead: It was the second attempt.
  notes: Only ordinals in words or digits.
"""


def load(text: str):
    return load_rule_text("pack/rule.yaml", textwrap.dedent(text))


def test_every_default_rule_is_documented_in_every_section():
    for rule in DEFAULT.rules:
        doc = rule.info.doc
        assert doc is not None, rule.id
        for key in ("checks", "why", "example", "instead", "notes"):
            assert len(getattr(doc, key)) >= 20, (rule.id, key)
        assert doc.example != doc.instead, rule.id
        assert rule.info.description == doc.checks  # reporters' full description is the checks section


def test_doc_sections_load_with_their_date_and_position():
    (rule,) = load(DOCUMENTED.replace("  notes:", "  date: 2025-10-16\n  notes:"))
    doc = rule.info.doc
    assert (doc.checks, doc.why) == ('Ordinals from "tenth" on.', "Long series are rare in the sample.")
    assert (doc.example, doc.instead) == ("It was the twelfth attempt.", "It was the second attempt.")
    assert doc.date.isoformat() == "2025-10-16"
    assert (doc.location.line, doc.location.column) == (8, 3)


def test_a_missing_section_is_an_error_at_doc():
    with pytest.raises(RuleLoadError) as info:
        load(DOCUMENTED.replace("  why: Long series are rare in the sample.\n", ""))
    assert "missing required key why" in info.value.message
    assert (info.value.location.line, info.value.location.column) == (8, 3)


def test_an_unknown_section_gets_did_you_mean():
    with pytest.raises(RuleLoadError) as info:
        load(DOCUMENTED.replace("  notes:", "  note:"))
    assert "unknown key 'note'" in info.value.message and info.value.hint == "did you mean 'notes'?"
    assert info.value.location.line == 13


def test_an_empty_section_is_an_error_at_its_value():
    with pytest.raises(RuleLoadError) as info:
        load(DOCUMENTED.replace("  why: Long series are rare in the sample.", "  why: ' '"))
    assert info.value.message == "'doc.why' is empty; write the section or leave the key out"
    assert (info.value.location.line, info.value.location.column) == (10, 8)


def test_an_old_pack_with_a_description_still_loads():
    old = DOCUMENTED.split("doc:")[0] + "description: Ordinals from tenth on.\n"
    (rule,) = load(old)
    assert rule.info.doc is None and rule.info.description == "Ordinals from tenth on."


def test_factcheck_test_runs_the_documented_passages():
    (rule,) = load(DOCUMENTED)
    facts = load_facts([])
    assert run_examples([rule], facts) == (2, [])
    (unflagged,) = load(DOCUMENTED.replace("twelfth attempt", "third attempt"))
    count, [failure] = run_examples([unflagged], facts)
    assert (count, failure.example.name) == (2, "doc.example")
    missed = "missed: the rule does not flag its documented example 'It was the third attempt.'"
    assert failure.problems == (missed,)
    (flagged,) = load(DOCUMENTED.replace("second attempt", "eleventh attempt"))
    _, [failure] = run_examples([flagged], facts)
    assert failure.example.name == "doc.instead"
    extra = "extra: ordinal-below-ten at 'eleventh' (high confidence): eleventh is tenth or later"
    assert failure.problems == (extra,)
    assert str(failure).startswith("pack/rule.yaml:8:3: example of ordinal-below-ten (doc.instead) failed")


def test_rules_doc_shows_one_rule_in_fixed_sections(capsys):
    assert main(["rules", "--doc", "weekday-matches-date"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("weekday-matches-date (error)\nA weekday stated beside a full date")
    headings = [line for line in out.split("\n") if line in {h for _, h in DOC_SECTIONS} | {"References"}]
    assert headings == [h for _, h in DOC_SECTIONS] + ["References"]
    assert "  > The museum reopens on Tuesday, June 8, 2026, after a year of repairs." in out


def test_rules_doc_as_json_and_for_every_rule(capsys):
    assert main(["rules", "--doc", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)["rules"]
    assert [r["id"] for r in rules] == [r.id for r in DEFAULT.rules]
    elapsed = next(r for r in rules if r["id"] == "elapsed-period-matches-interval")
    assert set(elapsed["doc"]) == {"checks", "why", "example", "instead", "notes", "date"}
    assert elapsed["doc"]["date"] == "2025-10-16"


def test_rules_doc_unknown_rule_suggests(capsys):
    assert main(["rules", "--doc", "weekday-matches-dat"]) == 2
    err = capsys.readouterr().err
    assert "no loaded rule has the id 'weekday-matches-dat'" in err
    assert "did you mean 'weekday-matches-date'?" in err
