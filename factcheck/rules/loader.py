"""Loading rule packs: strict YAML, positions on every error, expressions compiled once.

A pack is a directory of rule files (``*.yaml``, one rule per file or a list under ``rules:``);
its ``facts/`` sub-directory holds the reference facts the pack ships, and its ``patterns/``
sub-directory the composite claim kinds it declares (``docs/patterns.md``), registered before any
rule is compiled. A single rule file is a pack too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import regexcache
from factcheck.engine.results import RuleInfo
from factcheck.errors import FactLoadError, RuleLoadError
from factcheck.facts.loader import load_fact_node
from factcheck.facts.memory import MemoryFactBase
from factcheck.facts.model import FactBase
from factcheck.findings import Severity
from factcheck.language import (
    TypeEnv,
    ast,
    compile_bindings,
    compile_expression,
    compile_template,
    parse_type,
)
from factcheck.rules.model import Example, ExpectedFinding, Rule
from factcheck.yamlsource import Node, compose

RULE_ID = regexcache.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = {"id", "title", "severity", "message", "for", "assert"}
OPTIONAL = {"where", "description", "tags", "references", "examples"}
SEVERITIES = tuple(s.value for s in Severity)
FACTS_DIR = "facts"
PATTERNS_DIR = "patterns"
NOT_RULES_DIRS = {"tests", PATTERNS_DIR}  # annotated test documents and shared patterns, not rules
BOOL = parse_type("bool")


@dataclass(slots=True)
class RulePack:
    """Everything loaded from the packs: rules in load order, and the fact files they ship."""

    rules: list[Rule] = field(default_factory=list)
    fact_files: list[Path] = field(default_factory=list)


def load_packs(paths: Iterable[Path]) -> RulePack:
    """Load rule packs; the first error stops loading (exit code 2 at the CLI). Every pack's pattern
    files are loaded first: rules type-check against the claim kinds they declare."""
    from factcheck.claims import patterns

    paths = [Path(path) for path in paths]
    for path in paths:
        if path.is_dir():  # the default pack's patterns are loaded at import; loading is idempotent
            patterns.load_directory(path / PATTERNS_DIR)
    pack = RulePack()
    seen: dict[str, Rule] = {}
    for path in paths:
        rule_files, fact_files = _pack_files(Path(path))
        pack.fact_files.extend(fact_files)
        for rule_file in rule_files:
            for rule in load_rule_file(rule_file):
                if rule.id in seen:
                    raise RuleLoadError(
                        f"duplicate rule id {rule.id!r}", rule.location,
                        f"first defined at {seen[rule.id].location}",
                    )
                seen[rule.id] = rule
                pack.rules.append(rule)
    return pack


def _pack_files(path: Path) -> tuple[list[Path], list[Path]]:
    if path.is_file():
        return [path], []
    if not path.is_dir():
        raise RuleLoadError(f"rule pack {path} does not exist")
    files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".csv") and p.is_file())
    facts = [p for p in files if FACTS_DIR in p.relative_to(path).parts[:-1]]
    files = [p for p in files if p.suffix != ".csv" or p in facts]
    skipped = [p for p in files if NOT_RULES_DIRS & set(p.relative_to(path).parts[:-1])]
    return [p for p in files if p not in facts and p not in skipped], facts


def load_rule_file(path: Path) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleLoadError(f"cannot read rule file {path}: {exc}") from None
    return load_rule_text(str(path), text)


def load_rule_text(path: str, text: str) -> list[Rule]:
    """Rules from one file's text: a single rule mapping, or a list under ``rules:``."""
    source, root = compose(path, text, RuleLoadError)
    if root is None:
        raise RuleLoadError("empty rule file", source.location_at(0))
    top = Node(source, root, RuleLoadError)
    if top.is_mapping() and any(key.value == "rules" for key, _ in root.value):
        return [_rule(item) for item in top.mapping({"rules"}, set())["rules"].items()]
    return [_rule(top)]


def _rule(node: Node) -> Rule:
    entries = node.mapping(REQUIRED, OPTIONAL)
    rule_id = entries["id"].string()
    if not RULE_ID.match(rule_id):
        raise entries["id"].fail(f"rule id {rule_id!r} is not kebab-case (like 'call-count-matches-period')")
    info = RuleInfo(
        id=rule_id,
        title=entries["title"].string(),
        severity=Severity(entries["severity"].choice(SEVERITIES)),
        description=entries["description"].string() if "description" in entries else "",
        tags=tuple(entries["tags"].strings()) if "tags" in entries else (),
        references=tuple(entries["references"].strings()) if "references" in entries else (),
        path=node.source.path,
    )
    env = TypeEnv.standard()
    bindings = compile_bindings(entries["for"].text(), entries["for"].value_locator(), env)
    env = env.extend({b.name: b.expression.type.elem for b in bindings})
    where = _expression(entries["where"], env) if "where" in entries else None
    check = _expression(entries["assert"], env)
    message = compile_template(
        entries["message"].text(), entries["message"].value_locator(), env.extend(check.let_types)
    )
    examples = [_example(item) for item in entries["examples"].items()] if "examples" in entries else []
    expressions = [b.expression for b in bindings] + [e for e in (where, check) if e is not None]
    uses_date = any(_reads_document_date(e.tree) for e in expressions)
    return Rule(info, bindings, where, check, message, node.location, uses_date, examples)


def _reads_document_date(tree: ast.Node) -> bool:
    """Whether an expression reads ``doc.date`` (such rules are skipped on undated documents)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        if (isinstance(node, ast.Member) and node.name == "date" and isinstance(node.obj, ast.Var)
                and node.obj.name == "doc"):
            return True
        pending.extend(ast.children(node))
    return False


def _expression(node: Node, env: TypeEnv):
    return compile_expression(node.text(), node.value_locator(), env, expect=BOOL)


def _example(node: Node) -> Example:
    entries = node.mapping({"text"}, {"name", "date", "facts", "expect"})
    expect: list[ExpectedFinding] = []
    if "expect" in entries:
        for item in entries["expect"].items():
            e = item.mapping(set(), {"at", "message"})
            expect.append(
                ExpectedFinding(
                    at=e["at"].string() if "at" in e else None,
                    message=e["message"].string() if "message" in e else None,
                )
            )
    return Example(
        text=entries["text"].string(),
        location=node.location,
        date=entries["date"].date() if "date" in entries else None,
        facts=_inline_facts(entries["facts"]) if "facts" in entries else None,
        expect=tuple(expect),
        name=entries["name"].string() if "name" in entries else None,
    )


def _inline_facts(node: Node) -> FactBase:
    """An example's own facts, loaded with the fact loader's checks but reported as rule errors."""
    try:
        return load_fact_node(Node(node.source, node.node, FactLoadError), MemoryFactBase())
    except FactLoadError as exc:
        raise RuleLoadError(exc.message, exc.location, exc.hint) from None
