"""Evaluating one compiled rule against one document's claims and the reference facts.

Bindings are iterated as a product (each later binding may depend on earlier ones), the guard
filters, and the assertion must hold. Only a failed assertion is re-run with tracing, so evidence
costs nothing on the common path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.claims.model import Claim
from factcheck.errors import EvaluationError
from factcheck.facts.model import Entity, Period, Timeline
from factcheck.findings import INTERNAL, RULE_ERROR, Finding, Severity, describe_exception
from factcheck.language import EvalContext, TraceEntry, format_value
from factcheck.language.runtime import Cost
from factcheck.limits import RULE_COST_BUDGET
from factcheck.rules.model import Rule
from factcheck.spans import Span

MAX_EVIDENCE = 24  # evidence entries kept per finding
FACT_TYPES = (Timeline, Period, Entity)


def evaluate_rule(rule: Rule, ctx: EvalContext, budget: int = RULE_COST_BUDGET) -> Iterator[Finding]:
    """The findings ``rule`` produces on the document in ``ctx``; failures become rule errors.

    The rule gets ``budget`` steps for the whole document, shared by every evaluation it makes
    (see :class:`~factcheck.language.runtime.Cost`); a failure that is not the rule's (a bug in
    factcheck) becomes a rule error marked ``internal``."""
    scope: dict[str, Any] = {}
    ctx.budget = Cost(budget, "the rule, on this document,")
    try:
        for scope in _scopes(rule, ctx):
            if rule.where is not None and rule.where.evaluate(scope, ctx) is not True:
                continue
            if rule.check.evaluate(scope, ctx) is False:
                yield _finding(rule, scope, ctx)
    except EvaluationError as exc:
        yield _rule_error(rule, scope, exc.message)
    except RecursionError:
        yield _rule_error(rule, scope, "the evaluation nested too deeply")
    except Exception as exc:  # a bug, not the rule's: reported, and the other rules still run
        yield _rule_error(rule, scope, f"internal error: {describe_exception(exc)}", internal=True)
    finally:
        ctx.budget = None


def _rule_error(rule: Rule, scope: dict[str, Any], message: str, internal: bool = False) -> Finding:
    evidence: dict[str, Any] = {"rule": rule.id, "error": message, "rule_file": str(rule.location)}
    if internal:
        evidence[INTERNAL] = True
    return Finding(RULE_ERROR, Severity.ERROR, f"rule {rule.id!r} failed while evaluating: {message}",
                   _primary_span(rule, scope), evidence=evidence)


def _scopes(rule: Rule, ctx: EvalContext) -> Iterator[dict[str, Any]]:
    """Every combination of binding values, in document order; each is charged to the budget."""
    budget = ctx.budget

    def extend(index: int, scope: dict[str, Any]) -> Iterator[dict[str, Any]]:
        if index == len(rule.bindings):
            if budget is not None:
                budget.charge(1, None)
            yield scope
            return
        binding = rule.bindings[index]
        for value in binding.expression.evaluate(scope, ctx) or ():
            yield from extend(index + 1, {**scope, binding.name: value})

    yield from extend(0, {})


def _finding(rule: Rule, scope: dict[str, Any], ctx: EvalContext) -> Finding:
    """A finding for a failed assertion, with the values it compared as evidence."""
    _, lets = rule.check.evaluate_with_lets(scope, ctx)
    _, steps = rule.check.trace(scope, ctx)
    message = rule.message.render({**scope, **lets}, ctx)
    claims = [value for value in scope.values() if isinstance(value, Claim)]
    primary = claims[0] if claims else None
    related = _related(primary, claims[1:])
    span = primary.span if primary else None
    return Finding(rule.id, rule.severity, message, span, related, _evidence(steps))


def _evidence(steps: list[TraceEntry]) -> dict[str, Any]:
    """The trace as JSON-ready evidence: the facts used (with their sources), the names the
    assertion bound, and the comparisons that failed (with operands, intervals and tolerance)."""
    evidence: dict[str, Any] = {}
    facts: dict[str, dict[str, str]] = {}
    for step in steps:
        if isinstance(step.value, FACT_TYPES):
            facts.setdefault(step.value.id, _fact(step.value))
        elif step.source.isidentifier():
            evidence.setdefault(step.source, _short(format_value(step.value)))
        elif step.value is False and step.detail and "null" not in step.source.split():
            evidence.setdefault(step.source, step.detail)
        if len(evidence) >= MAX_EVIDENCE:
            break
    if facts:
        evidence["facts"] = list(facts.values())
    return evidence


def _fact(fact: Timeline | Period | Entity) -> dict[str, str]:
    title = fact.title if isinstance(fact, Timeline) else fact.name
    return {"id": fact.id, "title": title, "source": str(fact.source) if fact.source else "unknown"}


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _related(primary: Claim | None, others: list[Claim]) -> tuple[Span, ...]:
    spans: list[Span] = [] if primary is None else [part.span for part in primary.parts()]
    spans.extend(claim.span for claim in others)
    unique = dict.fromkeys(s for s in spans if primary is None or s != primary.span)
    return tuple(sorted(unique))


def _primary_span(rule: Rule, scope: dict[str, Any]) -> Span | None:
    for binding in rule.bindings:
        value = scope.get(binding.name)
        if isinstance(value, Claim):
            return value.span
    return None
