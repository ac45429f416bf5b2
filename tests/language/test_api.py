"""Templates, tracing, let-bound values, for-bindings, fact functions and error locations."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims.model import Claim, ClaimSet
from factcheck.documents.model import Document, OffsetMap
from factcheck.errors import EvaluationError, ExpressionSyntaxError, ExpressionTypeError
from factcheck.facts.memory import MemoryFactBase
from factcheck.facts.model import Entity, Event, FactBase, Period, Source, Timeline
from factcheck.language import (
    EvalContext,
    StringLocator,
    TypeEnv,
    compile_bindings,
    compile_expression,
    compile_template,
    format_value,
)
from factcheck.spans import Span
from factcheck.values import Duration, Hedge

from .helpers import ENV, BlockLocator, dec, duration_claim, ordinal_claim

TEXT = "Trump and Putin spoke on Thursday, their eighth call in just eight months."


def event_count(ordinal: Claim | None, period: Claim | None) -> Claim:
    return Claim("event_count", "their eighth call in just eight months", Span(35, 73), dec(8),
                 fields={"event": "call", "ordinal": ordinal, "count": None, "period": period})


def facts(extra_timeline: bool = False) -> FactBase:
    base = MemoryFactBase()
    calls = tuple(Event(dt.date(2025, m, 10), f"call {m}") for m in range(2, 9))
    items = [
        Entity("trump", "person", "Donald Trump", ("Trump",)),
        Entity("putin", "person", "Vladimir Putin", ("Putin",)),
        Entity("xi", "person", "Xi Jinping", ("Xi",)),
        Period("trump-2", "Trump's second term", dt.date(2025, 1, 20), None, ("second term",),
               Source("whitehouse.gov")),
        Timeline("trump-putin-calls", "Trump–Putin calls", ("trump", "putin"), ("call", "conversation"),
                 calls, Source("kremlin.ru")),
        Timeline("trump-xi-calls", "Trump–Xi calls", ("trump", "xi"), ("call",), calls[:2]),
    ]
    if extra_timeline:
        items.append(Timeline("trump-putin-2", "Other", ("putin", "trump"), ("call",), ()))
    base.add(items)
    return base


def context(extra_timeline: bool = False) -> EvalContext:
    doc = Document("article.md", TEXT, TEXT, OffsetMap.identity(len(TEXT)), "Title", dt.date(2025, 10, 16))
    return EvalContext(doc, ClaimSet([]), facts(extra_timeline))


class TestFacts:
    def test_period(self):
        ctx = context()
        text = "period(\"second term\").start"
        assert compile_expression(text, StringLocator(text), ENV).evaluate({}, ctx) == dt.date(2025, 1, 20)
        text = "period('Trump\\'s second term').source"
        assert compile_expression(text, StringLocator(text), ENV).evaluate({}, ctx) == "whitehouse.gov"
        text = "period('nope') == null"
        assert compile_expression(text, StringLocator(text), ENV).evaluate({}, ctx) is True

    def test_timeline_picks_the_one_whose_participants_are_mentioned(self):
        claim = event_count(ordinal_claim("eighth", 8), None)
        text = "timeline(ec).id"
        expr = compile_expression(text, StringLocator(text), ENV)
        ctx = context()
        assert expr.evaluate({"ec": claim}, ctx) == "trump-putin-calls"
        assert ctx.mentioned_entities == {"trump", "putin"}
        assert expr.evaluate({"ec": claim}, context(extra_timeline=True)) is None  # ambiguous
        text = "count(e in timeline(ec).events: e.date <= doc.date)"
        assert compile_expression(text, StringLocator(text), ENV).evaluate({"ec": claim}, ctx) == 7

    def test_doc_members(self):
        ctx = context()
        for text, expected in [("doc.path", "article.md"), ("doc.date", dt.date(2025, 10, 16)),
                               ("doc.title", "Title"), ("doc.source", "file")]:
            assert compile_expression(text, StringLocator(text), ENV).evaluate({}, ctx) == expected


class TestTemplates:
    def test_render(self):
        env = ENV.extend({"k": "number"})
        text = "{o} is call {k}, {{not}} {o.value + 0.5}; {c}; {doc.date}; {xs}; {m}; {1 > 2}"
        template = compile_template(text, StringLocator(text), env)
        rendered = template.render(
            {"o": ordinal_claim("eighth", 8), "k": dec(7), "c": duration_claim("x", Duration()),
             "xs": [dec(1), dec("2.50")], "m": None},
            context(),
        )
        assert rendered == '"eighth" is call 7, {not} 8.5; "x"; 2025-10-16; 1, 2.5; unknown; false'

    def test_hole_errors_are_located(self):
        text = "the count is {n +} and {nn}"
        with pytest.raises(ExpressionSyntaxError) as info:
            compile_template(text, StringLocator(text), ENV)
        assert info.value.location.column == len("the count is {n +") + 1
        text = "the count is {nn}"
        with pytest.raises(ExpressionTypeError) as info:
            compile_template(text, StringLocator(text), ENV)
        assert info.value.location.column == 15 and info.value.hint == "did you mean 'n'?"

    @pytest.mark.parametrize("text", ["a { b", "a } b", "a {} b"])
    def test_unbalanced(self, text):
        with pytest.raises(ExpressionSyntaxError):
            compile_template(text, StringLocator(text), ENV)

    def test_braces_inside_strings(self):
        text = "{lower('A}B')}"
        assert compile_template(text, StringLocator(text), ENV).render({}) == "a}b"

    def test_format_value(self):
        assert format_value(dec("8.000")) == "8"
        assert format_value(Duration(months=dec(8), days=dec(4))) == "8 months 4 days"
        assert format_value(None) == "unknown"
        assert format_value(dt.date(2025, 1, 2)) == "2025-01-02"


class TestLetsAndTrace:
    def test_let_values_for_messages(self):
        text = "let n = count(x in xs: x > 1), half = n / 2 in n == 5"
        expr = compile_expression(text, StringLocator(text), ENV)
        assert {k: str(v) for k, v in expr.let_types.items()} == {"n": "number", "half": "number"}
        value, lets = expr.evaluate_with_lets({"xs": [dec(1), dec(2), dec(3)]})
        assert value is False and lets == {"n": 2, "half": 1}
        env = ENV.extend(expr.let_types)
        message = compile_template("the timeline has {n} calls", StringLocator(""), env)
        assert message.render(lets) == "the timeline has 2 calls"

    def test_trace_records_comparisons_lets_calls_and_intervals(self):
        claim = duration_claim("nearly two and a half hours", Duration(seconds=dec(9000)),
                               precision=Duration(seconds=dec(1800)), hedge=Hedge.AT_MOST)
        text = "let limit = abs(n) in n <= limit and c ~ 3 hours"
        expr = compile_expression(text, StringLocator(text), ENV)
        value, steps = expr.trace({"n": dec(-2), "c": claim})
        assert value is False and expr.evaluate({"n": dec(-2), "c": claim}) is False
        sources = [s.source for s in steps]
        assert sources == ["abs(n)", "limit", "n <= limit", "c ~ 3 hours"]
        assert steps[0].value == 2 and steps[0].detail == "-2"
        assert steps[2].value is True and steps[2].detail == "-2 <= 2"
        approx = steps[3]
        assert approx.value is False
        assert approx.detail == (
            '"nearly two and a half hours" (2 hours 30 minutes, at_most, precision 30 minutes)'
            " → [2.25 hours, 2.5 hours] vs 3 hours → [3 hours, 3 hours]"
        )

    def test_trace_shows_tolerance(self):
        text = "n ~ 110 within 5%"
        _, steps = compile_expression(text, StringLocator(text), ENV).trace({"n": dec(100)})
        assert steps[0].detail.endswith("(tolerance 5%)")


class TestBindings:
    def test_later_bindings_see_earlier_ones(self):
        text = "a in claims.duration, b in [x in claims.duration where x.start > a.start]"
        bindings = compile_bindings(text, StringLocator(text), TypeEnv.standard())
        assert [b.name for b in bindings] == ["a", "b"]
        assert str(bindings[1].expression.type) == "list<claim<duration>>"
        assert bindings[1].expression.source == "[x in claims.duration where x.start > a.start]"
        one, two = duration_claim("one", Duration(), start=0), duration_claim("two", Duration(), start=10)
        ctx = EvalContext(claims=ClaimSet([one, two]))
        assert bindings[0].expression.evaluate({}, ctx) == [one, two]
        assert bindings[1].expression.evaluate({"a": one}, ctx) == [two]

    def test_binding_must_be_a_list(self):
        text = "a in 3"
        with pytest.raises(ExpressionTypeError, match=r"'a in \.\.\.' needs a list, not number"):
            compile_bindings(text, StringLocator(text), TypeEnv.standard())


RULE_FILE = """\
id: event-count-period
assert: |
  let n = count(e in timeline(c).events: e.date <= doc.date)
  in n == c.ordinal and
     c.period ~ doc.date - period("second term").strat
message: "x"
"""


class TestLocations:
    def block(self) -> tuple[str, BlockLocator]:
        lines = RULE_FILE.splitlines()[2:5]
        text = "\n".join(line[2:] for line in lines)
        return text, BlockLocator("rules/x.yaml", RULE_FILE, 3, 2, text)

    def test_type_error_in_block_scalar(self):
        text, locator = self.block()
        with pytest.raises(ExpressionTypeError) as info:
            compile_expression(text, locator, ENV.extend({"c": "claim<event_count>"}))
        where = info.value.location
        assert (where.path, where.line, where.column, where.length) == ("rules/x.yaml", 5, 50, 5)
        assert info.value.hint == "did you mean 'start'?"
        rendered = str(info.value)
        assert rendered.startswith("rules/x.yaml:5:50: period? has no member 'strat'") or \
            rendered.startswith("rules/x.yaml:5:50: period has no member 'strat'")
        assert "5 |      c.period ~ doc.date - period(\"second term\").strat\n" in rendered
        assert rendered.splitlines()[2] == " " * (4 + 49) + "^^^^^"

    def test_syntax_error_in_block_scalar(self):
        text, locator = self.block()
        text = text.replace("in n ==", "in n = =")
        with pytest.raises(ExpressionSyntaxError) as info:
            compile_expression(text, locator, ENV)
        assert (info.value.location.line, info.value.location.column) == (4, 8)

    def test_runtime_error_location(self):
        text = "1 +\n  n / 0"
        with pytest.raises(EvaluationError) as info:
            compile_expression(text, StringLocator(text), ENV).evaluate({"n": dec(1)})
        assert (info.value.location.line, info.value.location.column, info.value.location.length) == (2, 3, 5)


def test_reference_lists_every_function():
    from pathlib import Path

    from factcheck.language import FUNCTIONS

    path = Path(__file__).resolve().parents[2] / "docs" / "rule-language.md"
    reference = path.read_text(encoding="utf-8")
    for function in FUNCTIONS.values():
        assert f"`{function.signature.replace('|', chr(92) + '|')}`" in reference, function.name
