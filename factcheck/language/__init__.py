"""The rule language: a small typed, side-effect-free expression language (see
``docs/rule-language.md``).

Text is parsed with the lark grammar ``grammars/rule.lark``, type-checked against a
:class:`TypeEnv` when a rule loads, and compiled to Python closures. Errors carry the location that
the caller's :class:`Locator` gives for an offset in the expression text.

Usage::

    from factcheck.language import (EvalContext, StringLocator, TypeEnv, compile_bindings,
                                    compile_expression, compile_template)

    env = TypeEnv.standard()
    text = "c in claims.event_count"
    bindings = compile_bindings(text, StringLocator(text), env)      # [Binding("c", ...)]
    env = env.extend({b.name: b.expression.type.elem for b in bindings})
    text = "let t = timeline(c) in t != null and count(t.events) >= c.ordinal"
    check = compile_expression(text, StringLocator(text), env, expect="bool")
    message = compile_template("the timeline has {count(t.events)} calls",
                               StringLocator("..."), env.extend(check.let_types))

    ctx = EvalContext(document, claims, facts)                       # once per document
    for claim in bindings[0].expression.evaluate({}, ctx):
        ok, lets = check.evaluate_with_lets({"c": claim}, ctx)      # True / False / None (undecided)
        if ok is False:
            text = message.render({"c": claim, **lets}, ctx)
            value, steps = check.trace({"c": claim}, ctx)           # evidence: [TraceEntry, ...]
"""

from factcheck.language.compiler import TraceEntry
from factcheck.language.env import TypeEnv
from factcheck.language.expression import Binding, CompiledExpression, compile_bindings, compile_expression
from factcheck.language.formatting import format_value
from factcheck.language.functions import FUNCTIONS, Function
from factcheck.language.locator import Locator, StringLocator
from factcheck.language.runtime import DEFAULT_COST_LIMIT, EvalContext
from factcheck.language.templates import Template, compile_template
from factcheck.language.types import Type, parse_type

__all__ = [
    "DEFAULT_COST_LIMIT",
    "FUNCTIONS",
    "Binding",
    "CompiledExpression",
    "EvalContext",
    "Function",
    "Locator",
    "StringLocator",
    "Template",
    "TraceEntry",
    "Type",
    "TypeEnv",
    "compile_bindings",
    "compile_expression",
    "compile_template",
    "format_value",
    "parse_type",
]
