"""Shared helpers for the rule-language tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim
from factcheck.errors import SourceLocation
from factcheck.language import EvalContext, StringLocator, TypeEnv, compile_expression
from factcheck.spans import Span
from factcheck.values import Duration, Hedge

ENV = TypeEnv.standard(
    {
        "n": "number",
        "m": "number?",
        "s": "string",
        "xs": "list<number>",
        "ys": "list<number?>",
        "d": "date",
        "e": "date?",
        "dur": "duration",
        "b": "bool",
        "nb": "bool?",
        "c": "claim<duration>",
        "o": "claim<ordinal>",
        "ec": "claim<event_count>",
        "oc": "claim<ordinal>?",
    }
)


def run(text: str, ctx: EvalContext | None = None, env: TypeEnv = ENV, **scope: Any) -> Any:
    """Compile ``text`` against ``env`` and evaluate it with ``scope``."""
    return compile_expression(text, StringLocator(text), env).evaluate(scope, ctx)


def dec(text: str | int) -> Decimal:
    return Decimal(text)


def duration_claim(text: str, value: Duration, precision: Duration | None = None,
                   hedge: Hedge = Hedge.EXACT, start: int = 0) -> Claim:
    return Claim("duration", text, Span(start, start + len(text)), value, None, hedge, precision,
                 {"event": None})


def ordinal_claim(text: str, value: int, start: int = 0) -> Claim:
    return Claim("ordinal", text, Span(start, start + len(text)), Decimal(value))


class BlockLocator:
    """Maps offsets in a YAML block scalar's text (``assert: |`` at ``line``, indented by
    ``indent``) to the rule file's lines and columns, as the rule loader's locator would."""

    def __init__(self, path: str, file_text: str, first_line: int, indent: int, text: str) -> None:
        self.path, self.lines = path, file_text.splitlines()
        self.first_line, self.indent, self.text = first_line, indent, text

    def locate(self, offset: int, length: int = 1) -> SourceLocation:
        line_index = self.text.count("\n", 0, offset)
        column = offset - (self.text.rfind("\n", 0, offset) + 1)
        line = self.first_line + line_index
        return SourceLocation(self.path, line, self.indent + column + 1, self.lines[line - 1], length)
