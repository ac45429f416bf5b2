"""The dataclass methods compiled with the package (factcheck.startup.methods): every class of the
package gets them from the generated module, each is the function ``exec`` would have made from the
same text, and anything else (a text not generated, a class outside the package) is executed as
``dataclasses`` always did."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path
from types import FunctionType, ModuleType

import pytest

from factcheck.startup import methods

MISSES = textwrap.dedent("""
    import importlib, pkgutil, factcheck
    from factcheck.startup import methods
    made, missed = [], []
    def counting(source, globals=None, locals=None, /, **options):
        if str((globals or {}).get("__name__", "")).startswith("factcheck."):
            (made if source in methods._factories() else missed).append(source)
        return methods._run_text(source, globals, locals, **options)
    import dataclasses
    dataclasses.exec = counting
    for module in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if not module.name.startswith("factcheck.startup.generated"):
            try:
                importlib.import_module(module.name)
            except ImportError:
                pass
    print(len(made), len(missed))
    print("\\n\\n".join(missed))
""")


def test_every_class_of_the_package_gets_its_methods_compiled() -> None:
    """The suite's set-up generated the module from this checkout: no method of any of the
    package's dataclasses is compiled when its modules are imported."""
    out = subprocess.run([sys.executable, "-c", MISSES], capture_output=True, text=True, check=True).stdout
    counts, _, missed = out.partition("\n")
    made, missing = map(int, counts.split())
    assert made > 400
    assert missing == 0, missed


def _made_by_exec(text: str, namespace: dict) -> FunctionType:
    found: dict = {}
    exec(compile(text, "<string>", "exec", dont_inherit=True), namespace, found)
    return found["__create_fn__"]


def test_a_generated_method_is_the_one_exec_makes_from_its_text() -> None:
    factories = methods._factories()
    assert factories, "the dataclass methods were not generated"
    namespace = {"__name__": "factcheck.example", "__builtins__": __builtins__}
    for text, factory in factories.items():
        expected = _made_by_exec(text, namespace).__code__
        inner = next(const for const in expected.co_consts if hasattr(const, "co_code"))
        generated = next(const for const in factory.__code__.co_consts if hasattr(const, "co_code"))
        assert (generated.co_code, generated.co_names, generated.co_varnames, generated.co_name) == \
               (inner.co_code, inner.co_names, inner.co_varnames, inner.co_name), text
        assert factory.__code__.co_varnames == expected.co_varnames


def test_a_class_of_the_package_behaves_as_a_plain_dataclass() -> None:
    from factcheck.spans import Span

    made = Span(2, 5)
    assert made == Span(2, 5) and made != Span(2, 6) and hash(made) == hash(Span(2, 5))
    assert repr(made) == "Span(start=2, end=5)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 3  # type: ignore[misc]
    assert Span.__init__.__qualname__ == "Span.__init__"
    assert Span.__init__.__globals__ is sys.modules["factcheck.spans"].__dict__


def _module(monkeypatch: pytest.MonkeyPatch, name: str, source: str) -> dict:
    """A module ``name`` made from ``source`` (without this module's ``__future__`` flags)."""
    module = ModuleType(name)
    monkeypatch.setitem(sys.modules, name, module)
    exec(compile(source, name, "exec", dont_inherit=True), module.__dict__)
    return module.__dict__


def test_a_text_not_generated_is_executed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A class edited since the build writes a text the module does not hold: it is compiled."""
    monkeypatch.setattr(methods, "_compiled", {})
    namespace = _module(monkeypatch, "factcheck.edited", "from dataclasses import dataclass\n"
                        "@dataclass(frozen=True)\nclass Edited:\n    x: int\n    y: str = 'a'\n")
    edited = namespace["Edited"]
    assert edited(1) == edited(1, "a") and repr(edited(2, "b")) == "Edited(x=2, y='b')"
    assert edited.__init__.__annotations__ == {"x": int, "y": str, "return": None}


def test_a_class_outside_the_package_is_left_to_dataclasses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its methods are compiled as without the package, its annotations evaluated as written
    (this module's ``from __future__ import annotations`` is not passed on to the text)."""
    looked_up: list[str] = []
    monkeypatch.setattr(methods, "_factories", lambda: looked_up.append("x") or {})

    @dataclasses.dataclass
    class Outside:
        x: int

    assert looked_up == [] and Outside(1) == Outside(1)
    namespace = _module(monkeypatch, "elsewhere.typed", "from dataclasses import dataclass\n"
                        "@dataclass\nclass Typed:\n    x: int\n")
    assert namespace["Typed"].__init__.__annotations__ == {"x": int, "return": None}


def test_a_damaged_generated_module_is_not_used(tmp_path: Path) -> None:
    package = tmp_path / "factcheck" / "startup" / "generated"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "methods.py").write_text("FACTORIES = {\n")  # not Python
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import factcheck.startup.generated as g; "
             f"g.__path__.insert(0, {str(package)!r}); "
             "from factcheck.spans import Span; from factcheck.startup import methods; "
             "print(methods._factories() == {}, Span(1, 2) == Span(1, 2))")
    out = subprocess.run([sys.executable, "-c", probe, str(Path(methods.__file__).parents[2])],
                         capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True"]


def test_the_written_module_holds_only_texts_that_define_one_function(tmp_path: Path) -> None:
    texts = ["def __create_fn__(a, b):\n def __init__(self, x):\n  self.x = x\n return __init__",
             "def __create_fn__(a=print('ran')):\n pass",  # a default runs when defined: left out
             "import os\ndef __create_fn__():\n pass"]  # more than one statement: left out
    path = methods.write(tmp_path, stamp="abc", collect_texts=lambda: texts)
    namespace: dict = {}
    exec(path.read_text(), namespace)
    assert list(namespace["FACTORIES"]) == texts[:1]
    assert methods.stamp_of(tmp_path) == "abc"
