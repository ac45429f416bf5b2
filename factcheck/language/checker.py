"""The type checker: gives every node its static type, or raises :class:`ExpressionTypeError` at the
offending node, naming the operator and the operand types, with a "did you mean" hint for unknown
names, members and functions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from factcheck.errors import ExpressionTypeError, did_you_mean
from factcheck.language import ast
from factcheck.language import types as T
from factcheck.language.env import TypeEnv
from factcheck.language.locator import Locator
from factcheck.language.operators import APPROXIMABLE, ORDERED, arithmetic_type, comparable
from factcheck.language.parser import AGGREGATES

SUMMABLE = {"number", "duration", "percent", "money"}


class Checker:
    def __init__(self, env: TypeEnv, locator: Locator) -> None:
        self.env = env
        self.locator = locator
        self.scopes: list[dict[str, T.Type]] = []
        self.types: dict[int, T.Type] = {}  # id(node) → its type, for the tree being checked

    # -- helpers --------------------------------------------------------------------------------
    def view(self, t: T.Type) -> T.Type:
        return self.env.claims.value_view(t)

    def error(self, node: ast.Node, message: str, hint: str | None = None,
              start: int | None = None, length: int | None = None) -> ExpressionTypeError:
        where = self.locator.locate(node.start if start is None else start,
                                    node.length if length is None else length)
        return ExpressionTypeError(message, where, hint)

    def lookup(self, name: str) -> T.Type | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return self.env.variables.get(name)

    def visible_names(self) -> set[str]:
        names = set(self.env.variables)
        for scope in self.scopes:
            names |= set(scope)
        return names

    def check_bool(self, node: ast.Node, what: str) -> T.Type:
        t = self.check(node)
        if t.name not in ("bool", "null", "any"):
            raise self.error(node, f"{what} must be bool, not {t}")
        return t

    def with_var(self, name: str, t: T.Type, node: ast.Node) -> T.Type:
        self.scopes.append({name: t})
        try:
            return self.check(node)
        finally:
            self.scopes.pop()

    def list_elem(self, node: ast.Node, what: str) -> T.Type:
        t = self.check(node)
        if t.name == "any":
            return T.ANY
        if t.name != "list":
            raise self.error(node, f"{what} must be a list, not {t}")
        return t.elem

    # -- dispatch -------------------------------------------------------------------------------
    def check(self, node: ast.Node) -> T.Type:
        t = getattr(self, "check_" + type(node).__name__)(node)
        self.types[id(node)] = t
        return t

    def check_Literal(self, node: ast.Literal) -> T.Type:
        return node.literal_type

    def check_ListLit(self, node: ast.ListLit) -> T.Type:
        elem = T.ANY
        for i, item in enumerate(node.items):
            t = self.check(item)
            if i == 0:
                elem = t
                continue
            merged = T.unify(elem, t)
            if merged is None:
                raise self.error(item, f"list items must have one type: {elem} and {t}")
            elem = merged
        return T.list_of(elem)

    def check_Var(self, node: ast.Var) -> T.Type:
        t = self.lookup(node.name)
        if t is None:
            hint = did_you_mean(node.name, self.visible_names())
            raise self.error(node, f"unknown name '{node.name}'", hint)
        return t

    def check_Member(self, node: ast.Member) -> T.Type:
        obj = self.check(node.obj)
        if obj.name == "any":
            return T.ANY
        members = self.env.claims.members_of(obj)
        if members is None:
            raise self.error(node, f"{obj} has no members", start=node.name_start, length=len(node.name))
        if node.name not in members:
            raise self.error(node, f"{obj.non_null()} has no member '{node.name}'",
                             did_you_mean(node.name, members), node.name_start, len(node.name))
        t = members[node.name]
        return t.or_null() if obj.maybe_null else t

    def check_Index(self, node: ast.Index) -> T.Type:
        elem = self.list_elem(node.obj, "an indexed value")
        index = self.view(self.check(node.index))
        if index.name not in ("number", "null", "any"):
            raise self.error(node.index, f"a list index must be number, not {index}")
        return elem.or_null()

    def check_Call(self, node: ast.Call) -> T.Type:
        function = self.env.functions.get(node.name)
        if function is None:
            names = [*self.env.functions, *AGGREGATES]
            raise self.error(node, f"unknown function '{node.name}'", did_you_mean(node.name, names),
                             length=len(node.name))
        if not function.min_args <= len(node.args) <= len(function.params):
            raise self.error(node, f"{node.name}() takes {_arity(function)}, not {len(node.args)}",
                             f"signature: {function.signature}")
        arg_types = []
        nullable = False
        for i, (arg, param) in enumerate(zip(node.args, function.params, strict=False)):
            t = self.check(arg)
            wants_claim = any(p.is_claim for p in param.types)
            view = t if wants_claim else self.view(t)
            nullable = nullable or view.maybe_null
            if view.name != "null" and not any(T.assignable(view.non_null(), p) for p in param.types):
                expected = " or ".join(str(p) for p in param.types)
                raise self.error(arg, f"argument {i + 1} of {node.name}() must be {expected}, not {view}",
                                 f"signature: {function.signature}")
            arg_types.append(view)
        result = function.return_type(arg_types, self.env.claims)
        return result.or_null() if nullable and not function.null_safe else result

    def check_Aggregate(self, node: ast.Aggregate) -> T.Type:
        elem = self.list_elem(node.source, f"the list of {node.func}()")
        if node.body is not None and node.var is not None:
            if node.func in ("all", "any", "count"):
                self.scopes.append({node.var: elem})
                try:
                    self.check_bool(node.body, f"the condition of {node.func}()")
                finally:
                    self.scopes.pop()
                item = T.BOOL
            else:
                item = self.with_var(node.var, elem, node.body)
        else:
            item = elem
        view = self.view(item)
        if node.func == "count":
            return T.NUMBER
        if node.func in ("all", "any"):
            if view.name not in ("bool", "any", "null"):
                raise self.error(node, f"{node.func}() needs bool items, not {view}")
            return T.BOOL.or_null()
        if node.func == "sum":
            if view.name not in SUMMABLE | {"any"}:
                raise self.error(node, f"sum() cannot add {view} items")
            return view.non_null()
        if view.name not in ORDERED | {"any"}:
            raise self.error(node, f"{node.func}() cannot order {view} items")
        return view.or_null()

    def check_Comprehension(self, node: ast.Comprehension) -> T.Type:
        elem = self.list_elem(node.source, "the list of a comprehension")
        self.scopes.append({node.var: elem})
        try:
            if node.cond is not None:
                self.check_bool(node.cond, "a 'where' condition")
            result = self.check(node.expr) if node.expr is not None else elem
        finally:
            self.scopes.pop()
        return T.list_of(result)

    def check_Unary(self, node: ast.Unary) -> T.Type:
        t = self.view(self.check(node.operand))
        if node.op == "not":
            if t.name not in ("bool", "null", "any"):
                raise self.error(node, f"operator 'not' cannot apply to {t}")
            return T.BOOL.or_null() if t.maybe_null else T.BOOL
        if t.name not in ("number", "duration", "percent", "money", "null", "any"):
            raise self.error(node, f"operator '-' cannot apply to {t}")
        return t

    def check_Binary(self, node: ast.Binary) -> T.Type:
        left = self.view(self.check(node.left))
        right = self.view(self.check(node.right))
        if node.op in ("and", "or"):
            if left.name not in ("bool", "null", "any") or right.name not in ("bool", "null", "any"):
                raise self.error(node, f"operator '{node.op}' cannot apply to {left} and {right}")
            return T.BOOL.or_null() if left.maybe_null or right.maybe_null else T.BOOL
        if left.name == "null" or right.name == "null":
            return T.NULL
        result = arithmetic_type(node.op, left, right)
        if result is None:
            raise self.error(node, f"operator '{node.op}' cannot apply to {left} and {right}")
        return result

    def check_Compare(self, node: ast.Compare) -> T.Type:
        types = [self.check(operand) for operand in node.operands]
        nullable = False
        for op, left_node, left, right in zip(node.ops, node.operands, types, types[1:], strict=False):
            if op in ("in", "not in"):
                nullable = nullable or self._check_membership(node, op, left_node, left, right)
                continue
            a, b = self.view(left), self.view(right)
            if op in ("==", "!="):
                if T.unify(a, b) is None:
                    raise self.error(node, f"operator '{op}' cannot apply to {a} and {b}")
                continue
            nullable = nullable or a.maybe_null or b.maybe_null
            if a.name == "null" or b.name == "null" or "any" in (a.name, b.name):
                continue
            if not comparable(a.name, b.name, ORDERED):
                raise self.error(node, f"operator '{op}' cannot apply to {a} and {b}")
        return T.BOOL.or_null() if nullable else T.BOOL

    def _check_membership(self, node: ast.Compare, op: str, left_node: ast.Node,
                          left: T.Type, right: T.Type) -> bool:
        if right.name in ("any", "null"):
            return True
        if right.name == "string":
            view = self.view(left)
            if view.name not in ("string", "null", "any"):
                raise self.error(node, f"operator '{op}' cannot apply to {view} and {right}")
            return view.maybe_null or right.maybe_null
        if right.name != "list":
            raise self.error(node, f"operator '{op}' cannot apply to {self.view(left)} and {right}")
        elem = right.elem
        item = left if elem.is_claim else self.view(left)
        if T.unify(item, elem) is None:
            raise self.error(node, f"operator '{op}' cannot apply to {item} and {right}")
        return item.maybe_null or right.maybe_null

    def check_Approx(self, node: ast.Approx) -> T.Type:
        op = "!~" if node.negate else "~"
        left, right = self.view(self.check(node.left)), self.view(self.check(node.right))
        nullable = left.maybe_null or right.maybe_null
        if left.name == "null" or right.name == "null":
            return T.BOOL.or_null()
        mismatch = not comparable(left.name, right.name, APPROXIMABLE)
        if "any" not in (left.name, right.name) and mismatch:
            raise self.error(node, f"operator '{op}' cannot apply to {left} and {right}")
        if node.tolerance is not None:
            tol = self.view(self.check(node.tolerance))
            side = left.name if left.name != "any" else right.name
            absolute = "duration" if side in ("duration", "date") else "number"
            if side == "time":
                absolute = "number"
            if tol.name not in ("percent", absolute, "any", "null"):
                raise self.error(node.tolerance,
                                 f"a tolerance for {side} must be a percentage or {absolute}, not {tol}")
            nullable = nullable or tol.maybe_null
        return T.BOOL.or_null() if nullable else T.BOOL

    def check_If(self, node: ast.If) -> T.Type:
        cond = self.check_bool(node.cond, "the condition of 'if'")
        then, else_ = self.check(node.then), self.check(node.else_)
        result = T.unify(then, else_)
        if result is None:
            raise self.error(node, f"the branches of 'if' have different types: {then} and {else_}")
        return result.or_null() if cond.maybe_null else result

    def check_Let(self, node: ast.Let) -> T.Type:
        scope: dict[str, T.Type] = {}
        self.scopes.append(scope)
        try:
            for name, value in node.bindings:
                scope[name] = self.check(value)
            return self.check(node.body)
        finally:
            self.scopes.pop()


def _arity(function) -> str:
    low, high = function.min_args, len(function.params)
    count = str(low) if low == high else f"{low} to {high}"
    return f"{count} argument{'' if high == 1 else 's'}"


@dataclass(frozen=True)
class Checked:
    """A type-checked tree: the tree as parsed (never changed, possibly shared with other rules) and
    the static type of each of its nodes, kept beside it."""

    tree: ast.Node
    type: T.Type
    types: Mapping[int, T.Type]  # id(node) → static type, for every node of ``tree``

    def type_of(self, node: ast.Node) -> T.Type:
        return self.types.get(id(node), T.ANY)


def check(node: ast.Node, env: TypeEnv, locator: Locator, expect: T.Type | None = None) -> Checked:
    """Type-check ``node`` and return its types. With ``expect``, the expression's type must be
    assignable to it (a null-able result is allowed for ``bool``, see the null semantics)."""
    checker = Checker(env, locator)
    t = checker.check(node)
    if expect is not None:
        view = env.claims.value_view(t) if not expect.is_claim else t
        if not T.assignable(view.non_null() if expect.name == "bool" else view, expect):
            raise ExpressionTypeError(f"expected {expect}, but this expression is {t}",
                                      locator.locate(node.start, node.length))
    return Checked(node, t, MappingProxyType(checker.types))
