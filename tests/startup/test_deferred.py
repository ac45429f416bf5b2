"""Standard-library modules deferred until first used: ``inspect`` stands in until an attribute is
asked of it, then is the real module, and a module already imported is left alone."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from factcheck.startup import deferred

PROBE = textwrap.dedent("""
    import sys
    import factcheck
    print(type(sys.modules["inspect"]).__name__, "ast" in sys.modules)
    from dataclasses import dataclass

    @dataclass
    class NoDocstring:
        count: int
        name: str = "x"

    print(NoDocstring.__doc__)  # dataclasses asks inspect for the signature: the real module loads
    print(type(sys.modules["inspect"]).__name__, "ast" in sys.modules)
    import inspect
    from inspect import signature
    print(signature(len), inspect.isfunction(signature), inspect.signature is signature)
""")


def test_inspect_stands_in_until_used_then_is_the_real_module() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [
        "_Deferred False",
        "NoDocstring(count: int, name: str = 'x')",
        "module True",
        "(obj, /) True True",
    ]


def test_a_module_already_imported_is_left_alone() -> None:
    import inspect

    deferred.defer("inspect")
    assert sys.modules["inspect"] is inspect


def test_a_deferred_module_loads_on_first_attribute() -> None:
    name = "colorsys"
    saved = sys.modules.pop(name, None)
    try:
        deferred.defer(name)
        stand_in = sys.modules[name]
        assert type(stand_in).__name__ == "_Deferred"
        assert stand_in.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)  # read through to the real module
        assert type(sys.modules[name]).__name__ == "module" and sys.modules[name] is not stand_in
        assert "hsv_to_rgb" in dir(stand_in)
    finally:
        sys.modules.pop(name, None)
        if saved is not None:
            sys.modules[name] = saved
