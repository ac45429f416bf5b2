"""Claims: typed values found in prose (:mod:`~factcheck.claims.model`), the built-in kinds
(:mod:`~factcheck.claims.kinds`) and the extractors (:mod:`~factcheck.claims.extract`).

Importing this package, or the claim model for its types, loads no extractor: ``extract_claims``
and ``Extractor`` are imported from :mod:`factcheck.claims.extract` on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.claims.model import Claim, ClaimKind, ClaimSet

if TYPE_CHECKING:
    from factcheck.claims.extract import Extractor, extract_claims

_LAZY = {"Extractor", "extract_claims"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from factcheck.claims import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'factcheck.claims' has no attribute {name!r}")


__all__ = ["Claim", "ClaimKind", "ClaimSet", "Extractor", "extract_claims"]
