"""Reading a condition for what it says about one variable bound to a list of claims, and an index
of such a list that finds the claims the condition may keep without trying the others.

A condition is a chain of conjuncts (``x.start < b.start and lower(x.noun) == lower(b.noun) and
...``) that holds only if every conjunct is true. Only its *exact prefix* is read: the conjuncts up
to and including the first one that can fail at run time. A later conjunct is never reached on an
item that this prefix rules out, so leaving that item out changes no result, not even an error.
Of those conjuncts, for the variable ``x``:

* one over ``x`` alone (``x.determiner in ["a", "an"]``) is a *filter*;
* an equality with one side over ``x`` alone and the other not reading ``x`` is a *key*
  (``lower(x.noun) == lower(b.noun)``): the list is grouped by the first side;
* a bound on ``x.start`` (``x.start < b.start``), or on ``x.end`` from above (``x.end <= b.start``:
  a claim never ends before it starts), is a slice of the list, which is in document order.

The claim set's own lists (``claims.KIND``) are the same objects for every evaluation on one
document, so :class:`ListIndex` is built once per document and list. Only ``false`` rules an item
out: a conjunct that is null, or fails, for an item keeps it, and the whole condition decides.
Items come out in list order. Used by the rule engine's join plan (:mod:`factcheck.language.joins`)
and by the loops (``count(x in claims.money: ...)``, ``[x in claims.date where ...]``).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from factcheck.language import ast
from factcheck.language import types as T

GLOBALS = frozenset({"doc", "claims"})  # names every evaluation has (EvalContext.base_scope)
TOTAL_FUNCTIONS = {  # functions that cannot fail, by the argument types they are sure for
    "lower": ("string",), "upper": ("string",), "len": ("string", "list"),
    "value": ("claim",), "hedge": ("claim",),
}
ORDERED = ("number", "string", "date")  # compared by Python's own operators (comparisons.py)
KEY_TYPES = (str, Decimal, int, bool, type(None))  # hashed consistently with ``==``
FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
FAILED = object()  # the value of a side that failed: no lookup matches it, no bound uses it


class Typed(Protocol):
    """What the reading needs of a compiled expression or a compiler: the checker's types."""

    def type_of(self, node: ast.Node) -> T.Type: ...

    def view(self, t: T.Type) -> T.Type: ...


@dataclass
class Access:
    """The conjuncts of a condition that an index over one variable's list can apply (as nodes)."""

    filters: list[ast.Node] = field(default_factory=list)
    key: tuple[ast.Node, ast.Node] | None = None  # (the variable's side, the other side)
    orders: list[tuple[str, ast.Node]] = field(default_factory=list)  # (op on the start, bound)

    def __bool__(self) -> bool:
        return bool(self.filters or self.key or self.orders)

    def take(self, conjunct: ast.Node, name: str, typed: Typed) -> bool:
        """Use ``conjunct`` for the variable ``name`` if an index can; whether it could. The
        conjunct may read only ``name``, the globals and names bound outside the list's loop."""
        free = free_names(conjunct)
        if name not in free:
            return False
        if free <= GLOBALS | {name}:
            self.filters.append(conjunct)
            return True
        if not isinstance(conjunct, ast.Compare) or len(conjunct.ops) != 1:
            return False
        left, right = conjunct.operands
        op = conjunct.ops[0]
        if name not in free_names(left):
            left, right, op = right, left, FLIPPED.get(op, op)
        if name in free_names(right) or not free_names(left) <= GLOBALS | {name}:
            return False  # one side must read the variable alone, the other not at all
        if op == "==" and self.key is None and _keyable(typed, left) and _keyable(typed, right):
            self.key = (left, right)
            return True
        member = _offset(left, name)
        bounded = (member == "start" and op in FLIPPED) or (member == "end" and op in ("<", "<="))
        if bounded and typed.view(typed.type_of(right)).name == "number":
            self.orders.append((op, right))  # end < b → start < b, end <= b → start <= b
            return True
        return False


class ListIndex:
    """One list's items that no filter rules out, grouped by their key, with their start offsets."""

    def __init__(self, items: list[Any], rejected: Callable[[Any], bool],
                 key_of: Callable[[Any], Any] | None) -> None:
        self.items = items
        self.starts = [item.span.start for item in items]
        self.kept = [i for i, item in enumerate(items) if not rejected(item)]
        self.keyed = key_of is not None
        self.groups: dict[Any, list[int]] = {}
        self.unkeyed: list[int] = []  # positions whose key failed or is not hashed as ``==`` compares
        if key_of is not None:
            for i in self.kept:
                group = self._group(key_of(items[i]))
                (self.unkeyed if group is None else group).append(i)

    def _group(self, key: Any) -> list[int] | None:
        try:
            return self.groups.setdefault(key, []) if isinstance(key, KEY_TYPES) else None
        except TypeError:  # a signalling NaN cannot be hashed
            return None

    def select(self, bounds: list[tuple[str, Any]], wanted: Any = FAILED) -> list[Any]:
        """The items kept whose start satisfies every ``(op, bound)`` and, when the index is keyed
        and ``wanted`` can be looked up, whose key is ``wanted`` (or who have none), in list order."""
        low, high = 0, len(self.items)
        for op, bound in bounds:
            if not isinstance(bound, Decimal | int) or (isinstance(bound, Decimal) and not bound.is_finite()):
                continue
            if op == "<":
                high = min(high, bisect.bisect_left(self.starts, bound))
            elif op == "<=":
                high = min(high, bisect.bisect_right(self.starts, bound))
            elif op == ">":
                low = max(low, bisect.bisect_right(self.starts, bound))
            else:
                low = max(low, bisect.bisect_left(self.starts, bound))
        positions = self.kept
        group = self._lookup(wanted) if self.keyed else None
        if group is not None:
            positions = list(heapq.merge(group, self.unkeyed)) if self.unkeyed else group
        first = bisect.bisect_left(positions, low)
        last = bisect.bisect_left(positions, high, lo=first)
        items = self.items
        return [items[i] for i in positions[first:last]]

    def _lookup(self, wanted: Any) -> list[int] | None:
        """The positions whose key is ``wanted``, or None when ``wanted`` cannot be looked up."""
        try:
            return self.groups.get(wanted, []) if isinstance(wanted, KEY_TYPES) else None
        except TypeError:
            return None


def index_for(ctx: Any, items: list[Any], slot: tuple[Any, ...],
              build: Callable[[], ListIndex]) -> ListIndex | None:
    """The index ``build`` makes of ``items`` for ``slot``, kept on the evaluation context for the
    document, from the second time the list is read there: None the first time, when reading the
    list whole costs less than indexing it (a rule or loop often reads a list once a document)."""
    place = (id(items), *slot)
    entry = ctx.indexes.get(place)
    if entry is None or entry[0] is not items:
        ctx.indexes[place] = (items, None)
        return None
    if entry[1] is None:
        entry = ctx.indexes[place] = (items, build())
    return entry[1]


def exact_prefix(tree: ast.Node, typed: Typed) -> list[ast.Node]:
    """The top-level conjuncts of ``tree`` up to and including the first that may fail at run time."""
    found: list[ast.Node] = []
    for conjunct in conjuncts(tree):
        found.append(conjunct)
        if not total(conjunct, typed):
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


def total(node: ast.Node, typed: Typed) -> bool:
    """Whether ``node`` can never fail at run time (beyond the cost bound): member reads of claims,
    literals, ``and``/``or``/``not``, equality and membership in a list, order comparisons of
    numbers, strings or dates, sums and differences of numbers, and functions that cannot fail."""
    type_of, view = typed.type_of, typed.view
    match node:
        case ast.Literal() | ast.Var():
            return True
        case ast.ListLit(items=items):
            return all(total(item, typed) for item in items)
        case ast.Member(obj=obj):
            return type_of(obj).name in ("claim", "claims") and total(obj, typed)
        case ast.Unary(op="not", operand=operand):
            return total(operand, typed)
        case ast.Binary(op="and" | "or", left=left, right=right):
            return total(left, typed) and total(right, typed)
        case ast.Binary(op="+" | "-", left=left, right=right):
            numbers = all(view(type_of(n)).name == "number" for n in (left, right))
            return numbers and total(left, typed) and total(right, typed)
        case ast.Call(name=name, args=args):
            sure = TOTAL_FUNCTIONS.get(name, ())
            return all(type_of(a).name in sure and total(a, typed) for a in args)
        case ast.Compare(operands=operands, ops=ops):
            if not all(total(o, typed) for o in operands):
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


def _keyable(typed: Typed, node: ast.Node) -> bool:
    """Whether ``node``'s values compare by Python's ``==`` with a hash to match (one side of a key)."""
    return typed.view(typed.type_of(node)).name in ("number", "string", "bool")


def _offset(node: ast.Node, name: str) -> str | None:
    """``start`` or ``end`` when ``node`` is ``name.start`` or ``name.end``."""
    if isinstance(node, ast.Member) and isinstance(node.obj, ast.Var) and node.obj.name == name:
        return node.name if node.name in ("start", "end") else None
    return None
