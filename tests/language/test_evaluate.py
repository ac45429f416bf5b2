"""Evaluation: unit arithmetic, null semantics, aggregates, let/if, runtime errors, the cost bound."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from factcheck.errors import EvaluationError, ExpressionTypeError
from factcheck.language import EvalContext, StringLocator, compile_expression
from factcheck.values import Duration, Money, Percent

from .helpers import ENV, dec, duration_claim, ordinal_claim, run

XS = [dec(1), dec(2), dec(3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-16 - 2025-01-20", Duration(months=dec(8), days=dec(26))),
        ("2025-01-20 - 2025-10-16", -Duration(months=dec(8), days=dec(26))),
        ("2025-01-31 + 1 month", dt.date(2025, 2, 28)),  # month-end clamping
        ("2024-01-31 + 1 month", dt.date(2024, 2, 29)),
        ("2025-03-31 - 1 month", dt.date(2025, 2, 28)),
        ("2025-01-20 + 8 months", dt.date(2025, 9, 20)),
        ("2025-01-20 + 3 days", dt.date(2025, 1, 23)),
        ("1 year + 2 months", Duration(months=dec(14))),
        ("2 hours - 30 minutes", Duration(seconds=dec(5400))),
        ("2.5 hours * 2", Duration(seconds=dec(18000))),
        ("2 * 3 days", Duration(days=dec(6))),
        ("1 year / 1 month", dec(12)),
        ("3 hours / 90 minutes", dec(2)),
        ("1 week / 2", Duration(days=dec("3.5"))),
        ("10% * 50", dec(5)),
        ("50 * 10%", dec(5)),
        ("10% + 5%", Percent(dec(15))),
        ("10% / 5%", dec(2)),
        ("50% * 8 months", Duration(months=dec(4))),
        ("7 / 2", dec("3.5")),
        ("'ab' + 'cd'", "abcd"),
    ],
)
def test_unit_arithmetic(text, expected):
    assert run(text) == expected


def test_money():
    scope = {"a": Money(dec(10), "USD"), "b": Money(dec(5), "USD"), "z": Money(dec(1), "EUR")}
    from factcheck.language import TypeEnv

    env = TypeEnv({"a": "money", "b": "money", "z": "money"})
    assert run("a + b", env=env, **scope) == Money(dec(15), "USD")
    assert run("a / b", env=env, **scope) == 2
    assert run("a > b", env=env, **scope) is True
    with pytest.raises(EvaluationError, match="cannot combine USD and EUR"):
        run("a + z", env=env, **scope)


def test_claims_stand_for_their_values():
    eighth = ordinal_claim("eighth", 8)
    assert run("o == 8", o=eighth) is True
    assert run("o + 1", o=eighth) == 9
    claim = duration_claim("eight months", Duration(months=dec(8)))
    assert run("2025-01-20 + c", c=claim) == dt.date(2025, 9, 20)
    assert run("c.text", c=claim) == "eight months"
    assert run("c.hedge", c=claim) == "exact"
    assert run("o.start + o.end", o=ordinal_claim("eighth", 8, start=10)) == 26


class TestNull:
    def test_arithmetic_and_ordering_give_null(self):
        assert run("m + 1", m=None) is None
        assert run("m > 1", m=None) is None
        assert run("e - d", e=None, d=dt.date(2025, 1, 1)) is None
        assert run("-m", m=None) is None
        assert run("oc.value", oc=None) is None
        assert run("ec.ordinal.value + 1", ec=_event_count(ordinal=None)) is None

    def test_equality_tests_for_null(self):
        assert run("m == null", m=None) is True
        assert run("m != null", m=dec(1)) is True
        assert run("m == 1", m=None) is False

    def test_three_valued_logic(self):
        assert run("nb and false", nb=None) is False
        assert run("nb and true", nb=None) is None
        assert run("nb or true", nb=None) is True
        assert run("nb or false", nb=None) is None
        assert run("not nb", nb=None) is None
        assert run("if nb then 1 else 2", nb=None) is None

    def test_functions_propagate_null(self):
        assert run("round(m)", m=None) is None
        assert run("coalesce(m, 7)", m=None) == 7
        assert run("coalesce(m, 7)", m=dec(3)) == 3

    def test_aggregates_with_nulls(self):
        ys = [dec(1), None, dec(3)]
        assert run("sum(ys)", ys=ys) == 4
        assert run("min(ys)", ys=ys) == 1
        assert run("max(ys)", ys=ys) == 3
        assert run("all(y in ys: y > 0)", ys=ys) is None
        assert run("all(y in ys: y > 2)", ys=ys) is False
        assert run("any(y in ys: y > 2)", ys=ys) is True
        assert run("any(y in ys: y > 5)", ys=ys) is None
        assert run("count(y in ys: y > 0)", ys=ys) == 2
        assert run("[y in ys where y > 0]", ys=ys) == [1, 3]


def _event_count(ordinal=None):
    from factcheck.claims.model import Claim
    from factcheck.spans import Span

    return Claim("event_count", "their eighth call", Span(0, 17), dec(8),
                 fields={"event": "call", "ordinal": ordinal, "count": None, "period": None})


class TestAggregatesAndBindings:
    def test_quantifiers(self):
        assert run("all(x in xs: x > 0)", xs=XS) is True
        assert run("all(x in xs: x > 1)", xs=XS) is False
        assert run("any(x in xs: x > 2)", xs=XS) is True
        assert run("any(x in xs: x > 3)", xs=XS) is False
        assert run("all(x in []: false)") is True
        assert run("count(x in xs: x >= 2)", xs=XS) == 2
        assert run("count(xs)", xs=XS) == 3

    def test_sum_min_max(self):
        assert run("sum(x in xs: x * 2)", xs=XS) == 12
        assert run("sum(x in xs: x * 1 day)", xs=XS) == Duration(days=dec(6))
        assert run("sum([])") == 0 or run("sum([])") is None
        assert run("min(x in xs: 10 - x)", xs=XS) == 7
        assert run("max(xs)", xs=XS) == 3
        assert run("max(1, 5, 2)") == 5
        assert run("min([])") is None
        assert run("max([5%, 20%, 10%])") == Percent(dec(20))

    def test_comprehensions(self):
        assert run("[x in xs where x != 2]", xs=XS) == [1, 3]
        assert run("[x * 10 for x in xs]", xs=XS) == [10, 20, 30]
        assert run("[x * 10 for x in xs where x > 1]", xs=XS) == [20, 30]
        assert run("count([x in xs where x > 1])", xs=XS) == 2

    def test_nested_loops_and_shadowing(self):
        assert run("count(x in xs: any(y in xs: y > x))", xs=XS) == 2
        assert run("let x = 100 in sum(x in xs: x) + x", xs=XS) == 106
        assert run("let n = 1 in (let n = 2 in n) + n", n=dec(50)) == 3

    def test_let_and_if(self):
        assert run("let a = n * 2, b = a + 1 in b", n=dec(4)) == 9
        assert run("if n > 3 then 'big' else 'small'", n=dec(4)) == "big"
        assert run("if n > 3 then 'big' else 'small'", n=dec(1)) == "small"

    def test_membership_and_index(self):
        assert run("2 in xs", xs=XS) is True
        assert run("5 not in xs", xs=XS) is True
        assert run("'call' in 'phone call'") is True
        assert run("xs[0] + xs[-1]", xs=XS) == 4
        assert run("xs[10]", xs=XS) is None
        eighth = ordinal_claim("eighth", 8)
        assert run("o in claims.ordinal", EvalContext(claims=_claimset(eighth)), o=eighth) is True


def _claimset(*claims):
    from factcheck.claims.model import ClaimSet

    return ClaimSet(claims)


class TestFunctions:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("len([1, 2, 3])", 3),
            ("len('abc')", 3),
            ("abs(-2)", 2),
            ("abs(-3 days)", Duration(days=dec(3))),
            ("round(2.5)", 3),
            ("round(2.345, 2)", Decimal("2.35")),
            ("floor(2.7)", 2),
            ("ceil(2.1)", 3),
            ("lower('AbC')", "abc"),
            ("upper('abc')", "ABC"),
            ("contains('Phone Call', 'call')", True),
            ("starts_with('Phone', 'ph')", True),
            ("ends_with('Phone', 'x')", False),
            ("in_unit(1 year, 'months')", 12),
            ("months(2 years)", 24),
            ("days(2 weeks)", 14),
            ("hours(90 minutes)", Decimal("1.5")),
            ("minutes(2 hours)", 120),
            ("years(18 months)", Decimal("1.5")),
            ("weeks(14 days)", 2),
            ("year(2025-01-20)", 2025),
            ("month(2025-01-20)", 1),
            ("day(2025-01-20)", 20),
            ("weekday(2025-01-20)", "Monday"),
            ("weekday(2025-10-16)", "Thursday"),
            ("date(2025, 2, 28)", dt.date(2025, 2, 28)),
            ("duration(8, 'months')", Duration(months=dec(8))),
            ("duration(90, 'minute')", Duration(seconds=dec(5400))),
        ],
    )
    def test_builtin(self, text, expected):
        assert run(text) == expected

    def test_claim_functions(self):
        claim = duration_claim("nearly 2.5 hours", Duration(seconds=dec(9000)), hedge=_hedge("at_most"))
        assert run("value(c)", c=claim) == Duration(seconds=dec(9000))
        assert run("hedge(c)", c=claim) == "at_most"

    def test_registry_rejects_duplicates(self):
        import factcheck.language.functions  # noqa: F401  (every function registered)
        from factcheck.language.registry import register

        with pytest.raises(RuntimeError, match="declared twice"):
            register("len(x: string) -> number")(lambda x: x)
        with pytest.raises(RuntimeError, match="declared twice"):
            register("count(x: string) -> number")(lambda x: x)


def _hedge(name):
    from factcheck.values import Hedge

    return Hedge(name)


class TestRuntimeErrors:
    @pytest.mark.parametrize(
        ("text", "message", "column"),
        [
            ("n / 0", "division by zero in 'n / 0'", 1),
            ("1 + n / (n - n)", "division by zero in 'n / (n - n)'", 5),
            ("dur / (dur - dur)", "division by zero", 1),
            ("date(2025, 2, n * 10)", "date(): day is out of range for month", 1),
            ("date(2025, 1.5, 1)", "month must be a whole number", 1),
            ("duration(n, 'parsecs')", "unknown duration unit 'parsecs'", 1),
            ("xs[n / 2]", "list index 1.5 is not a whole number", 4),
        ],
    )
    def test_errors(self, text, message, column):
        with pytest.raises(EvaluationError) as info:
            run(text, n=dec(3), dur=Duration(days=dec(1)), xs=XS)
        assert message in info.value.message
        assert info.value.location.column == column

    def test_missing_variable(self):
        expr = compile_expression("n + 1", StringLocator("n + 1"), ENV)
        with pytest.raises(EvaluationError, match="no value given for variable 'n'"):
            expr.evaluate({})


class TestCostBound:
    def test_nested_loops_exceed_the_bound(self):
        text = "count(x in xs: count(y in xs: x == y) > 0)"
        expr = compile_expression(text, StringLocator(text), ENV)
        xs = [Decimal(i) for i in range(400)]
        assert expr.evaluate({"xs": xs[:100]}) == 100  # 100 + 100*100 steps: within the bound
        with pytest.raises(EvaluationError, match="cost bound of 100,000 steps") as info:
            expr.evaluate({"xs": xs})  # 400 + 400*400 steps
        assert info.value.location.column == 16  # the inner loop that crossed the line

    def test_function_calls_count(self):
        text = "sum(x in xs: abs(x))"
        expr = compile_expression(text, StringLocator(text), ENV)
        xs = [Decimal(1)] * 60
        assert expr.evaluate({"xs": xs}, EvalContext(cost_limit=120)) == 60
        with pytest.raises(EvaluationError, match="cost bound of 100 "):
            expr.evaluate({"xs": xs}, EvalContext(cost_limit=100))

    def test_the_bound_is_per_evaluation(self):
        text = "count(x in xs: true)"
        expr = compile_expression(text, StringLocator(text), ENV)
        ctx = EvalContext(cost_limit=10)
        for _ in range(5):
            assert expr.evaluate({"xs": XS * 3}, ctx) == 9


def test_constant_folding():
    from factcheck.language.checker import check
    from factcheck.language.compiler import Compiler
    from factcheck.language.parser import parse_expression

    text = "n * (2 * 3 + 1) + len([1, 2])"
    tree = parse_expression(text, StringLocator(text))
    compiler = Compiler(text, StringLocator(text), ENV, check(tree, ENV, StringLocator(text)))
    code = compiler.compile(tree.left.right)
    assert code.const and code.value == 7
    assert compiler.compile(tree.right).const
    assert not compiler.compile(tree).const
    assert run(text, n=dec(2)) == 16


def test_values_of_unordered_types_are_an_error_not_a_crash():
    """Through `any`, money against a number is an evaluation error with the expression's position;
    a percentage against a plain number is read in percent, as the checker allows."""
    from factcheck.language import TypeEnv
    from factcheck.values import Duration, Percent

    env = TypeEnv({"x": "any", "y": "any"})
    assert run("x < y", env=env, x=Percent(dec(30)), y=Percent(dec(40))) is True
    assert run("x < y", env=env, x=Percent(dec(30)), y=dec(31)) is True
    with pytest.raises(EvaluationError, match="cannot order number and money"):
        run("x > y", env=env, x=dec(1), y=Money(dec(5), "USD"))
    with pytest.raises(EvaluationError, match="cannot order percent and duration"):
        run("x > y", env=env, x=Percent(dec(1)), y=Duration(days=dec(5)))
    assert run("x < y", env=env, x=dec(1), y=2) is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25% > 20", True),          # a plain number beside a percentage is read in percent
        ("0.5% < 1", True),
        ("20 >= 25%", False),
        ("12% ~ 12.3", False),       # two plain values: no rounding between them
        ("12% ~ 12.3 within 1", True),
        ("12% ~ 12.3 within 5%", True),
        ("12.3 !~ 12%", True),
        ("10% * 50 < 10%", True),    # in arithmetic a percentage stays a share: 5 < 10%
    ],
)
def test_a_percentage_compares_with_a_plain_number_in_percent(text, expected):
    assert run(text) is expected


def test_a_stated_percentage_claim_compares_with_a_computed_change():
    from factcheck.claims.model import Claim
    from factcheck.language import TypeEnv
    from factcheck.spans import Span
    from factcheck.values import Hedge

    stated = Claim("percent", "12 pct", Span(0, 6), Percent(dec(12)), "%", Hedge.EXACT, Percent(dec(1)), {})
    env = TypeEnv.standard({"p": "claim<percent>", "n": "number"})
    assert run("p ~ n", env=env, p=stated, n=dec("12.4")) is True   # "12 pct" covers 11.5 to 12.5
    assert run("p ~ n", env=env, p=stated, n=dec("12.6")) is False
    assert run("p < n", env=env, p=stated, n=dec(13)) is True
    with pytest.raises(ExpressionTypeError, match="operator '==' cannot apply to percent and number"):
        compile_expression("p == n", StringLocator("p == n"), env)
