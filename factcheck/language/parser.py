"""Parsing rule-language text into the syntax tree of :mod:`factcheck.language.ast`.

The LALR parser for ``grammars/rule.lark`` is built once per process, on first use, from lark's
on-disk cache (in the user cache directory) when one matches the grammar; lark's exceptions become
:class:`ExpressionSyntaxError` located through the caller's :class:`Locator`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from factcheck.errors import ExpressionSyntaxError, did_you_mean
from factcheck.language import ast, treecodec
from factcheck.language import types as T
from factcheck.language.locator import Locator
from factcheck.limits import MAX_EXPRESSION_DEPTH, MAX_SYNTAX_DEPTH
from factcheck.startup import regexcache
from factcheck.startup.cache import Table
from factcheck.startup.resources import grammar_path, load_grammar
from factcheck.values import DURATION_UNITS, Duration, Percent

if TYPE_CHECKING:
    from lark import Lark

AGGREGATES = ("all", "any", "count", "sum", "min", "max")

_parser: Lark | None = None
_human_names: dict[str, str] = {}

_REGEX_NAMES = {
    "NUMBER": "a number",
    "STRING": "a string",
    "DATE": "a date",
    "DURATION": "a duration",
    "PERCENT": "a percentage",
    "NAME": "a name",
    "$END": "end of expression",
}
_EXPRESSION_STARTERS = {"NUMBER", "STRING", "NAME", "DATE", "DURATION", "PERCENT"}
_OPERATORS = {"'+'", "'-'", "'*'", "'/'", "'=='", "'!='", "'<'", "'<='", "'>'", "'>='", "'~'", "'!~'",
              "'and'", "'or'", "'in'", "'not'", "'.'", "'['", "'within'"}


def get_parser() -> Lark:
    """The process-wide LALR parser for the rule language (built, or loaded from cache, once)."""
    global _parser
    if _parser is None:
        _parser = load_grammar("rule")
        for terminal in _parser.terminals:
            pattern = terminal.pattern
            if type(pattern).__name__ == "PatternStr":
                _human_names[terminal.name] = f"'{pattern.value}'"
    return _parser


def parse_expression(text: str, locator: Locator) -> ast.Node:
    """Parse one expression."""
    return _parse(text, locator, "start")


def parse_bindings(text: str, locator: Locator) -> list[tuple[str, int, int, ast.Node]]:
    """Parse a rule's ``for`` clause: ``a in xs, b in ys`` → ``[(name, start, end, expr), ...]``."""
    return _parse(text, locator, "bindings")


@cache
def _trees() -> Table:
    """Parsed expressions kept between runs (as JSON data, read back into new frozen trees)."""
    grammar = grammar_path("rule.lark").read_text(encoding="utf-8")
    return Table("expressions", grammar, treecodec.decode)


def _parse(text: str, locator: Locator, start: str) -> Any:
    key = f"{start}\0{text}"
    cached = _trees().get(key)
    if cached is not None:
        return list(cached) if start == "bindings" else cached
    tree = _parse_text(text, locator, start)
    _trees().put(key, treecodec.encode(tuple(tree) if start == "bindings" else tree))
    return tree


def _parse_text(text: str, locator: Locator, start: str) -> Any:
    from lark.exceptions import UnexpectedInput, VisitError

    _check_depth(text, locator)
    parser = get_parser()
    try:
        tree = parser.parse(text, start=start)
    except UnexpectedInput as error:
        raise _syntax_error(error, text, locator) from None
    except RecursionError:
        raise _too_deep(locator) from None
    _check_tree_depth(tree, text, locator)
    try:
        return _Builder(text, locator).transform(tree)
    except RecursionError:
        raise _too_deep(locator) from None
    except VisitError as error:
        if isinstance(error.orig_exc, ExpressionSyntaxError):
            raise error.orig_exc from None
        if isinstance(error.orig_exc, RecursionError):
            raise _too_deep(locator) from None
        raise


def _too_deep(locator: Locator) -> ExpressionSyntaxError:
    return ExpressionSyntaxError("expression nested too deeply to read", locator.locate(0, 1))


_NESTING = regexcache.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[(\[]|[)\]]")


def _check_depth(text: str, locator: Locator) -> None:
    """Refuse brackets nested past :data:`MAX_EXPRESSION_DEPTH` before parsing: the tree is built,
    checked and compiled recursively. Other deep nesting (a thousand ``not``) is caught as a
    ``RecursionError`` on the way and reported the same way."""
    if text.count("(") + text.count("[") <= MAX_EXPRESSION_DEPTH:
        return
    depth = 0
    for match in _NESTING.finditer(text):
        token = match[0]
        if token in "([":
            depth += 1
            if depth > MAX_EXPRESSION_DEPTH:
                raise ExpressionSyntaxError(f"brackets nested more than {MAX_EXPRESSION_DEPTH} levels deep",
                                            locator.locate(match.start(), 1))
        elif token in ")]":
            depth -= 1


def _check_tree_depth(tree: Any, text: str, locator: Locator) -> None:
    """Refuse operators nested past :data:`MAX_SYNTAX_DEPTH` (the tree walked without recursion,
    leftmost first; names and literals are no level), at the first one too deep: where it starts,
    or, in a left-nested chain (``a and b and c ...``, whose nodes all start at its first operand),
    at the operator that follows it."""
    from lark import Tree

    stack = [(tree, 0, -1)]  # the root (`start`, `bindings`) is no level
    while stack:
        node, depth, parent_start = stack.pop()
        children = [child for child in node.children if isinstance(child, Tree)]
        start = node.meta.start_pos if not node.meta.empty else parent_start
        if depth > MAX_SYNTAX_DEPTH and children:
            offset = start if start != parent_start else _next_token(text, node.meta.end_pos)
            raise ExpressionSyntaxError(
                f"expression nested more than {MAX_SYNTAX_DEPTH} levels deep", locator.locate(offset, 1),
                hint="split it with `let`, or test a long chain of `or` with `in [...]`",
            )
        stack.extend((child, depth + 1, start) for child in reversed(children))


def _next_token(text: str, offset: int) -> int:
    """The offset of the first character at or after ``offset`` that is not white space."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return min(offset, max(len(text) - 1, 0))


def _describe_expected(expected: set[str]) -> str:
    names = set(expected)
    words = []
    if len(names & _EXPRESSION_STARTERS) >= 3:
        names -= _EXPRESSION_STARTERS | {"LPAR", "LSQB", "MINUS", "IF", "LET", "NOT", "TRUE", "FALSE", "NULL"}
        words.append("an expression")
    described = {_human_names.get(n) or _REGEX_NAMES.get(n) or n.lower() for n in names}
    if len(described & _OPERATORS) >= 3:
        described -= _OPERATORS
        words.append("an operator")
    end = _REGEX_NAMES["$END"]
    words.extend(sorted(described - {end}))
    if end in described:
        words.append(end)
    if not words:
        return ""
    if len(words) > 8:
        words = [*words[:8], "..."]
    return "expected " + (words[0] if len(words) == 1 else "one of: " + ", ".join(words))


def _syntax_error(error: Exception, text: str, locator: Locator) -> ExpressionSyntaxError:
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    if isinstance(error, UnexpectedToken):
        token = error.token
        if token.type == "$END":
            offset, length, what = len(text.rstrip()), 1, "unexpected end of expression"
        else:
            offset, length = token.start_pos or 0, len(str(token))
            what = f"unexpected '{token}'"
        try:
            accepted = set(error.accepts or error.expected)
        except Exception:  # the interactive parser could not replay the input
            accepted = set(error.expected)
        expected = _describe_expected(accepted)
    elif isinstance(error, UnexpectedCharacters):
        offset, length = error.pos_in_stream, 1
        char = text[offset] if offset < len(text) else ""
        what = f"unexpected character '{char}'"
        if char in "\"'":
            what = "unterminated string"
        expected = _describe_expected(set(error.allowed or ()))
    elif isinstance(error, UnexpectedEOF):
        offset, length, what = len(text.rstrip()), 1, "unexpected end of expression"
        expected = _describe_expected(set(error.expected))
    else:  # pragma: no cover - lark raises only the three above
        offset, length, what, expected = 0, 1, str(error), ""
    message = f"{what}; {expected}" if expected else what
    return ExpressionSyntaxError(message, locator.locate(offset, length))


_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}
_DURATION_SPLIT = regexcache.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")


def duration_unit(word: str) -> str:
    """The singular unit name for a unit word: ``months`` → ``month``, ``centuries`` → ``century``."""
    word = word.lower()
    if word in DURATION_UNITS:
        return word
    if word == "centuries":
        return "century"
    if word.endswith("s") and word[:-1] in DURATION_UNITS:
        return word[:-1]
    raise ValueError(f"unknown duration unit {word!r}")


def _unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), body)


def _lark_transformer() -> type:
    from lark import Token, Transformer, v_args

    @v_args(meta=True)
    class Builder(Transformer):
        def __init__(self, text: str, locator: Locator) -> None:
            super().__init__()
            self.text = text
            self.locator = locator

        def error(self, message: str, start: int, end: int, hint: str | None = None) -> ExpressionSyntaxError:
            return ExpressionSyntaxError(message, self.locator.locate(start, end - start), hint)

        # -- literals ---------------------------------------------------------------------
        def _literal(self, token: Token, value: Any, type_: T.Type) -> ast.Literal:
            return ast.Literal(token.start_pos, token.end_pos, value, type_)

        def number(self, meta, c):
            return self._literal(c[0], Decimal(str(c[0])), T.NUMBER)

        def string(self, meta, c):
            return self._literal(c[0], _unescape(str(c[0])[1:-1]), T.STRING)

        def date(self, meta, c):
            try:
                value = dt.date.fromisoformat(str(c[0]))
            except ValueError:
                raise self.error(f"invalid date '{c[0]}'", c[0].start_pos, c[0].end_pos) from None
            return self._literal(c[0], value, T.DATE)

        def duration(self, meta, c):
            match = _DURATION_SPLIT.fullmatch(str(c[0]))
            assert match is not None
            value = Duration.of(Decimal(match.group(1)), duration_unit(match.group(2)))
            return self._literal(c[0], value, T.DURATION)

        def percent(self, meta, c):
            return self._literal(c[0], Percent(Decimal(str(c[0])[:-1])), T.PERCENT)

        def true(self, meta, c):
            return self._literal(c[0], True, T.BOOL)

        def false(self, meta, c):
            return self._literal(c[0], False, T.BOOL)

        def null(self, meta, c):
            return self._literal(c[0], None, T.NULL)

        def var(self, meta, c):
            return ast.Var(c[0].start_pos, c[0].end_pos, str(c[0]))

        def list(self, meta, c):
            return ast.ListLit(meta.start_pos, meta.end_pos, tuple(item for item in c if item is not None))

        # -- structure --------------------------------------------------------------------
        def member(self, meta, c):
            return ast.Member(meta.start_pos, meta.end_pos, c[0], str(c[1]), c[1].start_pos)

        def index(self, meta, c):
            return ast.Index(meta.start_pos, meta.end_pos, c[0], c[1])

        def binder(self, meta, c):
            return _Binder(meta.start_pos, meta.end_pos, c[0], c[1])

        def _binding_var(self, node: ast.Node, what: str) -> tuple[str, ast.Node]:
            if (
                isinstance(node, ast.Compare)
                and node.ops == ("in",)
                and isinstance(node.operands[0], ast.Var)
            ):
                return node.operands[0].name, node.operands[1]
            raise self.error(f"{what} must start with 'NAME in LIST'", node.start, node.end)

        def call(self, meta, c):
            name_token, args = c[0], [a for a in c[1:] if a is not None]
            name = str(name_token)
            binders = [a for a in args if isinstance(a, _Binder)]
            if binders:
                if name not in AGGREGATES:
                    hint = did_you_mean(name, AGGREGATES)
                    if hint:
                        raise self.error(f"unknown aggregate '{name}'", name_token.start_pos,
                                         name_token.end_pos, hint)
                    raise self.error(
                        f"'NAME in LIST: ...' is only allowed in {', '.join(AGGREGATES)}",
                        binders[0].start,
                        binders[0].end,
                    )
                if len(args) != 1:
                    raise self.error(f"{name}(x in xs: ...) takes exactly one argument", meta.start_pos,
                                     meta.end_pos)
                var, source = self._binding_var(binders[0].left, f"the argument of {name}")
                return ast.Aggregate(meta.start_pos, meta.end_pos, name, source, var, binders[0].right)
            if name in AGGREGATES:
                if len(args) == 1:
                    return ast.Aggregate(meta.start_pos, meta.end_pos, name, args[0])
                if name in ("min", "max") and len(args) > 1:
                    items = ast.ListLit(args[0].start, args[-1].end, tuple(args))
                    return ast.Aggregate(meta.start_pos, meta.end_pos, name, items)
                raise self.error(f"{name}() takes one argument", meta.start_pos, meta.end_pos)
            return ast.Call(meta.start_pos, meta.end_pos, name, tuple(args))

        def filter(self, meta, c):
            var, source = self._binding_var(c[0], "a filter [x in xs where ...]")
            return ast.Comprehension(meta.start_pos, meta.end_pos, var, source, None, c[1])

        def map(self, meta, c):
            return ast.Comprehension(meta.start_pos, meta.end_pos, str(c[1]), c[2], c[0], c[3])

        # -- operators --------------------------------------------------------------------
        def _op(self, meta, c):
            return (" ".join(str(t) for t in c), c[0].start_pos)

        comp_op = comp_op_noin = approx_op = add_op = mul_op = _op

        def neg(self, meta, c):
            return ast.Unary(meta.start_pos, meta.end_pos, "-", c[0])

        def not_(self, meta, c):
            return ast.Unary(meta.start_pos, meta.end_pos, "not", c[0])

        def binary(self, meta, c):
            op, op_start = c[1]
            return ast.Binary(meta.start_pos, meta.end_pos, op, c[0], c[2], op_start)

        def and_(self, meta, c):
            return ast.Binary(meta.start_pos, meta.end_pos, "and", c[0], c[1], c[0].end)

        def or_(self, meta, c):
            return ast.Binary(meta.start_pos, meta.end_pos, "or", c[0], c[1], c[0].end)

        def compare(self, meta, c):
            operands, ops = tuple(c[0::2]), tuple(op for op, _ in c[1::2])
            return ast.Compare(meta.start_pos, meta.end_pos, operands, ops)

        def approx(self, meta, c):
            op, op_start = c[1]
            return ast.Approx(meta.start_pos, meta.end_pos, c[0], c[2], op == "!~", c[3], op_start)

        def if_expr(self, meta, c):
            return ast.If(meta.start_pos, meta.end_pos, c[0], c[1], c[2])

        def let_binding(self, meta, c):
            return (str(c[0]), c[1])

        def let_expr(self, meta, c):
            return ast.Let(meta.start_pos, meta.end_pos, tuple(c[:-1]), c[-1])

        def start(self, meta, c):
            return c[0]

        def for_binding(self, meta, c):
            return (str(c[0]), meta.start_pos, meta.end_pos, c[1])

        def bindings(self, meta, c):
            return list(c)

    return Builder


class _Binder:
    """``x in xs: body`` inside a call's parentheses (only valid for the aggregates)."""

    def __init__(self, start: int, end: int, left: ast.Node, right: ast.Node) -> None:
        self.start, self.end, self.left, self.right = start, end, left, right


_builder_class: type | None = None


def _Builder(text: str, locator: Locator) -> Any:
    global _builder_class
    if _builder_class is None:
        _builder_class = _lark_transformer()
    return _builder_class(text, locator)
