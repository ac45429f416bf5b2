"""Compiling comparison chains (``== != < <= > >= in not in``) and describing approximate
comparisons for traces."""

from __future__ import annotations

import datetime as dt
import operator
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim
from factcheck.language import ast
from factcheck.language import types as T
from factcheck.language.approx import Interval
from factcheck.language.code import RUNTIME_ERRORS, Code, NodeCompiler, binary_closure
from factcheck.language.formatting import format_value
from factcheck.language.operators import ORDER_OPS
from factcheck.values import SECONDS_PER_DAY, Duration

_FAST = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def _contains(a: Any, b: Any) -> bool:
    return a in b


def _not_contains(a: Any, b: Any) -> bool:
    return a not in b


def _pair_impl(op: str, left: T.Type, right: T.Type) -> Any:
    if op == "==":
        return operator.eq
    if op == "!=":
        return operator.ne
    if op == "in":
        return _contains
    if op == "not in":
        return _not_contains
    if left.name == right.name and left.name in ("number", "date", "string", "duration", "time"):
        return _FAST[op]
    return ORDER_OPS[op]


def compile_compare(compiler: NodeCompiler, node: ast.Compare) -> Code:

    codes, types = [], []
    for i, operand in enumerate(node.operands):
        t = compiler.type_of(operand)
        # A claim on the left of `in` a list of claims stays a claim; elsewhere it is its value.
        keep_claim = (
            t.is_claim
            and i + 1 < len(node.operands)
            and node.ops[i] in ("in", "not in")
            and compiler.type_of(node.operands[i + 1]).name == "list"
            and compiler.type_of(node.operands[i + 1]).elem.is_claim
        )
        codes.append(compiler.compile(operand) if keep_claim else compiler.value(operand))
        types.append(t if keep_claim else compiler.view(t))
    fns = [c.fn for c in codes]
    impls = [_pair_impl(op, a, b) for op, a, b in zip(node.ops, types, types[1:], strict=False)]
    null_aware = [op in ("==", "!=") for op in node.ops]
    nullable = any(t.maybe_null for t in types)
    trace, fail = compiler.trace, compiler.fail

    if len(impls) == 1 and not trace:
        run = binary_closure(impls[0], fns[0], fns[1], nulls_pass=not nullable or null_aware[0],
                             fail=lambda error: fail(node, error))
        return compiler.fold(node, Code(run), codes)

    def run_chain(f: dict) -> Any:
        left = fns[0](f)
        values = [left]
        result: bool | None = True
        for impl, fn, aware in zip(impls, fns[1:], null_aware, strict=False):
            right = fn(f)
            values.append(right)
            if not aware and (left is None or right is None):
                result = None
            else:
                try:
                    ok = impl(left, right)
                except RUNTIME_ERRORS as error:
                    raise fail(node, error) from None
                if not ok:
                    result = False
                    break
            left = right
        if trace:
            parts = [format_value(values[0])]
            for op, value in zip(node.ops, values[1:], strict=False):
                parts.append(f"{op} {format_value(value)}")
            compiler.record(f, node, result, " ".join(parts))
        return result

    return compiler.fold(node, Code(run_chain), codes)


def _axis_text(value: Decimal, sample: Any) -> str:
    if value.is_infinite():
        return "-inf" if value < 0 else "+inf"
    if isinstance(sample, Duration):
        days = value / SECONDS_PER_DAY
        if abs(days) >= 2:
            return f"{_round(days)} days"
        return f"{_round(value / 3600)} hours"
    if isinstance(sample, dt.date):
        whole = int(value)
        try:
            return dt.date.fromordinal(whole).isoformat() if whole == value else f"day {_round(value)}"
        except ValueError:
            return str(value)
    return _round(value)


def _round(value: Decimal) -> str:
    text = format(value.quantize(Decimal("0.01")), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _side(operand: Any, interval: Interval | None) -> str:
    sample = operand.value if isinstance(operand, Claim) else operand
    if isinstance(operand, Claim):
        head = f"{format_value(operand)} ({format_value(sample)}, {operand.hedge.value}"
        if operand.precision is not None:
            head += f", precision {format_value(operand.precision)}"
        head += ")"
    else:
        head = format_value(operand)
    if interval is None:
        return f"{head} → unknown"
    left = "(" if interval.lo_open else "["
    right = ")" if interval.hi_open else "]"
    return f"{head} → {left}{_axis_text(interval.lo, sample)}, {_axis_text(interval.hi, sample)}{right}"


def approx_detail(a: Any, b: Any, tolerance: Any, ia: Interval | None, ib: Interval | None) -> str:
    """``left → [lo, hi] vs right → [lo, hi] (tolerance 10%)`` for a trace."""
    text = f"{_side(a, ia)} vs {_side(b, ib)}"
    return text + (f" (tolerance {format_value(tolerance)})" if tolerance is not None else "")
