"""Compiling the aggregates (``all any count sum min max``) and the list comprehensions.

Every loop charges its number of iterations to the evaluation's cost bound before it starts.
Three-valued logic: ``all`` is false if any item is false, else null if any is null, else true;
``any`` dually; ``count`` counts the true items; ``sum``/``min``/``max`` skip null items (``sum`` of
nothing is zero, ``min``/``max`` of nothing is null); filters keep the items whose condition is true.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from factcheck.errors import EvaluationError
from factcheck.language import ast
from factcheck.language.access import FAILED, GLOBALS, Access, ListIndex, exact_prefix, index_for
from factcheck.language.approx import axis
from factcheck.language.code import RUNTIME_ERRORS, Code, Fn, NodeCompiler
from factcheck.language.operators import ARITHMETIC, dynamic_arithmetic
from factcheck.language.runtime import COST, CTX, to_number
from factcheck.values import Duration, Percent

ZERO = {"number": Decimal(0), "duration": Duration(), "percent": Percent(Decimal(0))}


Selector = Callable[[dict, list[Any]], list[Any]]


def _items(compiler: NodeCompiler, node: ast.Aggregate) -> tuple[Code, Any, str | None, Selector | None]:
    """(source code, per-item fn or None, frame key of the loop variable, the selector of the items
    the body may count: for ``count`` and ``any``, which an item whose body is false cannot change)."""
    source = compiler.compile(node.source)
    if node.body is None or node.var is None:
        return source, None, None, None
    compiler.keys.append({})
    try:
        key = compiler.bind(node.var)
        body = compiler.value(node.body)
        countable = node.func in ("count", "any")
        chosen = _selector(compiler, node, node.var, key, node.body) if countable else None
    finally:
        compiler.keys.pop()
    return source, body.fn, key, chosen


def _selector(compiler: NodeCompiler, node: ast.Node, var: str, key: str, cond: ast.Node) -> Selector | None:
    """For a loop over one of the claim set's own lists (``claims.money``), a function giving the
    items whose condition may be true, through an index built once per document
    (:mod:`factcheck.language.access`); None when the condition gives the index nothing to use."""
    if compiler.trace or any(name in scope for scope in compiler.keys for name in GLOBALS):
        return None  # a trace records every item; a global shadowed is not the same on every item
    access = Access()
    for conjunct in exact_prefix(cond, compiler):
        access.take(conjunct, var, compiler)
    if not access:
        return None
    filters = [compiler.value(n).fn for n in access.filters]
    own, other = (compiler.value(n).fn for n in access.key) if access.key else (None, None)
    orders = [(op, compiler.value(bound).fn) for op, bound in access.orders]
    slot = ("loop", id(node))  # one index per loop of the expression and list

    def select(f: dict, xs: list[Any]) -> list[Any]:
        ctx = f[CTX]
        if ctx is None or not ctx.claims.owns(xs):
            return xs

        def build() -> ListIndex:
            def item(fn: Fn) -> Callable[[Any], Any]:
                def read(x: Any) -> Any:
                    f[key] = x
                    return _guarded(fn, f)
                return read
            reads = [item(fn) for fn in filters]
            return ListIndex(xs, lambda x: any(read(x) is False for read in reads), own and item(own))

        index = index_for(ctx, xs, slot, build)
        if index is None:
            return xs
        wanted = _guarded(other, f) if other is not None else FAILED
        return index.select([(op, _guarded(fn, f)) for op, fn in orders], wanted)

    return select


def _guarded(fn: Fn, f: dict) -> Any:
    """``fn(f)``, or :data:`FAILED` when it fails: the loop's condition then decides."""
    try:
        return fn(f)
    except (EvaluationError, *RUNTIME_ERRORS, AttributeError, KeyError):
        return FAILED


def compile_aggregate(compiler: NodeCompiler, node: ast.Aggregate) -> Code:

    source, body, key, select = _items(compiler, node)
    src = source.fn
    func = node.func
    source_type = compiler.type_of(node.source)
    elem_claims = node.body is None and source_type.name == "list" and source_type.elem.is_claim
    result_type = compiler.view(compiler.type_of(node))
    where = compiler.locator.locate(node.start, node.length)

    def values(f: dict) -> list[Any] | None:
        xs = src(f)
        if xs is None:
            return None
        if select is not None:
            xs = select(f, xs)
        f[COST].charge(len(xs), where)
        if body is None:
            if elem_claims:
                return [None if c is None else to_number(c.value) for c in xs]
            return list(xs)
        out = []
        for x in xs:
            f[key] = x
            out.append(body(f))
        return out

    if func == "count" and body is None:
        def run(f: dict) -> Any:
            xs = src(f)
            return None if xs is None else Decimal(len(xs))
    elif func == "count":
        def run(f: dict) -> Any:
            vs = values(f)
            return None if vs is None else Decimal(sum(1 for v in vs if v is True))
    elif func == "all":
        def run(f: dict) -> Any:
            vs = values(f)
            if vs is None or False in vs:
                return None if vs is None else False
            return None if None in vs else True
    elif func == "any":
        def run(f: dict) -> Any:
            vs = values(f)
            if vs is None or True in vs:
                return None if vs is None else True
            return None if None in vs else False
    elif func == "sum":
        zero = ZERO.get(result_type.name)
        add = ARITHMETIC.get(("+", result_type.name, result_type.name))
        add_fn = add[1] if add else dynamic_arithmetic("+")
        run = _over_present(values, lambda present: functools.reduce(add_fn, present), zero, compiler, node)
    else:
        pick = min if func == "min" else max
        keyed = result_type.name in ("percent", "money", "time", "any")
        choose = (lambda present: pick(present, key=axis)) if keyed else pick
        run = _over_present(values, choose, None, compiler, node)

    if body is None:
        return compiler.fold(node, Code(run), [source])
    return Code(run)


def compile_comprehension(compiler: NodeCompiler, node: ast.Comprehension) -> Code:
    """``[x in xs where cond]`` and ``[expr for x in xs where cond]``."""

    src = compiler.compile(node.source).fn
    compiler.keys.append({})
    try:
        key = compiler.bind(node.var)
        cond = compiler.value(node.cond).fn if node.cond is not None else None
        select = _selector(compiler, node, node.var, key, node.cond) if node.cond is not None else None
        if node.expr is None:
            expr = None
        elif compiler.type_of(node.expr).is_claim:
            expr = compiler.compile(node.expr).fn
        else:
            expr = compiler.value(node.expr).fn
    finally:
        compiler.keys.pop()
    where = compiler.locator.locate(node.start, node.length)

    def run(f: dict) -> Any:
        xs = src(f)
        if xs is None:
            return None
        if select is not None:
            xs = select(f, xs)
        f[COST].charge(len(xs), where)
        out = []
        for x in xs:
            f[key] = x
            if cond is not None and cond(f) is not True:
                continue
            out.append(x if expr is None else expr(f))
        return out

    return Code(run)


def _over_present(values: Callable[[dict], Any], combine: Callable[[list[Any]], Any], empty: Any,
                  compiler: Any, node: Any) -> Callable[[dict], Any]:
    """``sum``/``min``/``max``: ``combine`` the non-null values (nulls are skipped; none at all gives
    ``empty``); a runtime failure becomes an evaluation error at the node."""
    def run(f: dict) -> Any:
        vs = values(f)
        if vs is None:
            return None
        present = [v for v in vs if v is not None]
        if not present:
            return empty
        try:
            return combine(present)
        except (ArithmeticError, ValueError, TypeError) as error:
            raise compiler.fail(node, error) from None
    return run
