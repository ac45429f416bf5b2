"""Compiled code: the closure a node compiles to, and the compiler interface node compilers share.

The compiler (:mod:`factcheck.language.compiler`) hands loops and aggregates to
:mod:`factcheck.language.loops` and comparisons to :mod:`factcheck.language.comparisons`. Those build
on this module, and see the compiler only as a :class:`NodeCompiler`, so neither imports the compiler
that imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from factcheck.errors import EvaluationError
from factcheck.language import ast
from factcheck.language import types as T
from factcheck.language.locator import Locator

Fn = Callable[[dict], Any]
RUNTIME_ERRORS = (ArithmeticError, ValueError, TypeError, OverflowError, IndexError)



class Code:
    """A compiled node: its closure, and its value when it is a constant."""

    __slots__ = ("const", "fn", "value")

    def __init__(self, fn: Fn, const: bool = False, value: Any = None) -> None:
        self.fn, self.const, self.value = fn, const, value


def binary_closure(impl: Callable[[Any, Any], Any], lf: Fn, rf: Fn, *, nulls_pass: bool,
                   fail: Callable[[Exception], Exception]) -> Fn:
    """The fast closure for ``impl(left, right)``: a null operand makes the result null unless
    ``nulls_pass`` (the operands cannot be null, or the operator handles null itself, as ``==``
    does); runtime errors become evaluation errors at the node."""
    if nulls_pass:
        def run(f: dict) -> Any:
            try:
                return impl(lf(f), rf(f))
            except RUNTIME_ERRORS as error:
                raise fail(error) from None
    else:
        def run(f: dict) -> Any:
            a, b = lf(f), rf(f)
            if a is None or b is None:
                return None
            try:
                return impl(a, b)
            except RUNTIME_ERRORS as error:
                raise fail(error) from None
    return run


class NodeCompiler(Protocol):
    """What a node compiler may ask of the compiler: the static types, fresh frame keys for the
    names it binds, the compilation of sub-nodes, constant folding and the trace."""

    locator: Locator
    trace: bool
    keys: list[dict[str, str]]  # scopes of bound names → frame keys

    def fail(self, node: ast.Node, error: BaseException | str) -> EvaluationError: ...

    def type_of(self, node: ast.Node) -> T.Type: ...

    def view(self, t: T.Type) -> T.Type: ...

    def bind(self, name: str) -> str: ...

    def compile(self, node: ast.Node) -> Code: ...

    def value(self, node: ast.Node) -> Code: ...

    def fold(self, node: ast.Node, code: Code, parts: list[Code]) -> Code: ...

    def record(self, f: dict, node: ast.Node, value: Any, detail: str | None = None) -> None: ...
