"""``factcheck check-rules``: every error in every rule file, in one run (as ``semgrep --validate``).

Loading stops at a pack's first error, which is right for ``run`` (a broken pack must not run) but
makes fixing a file with three mistakes take four runs. Validation goes on: a file whose YAML does
not parse reports that one error; otherwise each rule in it is checked on its own, its keys all at
once (every unknown key with a did-you-mean, every missing one) and each of its expressions
(``for``, ``where``, ``assert``, ``message``) compiled separately, so a type error in ``where``
does not hide one in ``assert``. Duplicate ids across files are reported too.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.errors import FactcheckError, RuleLoadError, SourceLocation, did_you_mean
from factcheck.exitcodes import EXIT_OK, EXIT_USAGE
from factcheck.language import TypeEnv, compile_bindings, compile_expression, compile_template, parse_type
from factcheck.language.types import ClaimTypes
from factcheck.rules.loader import OPTIONAL, REQUIRED
from factcheck.rules.loader import _read as read_rule
from factcheck.yamlsource import Node, compose, read_text

BOOL = parse_type("bool")


@dataclass(slots=True)
class Validation:
    """What validating some packs found: how many rules are sound, and every error."""

    rules: int = 0
    errors: list[FactcheckError] = field(default_factory=list)
    ids: dict[str, SourceLocation | None] = field(default_factory=dict)


def validate_paths(paths: list[Path]) -> Validation:
    """Rules type-check against the claim kinds the packs' ``patterns/`` declare, as when loading;
    when those do not load, the error is reported and rules are checked against the built-in kinds."""
    from factcheck.claims.kinds import BUILTIN_KINDS
    from factcheck.rules.loader import _pack_files, load_patterns

    result = Validation()
    try:
        _, kinds = load_patterns(paths)
    except FactcheckError as error:
        result.errors.append(error)
        kinds = BUILTIN_KINDS
    env = TypeEnv.standard(claims=ClaimTypes(kinds))
    for path in paths:
        try:
            rule_files, _ = _pack_files(path)
        except FactcheckError as error:
            result.errors.append(error)
            continue
        for rule_file in rule_files:
            validate_file(rule_file, result, env)
    return result


def validate_file(path: Path, result: Validation, env: TypeEnv) -> None:
    try:
        text = read_text(path, RuleLoadError, "rule file")
        source, root = compose(str(path), text, RuleLoadError)
    except RuleLoadError as error:  # unreadable, or the YAML itself: nothing after it can be read
        result.errors.append(error)
        return
    if root is None:
        result.errors.append(RuleLoadError("empty rule file", source.location_at(0)))
        return
    top = Node(source, root, RuleLoadError)
    if isinstance(root, yaml.MappingNode) and any(key.value == "rules" for key, _ in root.value):
        try:
            items = list(top.mapping({"rules"}, set())["rules"].items())
        except RuleLoadError as error:
            result.errors.append(error)
            return
    else:
        items = [top]
    for item in items:
        _validate_rule(item, result, env)


def _validate_rule(node: Node, result: Validation, env: TypeEnv) -> None:
    problems = _key_problems(node)
    entries = _entries(node)
    if not problems:
        try:  # the fields' shapes: id, severity, tags, examples
            rule_source = read_rule(node)
        except RuleLoadError as error:
            problems.append(error)
        else:
            previous = result.ids.get(rule_source.info.id, False)
            if previous is not False:
                message = f"duplicate rule id {rule_source.info.id!r}"
                problems.append(RuleLoadError(message, rule_source.location, f"first defined at {previous}"))
            result.ids[rule_source.info.id] = node.location
    problems.extend(_expression_problems(entries, env))
    result.errors.extend(problems)
    result.rules += not problems


def _entries(node: Node) -> dict[str, Node]:
    if not isinstance(node.node, yaml.MappingNode):
        return {}
    return {str(key.value): Node(node.source, value, RuleLoadError) for key, value in node.node.value}


def _key_problems(node: Node) -> list[FactcheckError]:
    if not isinstance(node.node, yaml.MappingNode):
        return [node.fail(f"expected a mapping, found {node.kind()}")]
    allowed = REQUIRED | OPTIONAL
    problems: list[FactcheckError] = []
    seen: set[str] = set()
    for key_node, _ in node.node.value:
        key = Node(node.source, key_node, RuleLoadError)
        name = str(key_node.value)
        if name in seen:
            problems.append(key.fail(f"duplicate key {name!r}"))
        elif name not in allowed:
            problems.append(key.fail(f"unknown key {name!r}", did_you_mean(name, allowed, "allowed keys")))
        seen.add(name)
    missing = sorted(REQUIRED - seen)
    if missing:
        plural = "s" if len(missing) > 1 else ""
        problems.append(node.fail(f"missing required key{plural} {', '.join(missing)}"))
    return problems


def _expression_problems(entries: dict[str, Node], env: TypeEnv) -> list[FactcheckError]:
    """Each expression compiled on its own; later ones are type-checked only if ``for`` compiles."""
    problems: list[FactcheckError] = []
    if "for" not in entries:
        return problems
    try:
        bindings = compile_bindings(*_expression(entries["for"]), env)
    except FactcheckError as error:
        return [error]
    env = env.extend({b.name: b.expression.type.elem for b in bindings})
    check = None
    for key in ("where", "assert"):
        if key in entries:
            try:
                compiled = compile_expression(*_expression(entries[key]), env, expect=BOOL)
            except FactcheckError as error:
                problems.append(error)
            else:
                check = compiled if key == "assert" else check
    if "message" in entries and check is not None:
        try:
            compile_template(*_expression(entries["message"]), env.extend(check.let_types))
        except FactcheckError as error:
            problems.append(error)
    return problems


def _expression(node: Node):
    return node.text(), node.value_locator().fixed()


def check_rules_command(paths: list[str]) -> int:
    """0 when every rule loads; 2 with every error, each with its position, when one does not."""
    result = validate_paths([Path(p) for p in paths])
    for error in result.errors:
        print(f"factcheck: error: {error}", file=sys.stderr)
    if result.errors:
        count = len(result.errors)
        print(f"{count} error{'s' if count != 1 else ''}; {result.rules} rules OK", file=sys.stderr)
        return EXIT_USAGE
    print(f"{result.rules} rules OK")
    return EXIT_OK
