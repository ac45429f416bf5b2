"""Standard-library modules that start-up imports but a run does not use, loaded when first used.

``dataclasses`` imports :mod:`inspect` for one call (``inspect.signature``, for a class that has no
docstring), and ``inspect`` imports ``ast``, ``dis``, ``tokenize`` and ``linecache``: about 5 ms of
a one-article run, spent on modules the run never touches. :func:`defer` puts a stand-in in
``sys.modules`` in their place (as Mercurial's demand importer does): ``import inspect`` binds the
stand-in, and the first attribute asked of it imports the real module, which replaces the
stand-in in ``sys.modules`` and answers that and every later question (attributes are read
through to the real module, so it sees what is set on that module later). A module already
imported, by the program or a library before ``factcheck``, is left as it is.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any


class _Deferred(ModuleType):
    """Stands in for a module until one of its attributes is asked for."""

    def __getattr__(self, name: str) -> Any:  # only for what the stand-in itself does not hold
        return getattr(load(self.__name__), name)

    def __dir__(self) -> list[str]:
        return dir(load(self.__name__))


def defer(name: str) -> None:
    """Import the module ``name`` only when first used (nothing if it is imported already)."""
    if name not in sys.modules:
        sys.modules[name] = _Deferred(name)


def load(name: str) -> ModuleType:
    """The real module ``name``, imported now if only its stand-in was."""
    if isinstance(sys.modules.get(name), _Deferred):
        del sys.modules[name]
    return importlib.import_module(name)
