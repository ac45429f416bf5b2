"""The number functions: interval ends of stated figures, unit conversion, percent ordering."""

from __future__ import annotations

from decimal import Decimal

from factcheck.claims.model import Claim
from factcheck.language import TypeEnv
from factcheck.spans import Span
from factcheck.values import Hedge, Money, Percent

from .helpers import dec, run

ENV = TypeEnv.standard({"p": "claim<percent>", "q": "claim<money>", "n": "number"})


def percent(value: str, precision: str, hedge: Hedge = Hedge.EXACT) -> Claim:
    return Claim("percent", f"{value}%", Span(0, 4), Percent(dec(value)), "%", hedge,
                 Percent(dec(precision)))


def test_low_and_high_follow_rounding_and_hedges() -> None:
    assert run("low(p)", env=ENV, p=percent("30", "1")) == dec("29.5")
    assert run("high(p)", env=ENV, p=percent("2.5", "0.1")) == dec("2.55")
    assert run("high(p)", env=ENV, p=percent("40", "1", Hedge.MORE_THAN)) is None
    assert run("low(p)", env=ENV, p=percent("40", "1", Hedge.APPROX)) == dec("35.5")
    assert run("low(n) == n and high(n) == n", env=ENV, n=dec(7)) is True


def test_low_of_money_is_an_amount() -> None:
    money = Claim("money", "$1.2 billion", Span(0, 12), Money(dec("1200000000"), "USD"), "USD",
                  Hedge.EXACT, Money(dec("100000000"), "USD"))
    assert run("low(q)", env=ENV, q=money) == dec("1150000000")


def test_shares_of_one_whole_in_percent() -> None:
    env = TypeEnv.standard({"c": "claim<any>"})
    third = Claim("number", "a third", Span(0, 7), dec("1") / 3, None, Hedge.EXACT, dec("1") / 3)
    about_half = Claim("number", "about half", Span(0, 10), dec("0.5"), None, Hedge.APPROX, dec("0.5"))
    cents = Claim("money", "62 cents", Span(0, 8), Money(dec("0.62"), "USD"), "USD", Hedge.EXACT,
                  Money(dec("0.01"), "USD"))
    dollars = Claim("money", "$62", Span(0, 3), Money(dec("62"), "USD"), "USD", Hedge.EXACT,
                    Money(dec("1"), "USD"))
    in_digits = Claim("number", "0.5", Span(0, 3), dec("0.5"), None, Hedge.EXACT, dec("0.1"))
    assert run("share_low(c)", env=env, c=percent("30", "1")) == dec("29.5")
    assert round(run("share_low(c)", env=env, c=third), 1) == dec("30.3")
    assert round(run("share_high(c)", env=env, c=third), 1) == dec("36.3")
    assert run("share_high(c)", env=env, c=about_half) == dec("58")
    assert run("share(c)", env=env, c=cents) == dec("62")
    assert run("share_low(c)", env=env, c=cents) == dec("61.5")
    assert run("share(c)", env=env, c=dollars) is None  # a whole dollar amount is no share of one
    assert run("share(c)", env=env, c=in_digits) is None


def test_convert_and_dimension() -> None:
    assert round(run('convert(120, "kilometre", "mile")'), 2) == Decimal("74.56")
    assert run('convert(30, "°C", "°F")') == 86
    assert run('convert(3, "kilometre", "kilogram")') is None
    assert run('convert(3, "parsec-ish", "mile")') is None
    assert run('dimension("miles")') == "length"
    assert run('dimension("nothing")') is None


def test_percentages_order() -> None:
    assert run("30% < 40%") is True
    assert run("sum([10%, 20%]) >= 30%") is True
