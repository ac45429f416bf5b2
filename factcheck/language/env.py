"""Type environments: the names an expression may use, with their types, and the functions."""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.language import types as T
from factcheck.language.functions import FUNCTIONS, Function


class TypeEnv:
    """Variable names and their types, plus the function registry.

    ``TypeEnv.standard()`` has ``doc`` and ``claims``; a rule's ``for`` bindings and let-bound
    names are added with :meth:`extend`. Types may be given written (``"claim<ordinal>?"``)."""

    def __init__(self, variables: Mapping[str, T.Type | str] | None = None,
                 functions: Mapping[str, Function] | None = None) -> None:
        self.variables: dict[str, T.Type] = {
            name: T.parse_type(t) if isinstance(t, str) else t for name, t in (variables or {}).items()
        }
        self.functions: Mapping[str, Function] = FUNCTIONS if functions is None else functions

    @classmethod
    def standard(cls, extra: Mapping[str, T.Type | str] | None = None) -> TypeEnv:
        """The environment every rule expression sees: ``doc`` and ``claims`` (and ``extra``)."""
        return cls({"doc": T.Type("doc"), "claims": T.Type("claims"), **(extra or {})})

    def extend(self, variables: Mapping[str, T.Type | str]) -> TypeEnv:
        """A new environment with more (or shadowing) variables."""
        return TypeEnv({**self.variables, **variables}, self.functions)

    def __contains__(self, name: str) -> bool:
        return name in self.variables

    def __getitem__(self, name: str) -> T.Type:
        return self.variables[name]
