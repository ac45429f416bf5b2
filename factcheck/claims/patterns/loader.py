"""Loading pattern files: strict YAML, each pattern parsed and type-checked against the declared
fields, every error with ``path:line:col`` (inside the pattern string for a syntax error).

A pattern file declares one composite kind::

    kind: change                  # the new claim kind
    description: A stated change.
    value: change                 # the capture whose claim gives value, unit, hedge and precision
    fields: {change: claim<percent>?, direction: string}
    patterns: ["(rose|fell):direction {percent:change}"]
    normalize: {direction: {rose: up, fell: down}}   # optional: captured words → field values
    examples: [...]               # optional: texts and the claims they must yield (run by the tests)
    negatives: [...]              # optional: texts that must yield none
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from factcheck.claims.model import ClaimKind
from factcheck.claims.patterns.compiler import (
    Compiled,
    captured,
    claim_kinds,
    compile_pattern,
    required_kinds,
)
from factcheck.claims.patterns.syntax import Capture, PatternSyntaxError, parse_pattern
from factcheck.errors import RuleLoadError, SourceLocation
from factcheck.startup import regexcache
from factcheck.startup.diskcache import load_or_build
from factcheck.startup.resources import grammar_path
from factcheck.yamlsource import Node, compose, did_you_mean, read_text

REQUIRED = {"kind", "description", "fields", "patterns"}
OPTIONAL = {"value", "value_type", "normalize", "examples", "negatives"}
KIND_NAME = regexcache.compile(r"^[a-z][a-z0-9_]*$")
# Members every claim has (the rule language's CLAIM_COMMON, and what a claim object answers to): a
# field of the same name would be shadowed by them, so `s.start` would read the claim's offset.
RESERVED_FIELDS = {"start", "end", "text", "value", "unit", "hedge", "kind", "span", "precision", "certain",
                   "sentence"}
_CODE = ("syntax.py", "compiler.py", "starts.py", "loader.py", "../model.py")


class PatternLoadError(RuleLoadError):
    """A pattern file that does not load (exit code 2, like a rule file)."""


@dataclass(slots=True)
class PatternKind:
    """A composite kind declared by a pattern file, with its patterns compiled once."""

    kind: ClaimKind
    patterns: list[Compiled]
    requires: list[frozenset[str]]  # per pattern: the claim kinds a match always contains
    value: str | None
    lists: frozenset[str]
    normalize: dict[str, dict[str, str]] = field(default_factory=dict)
    path: str = ""


def load_pattern_file(path: Path, known: Mapping[str, ClaimKind] | None = None) -> PatternKind:
    """The kind a pattern file declares, checked against the ``known`` claim kinds (by default the
    built-in and the default pack's); compiled once per content of the file, the grammar, the code
    that compiles it and the known kinds (see :mod:`factcheck.startup.diskcache`)."""
    known = default_known() if known is None else known
    text = read_text(path, PatternLoadError, "pattern file")
    kinds = ";".join(f"{k.name}:{k.value_type}:{k.composite}" for k in known.values())
    key = "\0".join((str(path), text, _code(), kinds))
    kind = load_or_build("pattern", key, lambda: load_pattern_text(str(path), text, known))
    if not isinstance(kind, PatternKind) or kind.path != str(path):  # not what this cache entry should hold
        kind = load_pattern_text(str(path), text, known)
    if kind.kind.name in known:
        raise PatternLoadError(f"claim kind {kind.kind.name!r} is already declared", kind_location(str(path)))
    return kind


def default_known() -> Mapping[str, ClaimKind]:
    """The claim kinds a pattern file is checked against when no pack is given: the built-in kinds
    and the default pack's pattern kinds."""
    from factcheck.claims.kinds import BUILTIN_KINDS, with_kinds
    from factcheck.claims.patterns import default_kinds

    return with_kinds(BUILTIN_KINDS, [kind.kind for kind in default_kinds()])


@cache
def _code() -> str:
    """The pattern grammar and the source of the modules that compile patterns: a cached pattern file
    compiled by older code is compiled again."""
    here = Path(__file__).resolve().parent
    parts = [grammar_path("patterns.lark").read_text(encoding="utf-8")]
    for name in _CODE:
        try:
            parts.append((here / name).read_text(encoding="utf-8"))
        except OSError:  # pragma: no cover - installed without sources
            parts.append(name)
    return "\0".join(parts)


def kind_location(path: str) -> SourceLocation | None:
    """Where a pattern file names its kind (the value of ``kind:``), for errors raised after loading."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(r"^kind:[ \t]*(\S+)", text, re.MULTILINE)
    if match is None:
        return None
    line_start = text.rfind("\n", 0, match.start(1)) + 1
    line_end = text.find("\n", match.start(1))
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip("\r")
    return SourceLocation(path, text.count("\n", 0, match.start(1)) + 1, match.start(1) - line_start + 1,
                          line, len(match[1]))


def load_pattern_text(path: str, text: str, known: Mapping[str, ClaimKind] | None = None) -> PatternKind:
    """The composite kind declared by one pattern file's text, checked against the ``known`` kinds
    (by default the built-in and the default pack's)."""
    known = default_known() if known is None else known
    source, root = compose(path, text, PatternLoadError)
    if root is None:
        raise PatternLoadError("empty pattern file", source.location_at(0))
    entries = Node(source, root, PatternLoadError).mapping(REQUIRED, OPTIONAL)
    name = entries["kind"].string()
    if not KIND_NAME.match(name):
        raise entries["kind"].fail(f"kind {name!r} must be a lower-case name like 'part_of_whole'")
    if name in known:
        raise entries["kind"].fail(f"claim kind {name!r} is already declared")
    fields = {key: (node, node.string().replace(" ", ""))
              for key, node in _fields(entries["fields"], declared=True)}
    parsed = [(node, _parse(node)) for node in entries["patterns"].items()]
    compiled = [compile_pattern(tree) for _, tree in parsed]
    for (node, _), pattern in zip(parsed, compiled, strict=True):
        _check_kinds(node, pattern, known)
    _check_captures(fields, parsed)
    value = entries["value"].string() if "value" in entries else None
    value_type = _value_type(entries, value, fields, known)
    kind = ClaimKind(name, value_type, entries["description"].string(),
                     {key: written for key, (_, written) in fields.items()}, composite=True)
    return PatternKind(
        kind, compiled, [frozenset(required_kinds(tree)) for _, tree in parsed], value,
        frozenset(key for key, (_, written) in fields.items() if written.startswith("list<")),
        _normalize(entries.get("normalize"), fields), path,
    )


def _fields(node: Node, *, declared: bool = False) -> list[tuple[str, Node]]:
    """The entries of a mapping of names; ``declared`` checks them as field names of a claim."""
    if not node.is_mapping():
        raise node.fail(f"expected a mapping of field names to types, found {node.kind()}")
    entries = []
    for key, value in node.node.value:
        key_node = Node(node.source, key, node.error)
        name = key_node.string()
        if declared and name in RESERVED_FIELDS:
            raise key_node.fail(
                f"field name {name!r} is reserved: every claim has a member {name!r}",
                f"rules would read the claim's own {name!r} (e.g. `c.start` is its character offset); "
                f"rename the field, e.g. '{_rename(name)}'")
        if declared and not KIND_NAME.match(name):
            raise key_node.fail(f"field name {name!r} must be a lower-case name like 'direction'")
        entries.append((name, Node(node.source, value, node.error)))
    return entries


def _rename(name: str) -> str:
    return {"start": "begin", "end": "finish", "value": "amount", "text": "phrase", "kind": "sort",
            "unit": "measure"}.get(name, f"{name}_of")


def _parse(node: Node) -> tuple:
    text = node.string()
    try:
        return parse_pattern(text)
    except PatternSyntaxError as exc:
        raise PatternLoadError(exc.message, node.value_locator().locate(exc.pos)) from None


def _expected(capture: Capture) -> str:
    kinds = claim_kinds(capture.body)
    inner = "string" if kinds is None else f"claim<{kinds.pop() if len(kinds) == 1 else 'any'}>"
    return f"list<{inner}>" if capture.is_list else inner


def _fits(declared: str, expected: str) -> bool:
    base = declared.removesuffix("?")
    return base == expected or base == re.sub(r"claim<\w+>", "claim<any>", expected)


def _check_captures(fields: dict[str, tuple[Node, str]], parsed: list[tuple[Node, object]]) -> None:
    """Every capture is a declared field of a fitting type; a field some match may lack is nullable."""
    used: set[str] = set()
    for node, tree in parsed:
        always, every = captured(tree)  # type: ignore[arg-type]
        locate = node.value_locator().locate
        for name, captures in every.items():
            if name not in fields:
                raise PatternLoadError(f"capture {name!r} is not a declared field", locate(captures[0].pos),
                                       did_you_mean(name, set(fields), "declared fields"))
            written = fields[name][1]
            for capture in captures:
                if not _fits(written, _expected(capture)):
                    raise PatternLoadError(f"field {name!r} is declared {written} but this captures "
                                           f"{_expected(capture)}", locate(capture.pos, len(name)))
            if name not in always and not written.endswith("?") and not written.startswith("list<"):
                raise PatternLoadError(f"field {name!r} is not captured by every match: declare it "
                                       f"'{written}?'", locate(captures[0].pos, len(name)))
        for name, (field_node, written) in fields.items():
            if name not in every and not written.endswith("?") and not written.startswith("list<"):
                raise field_node.fail(f"field {name!r} is not captured by the pattern at {locate(0)}")
        used |= every.keys()
    for name, (field_node, _) in fields.items():
        if name not in used:
            raise field_node.fail(f"field {name!r} is never captured by any pattern")


def _check_kinds(node: Node, pattern: Compiled, known: Mapping[str, ClaimKind]) -> None:
    for kind, pos in pattern.kinds:
        declared = known.get(kind)
        if declared is None:
            where = node.value_locator().locate(pos, len(kind))
            hint = did_you_mean(kind, set(known), "claim kinds")
            raise PatternLoadError(f"unknown claim kind {kind!r}", where, hint)
        if declared is not None and declared.composite:
            raise PatternLoadError(f"{kind!r} is a composite kind; patterns match atomic claims only",
                                   node.value_locator().locate(pos, len(kind)))


def _value_type(entries: dict[str, Node], value: str | None, fields: dict[str, tuple[Node, str]],
                known: Mapping[str, ClaimKind]) -> str:
    if "value_type" in entries:
        return entries["value_type"].string()
    if value is None:
        return "null"
    if value not in fields:
        raise entries["value"].fail(f"value {value!r} is not a declared field",
                                    did_you_mean(value, set(fields), "declared fields"))
    match = re.fullmatch(r"claim<(\w+)>\??", fields[value][1])
    if match is None:
        raise entries["value"].fail(f"value {value!r} must be a claim field (declare value_type otherwise)")
    kind = match[1]
    written = known[kind].value_type if kind in known else "any"
    return written if written.endswith("?") else written + "?" * fields[value][1].endswith("?")


def _normalize(node: Node | None, fields: dict[str, tuple[Node, str]]) -> dict[str, dict[str, str]]:
    if node is None:
        return {}
    table: dict[str, dict[str, str]] = {}
    for name, mapping in _fields(node):
        if name not in fields or "string" not in fields[name][1]:
            raise mapping.fail(f"normalize: {name!r} is not a declared string field")
        table[name] = {" ".join(str(k).lower().split()): str(v) for k, v in mapping.plain().items()}
    return table
