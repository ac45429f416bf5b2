"""``factcheck explain RULE_ID [PATH]``: the rule as written, and on each document, for every binding
of claims, whether the guard held, the evaluation trace (each sub-expression's value, the facts
used, the tolerance of approximate comparisons) and why the assertion held or failed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from factcheck.claims.model import Claim
from factcheck.errors import EvaluationError, UsageError, did_you_mean
from factcheck.facts.model import Entity, Period, Timeline
from factcheck.language import format_value
from factcheck.rules.model import Rule

if TYPE_CHECKING:
    from factcheck.documents import InputFailure
    from factcheck.documents.model import Document
    from factcheck.engine.runner import Engine

MAX_BINDINGS_SHOWN = 50


def explain(rule_id: str, rules: Sequence[Rule], engine: Engine,
            inputs: Iterable[Document | InputFailure]) -> str:
    """The rule ``rule_id`` as written, and how it evaluates on each input."""
    from factcheck.documents import InputFailure
    from factcheck.language import EvalContext
    from factcheck.timex import document_claims

    rule = _find(rules, rule_id)
    out = [*describe(rule)]
    for item in inputs:
        if isinstance(item, InputFailure):
            out.append(f"\n{item.path}: cannot read: {item.error}")
            continue
        ctx = EvalContext(document=item, claims=document_claims(item, engine.extractor),
                          facts=engine.facts)
        out.extend(explain_document(rule, item, ctx))
    return "\n".join(out) + "\n"


def _find(rules: Sequence[Rule], rule_id: str) -> Rule:
    for rule in rules:
        if rule.id == rule_id:
            return rule
    hint = did_you_mean(rule_id, {r.id for r in rules}, "loaded rules")
    raise UsageError(f"no rule {rule_id!r} is loaded", hint=hint)


def describe(rule: Rule) -> list[str]:
    info = rule.info
    cap = f", confidence at most {info.confidence.value}" if info.confidence else ""
    lines = [f"{info.id}  ({info.severity.value}{cap})", f"  {info.title}", f"  defined at {rule.location}"]
    if info.tags:
        lines.append(f"  tags: {', '.join(info.tags)}")
    if info.description:
        lines += ["", *(f"  {line}".rstrip() for line in info.description.strip().split("\n"))]
    lines.append("")
    for_text = ", ".join(f"{b.name} in {b.expression.source}" for b in rule.bindings)
    lines.append(f"  for:    {for_text}")
    if rule.where is not None:
        lines.append(f"  where:  {_indent(rule.where.source)}")
    lines.append(f"  assert: {_indent(rule.check.source)}")
    if rule.fix is not None:
        lines.append(f"  fix:    {rule.fix.figure.source} → {_indent(rule.fix.value.source)}")
    return lines


def _indent(text: str) -> str:
    return "\n          ".join(text.strip().split("\n"))


def explain_document(rule: Rule, document: Any, ctx: Any) -> list[str]:
    from factcheck.engine.evaluate import _scopes

    lines = ["", f"== {document.display_path}"]
    if rule.uses_document_date and document.date is None:
        return [*lines, "  skipped: the rule reads doc.date and the document has no date"]
    shown = 0
    try:
        for scope in _scopes(rule, ctx):
            shown += 1
            if shown > MAX_BINDINGS_SHOWN:
                lines.append(f"  ... more bindings not shown (limit {MAX_BINDINGS_SHOWN})")
                break
            lines.extend(_binding(rule, document, scope, ctx))
    except EvaluationError as exc:
        lines.append(f"  evaluation failed: {exc.message}")
    if shown == 0:
        lines.append("  no bindings: no claims of the kinds the rule's `for` iterates")
    return lines


def _binding(rule: Rule, document: Any, scope: dict[str, Any], ctx: Any) -> list[str]:
    bound = ", ".join(f"{name} = {_claim(document, value)}" for name, value in scope.items())
    lines = ["", f"  binding: {bound}"]
    if rule.where is not None:
        guard = rule.where.evaluate(scope, ctx)
        lines.append(f"    where {_verdict(guard)}")
        if guard is not True:
            return [*lines, "    not checked: the guard did not hold"]
    value, steps = rule.check.trace(scope, ctx)
    lines.append("    trace:")
    lines.extend(_step(step) for step in steps)
    facts = {s.value.id: s.value for s in steps if isinstance(s.value, Timeline | Period | Entity)}
    for fact in facts.values():
        lines.append(f"    fact used: {fact.id} (source: {fact.source or 'unknown'})")
    lines.append(f"    assert {_verdict(value)}: {_why(value)}")
    if value is False:
        lines.extend(_outcome(rule, scope, ctx))
    return lines


def _outcome(rule: Rule, scope: dict[str, Any], ctx: Any) -> list[str]:
    """The finding's confidence (and why it is below high) and its suggested correction."""
    from factcheck.engine.evaluate import _finding

    finding = _finding(rule, scope, ctx)
    why = finding.evidence.get("confidence", "").partition(": ")[2]
    lines = [f"    confidence: {finding.confidence}" + (f" ({why})" if why else "")]
    if finding.fix is not None:
        figure = ctx.document.text[finding.fix.span.start : finding.fix.span.end]
        lines.append(f'    suggested: replace "{figure}" with "{finding.fix.replacement}"')
    return lines


def _claim(document: Any, value: Any) -> str:
    if not isinstance(value, Claim):
        return format_value(value)
    position = document.position(document.original_span(value.span).start)
    return f'"{value.text}" (line {position.line}, column {position.column})'


def _step(step: Any) -> str:
    source = " ".join(step.source.split())
    text = f"      {source} = {_short(format_value(step.value))}"
    return text + (f"    [{_short(step.detail)}]" if step.detail else "")


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _verdict(value: Any) -> str:
    return {True: "held", False: "failed"}.get(value, "undecided") if isinstance(value, bool | None) else "?"


def _why(value: Any) -> str:
    if value is True:
        return "no finding"
    if value is False:
        return "a finding is reported (see the failing steps above)"
    return "a value was null, so the rule cannot decide and reports nothing"
