"""Evaluating one compiled rule against one document's claims and the reference facts.

Bindings are iterated as a product (each later binding may depend on earlier ones), the guard
filters, and the assertion must hold. Only a failed assertion is re-run with tracing, so evidence
costs nothing on the common path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.claims.model import Claim
from factcheck.engine.confidence import assess
from factcheck.engine.restate import restate
from factcheck.errors import EvaluationError
from factcheck.facts.model import Entity, Period, Timeline
from factcheck.facts.titles import complete_periods
from factcheck.findings import INTERNAL, RULE_ERROR, Confidence, Finding, Fix, Severity, describe_exception
from factcheck.language import EvalContext, TraceEntry
from factcheck.language.joins import Plan
from factcheck.language.runtime import Cost
from factcheck.limits import RULE_COST_BUDGET
from factcheck.rules.model import Rule
from factcheck.spans import Span

MAX_EVIDENCE = 24  # evidence entries kept per finding
FACT_TYPES = (Timeline, Period, Entity)


def evaluate_rule(rule: Rule, ctx: EvalContext, budget: int = RULE_COST_BUDGET,
                  plan: Plan | None = None) -> Iterator[Finding]:
    """The findings ``rule`` produces on the document in ``ctx``; failures become rule errors.

    The rule gets ``budget`` steps for the whole document, shared by every evaluation it makes
    (see :class:`~factcheck.language.runtime.Cost`); a failure that is not the rule's (a bug in
    factcheck) becomes a rule error marked ``internal``. The combinations of its bindings are those
    of ``plan`` (:func:`plan_of`: the ones its ``where`` may keep; keep it beside the rule, it is
    built once)."""
    scope: dict[str, Any] = {}
    ctx.budget = cost = Cost(budget, "the rule, on this document,")
    try:
        for scope in (plan or plan_of(rule)).scopes(ctx, lambda: cost.charge(1, None)):
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


def plan_of(rule: Rule) -> Plan:
    """Which combinations of ``rule``'s bindings its ``where`` may keep (:mod:`factcheck.language.joins`)."""
    return Plan(rule.bindings, rule.where)


def _scopes(rule: Rule, ctx: EvalContext) -> Iterator[dict[str, Any]]:
    """Every combination of binding values, in document order, each charged to the budget: what
    ``factcheck explain`` shows, the combinations the guard rules out included."""
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
    """A finding for a failed assertion, with the values it compared as evidence, its confidence
    (from the claims it binds) and the correction the rule suggests, if any."""
    _, lets = rule.check.evaluate_with_lets(scope, ctx)
    _, steps = rule.check.trace(scope, ctx)
    names = {**scope, **lets}
    message = rule.message.render(names, ctx)
    claims = [value for value in scope.values() if isinstance(value, Claim)]
    primary = claims[0] if claims else None
    related = _related(primary, claims[1:])
    span = primary.span if primary else None
    evidence = _evidence(claims, steps)
    assessment = assess(claims, rule.info.confidence, rule.info.relative_time, _limits(rule, names, ctx))
    if assessment.confidence is not Confidence.HIGH:
        evidence["confidence"] = f"{assessment.confidence.value}: {'; '.join(assessment.reasons)}"
    fix = _fix(rule, names, ctx)
    if fix is not None:
        message += f' (suggested: "{fix[0].text}" → "{fix[1].replacement}")'
    return Finding(rule.id, rule.severity, message, span, related, evidence, assessment.confidence,
                   fix[1] if fix else None)


def _limits(rule: Rule, names: dict[str, Any], ctx: EvalContext) -> list[tuple[Confidence, str]]:
    """The levels the rule sets for this finding, with their reasons: those of its confidence cases
    that hold."""
    return [(case.level, case.because.render(names, ctx)) for case in rule.confidence_cases
            if case.when.evaluate(names, ctx) is True]


def _fix(rule: Rule, names: dict[str, Any], ctx: EvalContext) -> tuple[Claim, Fix] | None:
    """The figure the rule doubts and its correction, when the rule declares ``fix`` and the figure
    can be restated honestly (see :mod:`factcheck.engine.restate`)."""
    if rule.fix is None:
        return None
    figure = rule.fix.figure.evaluate(names, ctx)
    value = rule.fix.value.evaluate(names, ctx)
    if not isinstance(figure, Claim) or value is None:
        return None
    replacement = restate(figure, value)
    return None if replacement is None else (figure, Fix(figure.span, replacement))


def _evidence(claims: list[Claim], steps: list[TraceEntry]) -> dict[str, Any]:
    """What a reader needs to see the inconsistency: the values of the claims involved, keyed by
    their part in the statement (``from``, ``to``, ``change``) or their kind, typed (reporters write
    them for people or as JSON), and the facts used with their sources. The rule's own names and
    sub-expressions (``least``, ``c.from.kind == ...``) belong to ``factcheck explain``."""
    evidence: dict[str, Any] = {}
    seen: set[tuple[str, Span]] = set()
    for claim in claims:
        parts = [(role, part) for role, part in claim.fields.items() if isinstance(part, Claim)]
        for key, part in parts or [(claim.kind, claim)]:
            if part.value is None or (part.kind, part.span) in seen or len(evidence) >= MAX_EVIDENCE:
                continue
            seen.add((part.kind, part.span))
            evidence[_unique(key, evidence)] = part.value
    facts: dict[str, dict[str, str]] = {}
    for step in steps:
        if isinstance(step.value, FACT_TYPES):
            facts.setdefault(step.value.id, _fact(step.value))
    if facts:
        evidence["facts"] = list(facts.values())
    return evidence


def _unique(key: str, taken: dict[str, Any]) -> str:
    """``key``, or ``key 2``, ``key 3`` … when two claims of one kind are involved."""
    number = 1
    candidate = key
    while candidate in taken:
        number += 1
        candidate = f"{key} {number}"
    return candidate


def _fact(fact: Timeline | Period | Entity) -> dict[str, str]:
    title = fact.title if isinstance(fact, Timeline) else fact.name
    found = {"id": fact.id, "title": title, "source": str(fact.source) if fact.source else "unknown"}
    complete = complete_periods(fact) if isinstance(fact, Entity) else None
    if complete is not None:  # why a title the person did not hold is false, not unknown
        found["offices complete"] = complete
    return found


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
