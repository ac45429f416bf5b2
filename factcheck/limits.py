"""Every bound factcheck puts on what an input may cost, in one place.

Text nobody vetted is read in CI on shared runners, so each way an input could make a run crash,
stall or exhaust memory has a limit here, and each limit has one clear outcome past it (a finding for
that document, or a usage error for a rule or configuration file). ``docs/reliability.md`` lists
them with what happens past each; keep the two in step.
"""

from __future__ import annotations

MAX_NUMBER_DIGITS = 24
"""Digits in one number (before any decimal point): a 25-digit figure is not read as a number but
reported as an input warning at its position. Quadrillions and sextillions still fit."""

MAX_NUMBER_MAGNITUDE = 10**MAX_NUMBER_DIGITS
"""The largest value a number (in digits or words, "a million million million...") may have."""

MAX_JSON_DEPTH = 64
"""Nesting of arrays and objects in one JSONL record; a deeper record is an input error at the
bracket that goes too deep (Python's own parser would fail with a RecursionError near 1,000)."""

MAX_FRONT_MATTER_VALUES = 10_000
"""Values in a front-matter block *after* YAML aliases are expanded (a "billion laughs" block of a
few hundred bytes expands to millions); past it the document is an input error at the block."""

MAX_FRONT_MATTER_DEPTH = 32
"""Nesting of lists and mappings in front matter."""

MAX_EXPRESSION_DEPTH = 100
"""Nesting of brackets in one rule expression; deeper is a rule load error (exit 2) at the bracket."""

MAX_SYNTAX_DEPTH = 200
"""Nesting of the syntax tree of one rule expression (operators, ``not``, ``if``, ``let``, calls,
brackets): a chain of 300 ``and`` nests 300 deep. Deeper is a rule load error (exit 2) at the
operator that goes too deep, the same on every stack: the tree is checked, compiled and evaluated
recursively, and Python's recursion limit would otherwise fail somewhere past 300 levels."""

RULE_COST_BUDGET = 2_000_000
"""Steps one rule may spend on one document: binding combinations, loop iterations, function calls
and allocated list items or string characters, summed over all its evaluations. Past it the rule
stops on that document with a ``factcheck/rule-error`` finding; the other rules still run."""

DEFAULT_TIMEOUT = 30.0
"""Seconds one document may take (extraction and every rule), as Semgrep's default per file. Past it
the document's finished rules are kept and the rest reported as a ``factcheck/input-error``."""
