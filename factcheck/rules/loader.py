"""Loading rule packs: strict YAML, positions on every error, expressions compiled once.

A pack is a directory of rule files (``*.yaml``, one rule per file or a list under ``rules:``);
its ``facts/`` sub-directory holds the reference facts the pack ships, and its ``patterns/``
sub-directory the composite claim kinds it declares (``docs/patterns.md``), loaded before any rule
is compiled. A single rule file is a pack too. Loading returns a :class:`~factcheck.rules.pack.Pack`
value and changes nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from factcheck.claims.kinds import BUILTIN_KINDS, with_kinds
from factcheck.claims.model import ClaimKind
from factcheck.claims.patterns import PATTERNS_DIR, PatternKind, default_dir, default_kinds, load_directory
from factcheck.errors import ExpressionTypeError, FactLoadError, RuleLoadError, SourceLocation
from factcheck.facts.loader import load_fact_node
from factcheck.facts.memory import MemoryFactBase
from factcheck.facts.model import FactBase
from factcheck.findings import Confidence, Severity
from factcheck.language import (
    TypeEnv,
    ast,
    compile_bindings,
    compile_expression,
    compile_template,
    parse_type,
    treecodec,
)
from factcheck.language import types as T
from factcheck.language.checker import Checked
from factcheck.language.parser import parse_bindings, parse_expression
from factcheck.language.templates import template_trees
from factcheck.language.types import ClaimTypes
from factcheck.rules.model import ConfidenceCase, Example, ExpectedFinding, FixSpec, Rule, RuleDoc, RuleInfo
from factcheck.rules.pack import Pack
from factcheck.startup import built, regexcache
from factcheck.startup.cache import DISABLE
from factcheck.startup.resources import rules_dir
from factcheck.yamlsource import FixedLocator, Node, YamlFile, compose, read_text

RULE_ID = regexcache.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = {"id", "title", "severity", "message", "for", "assert"}
OPTIONAL = {"where", "description", "doc", "tags", "references", "examples", "confidence", "fix",
            "relative_time"}
DOC_REQUIRED = {"checks", "why", "example", "instead"}
DOC_OPTIONAL = {"notes", "date"}
SEVERITIES = tuple(s.value for s in Severity)
CONFIDENCES = tuple(c.value for c in Confidence)
FIX_KEYS = {"figure", "value"}
CASE_KEYS = {"at_most", "when", "because"}
FIX_VALUE_TYPES = ("number", "percent", "money", "duration", "string")
DYNAMIC = "any"  # a value whose type is known only when the rule runs (a sum over claims of any kind)
FACTS_DIR = "facts"
NOT_RULES_DIRS = {"tests", PATTERNS_DIR}  # annotated test documents and shared patterns, not rules
BOOL = parse_type("bool")


def load_packs(paths: Iterable[Path]) -> Pack:
    """Load rule packs into one :class:`Pack`; the first error stops loading (exit code 2 at the
    CLI). The default pack's pattern kinds come first, then each pack's own ``patterns/``: rules
    type-check against the built-in kinds and all of these."""
    sources = _distinct(Path(path) for path in paths)
    patterns, kinds = load_patterns(sources)
    env = TypeEnv.standard(claims=ClaimTypes(kinds))
    # The default pack's expressions come checked from the build, which checked them against the
    # default pack's kinds alone: with a pack's own patterns (or --no-cache) they are checked here.
    checked = len(patterns) == len(default_kinds()) and not os.environ.get(DISABLE)
    rules: list[Rule] = []
    fact_files: list[Path] = []
    seen: dict[str, Rule] = {}
    for path in sources:
        rule_files, facts = _pack_files(path)
        fact_files.extend(facts)
        prebuilt = _prebuilt_sources(path)
        for rule_file in rule_files:
            records = prebuilt.get(rule_file.relative_to(path).as_posix()) if prebuilt is not None else None
            for rule in _load_file(rule_file, env, records, checked):
                if rule.id in seen:
                    raise RuleLoadError(
                        f"duplicate rule id {rule.id!r}", rule.location,
                        f"first defined at {seen[rule.id].location}",
                    )
                seen[rule.id] = rule
                rules.append(rule)
    return Pack(tuple(rules), patterns, tuple(fact_files), kinds, tuple(sources))


def load_patterns(paths: Iterable[Path]) -> tuple[tuple[PatternKind, ...], Mapping[str, ClaimKind]]:
    """The pattern kinds of the default pack and of each pack directory's ``patterns/``, and every
    claim kind they make known (the built-in ones first)."""
    patterns = list(default_kinds())
    kinds = with_kinds(BUILTIN_KINDS, [kind.kind for kind in patterns])
    loaded = {default_dir().resolve()}
    for path in paths:
        directory = (Path(path) / PATTERNS_DIR).resolve()
        if directory.is_dir() and directory not in loaded:
            loaded.add(directory)
            declared = load_directory(directory, kinds)
            kinds = with_kinds(kinds, [kind.kind for kind in declared])
            patterns += declared
    return tuple(patterns), kinds


def _distinct(paths: Iterable[Path]) -> list[Path]:
    """The paths in order, each file or directory once however it is spelled."""
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(path.resolve(), path)
    return list(seen.values())


def _pack_files(path: Path) -> tuple[list[Path], list[Path]]:
    if path.is_file():
        return [path], []
    if not path.is_dir():
        raise RuleLoadError(f"rule pack {path} does not exist")
    rules: list[Path] = []
    facts: list[Path] = []
    for file in sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".csv") and p.is_file()):
        folders = file.relative_to(path).parts[:-1]
        if FACTS_DIR in folders:
            facts.append(file)
        elif file.suffix != ".csv" and not NOT_RULES_DIRS.intersection(folders):
            rules.append(file)
    return rules, facts


def load_rule_file(path: Path, env: TypeEnv) -> list[Rule]:
    """The rules of one file, type-checked in ``env``."""
    return _load_file(path, env, None)


def _load_file(path: Path, env: TypeEnv, prebuilt: list[Any] | None, checked: bool = False) -> list[Rule]:
    """The rules of one file; ``prebuilt`` is what the build read from it (:data:`PREBUILT`), used
    instead of reading the YAML again when it is given and well formed, and with ``checked``, with
    the types the build's checker gave its expressions."""
    text = read_text(path, RuleLoadError, "rule file")
    sources = None
    if prebuilt is not None:
        try:
            sources = [_decode_source(record, YamlFile(str(path), text), index)
                       for index, record in enumerate(prebuilt)]
            if checked:
                sources = [_with_types(source, record["types"]) for source, record in zip(sources, prebuilt,
                                                                                         strict=True)]
        except (KeyError, IndexError, TypeError, ValueError):  # not what the build writes: read the file
            sources = None
    if sources is None:
        sources = read_rule_sources(str(path), text)
    return [_compile(source, env) for source in sources]


def load_rule_text(path: str, text: str, env: TypeEnv | None = None) -> list[Rule]:
    """Rules from one file's text (a single rule mapping, or a list under ``rules:``), type-checked
    in ``env`` (by default, against the built-in claim kinds only)."""
    return [_compile(source, env or TypeEnv.standard()) for source in read_rule_sources(path, text)]


@dataclass(frozen=True, slots=True)
class _Expression:
    """An expression's text and where each of its characters stands in the rule file; ``parsed``,
    its syntax tree (a list of bindings for ``for``, the holes' trees for a message) when it is
    known already."""

    text: str
    locator: FixedLocator
    parsed: Any = None
    nodes: tuple[ast.Node, ...] = ()  # the nodes of ``parsed`` as they were decoded, when it was


@dataclass(frozen=True, slots=True)
class RuleSource:
    """What a rule file says about one rule, checked for shape but not yet compiled."""

    info: RuleInfo
    bindings: _Expression
    where: _Expression | None
    check: _Expression
    message: _Expression
    location: SourceLocation
    examples: Sequence[Example]
    fix: tuple[_Expression, _Expression] | None = None  # (figure, value)
    confidence_cases: tuple[tuple[Confidence, _Expression, _Expression], ...] = ()  # (level, when, because)
    # Read from the generated data of the default pack, which the build compiled whole: its
    # expressions are compiled to closures when first run.
    prebuilt: bool = False


def read_rule_sources(path: str, text: str) -> list[RuleSource]:
    """Read and check the shape of a rule file: YAML errors, unknown or missing keys, ids."""
    source, root = compose(path, text, RuleLoadError)
    if root is None:
        raise RuleLoadError("empty rule file", source.location_at(0))
    top = Node(source, root, RuleLoadError)
    if top.is_mapping() and any(key.value == "rules" for key, _ in root.value):
        return [_read(item) for item in top.mapping({"rules"}, set())["rules"].items()]
    return [_read(top)]


def _read(node: Node) -> RuleSource:
    entries = node.mapping(REQUIRED, OPTIONAL)
    rule_id = entries["id"].string()
    if not RULE_ID.match(rule_id):
        raise entries["id"].fail(f"rule id {rule_id!r} is not kebab-case (like 'call-count-matches-period')")
    doc = _doc(entries["doc"]) if "doc" in entries else None
    description = entries["description"].string() if "description" in entries else ""
    info = RuleInfo(
        id=rule_id,
        title=entries["title"].string(),
        severity=Severity(entries["severity"].choice(SEVERITIES)),
        description=description or (doc.checks if doc is not None else ""),
        tags=tuple(entries["tags"].strings()) if "tags" in entries else (),
        references=tuple(entries["references"].strings()) if "references" in entries else (),
        path=node.source.path,
        confidence=_cap(entries.get("confidence")),
        doc=doc,
        relative_time=entries["relative_time"].boolean() if "relative_time" in entries else False,
    )
    examples = [_example(item) for item in entries["examples"].items()] if "examples" in entries else []
    where = _text(entries["where"]) if "where" in entries else None
    fix = _fix_source(entries["fix"]) if "fix" in entries else None
    cases = _confidence_cases(entries["confidence"]) if "confidence" in entries else ()
    return RuleSource(info, _text(entries["for"]), where, _text(entries["assert"]), _text(entries["message"]),
                      node.location, tuple(examples), fix, cases)


def _cap(node: Node | None) -> Confidence | None:
    """``confidence: low``: one cap for every finding (a list of cases is read by
    :func:`_confidence_cases` instead)."""
    if node is None or node.is_sequence():
        return None
    return Confidence(node.choice(CONFIDENCES))


def _confidence_cases(node: Node) -> tuple[tuple[Confidence, _Expression, _Expression], ...]:
    """``confidence:`` as a list of the readings that are doubtful, each ``at_most`` a level
    ``when`` an expression holds, ``because`` of what a template says (docs/confidence.md)."""
    if not node.is_sequence():
        return ()
    cases = []
    for item in node.items():
        entries = item.mapping(CASE_KEYS, set())
        level = Confidence(entries["at_most"].choice(CONFIDENCES))
        cases.append((level, _text(entries["when"]), _text(entries["because"])))
    if not cases:
        raise node.fail("'confidence' is an empty list; give a level or at least one case")
    return tuple(cases)


def _doc(node: Node) -> RuleDoc:
    """The ``doc:`` sections; each is prose (or a passage), and none may be left empty."""
    entries = node.mapping(DOC_REQUIRED, DOC_OPTIONAL)
    sections = {}
    for key in (*sorted(DOC_REQUIRED), "notes"):
        if key in entries:
            text = entries[key].string().strip()
            if not text:
                raise entries[key].fail(f"'doc.{key}' is empty; write the section or leave the key out")
            sections[key] = text
    date = entries["date"].date() if "date" in entries else None
    return RuleDoc(**sections, date=date, location=node.location)


def _fix_source(node: Node) -> tuple[_Expression, _Expression]:
    entries = node.mapping(FIX_KEYS, set())
    return _text(entries["figure"]), _text(entries["value"])


def _text(node: Node) -> _Expression:
    return _Expression(node.text(), node.value_locator().fixed())


def _compile(source: RuleSource, env: TypeEnv) -> Rule:
    """Type-check and compile a rule read from its file."""
    bindings = compile_bindings(source.bindings.text, source.bindings.locator, env, source.bindings.parsed,
                                lazy=source.prebuilt)
    env = env.extend({b.name: b.expression.type.elem for b in bindings})
    where = _expression(source.where, env, source.prebuilt) if source.where is not None else None
    check = _expression(source.check, env, source.prebuilt)
    lets = env.extend(check.let_types)
    message = compile_template(source.message.text, source.message.locator, lets, source.message.parsed,
                               lazy=source.prebuilt)
    fix = None if source.fix is None else _compile_fix(source.fix, lets, source.prebuilt)
    cases = tuple(_compile_case(case, lets, source.prebuilt) for case in source.confidence_cases)
    expressions = [b.expression for b in bindings] + [e for e in (where, check) if e is not None]
    # (``doc`` is a name written in the text: an expression without it is not walked)
    uses_date = any("doc" in e.source and _reads_document_date(e.tree) for e in expressions)
    return Rule(source.info, bindings, where, check, message, source.location, uses_date, source.examples,
                fix, cases)


def _compile_case(case: tuple[Confidence, _Expression, _Expression], env: TypeEnv,
                  lazy: bool) -> ConfidenceCase:
    """A confidence case's condition and reason may use the bindings and the assertion's ``let``
    names, like the message."""
    level, when, because = case
    return ConfidenceCase(level, _expression(when, env, lazy),
                          compile_template(because.text, because.locator, env, because.parsed, lazy=lazy))


def _compile_fix(source: tuple[_Expression, _Expression], env: TypeEnv, lazy: bool) -> FixSpec:
    """``fix.figure`` must be a claim, ``fix.value`` a value a figure can be restated as; both may
    use the bindings and the assertion's ``let`` names, like the message."""
    figure_source, value_source = source
    figure = compile_expression(figure_source.text, figure_source.locator, env, tree=figure_source.parsed,
                                lazy=lazy)
    if not figure.type.is_claim:
        raise _fix_type_error(figure_source, f"'fix.figure' must be a claim, not {figure.type}")
    value = compile_expression(value_source.text, value_source.locator, env, tree=value_source.parsed,
                               lazy=lazy)
    if value.type.name not in (*FIX_VALUE_TYPES, DYNAMIC):
        wanted = ", ".join(FIX_VALUE_TYPES[:-1]) + " or " + FIX_VALUE_TYPES[-1]
        raise _fix_type_error(value_source, f"'fix.value' must be a {wanted}, not {value.type}")
    return FixSpec(figure, value)


def _fix_type_error(expression: _Expression, message: str) -> ExpressionTypeError:
    """A type error over the whole of an expression (``fix``)."""
    return ExpressionTypeError(message, expression.locator.locate(0, len(expression.text)))


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


def _expression(expression: _Expression, env: TypeEnv, lazy: bool):
    return compile_expression(expression.text, expression.locator, env, expect=BOOL, tree=expression.parsed,
                              lazy=lazy)


def _example(node: Node) -> Example:
    entries = node.mapping({"text"}, {"name", "date", "facts", "expect"})
    expect: list[ExpectedFinding] = []
    if "expect" in entries:
        for item in entries["expect"].items():
            e = item.mapping(set(), {"at", "message", "fix", "confidence"})
            expect.append(
                ExpectedFinding(
                    at=e["at"].string() if "at" in e else None,
                    message=e["message"].string() if "message" in e else None,
                    fix=e["fix"].string() if "fix" in e else None,
                    confidence=Confidence(e["confidence"].choice(CONFIDENCES)) if "confidence" in e else None,
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


# -- the default pack, read when the package is built ---------------------------------------------
# What reading the default pack's rule files gives (every rule's metadata, documentation, the text
# of its expressions with where each character stands, and their syntax trees) depends only on the
# files, so the build hook writes it as plain data (factcheck.startup.built); a run then neither
# composes YAML nor parses an expression for the default pack. The examples are read from the file
# when first asked for: only `factcheck test` and the rule docs use them.


def _prebuilt_sources(path: Path) -> dict[str, list[Any]] | None:
    """The prebuilt rule sources of the pack at ``path`` by file (relative, ``/``-separated), when
    it is the default pack and they were generated from its files as they are now."""
    if not path.is_dir() or path.resolve() != rules_dir().resolve():
        return None
    value = built.load(PREBUILT)
    return value if isinstance(value, dict) else None


def _default_rule_files() -> list[Path]:
    return _pack_files(rules_dir())[0]


def _grammar_and_rule_files() -> list[Path]:
    from factcheck.startup.resources import grammar_path

    return [grammar_path("rule"), *_default_rule_files()]


def _encode_default(read: Callable[[Path], bytes] = Path.read_bytes) -> dict[str, list[Any]]:
    """Every default rule file's rule sources, read from the file as it will be installed (``read``:
    the build rewrites the ``$schema`` comment, and the positions must be the installed file's),
    with the types the checker gives their expressions in the default pack's environment."""
    directory = rules_dir()
    env = _check_default_compiles()
    encoded = {}
    for path in _default_rule_files():
        text = read(path).decode("utf-8")
        records = [_encode_source(source) for source in read_rule_sources(str(path), text)]
        for index, record in enumerate(records):
            record["types"] = _encode_types(_decode_source(record, YamlFile(str(path), text), index), env)
        encoded[path.relative_to(directory).as_posix()] = records
    return encoded


def _check_default_compiles() -> TypeEnv:
    """Load the default pack from its files, every expression compiled (a rule that does not load
    raises, and no data is generated: a run then reports the error as without it); its environment."""
    env = TypeEnv.standard(claims=ClaimTypes(load_patterns([rules_dir()])[1]))
    for path in _default_rule_files():
        load_rule_file(path, env)
    return env


def _encode_source(source: RuleSource) -> dict[str, Any]:
    info, doc = source.info, source.info.doc
    return {
        "id": info.id, "title": info.title, "severity": info.severity.value, "description": info.description,
        "tags": info.tags, "references": info.references,
        "confidence": info.confidence.value if info.confidence is not None else None,
        "relative_time": info.relative_time,
        "doc": None if doc is None else {
            "checks": doc.checks, "why": doc.why, "example": doc.example, "instead": doc.instead,
            "notes": doc.notes, "date": doc.date.isoformat() if doc.date else None,
            "location": _encode_location(doc.location),
        },
        "location": _encode_location(source.location),
        "for": _encode_expression(source.bindings,
                                  tuple(parse_bindings(source.bindings.text, source.bindings.locator))),
        "where": None if source.where is None else _encode_expression(source.where),
        "assert": _encode_expression(source.check),
        "message": _encode_expression(source.message,
                                      tuple(template_trees(source.message.text, source.message.locator))),
        "fix": None if source.fix is None else tuple(_encode_expression(part) for part in source.fix),
        "confidence_cases": [
            (level.value, _encode_expression(when),
             _encode_expression(because, tuple(template_trees(because.text, because.locator))))
            for level, when, because in source.confidence_cases
        ],
    }


def _encode_expression(expression: _Expression, parsed: Any = None) -> tuple[str, tuple[int, ...], Any]:
    if parsed is None:
        parsed = parse_expression(expression.text, expression.locator)
    return expression.text, _runs(expression.locator.offsets), treecodec.encode(parsed)


def _runs(offsets: Sequence[int]) -> tuple[int, ...]:
    """Character positions as runs of consecutive ones, ``(start, count, start, count, ...)``: most
    of an expression is one run per line of the rule file."""
    runs: list[int] = []
    for position in offsets:
        if runs and runs[-2] + runs[-1] == position:
            runs[-1] += 1
        else:
            runs += [position, 1]
    return tuple(runs)


class _Offsets(Sequence[int]):
    """The positions :func:`_runs` wrote, expanded when first read: only a message about the rule
    file reads them, so a run of the default pack builds none of the 27,000 numbers."""

    __slots__ = ("_expanded", "_length", "_runs")

    def __init__(self, runs: tuple[int, ...]) -> None:
        if len(runs) % 2 or not all(type(n) is int and n >= 0 for n in runs):
            raise ValueError("not runs of positions")
        self._runs, self._length, self._expanded = runs, sum(runs[1::2]), None

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # type: ignore[override]
        if self._expanded is None:
            pairs = zip(self._runs[::2], self._runs[1::2], strict=True)
            self._expanded = tuple(at for start, count in pairs for at in range(start, start + count))
        return self._expanded[index]

    def __eq__(self, other: object) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, Sequence) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))


def _encode_location(location: SourceLocation | None) -> tuple[int, int, str | None, int] | None:
    if location is None:
        return None
    return location.line, location.column, location.source_line, location.length


# -- the checker's types, recorded by the build ----------------------------------------------------
# Each expression's types are listed node by node in the order its nodes are decoded
# (``_Expression.nodes``), as indices into the rule's table of distinct types; an expression whose
# checked nodes are not exactly those nodes gets no list and is checked when it loads.


def _expressions_of(source: RuleSource) -> list[_Expression | None]:
    """Every expression of a rule, in a fixed order (``None`` for a missing ``where``)."""
    found = [source.bindings, source.where, source.check, source.message, *(source.fix or ())]
    for _, when, because in source.confidence_cases:
        found += [when, because]
    return found


def _trees(parsed: Any) -> list[Any]:
    """The syntax trees of an expression's ``parsed`` form: one tree, a ``for`` clause's bindings
    (``(name, start, end, tree)``) or a template's holes."""
    if isinstance(parsed, ast.Node | Checked):
        return [parsed]
    return [item[3] if isinstance(item, tuple) else item for item in parsed]


def _encode_types(source: RuleSource, env: TypeEnv) -> dict[str, Any]:
    rule = _compile(source, env)
    checked = {id(e.tree): e._checked for e in [
        *(binding.expression for binding in rule.bindings), *filter(None, (rule.where, rule.check)),
        *rule.message.holes, *((rule.fix.figure, rule.fix.value) if rule.fix else ()),
        *(e for case in rule.confidence_cases for e in (case.when, *case.because.holes))]}
    table: dict[T.Type, int] = {}

    def listed(expression: _Expression) -> list[int] | None:
        trees = _trees(expression.parsed)
        if not all(id(tree) in checked for tree in trees):
            return None
        types = {key: t for tree in trees for key, t in checked[id(tree)].types.items()}
        if set(types) != {id(node) for node in expression.nodes} or len(types) != len(expression.nodes):
            return None
        return [table.setdefault(types[id(node)], len(table)) for node in expression.nodes]

    expressions = [None if e is None else listed(e) for e in _expressions_of(source)]
    return {"table": [_encode_type(t) for t in table], "expressions": expressions}


def _encode_type(t: T.Type) -> list[Any]:
    return [t.name, _encode_type(t.arg) if isinstance(t.arg, T.Type) else t.arg, t.nullable]


def _decode_type(data: Any) -> T.Type:
    name, arg, nullable = data
    if not (isinstance(name, str) and isinstance(nullable, bool)
            and (arg is None or isinstance(arg, str | list))):
        raise ValueError("not a prebuilt type")
    return T.Type(name, _decode_type(arg) if isinstance(arg, list) else arg, nullable)


def _with_types(source: RuleSource, record: Any) -> RuleSource:
    """``source`` with its expressions' trees checked already, from the types the build recorded;
    raises (ValueError, TypeError, KeyError) on a record that is not what :func:`_encode_types` writes."""
    table = [_decode_type(t) for t in record["table"]]

    def typed(expression: _Expression | None, listed: list[int] | None) -> _Expression | None:
        if expression is None or listed is None:
            return expression
        types = MappingProxyType({id(node): table[index]
                                  for node, index in zip(expression.nodes, listed, strict=True)})
        parsed = expression.parsed
        if isinstance(parsed, ast.Node):
            parsed = Checked(parsed, types[id(parsed)], types)
        else:
            parsed = type(parsed)((*item[:3], Checked(item[3], types[id(item[3])], types))
                                  if isinstance(item, tuple) else Checked(item, types[id(item)], types)
                                  for item in parsed)
        return _Expression(expression.text, expression.locator, parsed, expression.nodes)

    made = iter([typed(e, listed) for e, listed in zip(_expressions_of(source), record["expressions"],
                                                       strict=True)])
    bindings, where, check, message = next(made), next(made), next(made), next(made)
    fix = (next(made), next(made)) if source.fix is not None else None
    cases = tuple((level, next(made), next(made)) for level, _, _ in source.confidence_cases)
    return replace(source, bindings=bindings, where=where, check=check, message=message, fix=fix,
                   confidence_cases=cases)


def _decode_source(record: dict[str, Any], source: YamlFile, index: int) -> RuleSource:
    """A rule source from its prebuilt record; raises (KeyError, TypeError, ValueError) on any record
    that is not what :func:`_encode_source` writes."""
    doc = record["doc"]
    if doc is not None:
        doc = RuleDoc(_string(doc["checks"]), _string(doc["why"]), _string(doc["example"]),
                      _string(doc["instead"]), _string(doc["notes"]),
                      dt.date.fromisoformat(doc["date"]) if doc["date"] is not None else None,
                      _decode_location(source.path, doc["location"]))
    info = RuleInfo(
        id=_string(record["id"]), title=_string(record["title"]), severity=Severity(record["severity"]),
        description=_string(record["description"]), tags=_strings(record["tags"]),
        references=_strings(record["references"]), path=source.path,
        confidence=Confidence(record["confidence"]) if record["confidence"] is not None else None,
        doc=doc, relative_time=bool(record["relative_time"]),
    )
    bindings = _decode_expression(record["for"], source)
    bindings = _Expression(bindings.text, bindings.locator, list(bindings.parsed), bindings.nodes)
    fix = record["fix"]
    return RuleSource(
        info, bindings, _decode_expression(record["where"], source) if record["where"] is not None else None,
        _decode_expression(record["assert"], source), _decode_expression(record["message"], source),
        _decode_location(source.path, record["location"]), FileExamples(source, index),
        None if fix is None else (_decode_expression(fix[0], source), _decode_expression(fix[1], source)),
        tuple((Confidence(level), _decode_expression(when, source), _decode_expression(because, source))
              for level, when, because in record["confidence_cases"]),
        prebuilt=True,
    )


def _decode_expression(data: Any, source: YamlFile) -> _Expression:
    text, runs, tree = data
    offsets = _Offsets(runs) if isinstance(runs, tuple) else None
    if offsets is None or len(offsets) != len(text) + 1:
        raise ValueError("not a prebuilt expression")
    made: list[ast.Node] = []
    parsed = treecodec.decode(tree, made)
    return _Expression(_string(text), FixedLocator(source, offsets), parsed, tuple(made))


def _decode_location(path: str, data: Any) -> SourceLocation:
    line, column, source_line, length = data
    return SourceLocation(path, int(line), int(column), source_line, int(length))


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a prebuilt rule")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(_string(item) for item in value)


class FileExamples(Sequence[Example]):
    """A prebuilt rule's examples, read from its rule file (the ``index``-th rule there) when first
    asked for."""

    def __init__(self, source: YamlFile, index: int) -> None:
        self._source, self._index = source, index
        self._examples: Sequence[Example] | None = None

    def _read(self) -> Sequence[Example]:
        if self._examples is None:
            self._examples = read_rule_sources(self._source.path, self._source.text)[self._index].examples
        return self._examples

    def __getitem__(self, index):  # type: ignore[override]
        return self._read()[index]

    def __len__(self) -> int:
        return len(self._read())

    def __repr__(self) -> str:
        return f"FileExamples({self._source.path!r}, {self._index})"


# The default pack's rule sources, generated by the build hook (factcheck.startup.built).
PREBUILT = built.Artefact("rules", _grammar_and_rule_files, _encode_default, reads_installed=True)
