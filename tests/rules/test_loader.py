"""Rule files load strictly: every structural and expression error names file, line and column."""

from __future__ import annotations

import textwrap

import pytest

from factcheck.errors import ExpressionSyntaxError, ExpressionTypeError, RuleLoadError
from factcheck.findings import Severity
from factcheck.rules.loader import load_packs, load_rule_text

VALID = """\
id: sample-rule
title: A sample
severity: warning
for: c in claims.ordinal
where: c.value > 0
assert: c.value < 100
message: "{c.text} is large"
"""


def load(text: str):
    return load_rule_text("pack/rule.yaml", textwrap.dedent(text))


def error_of(text: str, kind: type[Exception] = RuleLoadError) -> RuleLoadError:
    with pytest.raises(kind) as info:
        load(text)
    return info.value


def test_valid_rule_loads_with_metadata():
    (rule,) = load(VALID)
    assert rule.id == "sample-rule"
    assert rule.severity is Severity.WARNING
    assert rule.info.path == "pack/rule.yaml"
    assert [b.name for b in rule.bindings] == ["c"]
    assert not rule.uses_document_date


def test_list_of_rules_under_rules_key():
    second = VALID.replace("sample-rule", "other-rule")
    text = "rules:\n" + textwrap.indent(VALID, "  ").replace("  id:", "- id:", 1) + textwrap.indent(
        second, "  "
    ).replace("  id:", "- id:", 1)
    assert [r.id for r in load(text)] == ["sample-rule", "other-rule"]


def test_unknown_key_names_position_and_suggests():
    err = error_of(VALID + "severty: error\n")
    assert err.location.line == 8 and err.location.column == 1
    assert "unknown key 'severty'" in err.message
    assert err.hint == "did you mean 'severity'?"
    assert "^^^^^^^" in str(err)


def test_missing_required_key():
    err = error_of(VALID.replace("title: A sample\n", ""))
    assert "missing required key title" in err.message
    assert err.location.line == 1


def test_bad_severity_suggests_the_closest():
    err = error_of(VALID.replace("severity: warning", "severity: warn"))
    assert err.location.line == 3 and err.location.column == 11
    assert "expected one of error, warning, info" in err.message


def test_rule_id_must_be_kebab_case():
    err = error_of(VALID.replace("sample-rule", "Sample_Rule"))
    assert "kebab-case" in err.message and err.location.line == 1


def test_invalid_yaml_has_position():
    err = error_of("id: x\ntitle: [unclosed\n")
    assert err.location.path == "pack/rule.yaml"
    assert "invalid YAML" in err.message


def test_syntax_error_points_into_a_plain_scalar():
    err = error_of(VALID.replace("assert: c.value < 100", "assert: c.value < < 100"), ExpressionSyntaxError)
    assert (err.location.line, err.location.column) == (6, 19)
    assert err.location.source_line == "assert: c.value < < 100"


def test_type_error_points_into_a_block_scalar():
    text = VALID.replace("assert: c.value < 100", 'assert: |\n  c.value < 100\n    and c.text > 3')
    err = error_of(text, ExpressionTypeError)
    assert err.location.line == 8
    assert err.location.source_line.strip() == "and c.text > 3"
    assert "string" in err.message and "number" in err.message


def test_unknown_name_gets_did_you_mean():
    err = error_of(VALID.replace("where: c.value > 0", "where: c.valeu > 0"), ExpressionTypeError)
    assert err.location.line == 5 and err.location.column == 10
    assert "value" in (err.hint or "") + err.message


def test_assert_must_be_boolean():
    err = error_of(VALID.replace("assert: c.value < 100", "assert: c.value + 1"), ExpressionTypeError)
    assert err.location.line == 6


def test_message_template_is_checked():
    err = error_of(VALID.replace('"{c.text} is large"', '"{c.nope} is large"'), ExpressionTypeError)
    assert err.location.line == 7


def test_duplicate_ids_across_packs(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "rule.yaml").write_text(VALID)
    with pytest.raises(RuleLoadError) as info:
        load_packs([tmp_path / "a", tmp_path / "b"])
    assert "duplicate rule id 'sample-rule'" in info.value.message
    assert str(tmp_path / "a" / "rule.yaml") in info.value.hint


def test_pack_separates_facts_from_rules(tmp_path):
    (tmp_path / "rule.yaml").write_text(VALID)
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "people.yaml").write_text("facts: {}\n")
    pack = load_packs([tmp_path])
    assert [r.id for r in pack.rules] == ["sample-rule"]
    assert [p.name for p in pack.fact_files] == ["people.yaml"]


def test_example_fields_are_strict():
    err = error_of(VALID + "examples:\n  - text: hi\n    expected: []\n")
    assert err.location.line == 10
    assert err.hint == "did you mean 'expect'?"


def test_uses_document_date_is_detected():
    (rule,) = load(VALID.replace("where: c.value > 0", "where: doc.date != null"))
    assert rule.uses_document_date
