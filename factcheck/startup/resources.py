"""Where the package's data files live, installed or in a source checkout.

The wheel installs the top-level ``grammars/`` directory as ``factcheck/grammars/`` and ``rules/`` as
``factcheck/default_rules/``; in a source tree they sit beside the ``factcheck`` package. Every
lookup tries the installed place first, then the source tree.
"""

from __future__ import annotations

import os
import zlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.startup.built import Artefact

if TYPE_CHECKING:
    from lark import Lark

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _find(installed: str, source: str) -> Path:
    for candidate in (_PACKAGE_DIR / installed, _PACKAGE_DIR.parent / source):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"factcheck data directory not found: looked in {_PACKAGE_DIR / installed} "
        f"and {_PACKAGE_DIR.parent / source}"
    )


def grammars_dir() -> Path:
    """The directory holding the ``.lark`` grammars."""
    return _find("grammars", "grammars")


def grammar_path(name: str) -> Path:
    """The path of grammar ``name`` (``"rule.lark"`` or ``"rule"``)."""
    filename = name if name.endswith(".lark") else f"{name}.lark"
    path = grammars_dir() / filename
    if not path.is_file():
        raise FileNotFoundError(f"grammar {filename!r} not found in {path.parent}")
    return path


def rules_dir() -> Path:
    """The directory of the default rule pack."""
    return _find("default_rules", "rules")


# Every grammar the package parses with, and lark's options for it: one table, so the build hook
# generates exactly the parsers the runtime asks for.
GRAMMARS: dict[str, dict[str, Any]] = {
    "rule": {"parser": "lalr", "start": ["start", "bindings"], "propagate_positions": True,
             "maybe_placeholders": True},
    "numbers": {"parser": "lalr", "start": ["cardinal", "ordinal"]},
    "patterns": {"parser": "lalr", "propagate_positions": True, "maybe_placeholders": False},
}


def load_grammar(name: str) -> Lark:
    """The lark parser for grammar ``name`` (a key of :data:`GRAMMARS`).

    Building LALR tables costs tens of milliseconds, a large share of a one-article run. They are
    generated when the package is built (:data:`PREBUILT_GRAMMARS`, lark's own serialized form, see
    :mod:`factcheck.startup.tables`) for the lark that built them; under another lark
    release, or for a grammar edited since, they are kept in the runtime cache instead, keyed by the
    grammar text, the options and lark's version. Tables that do not load are built afresh.
    """
    import lark

    from factcheck.startup import built, cache, tables

    text = grammar_path(name).read_text(encoding="utf-8")
    options = GRAMMARS[name]
    prebuilt = (built.load(PREBUILT_GRAMMARS) or {}).get(name)
    if isinstance(prebuilt, dict) and prebuilt.get("lark") == lark.__version__:
        try:
            return tables.load(prebuilt["tables"])
        except (KeyError, ValueError):
            pass
    key = "\0".join((lark.__version__, text, repr(sorted(options.items()))))
    return cache.load_or_build(f"grammar-{name}", key, lambda: lark.Lark(text, **options),
                               encode=tables.encode, decode=tables.decode)


def _grammar_tables() -> dict[str, Any]:
    """What :data:`PREBUILT_GRAMMARS` holds: each grammar's tables and the lark that built them."""
    import lark

    from factcheck.startup import tables

    return {name: {"lark": lark.__version__,
                   "tables": tables.serialize(lark.Lark(grammar_path(name).read_text(encoding="utf-8"),
                                                        **options))}
            for name, options in GRAMMARS.items()}


def _grammar_files() -> list[Path]:
    return [grammar_path(name) for name in GRAMMARS]


@cache
def code_stamp() -> str:
    """A digest of the package's own code (each module's path, size and modification time).

    Every start-up cache includes it in its key, so a cache written by other code -- an upgrade, or
    an edit in a checkout -- is never read back into classes that may have changed shape. The
    generated start-up data (``startup/generated/``) is not code it was derived from: left out.
    """
    from factcheck.startup.built import DIRECTORY

    entries = []
    for directory, subdirectories, files in os.walk(_PACKAGE_DIR):
        subdirectories[:] = [d for d in subdirectories if Path(directory, d) != DIRECTORY]
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(directory, name))
                entries.append(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return f"{zlib.crc32(chr(10).join(sorted(entries)).encode()):08x}"


def package_stamp(package: str, file: str = "__init__.py") -> str:
    """Size and time of a file of an installed package: which release a cache was built from, known
    without importing the package (or asking ``importlib.metadata``, which costs more)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{package} is not installed")
    stat = (Path(spec.origin).parent / file).stat()
    return f"{stat.st_size:x}-{int(stat.st_mtime):x}"


# The grammars' parser tables, generated by the build hook (factcheck.startup.built).
PREBUILT_GRAMMARS = Artefact("grammars", _grammar_files, _grammar_tables)
