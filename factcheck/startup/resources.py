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


def load_grammar(name: str, **options: Any) -> Lark:
    """A lark parser for grammar ``name``, loaded from an on-disk cache when one matches.

    Building an LALR table costs tens of milliseconds, a large share of a one-article run; the
    cache file is keyed by the grammar text, the options and lark's version, and lives in the user
    cache directory (``$XDG_CACHE_HOME/factcheck``). Without a writable cache it builds in memory.
    """
    import lark

    text = grammar_path(name).read_text(encoding="utf-8")
    key = "\0".join((lark.__version__, text, repr(sorted(options.items()))))
    digest = f"{zlib.crc32(key.encode()):08x}{len(key):x}"
    directory = cache_dir()
    cache: str | bool = str(directory / f"{Path(name).stem}-{digest}.lark-cache") if directory else False
    return lark.Lark(text, cache=cache, **options)


def cache_dir() -> Path | None:
    """The user cache directory for parser tables and parsed rules, or None if not writable."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "factcheck"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


@cache
def code_stamp() -> str:
    """A digest of the package's own code (each module's path, size and modification time).

    Every start-up cache includes it in its key, so a cache written by other code -- an upgrade, or
    an edit in a checkout -- is never read back into classes that may have changed shape.
    """
    entries = []
    for directory, _, files in os.walk(_PACKAGE_DIR):
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
