"""Loading pattern files: strict YAML, each pattern parsed and type-checked against the declared
fields, every error with ``path:line:col`` (inside the pattern string for a syntax error).

A pattern file declares one composite kind::

    kind: change                  # the new claim kind
    description: A stated change.
    value: change                 # the capture whose claim gives value, unit, hedge and precision
    fields: {change: claim<percent>?, direction: string}
    patterns: ["(rose|fell):direction {percent:change}"]
    normalize: {direction: {rose: up, fell: down}}   # optional: captured words → field values
    define: {up: "(~rise|~climb)"}   # optional: macros, used as @up in patterns
    attach: [{pattern: "a {percent:change} ~rise", within: sentence}]  # statements joined to a frame
    carry: [[from, to]]           # optional: a unit stated on one of these fields carries to the other
    stage: 2                      # optional: patterns may name composite kinds of earlier stages
    examples: [...]               # optional: texts and the claims they must yield (run by the tests)
    negatives: [...]              # optional: texts that must yield none

A *word file* (no ``kind``, only ``define`` and an optional ``description``) holds macros every
pattern file of its directory may use.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterable, Mapping
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
from factcheck.claims.patterns.syntax import (
    Alt,
    Capture,
    ClaimRef,
    Literal,
    PatternSyntaxError,
    Repeat,
    Seq,
    parse_pattern,
)
from factcheck.claims.patterns.syntax import Node as PatternNode
from factcheck.errors import RuleLoadError, SourceLocation, did_you_mean
from factcheck.spans import LineIndex
from factcheck.startup import built, datacodec, regexcache
from factcheck.yamlsource import Node, compose, read_text

REQUIRED = {"kind", "description", "fields", "patterns"}
OPTIONAL = {"value", "value_type", "normalize", "examples", "negatives", "define", "attach", "carry",
            "stage"}
WORD_FILE = {"define", "description"}
WITHIN = ("phrase", "clause", "sentence", "next_sentence")
ATTACH_KEYS = {"pattern", "within", "agree"}
KIND_NAME = regexcache.compile(r"^[a-z][a-z0-9_]*$")
# Members every claim has (the rule language's CLAIM_COMMON, and what a claim object answers to): a
# field of the same name would be shadowed by them, so `s.start` would read the claim's offset.
RESERVED_FIELDS = {"start", "end", "text", "value", "unit", "hedge", "kind", "span", "precision", "certain",
                   "sentence"}


class PatternLoadError(RuleLoadError):
    """A pattern file that does not load (exit code 2, like a rule file)."""


@dataclass(slots=True)
class Attachment:
    """A statement that completes a frame ("a 20% increase" after "rose from 8,000 to 10,000"): its
    pattern, how far from the frame it may stand (``within``, a :class:`~factcheck.claims.model.
    Binding` name) and the fields that must agree when both have them (``agree``)."""

    pattern: Compiled
    requires: frozenset[str]
    fills: frozenset[str]  # the fields it captures: a frame it joins has none of them
    within: str = "sentence"
    agree: tuple[str, ...] = ()


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
    attachments: list[Attachment] = field(default_factory=list)
    carry: list[tuple[str, ...]] = field(default_factory=list)  # fields that share a stated unit
    stage: int = 1


def read_pattern_file(path: Path) -> str:
    return read_text(path, PatternLoadError, "pattern file")


def is_word_file(text: str) -> bool:
    """A file of shared macros (``define:`` and no ``kind:``)."""
    keys = set(re.findall(r"^([a-z_]+):", text, re.MULTILINE))
    return "define" in keys and "kind" not in keys


def stage_of(text: str) -> int:
    """The ``stage:`` a pattern file declares (1 without one), read before the file is loaded so a
    directory loads its stages in order."""
    match = re.search(r"^stage:[ \t]*([0-9]+)[ \t]*(?:#.*)?$", text, re.MULTILINE)
    return int(match[1]) if match else 1


def load_word_text(path: str, text: str, shared: Mapping[str, PatternNode] | None = None
                   ) -> dict[str, PatternNode]:
    """The macros a word file defines (each may use those defined before it, and ``shared``)."""
    source, root = compose(path, text, PatternLoadError)
    if root is None:
        raise PatternLoadError("empty word file", source.location_at(0))
    entries = Node(source, root, PatternLoadError).mapping({"define"}, WORD_FILE - {"define"})
    return _macros(entries["define"], dict(shared or {}))


@dataclass(frozen=True, slots=True)
class Scope:
    """What a pattern file is read against: the ``known`` claim kinds, the macros of the directory's
    word files (``shared``, and ``shared_key``, their text) and the stage of every composite kind an
    earlier stage of the directory declared (``stages``)."""

    known: Mapping[str, ClaimKind]
    shared: Mapping[str, PatternNode] = field(default_factory=dict)
    shared_key: str = ""
    stages: Mapping[str, int] = field(default_factory=dict)


def load_pattern_file(path: Path, known: Mapping[str, ClaimKind] | None = None,
                      scope: Scope | None = None) -> PatternKind:
    """The kind a pattern file declares, checked against the ``known`` claim kinds (by default the
    built-in and the default pack's) or a whole ``scope``."""
    scope = scope or Scope(default_known() if known is None else known)
    text = read_pattern_file(path)
    kind = load_pattern_text(str(path), text, scope=scope)
    if kind.kind.name in scope.known:
        raise PatternLoadError(f"claim kind {kind.kind.name!r} is already declared", kind_location(str(path)))
    return kind


def kind_location(path: str) -> SourceLocation | None:
    """Where a pattern file names its kind (the value of ``kind:``), for errors raised after loading."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(r"^kind:[ \t]*(\S+)", text, re.MULTILINE)
    if match is None:
        return None
    return SourceLocation.at(path, LineIndex(text), match.start(1), len(match[1]))


PATTERNS_DIR = "patterns"


def default_dir() -> Path:
    """The default pack's ``patterns/`` directory."""
    from factcheck.startup.resources import rules_dir

    return rules_dir() / PATTERNS_DIR


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file()) if directory.is_dir() else []


def pattern_files(directory: Path) -> list[Path]:
    """The pattern files of a ``patterns/`` directory (each declaring a kind), in name order."""
    return [path for path in _yaml_files(directory) if not is_word_file(read_pattern_file(path))]


def word_files(directory: Path) -> list[Path]:
    """The word files of a ``patterns/`` directory (macros shared by its pattern files), in name order."""
    return [path for path in _yaml_files(directory) if is_word_file(read_pattern_file(path))]


def load_directory(directory: Path, known: Mapping[str, ClaimKind]) -> list[PatternKind]:
    """The kinds declared by every pattern file of a ``patterns/`` directory, each checked against
    the ``known`` kinds, the macros of the directory's word files and the kinds of its earlier stages
    (files load stage by stage). A kind declared twice, here or in ``known``, is an error at its name."""
    from factcheck.claims.kinds import with_kinds

    directory = Path(directory)
    shared: dict = {}
    words = {path: read_pattern_file(path) for path in word_files(directory)}
    for path, text in words.items():  # word files first: their macros serve every pattern file
        shared = load_word_text(str(path), text, shared)
    texts = {path: read_pattern_file(path) for path in pattern_files(directory)}
    kinds: list[PatternKind] = []
    seen: dict[str, str] = {}
    for stage in sorted({stage_of(text) for text in texts.values()}):  # a stage sees the earlier ones
        scope = Scope(with_kinds(known, [kind.kind for kind in kinds]), shared, "\0".join(words.values()),
                      {kind.kind.name: kind.stage for kind in kinds})
        for path in (path for path, text in texts.items() if stage_of(text) == stage):
            kind = load_pattern_file(path, scope=scope)
            name = kind.kind.name
            if name in seen:
                raise PatternLoadError(f"claim kind {name!r} is already declared", kind_location(kind.path),
                                       f"first declared in {seen[name]}")
            seen[name] = kind.path
            kinds.append(kind)
    return kinds


@cache
def default_kinds() -> tuple[PatternKind, ...]:
    """The default pack's pattern kinds (a pure function of the package's files): generated when the
    package was built (:data:`PREBUILT`), or loaded from the files when that data is missing or
    was generated from other files or code."""
    data = built.load(PREBUILT)
    if data is not None:
        try:
            return decode_kinds(data, default_dir())
        except ValueError:
            pass
    return _load_default()


def _load_default() -> tuple[PatternKind, ...]:
    from factcheck.claims.kinds import BUILTIN_KINDS

    return tuple(load_directory(default_dir(), BUILTIN_KINDS))


def encode_kinds(kinds: Iterable[PatternKind]) -> list:
    """Pattern kinds as JSON data, each file named relative to its directory."""
    return [datacodec.encode(dataclasses.replace(kind, path=Path(kind.path).name)) for kind in kinds]


def _data_types() -> list[type]:
    """The dataclasses a pattern kind is made of: every one the pattern modules define, so a new
    piece of a compiled pattern is read back without a list to keep up to date."""
    from factcheck.claims import model
    from factcheck.claims.patterns import compiler, starts

    modules = (model, compiler, starts, sys.modules[__name__])
    return [value for module in modules for value in vars(module).values()
            if isinstance(value, type) and dataclasses.is_dataclass(value)]


def decode_kinds(data: list, directory: Path) -> tuple[PatternKind, ...]:
    """:func:`encode_kinds`'s data read back, the files named in ``directory``; ValueError when it
    is not a list of pattern kinds."""
    kinds = datacodec.decoder(_data_types())(data)
    if not isinstance(kinds, list) or not all(isinstance(kind, PatternKind) for kind in kinds):
        raise ValueError("not a list of pattern kinds")
    return tuple(dataclasses.replace(kind, path=str(directory / kind.path)) for kind in kinds)


# The default pack's pattern kinds, generated by the build hook (factcheck.startup.built).
PREBUILT = built.Artefact("patterns", lambda: _yaml_files(default_dir()),
                          lambda: encode_kinds(_load_default()))


def default_known() -> Mapping[str, ClaimKind]:
    """The claim kinds a pattern file is checked against when no pack is given: the built-in kinds
    and the default pack's pattern kinds."""
    from factcheck.claims.kinds import BUILTIN_KINDS, with_kinds

    return with_kinds(BUILTIN_KINDS, [kind.kind for kind in default_kinds()])


def load_pattern_text(path: str, text: str, known: Mapping[str, ClaimKind] | None = None, *,
                      scope: Scope | None = None) -> PatternKind:
    """The composite kind declared by one pattern file's text, checked against the ``known`` kinds
    (by default the built-in and the default pack's) or a whole ``scope``."""
    scope = scope or Scope(default_known() if known is None else known)
    known = scope.known
    shared = scope.shared
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
    stage = _stage(entries)
    macros = _macros(entries["define"], dict(shared or {})) if "define" in entries else dict(shared or {})
    parsed = [(node, _parse(node, macros)) for node in entries["patterns"].items()]
    compiled = [compile_pattern(tree) for _, tree in parsed]
    for (node, _), pattern in zip(parsed, compiled, strict=True):
        _check_kinds(node, pattern, scope, stage)
    attachments = [_attachment(item, fields, macros, scope, stage) for item in entries["attach"].items()] \
        if "attach" in entries else []
    _check_captures(fields, parsed, known, {name for a in attachments for name in (*a.fills, *a.agree)})
    value = entries["value"].string() if "value" in entries else None
    value_type = _value_type(entries, value, fields, known)
    kind = ClaimKind(name, value_type, entries["description"].string(),
                     {key: written for key, (_, written) in fields.items()}, composite=True)
    return PatternKind(
        kind, compiled, [frozenset(required_kinds(tree)) for _, tree in parsed], value,
        frozenset(key for key, (_, written) in fields.items() if written.startswith("list<")),
        _normalize(entries.get("normalize"), fields, macros), path, attachments,
        _carry(entries.get("carry"), fields), stage,
    )


def _stage(entries: dict[str, Node]) -> int:
    if "stage" not in entries:
        return 1
    text = str(entries["stage"].plain())
    if not text.isdigit() or int(text) < 1:
        raise entries["stage"].fail(f"stage must be a whole number from 1, found {text!r}")
    return int(text)


def _macros(node: Node, macros: dict[str, PatternNode]) -> dict[str, PatternNode]:
    """``define:`` entries parsed in order: each may use the ones before it."""
    for name, body in _fields(node):
        if not KIND_NAME.match(name):
            raise body.fail(f"macro name {name!r} must be a lower-case name like 'rise'")
        macros[name] = _parse(body, macros)
    return macros


def _attachment(item: Node, fields: dict[str, tuple[Node, str]], macros: dict[str, PatternNode],
                scope: Scope, stage: int) -> Attachment:
    """One ``attach:`` entry: a statement pattern whose captures fill nullable fields of a frame."""
    entries = item.mapping({"pattern"}, ATTACH_KEYS - {"pattern"})
    pattern_node = entries["pattern"]
    tree = _parse(pattern_node, macros)
    compiled = compile_pattern(tree)
    _check_kinds(pattern_node, compiled, scope, stage)
    _, every = captured(tree)
    for name, captures in every.items():
        _check_capture(name, captures, fields, scope.known, pattern_node.value_locator().locate)
    within = entries["within"].string() if "within" in entries else "sentence"
    if within not in WITHIN:
        raise entries["within"].fail(f"within must be one of {', '.join(WITHIN)}, found {within!r}")
    agree = tuple(entry.string() for entry in entries["agree"].items()) if "agree" in entries else ()
    for name in agree:
        if name not in every:
            raise entries["agree"].fail(f"agree: {name!r} is not captured by the statement")
    fills = frozenset(name for name in every if name not in agree and not fields[name][1].startswith("list<"))
    if not fills:
        raise pattern_node.fail("an attached statement must capture a field the frame may lack")
    for name in fills:
        if not fields[name][1].endswith("?"):
            raise pattern_node.fail(f"field {name!r} is filled by an attached statement: declare it "
                                    f"'{fields[name][1]}?'")
    return Attachment(compiled, frozenset(required_kinds(tree)), fills, within, agree)


def _carry(node: Node | None, fields: dict[str, tuple[Node, str]]) -> list[tuple[str, ...]]:
    """``carry: [[from, to]]``: claim fields among which a unit stated once is carried."""
    if node is None:
        return []
    groups = []
    for group in node.items():
        names = tuple(entry.string() for entry in group.items())
        for name in names:
            if name not in fields or not fields[name][1].startswith(("claim<", "list<claim<")):
                raise group.fail(f"carry: {name!r} is not a declared claim field")
        groups.append(names)
    return groups


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


def _parse(node: Node, macros: Mapping[str, PatternNode] | None = None) -> PatternNode:
    text = node.string()
    try:
        return parse_pattern(text, macros)
    except PatternSyntaxError as exc:
        raise PatternLoadError(exc.message, node.value_locator().locate(exc.pos)) from None


def _expected(capture: Capture, known: Mapping[str, ClaimKind]) -> str:
    body = capture.body
    if isinstance(body, ClaimRef) and body.path is not None and body.kind in known:
        inner = known[body.kind].fields.get(body.path, "any").removesuffix("?")
        return inner if not capture.is_list or inner.startswith("list<") else f"list<{inner}>"
    kinds = claim_kinds(capture.body)
    inner = "string" if kinds is None else f"claim<{kinds.pop() if len(kinds) == 1 else 'any'}>"
    return f"list<{inner}>" if capture.is_list else inner


def _fits(declared: str, expected: str) -> bool:
    base = declared.removesuffix("?")
    return base == expected or base == re.sub(r"claim<\w+>", "claim<any>", expected)


def _check_capture(name: str, captures: list[Capture], fields: dict[str, tuple[Node, str]],
                   known: Mapping[str, ClaimKind], locate) -> None:
    """The captures of one field are a declared field of a fitting type."""
    if name not in fields:
        raise PatternLoadError(f"capture {name!r} is not a declared field", locate(captures[0].pos),
                               did_you_mean(name, set(fields), "declared fields"))
    written = fields[name][1]
    for capture in captures:
        if not _fits(written, _expected(capture, known)):
            raise PatternLoadError(f"field {name!r} is declared {written} but this captures "
                                   f"{_expected(capture, known)}", locate(capture.pos, len(name)))


def _check_captures(fields: dict[str, tuple[Node, str]], parsed: list[tuple[Node, object]],
                    known: Mapping[str, ClaimKind], attached: set[str]) -> None:
    """Every capture is a declared field of a fitting type; a field some match may lack is nullable."""
    used: set[str] = set()
    for node, tree in parsed:
        always, every = captured(tree)  # type: ignore[arg-type]
        locate = node.value_locator().locate
        for name, captures in every.items():
            _check_capture(name, captures, fields, known, locate)
            written = fields[name][1]
            if name not in always and not written.endswith("?") and not written.startswith("list<"):
                raise PatternLoadError(f"field {name!r} is not captured by every match: declare it "
                                       f"'{written}?'", locate(captures[0].pos, len(name)))
        for name, (field_node, written) in fields.items():
            if name not in every and not written.endswith("?") and not written.startswith("list<"):
                raise field_node.fail(f"field {name!r} is not captured by the pattern at {locate(0)}")
        used |= every.keys()
    for name, (field_node, _) in fields.items():
        if name not in used | attached:
            raise field_node.fail(f"field {name!r} is never captured by any pattern")


def _check_kinds(node: Node, pattern: Compiled, scope: Scope, stage: int = 1) -> None:
    for kind, pos in pattern.kinds:
        declared = scope.known.get(kind)
        where = node.value_locator().locate(pos, len(kind))
        if declared is None:
            hint = did_you_mean(kind, set(scope.known), "claim kinds")
            raise PatternLoadError(f"unknown claim kind {kind!r}", where, hint)
        if not declared.composite:
            continue
        earlier = scope.stages.get(kind)
        if earlier is None or earlier >= stage:
            raise PatternLoadError(
                f"{kind!r} is a composite kind; a pattern matches atomic claims and the composites of "
                "earlier stages of its own directory only", where,
                "declare this file a later `stage:` than the file that declares the kind")


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


def _normalize(node: Node | None, fields: dict[str, tuple[Node, str]],
               macros: Mapping[str, PatternNode]) -> dict[str, dict[str, str]]:
    """``normalize:`` tables; a key ``@name`` stands for every word or phrase macro ``name`` lists."""
    if node is None:
        return {}
    table: dict[str, dict[str, str]] = {}
    for name, mapping in _fields(node):
        if name not in fields or "string" not in fields[name][1]:
            raise mapping.fail(f"normalize: {name!r} is not a declared string field")
        entries: dict[str, str] = {}
        for written, stored in mapping.plain().items():
            written = str(written)
            if written.startswith("@"):
                if written[1:] not in macros:
                    raise mapping.fail(f"normalize: unknown macro {written}")
                for phrase in literals(macros[written[1:]]):
                    entries.setdefault(phrase, str(stored))
            else:
                entries[" ".join(written.lower().split())] = str(stored)
        table[name] = entries
    return table


def literals(node: PatternNode) -> list[str]:
    """The phrases an alternation of literals matches, in lower case (for ``normalize`` keys)."""
    if isinstance(node, Literal):
        return [" ".join(node.text.lower().split())]
    if isinstance(node, Alt):
        return [phrase for branch in node.branches for phrase in literals(branch)]
    if isinstance(node, Capture):
        return literals(node.body)
    if isinstance(node, Seq):  # "~be down": every phrase of the first part, then of the rest
        phrases = [""]
        for item in node.items:
            phrases = [f"{head} {tail}".strip() for head in phrases for tail in literals(item)]
        return phrases
    if isinstance(node, Repeat) and node.low == 0 and node.high == 1:  # "[,] including"
        return ["", *literals(node.body)]
    return []
