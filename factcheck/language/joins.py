"""Which combinations of a rule's bindings can pass its ``where``, read from the ``where`` itself,
so that a rule pairing claims costs about the pairs it may keep rather than every pair.

The ``where``'s exact prefix of conjuncts (:mod:`factcheck.language.access`) is read for the
binding at each level of the ``for`` clause:

* a conjunct over this binding and earlier ones only (``b.determiner in ["the", "this"]`` once
  ``b`` is bound) is evaluated as soon as its names are bound, and a false one skips every deeper
  combination (a *prune*);
* on one of the claim set's own lists (``claims.KIND``), which is the same list for every outer
  combination, the filters, key and offset bounds that the conjuncts give for this binding
  (``a.determiner in ["a", "an"]``, ``lower(a.noun) == lower(b.noun)``, ``a.start < b.start``)
  select the claims through an index built once per document.

Combinations are still produced in the order of the nested loops, so findings come out in the same
order, and the ``where`` is still evaluated whole on each. The cost bound counts what is
evaluated: combinations the plan skips are not charged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from factcheck.errors import EvaluationError
from factcheck.language import ast
from factcheck.language.access import (
    FAILED,
    GLOBALS,
    Access,
    ListIndex,
    exact_prefix,
    free_names,
    index_for,
    total,
)
from factcheck.language.expression import Binding, CompiledExpression
from factcheck.language.runtime import EvalContext


@dataclass
class Level:
    """What the plan knows about one binding of the ``for`` clause (its conjuncts compiled)."""

    name: str
    prunes: list[CompiledExpression] = field(default_factory=list)
    filters: list[CompiledExpression] = field(default_factory=list)
    key: tuple[CompiledExpression, CompiledExpression] | None = None  # (this claim's side, the other)
    orders: list[tuple[str, CompiledExpression]] = field(default_factory=list)  # (op on the start, bound)

    @property
    def indexed(self) -> bool:
        return bool(self.filters or self.key or self.orders)


class Plan:
    """The combinations of ``bindings`` that the ``where`` may keep, in nested-loop order."""

    def __init__(self, bindings: list[Binding], where: CompiledExpression | None) -> None:
        self.bindings = bindings
        self.levels = [Level(b.name) for b in bindings]
        self.first_kind = _own_list(bindings[0].expression.tree) if bindings else None
        if where is not None and len(bindings) > 1:
            self._read(where)

    def finds_nothing(self, ctx: EvalContext) -> bool:
        """Whether the first binding is a kind of claim the document has none of (``claims.K``): no
        combination, so nothing to evaluate (most rules, on most documents)."""
        return self.first_kind is not None and not ctx.claims.of_kind(self.first_kind)

    def _read(self, where: CompiledExpression) -> None:
        names = [b.name for b in self.bindings]
        totals = [total(b.expression.tree, b.expression) for b in self.bindings]
        access = [Access() for _ in names]
        for conjunct in exact_prefix(where.tree, where):
            free = free_names(conjunct)
            if not free <= GLOBALS | set(names):
                continue
            depth = max((names.index(n) for n in free if n in names), default=0)
            deeper_total = all(totals[depth + 1:])  # skipping deeper loops skips no failure
            if depth > 0 and deeper_total and access[depth].take(conjunct, names[depth], where):
                continue
            if depth < len(names) - 1 and deeper_total:
                self.levels[depth].prunes.append(where.part(conjunct))
        for level, found in zip(self.levels, access, strict=True):
            level.filters = [where.part(node) for node in found.filters]
            level.key = found.key and (where.part(found.key[0]), where.part(found.key[1]))
            level.orders = [(op, where.part(bound)) for op, bound in found.orders]

    def scopes(self, ctx: EvalContext, charge: Callable[[], None]) -> Iterator[dict[str, Any]]:
        """Every combination the ``where`` may keep; ``charge`` is called once for each."""
        bindings, levels, count = self.bindings, self.levels, len(self.bindings)

        def extend(index: int, scope: dict[str, Any]) -> Iterator[dict[str, Any]]:
            if index == count:
                charge()
                yield scope
                return
            level = levels[index]
            values = bindings[index].expression.evaluate(scope, ctx) or ()
            found = _index(ctx, level, values) if level.indexed and index > 0 else None
            if found is not None:
                bounds = [(op, _value(bound, scope, ctx)) for op, bound in level.orders]
                wanted = _value(level.key[1], scope, ctx) if level.key else FAILED
                values = found.select(bounds, wanted)
            name, prunes = level.name, level.prunes
            for value in values:
                inner = {**scope, name: value}
                if prunes and any(_value(p, inner, ctx) is False for p in prunes):
                    continue
                yield from extend(index + 1, inner)

        yield from extend(0, {})


def _own_list(tree: ast.Node) -> str | None:
    """``K`` when ``tree`` is ``claims.K``, one of the claim set's own lists."""
    match tree:
        case ast.Member(obj=ast.Var(name="claims"), name=kind) if kind != "all":
            return kind
    return None


def _index(ctx: EvalContext, level: Level, claims: Any) -> ListIndex | None:
    """``level``'s index of ``claims`` when it is one of the claim set's own lists (built once per
    document, from its second use: see :func:`~factcheck.language.access.index_for`)."""
    if not ctx.claims.owns(claims):
        return None
    name, filters, key = level.name, level.filters, level.key

    def build() -> ListIndex:
        return ListIndex(claims, lambda c: any(_value(f, {name: c}, ctx) is False for f in filters),
                         key and (lambda c: _value(key[0], {name: c}, ctx)))

    return index_for(ctx, claims, ("join", id(level)), build)


def _value(part: CompiledExpression, scope: dict[str, Any], ctx: EvalContext) -> Any:
    """``part``'s value, or :data:`FAILED` when it fails (the ``where`` then decides)."""
    try:
        return part.evaluate(scope, ctx)
    except EvaluationError:
        return FAILED
