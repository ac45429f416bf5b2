"""Benchmark: our compiled rule expressions against rule-engine and cel-python.

Run from the repository root: ``.venv/bin/python benchmarks/rule_eval.py``. rule-engine and
cel-python are imported here only (they are not dependencies of factcheck).
"""

from __future__ import annotations

import subprocess
import sys
import timeit
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXPRESSION = "count <= months * 4 and months <= elapsed + 0.5"
VALUES = {"count": 8, "months": 8, "elapsed": 9}
NUMBER = 20_000


def per_call_us(fn, number: int = NUMBER) -> float:
    best = min(timeit.repeat(fn, number=number, repeat=5))
    return best / number * 1e6


def cold_ms(use_cache: bool) -> tuple[float, float, float]:
    """In a fresh interpreter: (import factcheck.language, import lark, build the parser) in ms."""
    code = (
        "import time; t0 = time.perf_counter();"
        "import factcheck.language.parser as p; t1 = time.perf_counter();"
        "import lark; t2 = time.perf_counter();"
        "p.get_parser(); t3 = time.perf_counter();"
        "print((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000)"
    )
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                             check=True, env={"PYTHONPATH": str(ROOT),
                                              **({} if use_cache else {"FACTCHECK_NO_CACHE": "1"})}).stdout
        runs.append(tuple(float(x) for x in out.split()))
    return min(runs, key=lambda r: r[2])


def main() -> None:
    from factcheck.language import StringLocator, TypeEnv, compile_expression

    env = TypeEnv({name: "number" for name in VALUES})
    ours = compile_expression(EXPRESSION, StringLocator(EXPRESSION), env, expect="bool")
    our_scope = {k: Decimal(v) for k, v in VALUES.items()}
    results = {"factcheck": per_call_us(lambda: ours.evaluate(our_scope))}
    assert ours.evaluate(our_scope) is True

    import rule_engine

    rule = rule_engine.Rule(EXPRESSION)
    assert rule.matches(VALUES) is True
    results["rule-engine"] = per_call_us(lambda: rule.matches(VALUES))

    try:
        import celpy

        cel_env = celpy.Environment()
        program = cel_env.program(cel_env.compile("count <= months * 4.0 && months <= elapsed + 0.5"))
        activation = {k: celpy.celtypes.DoubleType(v) for k, v in VALUES.items()}
        assert bool(program.evaluate(activation)) is True
        results["cel-python"] = per_call_us(lambda: program.evaluate(activation), number=2_000)
    except ImportError:  # pragma: no cover - optional
        pass

    print(f"expression: {EXPRESSION}")
    for name, us in results.items():
        speedup = "" if name == "factcheck" else f"  (factcheck is {us / results['factcheck']:.1f}x faster)"
        print(f"{name:12s} {us:8.2f} µs per evaluation{speedup}")
    for label, use_cache in (("lark cache warm", True), ("no cache", False)):
        imports, lark_import, build = cold_ms(use_cache)
        print(f"cold, {label:15s}: import factcheck.language {imports:6.1f} ms (lark already imported by "
              f"it: +{lark_import:.1f} ms), build parser {build:6.1f} ms")


if __name__ == "__main__":
    main()
