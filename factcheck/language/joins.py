"""Which combinations of a rule's bindings can pass its ``where``, read from the ``where`` itself,
so that a rule pairing claims costs about the pairs it may keep rather than every pair.

A ``where`` is a chain of conjuncts (``a.start < b.start and a.series == b.series and ...``); it
holds only if every conjunct is true. The plan takes the conjuncts of its *exact prefix*: the
conjuncts up to and including the first one that can fail at run time (any later conjunct is
never reached on a combination this prefix rules out, so skipping that combination changes no
result, not even an error). Of those, for the binding at each level of the ``for`` clause:

* a conjunct over this binding and earlier ones only (``b.determiner in ["the", "this"]`` once
  ``b`` is bound) is evaluated as soon as its names are bound, and a false one skips every deeper
  combination (a *prune*);
* on one of the claim set's own lists (``claims.KIND``), which is the same list for every outer
  combination, the list is indexed once per document: the claims a conjunct over this binding
  alone rules out are left out (a *filter*, ``a.determiner in ["a", "an"]``), the claims are
  grouped by one side of an equality whose other side reads only earlier bindings (a *key*,
  ``lower(a.noun) == lower(b.noun)``), and a bound on the claim's offsets (``a.start < b.start``,
  ``a.end <= b.start``: a claim never ends before it starts) is a slice of the list, which is in
  document order (an *order*).

Only ``false`` rules a combination out: a conjunct that is null, or fails for one claim, keeps
it, and the whole ``where`` then decides as before. Combinations are still produced in the order
of the nested loops, so findings come out in the same order. The cost bound counts what is
evaluated: combinations the plan skips are not charged.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from factcheck.errors import EvaluationError
from factcheck.language import ast
from factcheck.language.expression import Binding, CompiledExpression
from factcheck.language.runtime import EvalContext

GLOBALS = frozenset({"doc", "claims"})  # names every evaluation has (EvalContext.base_scope)
TOTAL_FUNCTIONS = {  # functions that cannot fail, by the argument types they are sure for
    "lower": ("string",), "upper": ("string",), "len": ("string", "list"),
    "value": ("claim",), "hedge": ("claim",),
}
ORDERED = ("number", "string", "date")  # compared by Python's own operators (comparisons.py)
KEY_TYPES = (str, Decimal, int, bool, type(None))  # hashed consistently with ``==``
FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


@dataclass
class Order:
    """``claim.start OP bound`` or ``claim.end OP bound`` (``bound`` over earlier bindings)."""

    member: str
    op: str
    bound: CompiledExpression


@dataclass
class Level:
    """What the plan knows about one binding of the ``for`` clause."""

    name: str
    prunes: list[CompiledExpression] = field(default_factory=list)
    filters: list[CompiledExpression] = field(default_factory=list)
    key: tuple[CompiledExpression, CompiledExpression] | None = None  # (this claim's side, the other)
    orders: list[Order] = field(default_factory=list)

    @property
    def indexed(self) -> bool:
        return bool(self.filters or self.key or self.orders)


class Plan:
    """The combinations of ``bindings`` that the ``where`` may keep, in nested-loop order."""

    def __init__(self, bindings: list[Binding], where: CompiledExpression | None) -> None:
        self.bindings = bindings
        self.levels = [Level(b.name) for b in bindings]
        if where is not None and len(bindings) > 1:
            self._read(where)

    def _read(self, where: CompiledExpression) -> None:
        names = [b.name for b in self.bindings]
        totals = [_total(b.expression.tree, b.expression) for b in self.bindings]
        for conjunct in exact_prefix(where.tree, where):
            free = free_names(conjunct)
            if not free <= GLOBALS | set(names):
                continue
            depth = max((names.index(n) for n in free if n in names), default=0)
            if depth > 0 and self._index(depth, conjunct, free - GLOBALS, where):
                continue
            last = depth == len(names) - 1
            if not last and all(totals[depth + 1:]):  # skipping deeper loops skips no failure
                self.levels[depth].prunes.append(where.part(conjunct))

    def _index(self, depth: int, conjunct: ast.Node, free: set[str], where: CompiledExpression) -> bool:
        """Use ``conjunct`` to index the list of binding ``depth``; whether it could."""
        level, name = self.levels[depth], self.levels[depth].name
        if depth < len(self.levels) - 1 and not all(_total(b.expression.tree, b.expression)
                                                     for b in self.bindings[depth + 1:]):
            return False  # leaving a claim out skips deeper bindings' evaluations
        if free == {name}:
            level.filters.append(where.part(conjunct))
            return True
        if not isinstance(conjunct, ast.Compare) or len(conjunct.ops) != 1:
            return False
        left, right = conjunct.operands
        op = conjunct.ops[0]
        if name not in free_names(left):
            left, right, op = right, left, FLIPPED.get(op, op)
        if name in free_names(right) or not {name} <= free_names(left) <= GLOBALS | {name}:
            return False  # one side must read this claim alone, the other only earlier bindings
        if op == "==" and level.key is None and _keyable(where, left) and _keyable(where, right):
            level.key = (where.part(left), where.part(right))
            return True
        member = _offset(left, name)
        bounded = (member == "start" and op in FLIPPED) or (member == "end" and op in ("<", "<="))
        if bounded and where.view(where.type_of(right)).name == "number":
            level.orders.append(Order(str(member), op, where.part(right)))
            return True
        return False

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
            if level.indexed and index > 0 and ctx.claims.owns(values):
                values = _Index.of(ctx, level, values).candidates(level, scope, ctx)
            name, prunes = level.name, level.prunes
            for value in values:
                inner = {**scope, name: value}
                if prunes and any(_is_false(p, inner, ctx) for p in prunes):
                    continue
                yield from extend(index + 1, inner)

        yield from extend(0, {})


class _Index:
    """One level's index over one of the claim set's own lists, built once per document."""

    def __init__(self, ctx: EvalContext, level: Level, claims: list[Any]) -> None:
        self.claims = claims
        self.starts = [c.span.start for c in claims]
        kept = [i for i, c in enumerate(claims)
                if not any(_is_false(f, {level.name: c}, ctx) for f in level.filters)]
        self.kept = kept
        self.groups: dict[Any, list[int]] = {}
        self.unkeyed: list[int] = []  # positions whose key failed or is not hashable like ``==``
        if level.key is not None:
            own = level.key[0]
            for i in kept:
                group = self._group(own, {level.name: claims[i]}, ctx)
                (self.unkeyed if group is None else group).append(i)

    def _group(self, own: CompiledExpression, scope: dict[str, Any], ctx: EvalContext) -> list[int] | None:
        """The positions sharing this claim's key, or None when it has none that ``==`` hashes by
        (its key failed, is a list, or is a signalling NaN): such a claim is kept for every key."""
        try:
            key = own.evaluate(scope, ctx)
            return self.groups.setdefault(key, []) if isinstance(key, KEY_TYPES) else None
        except (EvaluationError, TypeError):
            return None

    @classmethod
    def of(cls, ctx: EvalContext, level: Level, claims: list[Any]) -> _Index:
        slot = (id(claims), "join", id(level))
        entry = ctx.indexes.get(slot)
        if entry is None or entry[0] is not claims:
            entry = ctx.indexes[slot] = (claims, cls(ctx, level, claims))
        return entry[1]

    def candidates(self, level: Level, scope: dict[str, Any], ctx: EvalContext) -> list[Any]:
        """The claims of the list that the conjuncts this level indexes may keep, in list order."""
        low, high = 0, len(self.claims)
        for order in level.orders:
            bound = _value(order.bound, scope, ctx)
            if not isinstance(bound, Decimal | int) or (isinstance(bound, Decimal) and not bound.is_finite()):
                continue
            if order.op in ("<", "<="):  # start < bound, or end < bound and so start < bound
                cut = bisect.bisect_left if order.op == "<" else bisect.bisect_right
                high = min(high, cut(self.starts, bound))
            else:
                cut = bisect.bisect_right if order.op == ">" else bisect.bisect_left
                low = max(low, cut(self.starts, bound))
        positions = self.kept
        if level.key is not None:
            group = self._lookup(_value(level.key[1], scope, ctx))
            if group is not None:
                positions = list(heapq.merge(group, self.unkeyed)) if self.unkeyed else group
        first = bisect.bisect_left(positions, low)
        last = bisect.bisect_left(positions, high, lo=first)
        claims = self.claims
        return [claims[i] for i in positions[first:last]]

    def _lookup(self, wanted: Any) -> list[int] | None:
        """The positions whose key is ``wanted``, or None when ``wanted`` cannot be looked up."""
        try:
            return self.groups.get(wanted, []) if isinstance(wanted, KEY_TYPES) else None
        except TypeError:
            return None


_FAILED = object()


def _value(part: CompiledExpression, scope: dict[str, Any], ctx: EvalContext) -> Any:
    """``part``'s value, or a marker no lookup matches when it fails (the ``where`` then decides)."""
    try:
        return part.evaluate(scope, ctx)
    except EvaluationError:
        return _FAILED


def _is_false(part: CompiledExpression, scope: dict[str, Any], ctx: EvalContext) -> bool:
    try:
        return part.evaluate(scope, ctx) is False
    except EvaluationError:
        return False


def exact_prefix(tree: ast.Node, expression: CompiledExpression) -> list[ast.Node]:
    """The top-level conjuncts of ``tree`` up to and including the first that may fail at run time."""
    found: list[ast.Node] = []
    for conjunct in conjuncts(tree):
        found.append(conjunct)
        if not _total(conjunct, expression):
            break
    return found


def conjuncts(tree: ast.Node) -> list[ast.Node]:
    """``a and b and c`` → ``[a, b, c]``, in evaluation order."""
    if isinstance(tree, ast.Binary) and tree.op == "and":
        return conjuncts(tree.left) + conjuncts(tree.right)
    return [tree]


def free_names(node: ast.Node) -> set[str]:
    """The variables ``node`` reads that it does not bind itself."""
    match node:
        case ast.Var(name=name):
            return {name}
        case ast.Aggregate(source=source, var=var, body=body):
            inner = free_names(body) - {var} if body is not None else set()
            return free_names(source) | inner
        case ast.Comprehension(source=source, var=var, expr=expr, cond=cond):
            inner = set().union(*(free_names(n) for n in (expr, cond) if n is not None))
            return free_names(source) | (inner - {var})
        case ast.Let(bindings=bindings, body=body):
            found: set[str] = set()
            bound: set[str] = set()
            for name, value in bindings:
                found |= free_names(value) - bound
                bound.add(name)
            return found | (free_names(body) - bound)
    return set().union(*(free_names(child) for child in ast.children(node)))


def _total(node: ast.Node, expression: CompiledExpression) -> bool:
    """Whether ``node`` can never fail at run time (beyond the cost bound): member reads of claims,
    literals, ``and``/``or``/``not``, equality and membership in a list, order comparisons of
    numbers, strings or dates, and a few functions that cannot fail."""
    type_of, view = expression.type_of, expression.view
    match node:
        case ast.Literal() | ast.Var():
            return True
        case ast.ListLit(items=items):
            return all(_total(item, expression) for item in items)
        case ast.Member(obj=obj):
            return type_of(obj).name in ("claim", "claims") and _total(obj, expression)
        case ast.Unary(op="not", operand=operand):
            return _total(operand, expression)
        case ast.Binary(op="and" | "or", left=left, right=right):
            return _total(left, expression) and _total(right, expression)
        case ast.Binary(op="+" | "-", left=left, right=right):
            numbers = all(view(type_of(n)).name == "number" for n in (left, right))
            return numbers and _total(left, expression) and _total(right, expression)
        case ast.Call(name=name, args=args):
            sure = TOTAL_FUNCTIONS.get(name, ())
            return all(type_of(a).name in sure and _total(a, expression) for a in args)
        case ast.Compare(operands=operands, ops=ops):
            if not all(_total(o, expression) for o in operands):
                return False
            types = [view(type_of(o)) for o in operands]
            for op, left, right in zip(ops, types, types[1:], strict=False):
                if op in ("in", "not in"):
                    if right.name != "list":
                        return False
                elif op not in ("==", "!=") and not (left.name == right.name and left.name in ORDERED):
                    return False
            return True
    return False


def _keyable(expression: CompiledExpression, node: ast.Node) -> bool:
    """Whether ``node``'s values compare by Python's ``==`` with a hash to match (one side of a key)."""
    return expression.view(expression.type_of(node)).name in ("number", "string", "bool")


def _offset(node: ast.Node, name: str) -> str | None:
    """``start`` or ``end`` when ``node`` is ``name.start`` or ``name.end``."""
    if isinstance(node, ast.Member) and isinstance(node.obj, ast.Var) and node.obj.name == name:
        return node.name if node.name in ("start", "end") else None
    return None
