"""The default pack read from its generated sources (factcheck.rules.loader.PREBUILT) is the pack its
YAML files give: the same metadata, expressions, locations, examples; a damaged or stale record is
not used, and no rule file of the default pack is composed as YAML nor any expression parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.language import ast, treecodec
from factcheck.language import expression as loader_expression
from factcheck.rules import loader
from factcheck.rules.pack import Pack
from factcheck.startup import built
from factcheck.startup.resources import rules_dir


def _from_yaml(monkeypatch: pytest.MonkeyPatch) -> Pack:
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_prebuilt_sources", lambda path: None)
        return loader.load_packs([rules_dir()])


def _trees(rule) -> list:
    expressions = [b.expression for b in rule.bindings] + [e for e in (rule.where, rule.check) if e]
    expressions += rule.message.holes + ([rule.fix.figure, rule.fix.value] if rule.fix else [])
    return [(e.source, treecodec.encode(e.tree), str(e.type)) for e in expressions]


def test_the_prebuilt_default_pack_is_the_pack_its_files_give(monkeypatch: pytest.MonkeyPatch) -> None:
    assert built.load(loader.PREBUILT) is not None, "the rule sources were not generated or are stale"
    prebuilt, read = loader.load_packs([rules_dir()]), _from_yaml(monkeypatch)
    assert [rule.info for rule in prebuilt.rules] == [rule.info for rule in read.rules]
    for fast, slow in zip(prebuilt.rules, read.rules, strict=True):
        assert isinstance(fast.examples, loader.FileExamples)
        assert fast.location == slow.location and fast.uses_document_date == slow.uses_document_date
        assert _trees(fast) == _trees(slow)
        assert fast.message.source == slow.message.source
        assert list(fast.examples) == list(slow.examples) and len(fast.examples) == len(slow.examples)
        for offset in range(0, len(fast.check.source), 7):  # errors point at the same place in the file
            assert fast.check._locator.locate(offset, 2) == slow.check._locator.locate(offset, 2)


def test_a_default_pack_run_reads_no_yaml_and_parses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the default pack was read from YAML or parsed")

    monkeypatch.setattr(loader, "read_rule_sources", refuse)
    monkeypatch.setattr("factcheck.language.parser._parse", refuse)
    pack = loader.load_packs([rules_dir()])
    assert len(pack.rules) == len(list(rules_dir().glob("*.yaml")))


@pytest.mark.parametrize("damage", [
    lambda record: record.pop("assert"),
    lambda record: record.update(severity="fatal"),
    lambda record: record.update(title=7),
    lambda record: record.update({"for": ("x in claims.date", (0, 1), ["Nope"])}),
    lambda record: record.update({"where": ("a", (0,), ["Var", 0, 1, "a"])}),  # offsets of another text
    lambda record: record["types"].update(table=[["number", 3, "no"]]),  # not a type
    lambda record: record["types"]["expressions"].pop(),  # the types of another rule's expressions
    lambda record: record["types"]["expressions"][2].append(0),  # one more type than nodes
])
def test_a_damaged_record_is_not_used(monkeypatch: pytest.MonkeyPatch, damage) -> None:
    import copy

    value = copy.deepcopy(built.load(loader.PREBUILT))
    name = next(iter(value))
    damage(value[name][0])
    monkeypatch.setattr(loader, "_prebuilt_sources", lambda path: value if path == rules_dir() else None)
    from_damaged = loader.load_packs([rules_dir()])
    read = _from_yaml(monkeypatch)
    assert [rule.info for rule in from_damaged.rules] == [rule.info for rule in read.rules]
    assert [_trees(rule) for rule in from_damaged.rules] == [_trees(rule) for rule in read.rules]


def test_a_copy_of_the_default_pack_elsewhere_is_read_from_its_files(tmp_path: Path) -> None:
    """Only the installed default pack has prebuilt sources; an edited copy is read as written."""
    copy = tmp_path / "rules"
    copy.mkdir()
    for rule_file in rules_dir().glob("*.yaml"):  # its patterns/ are the default kinds already
        (copy / rule_file.name).write_bytes(rule_file.read_bytes())
    path = copy / "weekday-matches-date.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    rule = next(r for r in loader.load_packs([copy]).rules if r.id == "weekday-matches-date")
    assert rule.info.title.startswith("Edited ") and not isinstance(rule.examples, loader.FileExamples)


def test_a_changed_default_rule_file_makes_the_prebuilt_sources_stale(tmp_path: Path) -> None:
    files = loader.PREBUILT.sources()
    changed = tmp_path / files[-1].name
    changed.write_bytes(files[-1].read_bytes() + b"\n# edited\n")
    same = built.Artefact(loader.PREBUILT.name, lambda: files, loader.PREBUILT.build)
    edited = built.Artefact(loader.PREBUILT.name, lambda: [*files[:-1], changed], loader.PREBUILT.build)
    assert built.load(same) is not None
    assert built.load(edited) is None


def test_the_prebuilt_rules_compile_when_first_run() -> None:
    """The build compiled the whole default pack; a run compiles only the expressions it runs."""
    from factcheck.claims.model import ClaimSet
    from factcheck.language import EvalContext

    rule = loader.load_packs([rules_dir()]).rules[0]
    assert rule.check._fn is None and rule.bindings[0].expression._fn is None
    assert rule.bindings[0].expression.evaluate({}, EvalContext(claims=ClaimSet([]))) == []
    assert rule.bindings[0].expression._fn is not None and rule.check._fn is None


def _types(rule) -> list:
    """Every expression's source and the type of each of its nodes, in the loader's node order."""
    expressions = [b.expression for b in rule.bindings] + [e for e in (rule.where, rule.check) if e]
    expressions += rule.message.holes + ([rule.fix.figure, rule.fix.value] if rule.fix else [])
    for case in rule.confidence_cases:
        expressions += [case.when, *case.because.holes]
    return [(e.source, [str(e.type_of(node)) for node in _walk(e.tree)]) for e in expressions]


def _walk(tree) -> list:
    nodes, pending = [], [tree]
    while pending:
        node = pending.pop()
        nodes.append(node)
        pending.extend(reversed(ast.children(node)))
    return nodes


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kinds of node the checker is asked to check from now on, one per tree."""
    checked: list[str] = []
    real = loader_expression.check

    def counting(tree, *args, **kwargs):
        checked.append(type(tree).__name__)
        return real(tree, *args, **kwargs)

    monkeypatch.setattr(loader_expression, "check", counting)
    return checked


def test_the_default_pack_comes_with_the_types_its_checker_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build recorded, for every expression of the default pack, the type the checker gives
    each node; loading the pack uses them instead of checking, and they are the checker's."""
    checked = _count_checks(monkeypatch)
    prebuilt = loader.load_packs([rules_dir()])
    assert checked == []  # nothing of the default pack was checked as it loaded
    read = _from_yaml(monkeypatch)
    assert checked  # the files' expressions were
    for fast, slow in zip(prebuilt.rules, read.rules, strict=True):
        assert _types(fast) == _types(slow), fast.id
    records = [record for records in built.load(loader.PREBUILT).values() for record in records]
    lists = [listed for record in records for listed in record["types"]["expressions"]]
    # every expression has its nodes' types: only a missing `where` has none
    assert len(lists) > 100 and lists.count(None) == sum(record["where"] is None for record in records)


@pytest.mark.parametrize("why", ["own patterns", "no cache"])
def test_the_default_pack_is_checked_in_another_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            why: str) -> None:
    """A pack with its own pattern kinds changes the environment the rules are checked in, and
    --no-cache asks for nothing kept: then the default pack's expressions are checked as they load."""
    paths = [rules_dir()]
    if why == "own patterns":
        patterns = rules_dir() / "patterns"
        kind = next(p for p in sorted(patterns.glob("*.yaml")))
        (tmp_path / "patterns").mkdir()
        (tmp_path / "patterns" / "mine.yaml").write_text(
            kind.read_text(encoding="utf-8").replace("kind: ", "kind: mine_", 1), encoding="utf-8")
        paths.append(tmp_path)
    else:
        monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    checked = _count_checks(monkeypatch)
    pack = loader.load_packs(paths)
    assert len(checked) >= len(pack.rules)
