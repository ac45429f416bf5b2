"""The syntax tree. Every node carries its character range ``[start, end)`` in the expression text.

Nodes are frozen and hold no types: the type checker returns the static types beside the tree
(:class:`~factcheck.language.checker.Checked`), so one parsed tree may be shared by any number of
rules, each checked in its own environment, without one rule's types leaking into another's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.language.types import Type


class Node:
    start: int
    end: int

    @property
    def length(self) -> int:
        return max(1, self.end - self.start)


@dataclass(frozen=True, eq=False)
class Literal(Node):
    """``12``, ``"text"``, ``true``, ``null``, ``2025-01-20``, ``8 months``, ``10%``."""

    start: int
    end: int
    value: Any
    literal_type: Type


@dataclass(frozen=True, eq=False)
class ListLit(Node):
    """``[a, b, c]``"""

    start: int
    end: int
    items: tuple[Node, ...]


@dataclass(frozen=True, eq=False)
class Var(Node):
    """A name: a binding, a ``let`` name or a built-in value such as ``doc``."""

    start: int
    end: int
    name: str


@dataclass(frozen=True, eq=False)
class Member(Node):
    """``obj.name``; ``name_start`` locates the member name for error messages."""

    start: int
    end: int
    obj: Node
    name: str
    name_start: int


@dataclass(frozen=True, eq=False)
class Index(Node):
    """``obj[index]``"""

    start: int
    end: int
    obj: Node
    index: Node


@dataclass(frozen=True, eq=False)
class Call(Node):
    """``name(args)``"""

    start: int
    end: int
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True, eq=False)
class Aggregate(Node):
    """``all(x in xs: cond)``, ``count(x in xs: cond)``, ``sum(x in xs: expr)``, ... or the list
    form ``count(xs)``, ``sum(xs)``, ``min(xs)`` (``var`` and ``body`` are then None)."""

    start: int
    end: int
    func: str
    source: Node
    var: str | None = None
    body: Node | None = None


@dataclass(frozen=True, eq=False)
class Comprehension(Node):
    """``[x in xs where cond]`` (``expr`` is None) or ``[expr for x in xs where cond]``."""

    start: int
    end: int
    var: str
    source: Node
    expr: Node | None
    cond: Node | None


@dataclass(frozen=True, eq=False)
class Unary(Node):
    """``-x`` (op ``-``) or ``not x`` (op ``not``)."""

    start: int
    end: int
    op: str
    operand: Node


@dataclass(frozen=True, eq=False)
class Binary(Node):
    """``+ - * /`` and the logical ``and`` / ``or``."""

    start: int
    end: int
    op: str
    left: Node
    right: Node
    op_start: int = 0


@dataclass(frozen=True, eq=False)
class Compare(Node):
    """A comparison chain ``a < b <= c`` (Python semantics: ``a < b and b <= c``)."""

    start: int
    end: int
    operands: tuple[Node, ...]
    ops: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Approx(Node):
    """``a ~ b [within tolerance]`` or ``a !~ b [within tolerance]``."""

    start: int
    end: int
    left: Node
    right: Node
    negate: bool
    tolerance: Node | None
    op_start: int = 0


@dataclass(frozen=True, eq=False)
class If(Node):
    """``if cond then a else b``"""

    start: int
    end: int
    cond: Node
    then: Node
    else_: Node


@dataclass(frozen=True, eq=False)
class Let(Node):
    """``let name = value, ... in body``; each binding may use the earlier ones."""

    start: int
    end: int
    bindings: tuple[tuple[str, Node], ...]
    body: Node


def children(node: Node) -> list[Node]:
    """The direct sub-expressions of ``node``, in source order."""
    match node:
        case ListLit(items=items):
            return list(items)
        case Member(obj=obj):
            return [obj]
        case Index(obj=obj, index=index):
            return [obj, index]
        case Call(args=args):
            return list(args)
        case Aggregate(source=source, body=body):
            return [source] + ([body] if body is not None else [])
        case Comprehension(source=source, expr=expr, cond=cond):
            return [n for n in (expr, source, cond) if n is not None]
        case Unary(operand=operand):
            return [operand]
        case Binary(left=left, right=right):
            return [left, right]
        case Compare(operands=operands):
            return list(operands)
        case Approx(left=left, right=right, tolerance=tolerance):
            return [left, right] + ([tolerance] if tolerance is not None else [])
        case If(cond=cond, then=then, else_=else_):
            return [cond, then, else_]
        case Let(bindings=bindings, body=body):
            return [value for _, value in bindings] + [body]
    return []
