"""factcheck: extract claims from prose and check them against declarative rules and reference facts.

The Python API (``factcheck.check``, ``extract``, ``check_files``, ``load``, ``position``;
``docs/api.md``) lives in :mod:`factcheck.api` and is imported on first use, so ``import factcheck``
(and the command line's start-up) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.startup import deferred

deferred.defer("inspect")  # before `dataclasses` imports it, for one call a run does not make

from factcheck.startup import methods  # noqa: E402 (after the line above)

methods.install()  # before any of the package's dataclasses is made: their methods come compiled

__version__ = "0.1.0"

_API = ("Checker", "check", "check_files", "document", "extract", "load", "position")

if TYPE_CHECKING:
    from factcheck.api import Checker, check, check_files, document, extract, load, position

__all__ = ["Checker", "__version__", "check", "check_files", "document", "extract", "load", "position"]


def __getattr__(name: str) -> Any:
    if name in _API:
        from factcheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
