"""Type environments: the names an expression may use, with their types, the functions, and the
claim kinds of the pack the expression belongs to."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from factcheck.language import types as T
from factcheck.language.functions import FUNCTIONS, Function


@cache
def builtin_claim_types() -> T.ClaimTypes:
    """The claim kinds the extractors produce, before any pattern file adds its own."""
    from factcheck.claims.kinds import BUILTIN_KINDS

    return T.ClaimTypes(BUILTIN_KINDS)


class TypeEnv:
    """Variable names and their types, the function registry and the pack's claim kinds.

    ``TypeEnv.standard()`` has ``doc`` and ``claims``; a rule's ``for`` bindings and let-bound
    names are added with :meth:`extend`. Types may be given written (``"claim<ordinal>?"``); their
    claim kinds must be among ``claims`` (the built-in kinds unless a pack's are given)."""

    def __init__(self, variables: Mapping[str, T.Type | str] | None = None,
                 functions: Mapping[str, Function] | None = None,
                 claims: T.ClaimTypes | None = None) -> None:
        self.claims: T.ClaimTypes = builtin_claim_types() if claims is None else claims
        self.variables: dict[str, T.Type] = {
            name: self.claims.parse(t) if isinstance(t, str) else t for name, t in (variables or {}).items()
        }
        self.functions: Mapping[str, Function] = FUNCTIONS if functions is None else functions

    @classmethod
    def standard(cls, extra: Mapping[str, T.Type | str] | None = None,
                 claims: T.ClaimTypes | None = None) -> TypeEnv:
        """The environment every rule expression sees: ``doc`` and ``claims`` (and ``extra``)."""
        return cls({"doc": T.Type("doc"), "claims": T.Type("claims"), **(extra or {})}, claims=claims)

    def extend(self, variables: Mapping[str, T.Type | str]) -> TypeEnv:
        """A new environment with more (or shadowing) variables."""
        return TypeEnv({**self.variables, **variables}, self.functions, self.claims)

    def __contains__(self, name: str) -> bool:
        return name in self.variables

    def __getitem__(self, name: str) -> T.Type:
        return self.variables[name]
