"""Grammar, precedence and literals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from factcheck.errors import ExpressionSyntaxError
from factcheck.language import ast
from factcheck.language.locator import StringLocator
from factcheck.language.parser import parse_bindings, parse_expression
from factcheck.values import Duration, Percent

from .helpers import dec, run


def parse(text: str) -> ast.Node:
    return parse_expression(text, StringLocator(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),  # left-associative
        ("12 / 2 / 3", 2),
        ("-2 * 3", -6),
        ("- 2 + 5", 3),
        ("2 * -3", -6),
        ("1 + 2 == 3", True),
        ("3 > 1 == 1", True),  # a chain: 3 > 1 and 1 == 1
        ("3 > 1 == 2", False),
        ("not 1 > 2", True),
        ("not true or true", True),  # (not true) or true
        ("true or false and false", True),  # and binds tighter than or
        ("false and true or true", True),
        ("not false and false", False),  # (not false) and false
        ("1 in [1, 2] and 3 not in [1, 2]", True),
        ("if 1 > 2 then 1 else 2 + 3", 5),  # else takes the whole rest
        ("let a = 2, b = a * 3 in b + 1", 7),
        ("[1, 2, 3][1] * 2", 4),
        ("len([1, 2] + [3]) * 2", 6),
    ],
)
def test_precedence(text, expected):
    value = run(text)
    assert value == expected
    assert type(value) is type(expected) or isinstance(value, Decimal)


def test_comparison_chain_is_pythonic():
    assert run("1 < 2 < 3") is True
    assert run("1 < 3 < 2") is False
    assert run("3 > 2 > 2") is False
    node = parse("a < b <= c")
    assert isinstance(node, ast.Compare) and node.ops == ("<", "<=")


def test_let_binding_value_stops_before_in():
    node = parse("let x = a in x in xs")
    assert isinstance(node, ast.Let)
    assert isinstance(node.bindings[0][1], ast.Var)
    assert isinstance(node.body, ast.Compare) and node.body.ops == ("in",)


def test_decimal_literals_are_exact():
    assert run("0.1 + 0.2 == 0.3") is True
    assert run("2.5") == Decimal("2.5")
    assert isinstance(run("12"), Decimal)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 months", Duration(months=dec(8))),
        ("1 year", Duration(months=dec(12))),
        ("2.5 hours", Duration(seconds=dec(9000))),
        ("90 minutes", Duration(seconds=dec(5400))),
        ("3 days", Duration(days=dec(3))),
        ("2 weeks", Duration(days=dec(14))),
        ("1 week", Duration(days=dec(7))),
        ("2 centuries", Duration(months=dec(2400))),
    ],
)
def test_duration_literals(text, expected):
    node = parse(text)
    assert isinstance(node, ast.Literal)
    assert node.value == expected and (node.start, node.end) == (0, len(text))


def test_other_literals():
    assert run("2025-01-20") == dt.date(2025, 1, 20)
    assert run("10%") == Percent(dec(10))
    assert run("'say \"hi\"'") == 'say "hi"'
    assert run('"it\'s"') == "it's"
    assert run('"say \\"hi\\""') == 'say "hi"'
    assert run("true") is True and run("false") is False and run("null") is None
    assert run("[]") == []
    assert run("[1, 2]") == [1, 2]


def test_unit_word_alone_is_a_name():
    node = parse("months * 4")
    assert isinstance(node, ast.Binary) and isinstance(node.left, ast.Var)
    assert node.left.name == "months"


def test_comprehension_and_quantifier_forms():
    assert isinstance(parse("all(x in xs: x > 1)"), ast.Aggregate)
    node = parse("count(xs)")
    assert isinstance(node, ast.Aggregate) and node.var is None
    node = parse("[x in xs where x > 1]")
    assert isinstance(node, ast.Comprehension) and node.expr is None
    node = parse("[x * 2 for x in xs where x > 1]")
    assert isinstance(node, ast.Comprehension) and node.expr is not None and node.cond is not None


def test_approx_forms():
    node = parse("a ~ b within 10%")
    assert isinstance(node, ast.Approx) and not node.negate and node.tolerance is not None
    node = parse("a !~ b")
    assert isinstance(node, ast.Approx) and node.negate and node.tolerance is None


def test_bindings_entry_point():
    result = parse_bindings("a in claims.duration, b in claims.duration", StringLocator(""))
    assert [name for name, *_ in result] == ["a", "b"]
    assert all(isinstance(expr, ast.Member) for *_, expr in result)


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("1 +", 4, "unexpected end of expression; expected an expression"),
        ("(1", 3, "expected ')'"),
        ("1 2", 3, "unexpected '2'"),
        ("a ? b", 3, "unexpected character '?'"),
        ("if a then b", 12, "expected 'else'"),
        ("x.", 3, "expected a name"),
        ("f(x in xs: 1)", 3, "only allowed in all, any, count"),
        ("2025-02-30", 1, "invalid date"),
        ("'abc", 1, "unterminated string"),
    ],
)
def test_syntax_errors(text, column, words):
    with pytest.raises(ExpressionSyntaxError) as info:
        parse(text)
    assert words in info.value.message
    assert info.value.location.column == column
    assert "LPAR" not in info.value.message and "$END" not in info.value.message


DEPTH = 200  # factcheck.limits.MAX_SYNTAX_DEPTH


@pytest.mark.parametrize(
    ("text", "column"),
    [
        # a prefix chain: at the operator one level too deep
        ("not " * 300 + "true", 4 * DEPTH + 1),
        ("-" * 300 + "1 > 0", DEPTH),  # the comparison is the first level
        ("if true then " * 300 + "1" + " else 2" * 300, 13 * DEPTH + 1),
        # a left-nested chain, whose nodes all start at its first operand: at the operator after
        # the operand that is one level too deep
        (" and ".join(["a"] * 300), len(" and ".join(["a"] * (300 - DEPTH))) + 2),
        ("1" + " + 1" * 300 + " > 0", len("1" + " + 1" * (300 - DEPTH + 1)) + 2),
    ],
)
def test_nesting_past_the_limit_is_refused_where_it_goes_too_deep(text, column):
    with pytest.raises(ExpressionSyntaxError) as info:
        parse(text)
    assert f"nested more than {DEPTH} levels deep" in info.value.message
    assert info.value.location.column == column


def test_nesting_at_the_limit_parses():
    assert parse("not " * (DEPTH - 1) + "true")
    assert parse(" or ".join(["a"] * DEPTH))
    assert parse(" < ".join(["1"] * 3000))  # a comparison chain is flat, however long
