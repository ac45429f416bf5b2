"""The type checker: accepted and rejected programs, messages, hints."""

from __future__ import annotations

import pytest

from factcheck.errors import ExpressionSyntaxError, ExpressionTypeError
from factcheck.language import StringLocator, compile_expression, parse_type
from factcheck.language import types as T
from factcheck.language.env import builtin_claim_types

from .helpers import ENV


def type_of(text: str) -> str:
    return str(compile_expression(text, StringLocator(text), ENV).type)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2", "number"),
        ("d - d", "duration"),
        ("d + 8 months", "date"),
        ("8 months + d", "date"),
        ("dur / 2 weeks", "number"),
        ("dur / 2", "duration"),
        ("dur * 2", "duration"),
        ("10% * 50", "number"),
        ("10% * dur", "duration"),
        ("m + 1", "number?"),
        ("e - d", "duration?"),
        ("m > 1", "bool?"),
        ("m == null", "bool"),
        ("o == 8", "bool"),  # a claim stands for its value
        ("o + 1", "number"),
        ("c ~ 8 months", "bool"),
        ("d + c", "date"),
        ("oc.text", "string?"),
        ("ec.ordinal", "claim<ordinal>?"),
        ("ec.ordinal.value", "number?"),
        ("ec.period ~ 8 months", "bool?"),
        ("claims.ordinal", "list<claim<ordinal>>"),
        ("doc.date", "date?"),
        ("period('x').start", "date?"),
        ("timeline(ec).events", "list<event>?"),
        ("[x in xs where x > 1]", "list<number>"),
        ("[x * 1 day for x in xs]", "list<duration>"),
        ("count(x in xs: x > 1)", "number"),
        ("sum(x in xs: x * 1 day)", "duration"),
        ("min(xs)", "number?"),
        ("max(1, 2)", "number?"),
        ("all(x in xs: x > 1)", "bool?"),
        ("if b then 1 else null", "number?"),
        ("let k = n in k * 2", "number"),
        ("[1, null]", "list<number?>"),
        ("coalesce(m, 0)", "number"),
        ("value(o)", "number"),
        ("hedge(c)", "string"),
        ("round(m, 1)", "number?"),
        ("weekday(d)", "string"),
        ("s in 'abc'", "bool"),
        ("o in claims.ordinal", "bool"),
    ],
)
def test_accepted(text, expected):
    assert type_of(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("d + 1", "operator '+' cannot apply to date and number"),
        ("1 - d", "operator '-' cannot apply to number and date"),
        ("dur * dur", "operator '*' cannot apply to duration and duration"),
        ("s < 1", "operator '<' cannot apply to string and number"),
        ("d == 1", "operator '==' cannot apply to date and number"),
        ("n and b", "operator 'and' cannot apply to number and bool"),
        ("not n", "operator 'not' cannot apply to number"),
        ("-s", "operator '-' cannot apply to string"),
        ("c ~ 3", "operator '~' cannot apply to duration and number"),
        ("d ~ d within 5", "a tolerance for date must be a percentage or duration, not number"),
        ("n in s", "operator 'in' cannot apply to number and string"),
        ("s in xs", "operator 'in' cannot apply to string and list<number>"),
        ("if n then 1 else 2", "the condition of 'if' must be bool, not number"),
        ("if b then 1 else 's'", "the branches of 'if' have different types: number and string"),
        ("[1, 's']", "list items must have one type: number and string"),
        ("all(x in xs: x)", "the condition of all() must be bool, not number"),
        ("sum(x in xs: x > 1)", "sum() cannot add bool items"),
        ("count(n)", "the list of count() must be a list, not number"),
        ("round('a')", "argument 1 of round() must be number, not string"),
        ("round()", "round() takes 1 to 2 arguments, not 0"),
        ("timeline(o)", "argument 1 of timeline() must be claim<event_count>, not claim<ordinal>"),
        ("n.value", "number has no members"),
    ],
)
def test_rejected(text, message):
    with pytest.raises(ExpressionTypeError) as info:
        compile_expression(text, StringLocator(text), ENV)
    assert info.value.message == message


@pytest.mark.parametrize(
    ("text", "hint", "column", "length"),
    [
        ("nn + 1", "did you mean 'n'?", 1, 2),
        ("doc.titel", "did you mean 'title'?", 5, 5),
        ("c.txt", "did you mean 'text'?", 3, 3),
        ("claims.ordinals", "did you mean 'ordinal'?", 8, 8),
        ("lenn(xs)", "did you mean 'len'?", 1, 4),
        ("cuont(x in xs: true)", "did you mean 'count'?", 1, 5),
        ("let total = 1 in totl", "did you mean 'total'?", 18, 4),
    ],
)
def test_did_you_mean(text, hint, column, length):
    with pytest.raises((ExpressionTypeError, ExpressionSyntaxError)) as info:
        compile_expression(text, StringLocator(text), ENV)
    assert info.value.hint == hint
    assert (info.value.location.column, info.value.location.length) == (column, length)


def test_type_error_is_located_at_the_offending_node():
    text = "n > 1 and d + 1 == d"
    with pytest.raises(ExpressionTypeError) as info:
        compile_expression(text, StringLocator(text), ENV)
    assert info.value.location.column == 11
    assert info.value.location.length == len("d + 1")
    assert info.value.location.excerpt().splitlines()[1].strip() == "^^^^^"


def test_expect():
    compile_expression("m > 1", StringLocator(""), ENV, expect="bool")  # bool? is fine for a guard
    with pytest.raises(ExpressionTypeError, match="expected bool, but this expression is number"):
        compile_expression("n + 1", StringLocator(""), ENV, expect=T.BOOL)


def test_loop_variables_are_scoped():
    with pytest.raises(ExpressionTypeError, match="unknown name 'x'"):
        compile_expression("count(x in xs: x > 1) + x", StringLocator(""), ENV)


def test_parse_type():
    assert parse_type("claim<ordinal>?") == T.claim_of("ordinal", nullable=True)
    assert parse_type("list<claim<event_count>>") == T.list_of(T.claim_of("event_count"))
    assert str(parse_type("list<number?>?")) == "list<number?>?"
    for bad in ("list<number", "numbr", "number??"):
        with pytest.raises(ValueError):
            parse_type(bad)
    with pytest.raises(ValueError, match="unknown claim kind 'nope'"):
        builtin_claim_types().parse("list<claim<nope>>")


def test_every_claim_kind_field_is_a_member():
    from factcheck.claims.kinds import BUILTIN_KINDS

    for kind in BUILTIN_KINDS.values():
        members = builtin_claim_types().fields(kind.name)
        for name in (*kind.fields, "text", "value", "unit", "hedge", "start", "end"):
            assert name in members
