"""The methods ``dataclasses`` writes for the package's classes, compiled once, with the package.

For each dataclass, ``dataclasses`` writes the source of its ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` (and ``__setattr__`` / ``__delattr__`` when frozen) and compiles each with ``exec``:
about 550 compilations when a run imports the package, a fifth of a warm one-article run.

The build (:func:`write`) imports every module of the package in a fresh process, keeps each source
text ``dataclasses`` executes for a class of the package, and writes the texts, verbatim, into one
generated module (``startup/generated/methods.py``) that Python compiles to bytecode with the rest
of the package. :func:`install` (``factcheck/__init__.py``) gives the ``dataclasses`` module an
``exec`` of its own: for a text written for a class of the package it makes the function the text
defines from that text's already compiled code, with the globals the text would have run in; any
other text (a class edited since the build, another Python's ``dataclasses`` writing a different
text, a class outside the package, every ``exec`` while the build collects) is executed as before.
Keyed by the whole text, the generated module can only be missing entries, never wrong: a stale one
is slower, not different. It is code shipped in the package, like any other module, and nothing is
read from a cache directory.
"""

from __future__ import annotations

import builtins
import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import FunctionType
from typing import Any

NAME = "methods"  # startup/generated/methods.py
_DEFINED = "__create_fn__"  # the one function each text of ``dataclasses`` defines
_COLLECTING = "FACTCHECK_COLLECTING_METHODS"
_exec = builtins.exec
_compiled: dict[str, FunctionType] | None = None
_recorded: list[str] | None = None  # set only in the build's collecting process


def install() -> None:
    """Route ``dataclasses``' ``exec`` through :func:`_run_text` (once; nothing if something else did)."""
    if "exec" not in vars(dataclasses):
        dataclasses.exec = _run_text  # type: ignore[attr-defined]


def _run_text(source: Any, globals: Any = None, locals: Any = None, /, **options: Any) -> None:
    """``exec(source, globals, locals)`` as ``dataclasses`` calls it, from compiled code when the
    package's build compiled this very text for one of the package's classes."""
    if (type(source) is str and type(globals) is dict and type(locals) is dict and not options
            and str(globals.get("__name__", "")).startswith("factcheck.") and "__builtins__" in globals):
        if _recorded is not None:
            _recorded.append(source)
        else:
            factory = _factories().get(source)
            if factory is not None:
                locals[_DEFINED] = FunctionType(factory.__code__, globals, _DEFINED)
                return
    if isinstance(source, str | bytes):  # compiled without this module's `from __future__` flags,
        source = compile(source, "<string>", "exec", dont_inherit=True)  # as in dataclasses itself
    _exec(source, globals, locals, **options)


def _factories() -> dict[str, FunctionType]:
    global _compiled
    if _compiled is None:
        _compiled = {}
        if not os.environ.get(_COLLECTING):
            try:
                from factcheck.startup.generated import methods

                if isinstance(methods.FACTORIES, dict):
                    _compiled = methods.FACTORIES
            except Exception:  # missing or damaged: every text is compiled, as without this module
                pass
    return _compiled


# -- the build --------------------------------------------------------------------------------------
def collect() -> list[str]:
    """Every text ``dataclasses`` executes while each of the package's modules is imported (the
    build's collecting process: nothing of the package may be imported before this is called)."""
    global _recorded
    _recorded = []
    import_all()
    return list(dict.fromkeys(_recorded))


def import_all() -> None:
    """Import every module of the package but the generated ones (the build's collecting processes)."""
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages([str(Path(__file__).resolve().parents[1])], "factcheck."):
        if not module.name.startswith("factcheck.startup.generated"):
            try:
                importlib.import_module(module.name)
            except ImportError as error:  # an optional extra the build lacks (lsp, dask)
                if (error.name or "").partition(".")[0] == "factcheck":
                    raise


def _collect_in_fresh_process() -> list[str]:
    import json
    import subprocess

    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, _COLLECTING: "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", "import json, factcheck.startup.methods as m; "
                           "print(json.dumps(m.collect()))"], env=env, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def _defines_one_function(text: str) -> bool:
    """Whether running ``text`` does nothing but define :data:`_DEFINED`, with no default, annotation
    or decorator evaluated as it is defined: then making the function from its code is all it does."""
    import ast

    try:
        (statement,) = ast.parse(text).body
    except (SyntaxError, ValueError):
        return False
    arguments = getattr(statement, "args", None)
    return (isinstance(statement, ast.FunctionDef) and statement.name == _DEFINED
            and not statement.decorator_list and statement.returns is None and arguments is not None
            and not (arguments.defaults or arguments.kw_defaults or arguments.posonlyargs
                     or arguments.kwonlyargs or arguments.vararg or arguments.kwarg)
            and all(argument.annotation is None for argument in arguments.args))


def write(directory: Path, *, stamp: str | None,
          collect_texts: Callable[[], list[str]] = _collect_in_fresh_process) -> Path:
    """Write ``directory/methods.py``: each collected text, then its function under its text.
    ``stamp`` is the code it was collected from (an editable checkout's, to know when to refresh)."""
    texts = [text for text in collect_texts() if _defines_one_function(text)]
    lines = ['"""Generated by hatch_build.py (factcheck.startup.methods): do not edit."""',
             "# The methods dataclasses writes for the package's classes, each under its exact text.",
             f"STAMP = {stamp!r}", "FACTORIES = {}"]
    for text in texts:
        lines += [text, f"FACTORIES[{text!r}] = {_DEFINED}"]
    lines.append(f"del {_DEFINED}" if texts else "")
    path = directory / f"{NAME}.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import py_compile

    py_compile.compile(str(path), doraise=True)  # also checks that it is valid Python
    return path


def stamp_of(directory: Path) -> str | None:
    """The code stamp the generated module in ``directory`` was collected from, or None."""
    import ast

    path = directory / f"{NAME}.py"
    try:
        with path.open(encoding="utf-8") as handle:
            handle.readline()
            handle.readline()
            return ast.literal_eval(handle.readline().removeprefix("STAMP = "))
    except (OSError, ValueError, SyntaxError):
        return None
