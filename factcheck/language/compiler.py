"""Compiling a type-checked tree to nested Python closures (no ``eval``/``exec`` of rule text).

Every closure takes one argument, the *frame*: a dict holding the variables, the evaluation context
(``runtime.CTX``), the cost counter (``runtime.COST``, only when the expression loops or calls) and,
in the tracing build only, the trace list (``runtime.TRACE``). Let- and loop-bound names get unique
frame keys at compile time, so shadowing needs no save and restore. Constant sub-expressions are
evaluated once here. Null operands give null (``and``/``or``/``not`` use three-valued logic).
"""

from __future__ import annotations

import decimal
import operator
from collections.abc import Callable
from typing import Any, NamedTuple

from factcheck.claims.model import Claim, ClaimSet
from factcheck.errors import EvaluationError
from factcheck.language import ast
from factcheck.language import types as T
from factcheck.language.approx import approx_compare
from factcheck.language.checker import Checked
from factcheck.language.code import RUNTIME_ERRORS, Code, Fn, binary_closure
from factcheck.language.env import TypeEnv
from factcheck.language.formatting import format_value
from factcheck.language.locator import Locator
from factcheck.language.loops import compile_aggregate, compile_comprehension
from factcheck.language.operators import ARITHMETIC, NEGATION, dynamic_arithmetic
from factcheck.language.runtime import (
    COST,
    CTX,
    TRACE,
    Cost,
    claim_member,
    claims_member,
    record_member,
    to_number,
)


class TraceEntry(NamedTuple):
    """One step of a traced evaluation: the sub-expression's text, its value, and details (the
    compared operands, the intervals of an approximate comparison)."""

    source: str
    value: Any
    detail: str | None = None


def describe_error(error: BaseException) -> str:
    """A runtime failure in words; decimal's own signals print as ``[<class ...>]``."""
    if isinstance(error, decimal.InvalidOperation | decimal.Overflow):
        return "the result is beyond the 28 significant digits numbers carry"
    return str(error) or type(error).__name__


def constant(value: Any) -> Code:
    return Code(lambda f: value, True, value)


def _claim_value(fn: Fn) -> Fn:
    def value(f: dict) -> Any:
        c = fn(f)
        return None if c is None else to_number(c.value)

    return value


class Compiler:
    def __init__(self, source: str, locator: Locator, env: TypeEnv, checked: Checked,
                 trace: bool = False) -> None:
        self.source = source
        self.checked = checked
        self.locator = locator
        self.env = env
        self.trace = trace
        self.uses_cost = False
        self.keys: list[dict[str, str]] = []  # scopes of bound names → frame keys
        self.counter = 0
        self.let_keys: dict[int, list[str]] = {}  # id(Let node) → frame keys of its bindings

    # -- helpers --------------------------------------------------------------------------------
    def fail(self, node: ast.Node, error: BaseException | str) -> EvaluationError:
        message = error if isinstance(error, str) else describe_error(error)
        if isinstance(error, ZeroDivisionError) or "Division" in message:
            message = "division by zero"
        where = self.locator.locate(node.start, node.length)
        return EvaluationError(f"{message} in '{self.text(node)}'", where)

    def type_of(self, node: ast.Node) -> T.Type:
        """The static type the checker gave ``node``."""
        return self.checked.type_of(node)

    def view(self, t: T.Type) -> T.Type:
        """The type a value of type ``t`` has where a value is expected (a claim's value type)."""
        return self.env.claims.value_view(t)

    def text(self, node: ast.Node) -> str:
        return self.source[node.start:node.end]

    def bind(self, name: str) -> str:
        self.counter += 1
        key = f"{name}#{self.counter}"
        self.keys[-1][name] = key
        return key

    def value(self, node: ast.Node) -> Code:
        """Compile ``node`` where a value is expected: a claim stands for its value."""
        code = self.compile(node)
        if self.type_of(node).is_claim:
            if code.const:
                return constant(None if code.value is None else to_number(code.value.value))
            return Code(_claim_value(code.fn))
        return code

    def fold(self, node: ast.Node, code: Code, parts: list[Code]) -> Code:
        """Evaluate ``code`` now when all its parts are constants (and it cannot fail)."""
        if self.trace or not all(p.const for p in parts):
            return code
        try:
            value = code.fn({COST: Cost(10**9), CTX: None})
        except (EvaluationError, *RUNTIME_ERRORS):
            return code
        return constant(value)

    def record(self, f: dict, node: ast.Node, value: Any, detail: str | None = None) -> None:
        f[TRACE].append(TraceEntry(self.text(node), value, detail))

    # -- dispatch -------------------------------------------------------------------------------
    def compile(self, node: ast.Node) -> Code:
        return getattr(self, "compile_" + type(node).__name__)(node)

    def compile_Literal(self, node: ast.Literal) -> Code:
        return constant(node.value)

    def compile_ListLit(self, node: ast.ListLit) -> Code:
        t = self.type_of(node)
        elem = t.elem if t.name == "list" else T.ANY
        parts = [self.compile(i) if elem.is_claim else self.value(i) for i in node.items]
        fns = [p.fn for p in parts]
        return self.fold(node, Code(lambda f: [fn(f) for fn in fns]), parts)

    def compile_Var(self, node: ast.Var) -> Code:
        for scope in reversed(self.keys):
            if node.name in scope:
                return Code(operator.itemgetter(scope[node.name]))
        return Code(operator.itemgetter(node.name))

    def compile_Member(self, node: ast.Member) -> Code:
        obj = self.compile(node.obj)
        t, name, fn = self.type_of(node.obj), node.name, obj.fn
        if t.name == "claim":
            getter: Callable[[Any, str], Any] = claim_member
        elif t.name == "claims":
            getter = claims_member
        elif t.name == "any":
            def getter(o: Any, n: str) -> Any:
                if isinstance(o, Claim):
                    return claim_member(o, n)
                return claims_member(o, n) if isinstance(o, ClaimSet) else record_member(o, n)
        else:
            getter = record_member

        def member(f: dict) -> Any:
            o = fn(f)
            return None if o is None else getter(o, name)

        return Code(member)

    def compile_Index(self, node: ast.Index) -> Code:
        obj, index = self.compile(node.obj), self.value(node.index)

        def run(f: dict) -> Any:
            xs, i = obj.fn(f), index.fn(f)
            if xs is None or i is None:
                return None
            if i != int(i):
                raise self.fail(node.index, f"list index {i} is not a whole number")
            i = int(i)
            return xs[i] if -len(xs) <= i < len(xs) else None

        return self.fold(node, Code(run), [obj, index])

    def compile_Call(self, node: ast.Call) -> Code:
        function = self.env.functions[node.name]
        parts = []
        for arg, param in zip(node.args, function.params, strict=False):
            parts.append(self.compile(arg) if any(p.is_claim for p in param.types) else self.value(arg))
        fns = [p.fn for p in parts]
        impl, needs_ctx, null_safe = function.impl, function.needs_ctx, function.null_safe
        self.uses_cost = True
        trace = self.trace

        def call(f: dict) -> Any:
            f[COST].charge(1, None)
            args = [fn(f) for fn in fns]
            if not null_safe and None in args:
                result = None
            else:
                try:
                    result = impl(f[CTX], *args) if needs_ctx else impl(*args)
                except RUNTIME_ERRORS as error:
                    raise self.fail(node, f"{node.name}(): {describe_error(error)}") from None
            if trace:
                self.record(f, node, result, ", ".join(format_value(a) for a in args))
            return result

        if needs_ctx:
            return Code(call)
        return self.fold(node, Code(call), parts)

    def compile_Aggregate(self, node: ast.Aggregate) -> Code:
        self.uses_cost = True
        return compile_aggregate(self, node)

    def compile_Comprehension(self, node: ast.Comprehension) -> Code:
        self.uses_cost = True
        return compile_comprehension(self, node)

    def compile_Unary(self, node: ast.Unary) -> Code:
        operand = self.value(node.operand)
        fn = operand.fn
        if node.op == "not":
            def run(f: dict) -> Any:
                v = fn(f)
                return None if v is None else not v
        else:
            t = self.view(self.type_of(node.operand))
            negate = NEGATION.get(t.name)

            def run(f: dict) -> Any:
                v = fn(f)
                if v is None:
                    return None
                impl = negate or NEGATION[_runtime_name(v)]
                return impl(v, None)
        return self.fold(node, Code(run), [operand])

    def compile_Binary(self, node: ast.Binary) -> Code:
        left, right = self.value(node.left), self.value(node.right)
        lf, rf = left.fn, right.fn
        if node.op == "and":
            def run(f: dict) -> Any:
                a = lf(f)
                if a is False:
                    return False
                b = rf(f)
                if b is False:
                    return False
                return None if a is None or b is None else True
            return self.fold(node, Code(run), [left, right])
        if node.op == "or":
            def run(f: dict) -> Any:
                a = lf(f)
                if a is True:
                    return True
                b = rf(f)
                if b is True:
                    return True
                return None if a is None or b is None else False
            return self.fold(node, Code(run), [left, right])
        lt, rt = self.view(self.type_of(node.left)), self.view(self.type_of(node.right))
        if lt.name == "null" or rt.name == "null":
            return constant(None)
        entry = ARITHMETIC.get((node.op, lt.name, rt.name))
        impl = entry[1] if entry else (operator.add if lt.name == "list" else dynamic_arithmetic(node.op))
        nullable = lt.maybe_null or rt.maybe_null
        fail = self.fail
        if node.op == "+" and {lt.name, rt.name} & {"string", "list", "any"}:
            return self.fold(node, Code(self.concatenation(impl, lf, rf, node)), [left, right])
        if not nullable and right.const:
            c = right.value

            def run(f: dict) -> Any:
                try:
                    return impl(lf(f), c)
                except RUNTIME_ERRORS as error:
                    raise fail(node, error) from None
        else:
            run = binary_closure(impl, lf, rf, nulls_pass=not nullable, fail=lambda e: fail(node, e))
        return self.fold(node, Code(run), [left, right])

    def concatenation(self, impl: Callable[[Any, Any], Any], lf: Fn, rf: Fn, node: ast.Node) -> Fn:
        """``+`` that may join strings or lists: what it allocates is charged to the cost counter,
        item by item or character by character (a doubling ``let`` would otherwise exhaust memory
        long before it ran out of steps)."""
        self.uses_cost = True
        where = self.locator.locate(node.start, node.length)
        fail = self.fail

        def run(f: dict) -> Any:
            a, b = lf(f), rf(f)
            if a is None or b is None:
                return None
            if isinstance(a, (str, list)) and isinstance(b, (str, list)):
                f[COST].charge(len(a) + len(b), where)
            try:
                return impl(a, b)
            except RUNTIME_ERRORS as error:
                raise fail(node, error) from None

        return run

    def compile_Compare(self, node: ast.Compare) -> Code:
        from factcheck.language.comparisons import compile_compare

        return compile_compare(self, node)

    def compile_Approx(self, node: ast.Approx) -> Code:
        left, right = self.compile(node.left), self.compile(node.right)
        tol = self.value(node.tolerance) if node.tolerance is not None else constant(None)
        lf, rf, tf, negate, trace = left.fn, right.fn, tol.fn, node.negate, self.trace

        def run(f: dict) -> Any:
            a, b, t = lf(f), rf(f), tf(f)
            if node.tolerance is not None and t is None:
                result = None
                ia = ib = None
            else:
                try:
                    result, ia, ib = approx_compare(a, b, t)
                except RUNTIME_ERRORS as error:
                    raise self.fail(node, error) from None
            if result is not None and negate:
                result = not result
            if trace:
                from factcheck.language.comparisons import approx_detail

                self.record(f, node, result, approx_detail(a, b, t, ia, ib))
            return result

        return self.fold(node, Code(run), [left, right, tol])

    def compile_If(self, node: ast.If) -> Code:
        cond = self.value(node.cond)
        then = self.compile(node.then)
        else_ = self.compile(node.else_)
        if cond.const and not self.trace:
            return then if cond.value is True else else_ if cond.value is False else constant(None)
        cf, tf, ef = cond.fn, then.fn, else_.fn

        def run(f: dict) -> Any:
            c = cf(f)
            return tf(f) if c is True else ef(f) if c is False else None

        return Code(run)

    def compile_Let(self, node: ast.Let) -> Code:
        self.keys.append({})
        try:
            bindings = []
            for name, value in node.bindings:
                code = self.compile(value)
                bindings.append((self.bind(name), code.fn, value))
            self.let_keys[id(node)] = [key for key, _, _ in bindings]
            body = self.compile(node.body)
        finally:
            self.keys.pop()
        bf, trace = body.fn, self.trace

        def run(f: dict) -> Any:
            for key, fn, value_node in bindings:
                v = f[key] = fn(f)
                if trace:
                    f[TRACE].append(TraceEntry(key.split("#")[0], v, self.text(value_node)))
            return bf(f)

        return Code(run)


def _runtime_name(value: Any) -> str:
    from factcheck.language.operators import runtime_type_name

    return runtime_type_name(value)
