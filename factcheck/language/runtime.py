"""What compiled expressions run against: the evaluation context, the frame, the cost bound, and
the runtime shape of records (documents, facts) as the language sees them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim, ClaimSet
from factcheck.deadline import check_deadline
from factcheck.documents.model import Document
from factcheck.errors import EvaluationError, SourceLocation
from factcheck.facts.memory import MemoryFactBase
from factcheck.facts.model import FactBase

DEFAULT_COST_LIMIT = 100_000

# Reserved frame keys (not valid names in the language, so they cannot collide with variables).
CTX = "$ctx"
COST = "$cost"
TRACE = "$trace"


class EvalContext:
    """Everything an evaluation may read besides its variables: the document, its claims and the
    reference facts. Helpers that are costly and the same for every rule (the entities the
    document mentions) are computed once per context and cached."""

    def __init__(
        self,
        document: Document | None = None,
        claims: ClaimSet | None = None,
        facts: FactBase | None = None,
        cost_limit: int = DEFAULT_COST_LIMIT,
    ) -> None:
        self.document = document
        self.claims = claims if claims is not None else ClaimSet([])
        self.facts = facts if facts is not None else MemoryFactBase()
        self.cost_limit = cost_limit
        self._mentioned: set[str] | None = None
        self.indexes: dict[tuple[Any, ...], Any] = {}  # claim lists' indexes (indexfunctions)
        self.budget: Cost | None = None  # the running rule's budget on this document, if any
        self.base_scope: dict[str, Any] = {"doc": document, "claims": self.claims}

    @property
    def mentioned_entities(self) -> set[str]:
        """Ids of the entities named in the document's text (one regex pass, cached)."""
        if self._mentioned is None:
            text = self.document.text if self.document is not None else ""
            self._mentioned = self.facts.mentioned_entities(text)
        return self._mentioned


_EMPTY_CONTEXT: EvalContext | None = None


def empty_context() -> EvalContext:
    """A context with no document and no facts (for expressions that need neither)."""
    global _EMPTY_CONTEXT
    if _EMPTY_CONTEXT is None:
        _EMPTY_CONTEXT = EvalContext()
    return _EMPTY_CONTEXT


class Cost:
    """A counter of steps: loop iterations, function calls, and the items or characters an operation
    allocates. A bare evaluation gets its own; a rule gets one for a whole document (the engine
    sets ``EvalContext.budget``), so the bound holds however many evaluations the rule makes.

    Every few thousand steps it also looks at the document's time limit (``engine.deadline``), which
    is what stops a rule in a thread where no alarm signal can reach it."""

    __slots__ = ("limit", "next_clock", "spent", "what")

    def __init__(self, limit: int, what: str = "evaluation") -> None:
        self.limit = limit
        self.spent = 0
        self.what = what
        self.next_clock = _CLOCK_EVERY

    def charge(self, amount: int, where: SourceLocation | None) -> None:
        self.spent += amount
        if self.spent > self.limit:
            raise EvaluationError(
                f"{self.what} exceeded its cost bound of {self.limit:,} steps "
                "(binding combinations, loop iterations, function calls and allocated items)",
                where,
            )
        if self.spent >= self.next_clock:
            self.next_clock = self.spent + _CLOCK_EVERY
            check_deadline()


_CLOCK_EVERY = 4096


def to_number(value: Any) -> Any:
    """Plain Python numbers found in fields become Decimals (bools stay bools)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    return value


def claim_member(claim: Claim, name: str) -> Any:
    """``claim.name`` as the language sees it."""
    if name == "text":
        return claim.text
    if name == "value":
        return to_number(claim.value)
    if name == "kind":
        return claim.kind
    if name == "unit":
        return claim.unit
    if name == "hedge":
        return claim.hedge.value
    if name == "start":
        return Decimal(claim.span.start)
    if name == "end":
        return Decimal(claim.span.end)
    if name == "certain":
        return claim.certain
    value = claim.fields.get(name)
    if isinstance(value, tuple):
        return [to_number(v) for v in value]
    return to_number(value)


def record_member(record: Any, name: str) -> Any:
    """A member of a fact or document record: sources become their citation text, tuples lists."""
    value = getattr(record, name)
    if isinstance(value, tuple):
        return list(value)
    if value is None or isinstance(value, (str, dt.date, Decimal, bool)):
        return value
    if type(value).__name__ == "Source":
        return str(value)
    return to_number(value)


def claims_member(claims: ClaimSet, name: str) -> list[Claim]:
    """``claims.KIND`` → the document's claims of that kind (``claims.all``: every claim)."""
    if name == "all":
        return list(claims)
    return claims.of_kind(name)
