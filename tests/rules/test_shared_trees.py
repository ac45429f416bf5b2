"""One expression text in two rules over different claim kinds: each rule keeps its own types.

The parsed tree of ``p * 2 > 1000`` is the same for both rules (parsing is cached by text), but the
checker keeps the types beside the tree, never in it, so the rule over ``percent`` multiplies
percentages and the rule over ``number`` numbers, in the fast build and in the traced one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.language import StringLocator
from factcheck.language.parser import parse_expression
from factcheck.rules.loader import load_packs

PACK = """\
rules:
  - id: percent-doubled
    title: A doubled percentage stays below 1000%
    severity: warning
    for: p in claims.percent
    assert: p * 2 > 1000
    message: "percent {p.text}"
  - id: number-doubled
    title: A doubled number stays below 1000
    severity: warning
    for: p in claims.number
    assert: p * 2 > 1000
    message: "number {p.text}"
"""
TEXT = "Turnout rose 12% among 300 voters.\n"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "rules.yaml").write_text(PACK, encoding="utf-8")
    return tmp_path / "pack"


def test_each_rule_reports_its_own_finding(pack: Path, tmp_path: Path, capsys) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(TEXT, encoding="utf-8")
    (tmp_path / "factcheck.yaml").write_text("default-pack: false\n", encoding="utf-8")
    assert main(["run", str(doc), "--rules", str(pack), "--config", str(tmp_path / "factcheck.yaml"),
                 "--format", "json"]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    found = [(f["rule"], f["message"], f["span"]["column"]) for f in document["findings"]]
    assert found == [("percent-doubled", "percent 12%", 14), ("number-doubled", "number 300", 24)]


def test_the_traced_build_uses_the_rules_own_types(pack: Path) -> None:
    from factcheck.claims import extract_claims
    from factcheck.documents.model import Document, OffsetMap
    from factcheck.language import EvalContext

    rules = {rule.id: rule for rule in load_packs([pack]).rules}
    assert rules["percent-doubled"].check.tree is rules["number-doubled"].check.tree  # shared, unharmed
    document = Document("doc.txt", TEXT, TEXT, OffsetMap.identity(len(TEXT)))
    claims = extract_claims(TEXT)
    ctx = EvalContext(document=document, claims=claims)
    (percent,) = claims.of_kind("percent")
    value, steps = rules["percent-doubled"].check.trace({"p": percent}, ctx)
    assert value is False and [step.detail for step in steps] == ["0.24 > 1000"]  # 24% as a fraction
    number = next(c for c in claims.of_kind("number") if c.text == "300")
    value, steps = rules["number-doubled"].check.trace({"p": number}, ctx)
    assert value is False and [step.detail for step in steps] == ["600 > 1000"]


def test_parsed_trees_are_frozen() -> None:
    tree = parse_expression("p * 2 > 1000", StringLocator("p * 2 > 1000"))
    with pytest.raises(AttributeError):
        tree.start = 3  # type: ignore[misc]
    assert not hasattr(tree, "ty")
