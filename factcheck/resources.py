"""Where the package's data files live, installed or in a source checkout.

The wheel installs the top-level ``grammars/`` directory as ``factcheck/grammars/`` and ``rules/`` as
``factcheck/default_rules/``; in a source tree they sit beside the ``factcheck`` package. Every
lookup tries the installed place first, then the source tree.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


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
