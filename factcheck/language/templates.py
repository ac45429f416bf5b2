"""Message templates: text with ``{expression}`` holes (``{{`` and ``}}`` for literal braces)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.errors import ExpressionSyntaxError
from factcheck.language.env import TypeEnv
from factcheck.language.formatting import format_value
from factcheck.language.locator import Locator, ShiftedLocator

if TYPE_CHECKING:
    from factcheck.language.ast import Node
    from factcheck.language.expression import CompiledExpression
    from factcheck.language.runtime import EvalContext


@dataclass(frozen=True)
class Template:
    """A compiled message template; ``parts`` are literal strings and compiled holes, in order."""

    source: str
    parts: tuple[str | CompiledExpression, ...]

    @property
    def holes(self) -> list[CompiledExpression]:
        return [p for p in self.parts if not isinstance(p, str)]

    def render(self, scope: Mapping[str, Any], ctx: EvalContext | None = None) -> str:
        """The text, each hole's value formatted for people (null as ``unknown``)."""
        out = []
        for part in self.parts:
            out.append(part if isinstance(part, str) else format_value(part.evaluate(scope, ctx)))
        return "".join(out)


def split_template(text: str, locator: Locator) -> list[tuple[str, int, bool]]:
    """``[(piece, offset, is_hole)]``; raises on an unmatched brace."""
    pieces: list[tuple[str, int, bool]] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "{}" and text[i + 1:i + 2] == ch:
            literal.append(ch)
            i += 2
            continue
        if ch == "}":
            raise ExpressionSyntaxError("unmatched '}' in message; write '}}' for a literal brace",
                                        locator.locate(i))
        if ch != "{":
            literal.append(ch)
            i += 1
            continue
        end, quote = i + 1, None
        while end < len(text) and (quote or text[end] != "}"):
            if quote and text[end] == "\\":
                end += 1
            elif text[end] in "\"'":
                quote = None if quote == text[end] else quote or text[end]
            end += 1
        if end >= len(text):
            raise ExpressionSyntaxError("unclosed '{' in message; write '{{' for a literal brace",
                                        locator.locate(i))
        if literal:
            pieces.append(("".join(literal), i, False))
            literal = []
        pieces.append((text[i + 1:end], i + 1, True))
        i = end + 1
    if literal:
        pieces.append(("".join(literal), len(text), False))
    return pieces


def compile_template(text: str, locator: Locator, env: TypeEnv,
                     trees: Sequence[Node] | None = None, lazy: bool = False) -> Template:
    """Compile a message template; each hole is an expression type-checked against ``env``.
    ``trees`` are the holes' syntax trees in order, when they are known already (see
    :func:`template_trees`); ``lazy`` as for :func:`~factcheck.language.compile_expression`."""
    from factcheck.language.expression import compile_expression

    parts: list[str | CompiledExpression] = []
    holes = iter(trees) if trees is not None else None
    for piece, offset, is_hole in split_template(text, locator):
        if not is_hole:
            parts.append(piece)
            continue
        if not piece.strip():
            raise ExpressionSyntaxError("empty '{}' in message", locator.locate(offset - 1, 2))
        tree = next(holes) if holes is not None else None
        parts.append(compile_expression(piece, ShiftedLocator(locator, offset), env, tree=tree, lazy=lazy))
    return Template(text, tuple(parts))


def template_trees(text: str, locator: Locator) -> list[Node]:
    """The syntax trees of a template's holes, in order (what :func:`compile_template` parses)."""
    from factcheck.language.parser import parse_expression

    return [parse_expression(piece, ShiftedLocator(locator, offset))
            for piece, offset, is_hole in split_template(text, locator) if is_hole and piece.strip()]
