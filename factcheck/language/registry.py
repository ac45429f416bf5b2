"""The function registry: how a function of the rule language is declared (its written signature,
read into parameter types) and the one table of them, :data:`FUNCTIONS`.

The function modules (``functions``, ``datefunctions``, ``factfunctions``, ``indexfunctions``,
``numberfunctions``) build on this module, never on each other, so none of them imports another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from factcheck.language import types as T
from factcheck.startup import regexcache

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

ReturnSpec = T.Type | Callable[[list[T.Type], T.ClaimTypes], T.Type]  # argument types, the kinds


@dataclass(frozen=True)
class Param:
    """One parameter of a built-in function: its name and the types it accepts."""

    name: str
    types: tuple[T.Type, ...]  # accepted types (a union); ``any`` accepts everything
    optional: bool = False
    default: Any = None


@dataclass(frozen=True)
class Function:
    """A built-in function of the rule language: its signature, implementation and documentation."""

    name: str
    signature: str
    params: tuple[Param, ...]
    returns: ReturnSpec
    impl: Callable[..., Any]
    doc: str
    needs_ctx: bool = False
    null_safe: bool = False

    @property
    def min_args(self) -> int:
        return sum(1 for p in self.params if not p.optional)

    def return_type(self, args: list[T.Type], claims: T.ClaimTypes) -> T.Type:
        return self.returns(args, claims) if callable(self.returns) else self.returns


FUNCTIONS: dict[str, Function] = {}
RESERVED = {"all", "any", "count", "sum", "min", "max"}  # aggregates, handled by the checker

_SIGNATURE = regexcache.compile(r"(\w+)\((.*)\)\s*->\s*(.+)")
_PARAM = regexcache.compile(r"(\w+)\s*:\s*([^=]+?)\s*(?:=\s*(.+))?$")


def register(signature: str, *, returns: ReturnSpec | None = None, needs_ctx: bool = False,
              null_safe: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    match = _SIGNATURE.fullmatch(signature)
    if match is None:
        raise ValueError(f"bad signature {signature!r}")
    name, params_text, return_text = match.groups()
    params = []
    for part in filter(None, (p.strip() for p in params_text.split(","))):
        pm = _PARAM.fullmatch(part)
        if pm is None:
            raise ValueError(f"bad parameter {part!r} in {signature!r}")
        types = tuple(T.parse_type(t.strip()) for t in pm.group(2).split("|"))
        default = pm.group(3)
        params.append(Param(pm.group(1), types, default is not None,
                            Decimal(default) if default and default[0].isdigit() else default))

    def decorate(impl: Callable[..., Any]) -> Callable[..., Any]:
        if name in FUNCTIONS or name in RESERVED:
            raise RuntimeError(f"function {name!r} declared twice")
        FUNCTIONS[name] = Function(
            name, signature, tuple(params),
            returns if returns is not None else T.parse_type(return_text.strip()),
            impl, (impl.__doc__ or "").strip(), needs_ctx, null_safe,
        )
        return impl

    return decorate
