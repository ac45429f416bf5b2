"""Compiled expressions: parse → type-check → compile, and the ways to run the result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.errors import EvaluationError, ExpressionSyntaxError
from factcheck.language import ast
from factcheck.language import types as T
from factcheck.language.checker import Checked, check
from factcheck.language.compiler import RUNTIME_ERRORS, Compiler, TraceEntry
from factcheck.language.env import TypeEnv
from factcheck.language.locator import Locator
from factcheck.language.parser import parse_bindings, parse_expression
from factcheck.language.runtime import COST, CTX, TRACE, Cost, EvalContext, empty_context


class CompiledExpression:
    """An expression ready to run. ``type`` is its static type, ``source`` its text.

    * :meth:`evaluate` — the fast path;
    * :meth:`evaluate_with_lets` — also the values of the outermost ``let`` chain's names, for
      message templates (``let_types`` gives their types for the template's environment);
    * :meth:`trace` — a slower build recording comparisons, approximate comparisons (with the
      intervals and the tolerance), let-bound names and function calls, to explain a result.
    """

    def __init__(self, source: str, checked: Checked, env: TypeEnv, locator: Locator,
                 full_text: str | None = None, lazy: bool = False) -> None:
        self.source = source
        self._text = source if full_text is None else full_text
        self.tree = checked.tree
        self.type = checked.type
        self._checked = checked
        self._env = env
        self._locator = locator
        self._fn: Any = None
        self._uses_cost = False
        self._let_keys: list[tuple[str, str]] = []
        self._traced_fn: Any = None
        if not lazy:  # else on first use: only for expressions known to compile (the default pack's)
            self._compile()

    def _compile(self) -> Any:
        compiler = Compiler(self._text, self._locator, self._env, self._checked)
        fn = compiler.compile(self.tree).fn
        self._uses_cost = compiler.uses_cost
        self._let_keys = _outer_let_keys(self.tree, compiler.let_keys)
        self._fn = fn
        return fn

    def __repr__(self) -> str:
        return f"CompiledExpression({self.source!r}: {self.type})"

    @property
    def let_types(self) -> dict[str, T.Type]:
        """Names bound by the outermost ``let`` chain and their types."""
        types: dict[str, T.Type] = {}
        node = self.tree
        while isinstance(node, ast.Let):
            for name, value in node.bindings:
                types[name] = self._checked.type_of(value)
            node = node.body
        return types

    def _frame(self, scope: Mapping[str, Any], ctx: EvalContext | None, cost: bool) -> dict:
        ctx = ctx if ctx is not None else empty_context()
        frame = {**ctx.base_scope, **scope}
        frame[CTX] = ctx
        if cost:
            frame[COST] = ctx.budget or Cost(ctx.cost_limit)
        return frame

    def _run(self, fn: Any, frame: dict) -> Any:
        try:
            return fn(frame)
        except EvaluationError:
            raise
        except KeyError as error:
            raise EvaluationError(f"no value given for variable {error.args[0]!r}", self._where()) from None
        except (*RUNTIME_ERRORS, AttributeError) as error:
            raise EvaluationError(f"{error} in '{self.source}'", self._where()) from None

    def _where(self) -> Any:
        return self._locator.locate(self.tree.start, self.tree.length)

    def evaluate(self, scope: Mapping[str, Any], ctx: EvalContext | None = None) -> Any:
        """The expression's value for these variables (numbers as ``Decimal``). Raises
        :class:`EvaluationError` on a runtime failure or when the cost bound is exceeded."""
        fn = self._fn or self._compile()
        if ctx is None:
            ctx = empty_context()
        frame = {**ctx.base_scope, **scope}
        frame[CTX] = ctx
        if self._uses_cost:
            frame[COST] = ctx.budget or Cost(ctx.cost_limit)
        return self._run(fn, frame)

    def part(self, node: ast.Node) -> CompiledExpression:
        """The sub-expression ``node`` of this expression, compiled on its own with this
        expression's types, as a value (a claim stands for its value, as an operand of ``==``
        does): what the engine's join plan evaluates for one claim or one binding alone."""
        compiled = CompiledExpression(self._text[node.start:node.end],
                                      Checked(node, self._checked.type_of(node), self._checked.types),
                                      self._env, self._locator, self._text, lazy=True)
        compiler = Compiler(self._text, self._locator, self._env, compiled._checked)
        compiled._fn = compiler.value(node).fn
        compiled._uses_cost = compiler.uses_cost
        return compiled

    def type_of(self, node: ast.Node) -> T.Type:
        """The static type the checker gave ``node``, a node of this expression's tree."""
        return self._checked.type_of(node)

    def view(self, t: T.Type) -> T.Type:
        """The type a value of type ``t`` has where a value is expected (a claim's value type)."""
        return self._env.claims.value_view(t)

    def evaluate_with_lets(self, scope: Mapping[str, Any],
                           ctx: EvalContext | None = None) -> tuple[Any, dict[str, Any]]:
        """The value, and the values of the outermost let chain's names (by name)."""
        fn = self._fn or self._compile()
        frame = self._frame(scope, ctx, self._uses_cost)
        value = self._run(fn, frame)
        return value, {name: frame.get(key) for name, key in self._let_keys}

    def trace(self, scope: Mapping[str, Any], ctx: EvalContext | None = None) -> tuple[Any, list[TraceEntry]]:
        """The value and the evaluation's steps (see :class:`TraceEntry`)."""
        if self._traced_fn is None:
            compiler = Compiler(self._text, self._locator, self._env, self._checked, trace=True)
            self._traced_fn = compiler.compile(self.tree).fn
        frame = self._frame(scope, ctx, True)
        frame[TRACE] = entries = []
        value = self._run(self._traced_fn, frame)
        return value, entries


def _outer_let_keys(tree: ast.Node, let_keys: dict[int, list[str]]) -> list[tuple[str, str]]:
    pairs = []
    node = tree
    while isinstance(node, ast.Let):
        for (name, _), key in zip(node.bindings, let_keys.get(id(node), []), strict=False):
            pairs.append((name, key))
        node = node.body
    return pairs


@dataclass(frozen=True)
class Binding:
    """One ``name in expression`` of a rule's ``for`` clause."""

    name: str
    expression: CompiledExpression


def compile_expression(text: str, locator: Locator, env: TypeEnv, expect: T.Type | str | None = None,
                       tree: ast.Node | Checked | None = None, lazy: bool = False) -> CompiledExpression:
    """Parse (unless the ``tree`` is given: the default pack's are generated with the package),
    type-check (against ``env``; with ``expect``, the result must fit it; unless the tree comes
    checked, as the default pack's do when the build checked them in this very environment) and
    compile (with ``lazy``, when first run: for expressions known to compile, whose errors need
    not be found now)."""
    if isinstance(tree, Checked):
        return CompiledExpression(text, tree, env, locator, lazy=lazy)
    if tree is None:
        tree = parse_expression(text, locator)
    expected = env.claims.parse(expect) if isinstance(expect, str) else expect
    try:
        return CompiledExpression(text, check(tree, env, locator, expected), env, locator, lazy=lazy)
    except RecursionError:
        raise ExpressionSyntaxError("expression nested too deeply to compile", locator.locate(0, 1)) from None


def compile_bindings(text: str, locator: Locator, env: TypeEnv,
                     parsed: list[tuple[str, int, int, ast.Node | Checked]] | None = None,
                     lazy: bool = False) -> list[Binding]:
    """Compile a ``for`` clause: ``a in claims.duration, b in claims.duration``. Each expression
    must be a list; later ones may use the earlier names (typed as the list's items). ``parsed`` is
    what :func:`parse_bindings` gives for ``text``, when it is known already (its trees possibly
    checked, as for :func:`compile_expression`); ``lazy`` as for :func:`compile_expression`."""
    from factcheck.errors import ExpressionTypeError

    bindings = []
    for name, _start, _end, given in parse_bindings(text, locator) if parsed is None else parsed:
        checked = given if isinstance(given, Checked) else check(given, env, locator)
        tree = checked.tree
        type_ = checked.type
        if type_.name != "list":
            raise ExpressionTypeError(f"'{name} in ...' needs a list, not {type_}",
                                      locator.locate(tree.start, tree.length))
        source = text[tree.start:tree.end]
        bindings.append(Binding(name, CompiledExpression(source, checked, env, locator, text, lazy=lazy)))
        env = env.extend({name: type_.elem})
    return bindings

