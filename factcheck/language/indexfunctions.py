"""Functions that look claims up by position or by field instead of scanning a list, so that rules
pairing claims ("the date right after this one", "the earlier durations of the same event") cost
about the size of what they find, not the product of the claim counts.

A list the document's claim set holds (``claims.date``, ``claims.all``) is in document order and
the same object for every evaluation: its index (start offsets, or claims by field value) is built
once per document and kept on the evaluation context. Any other list (a filter, a literal) is
scanned, which gives the same answer.
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from typing import Any

from factcheck.claims.model import Claim
from factcheck.language import types as T
from factcheck.language.registry import register
from factcheck.language.runtime import claim_member


def _list_type(xs: T.Type) -> T.Type:
    return xs.non_null() if xs.name == "list" else T.list_of(T.ANY)


def _owned(ctx: Any, xs: list[Any]) -> bool:
    """Whether ``xs`` is one of the claim set's own lists: sorted, and alive as long as ``ctx``."""
    return ctx.claims.owns(xs)


def _index(ctx: Any, xs: list[Claim], key: tuple[str, str]) -> Any:
    entry = ctx.indexes.get((id(xs), *key))
    return entry[1] if entry is not None and entry[0] is xs else None


def _keep(ctx: Any, xs: list[Claim], key: tuple[str, str], index: Any) -> Any:
    ctx.indexes[(id(xs), *key)] = (xs, index)
    return index


@register("following(c: claim<any>, xs: list<claim<any>>, within: number) -> list<claim<any>>",
           returns=lambda args, claims: _list_type(args[1]), needs_ctx=True)
def _following(ctx: Any, c: Claim, xs: list[Claim], within: Decimal) -> list[Claim]:
    """The claims of ``xs`` that start at most ``within`` characters after ``c`` ends (and not
    before it ends), in document order: "yesterday, October 14" → the date right after "yesterday"."""
    low, high = c.span.end, c.span.end + within
    if not _owned(ctx, xs):
        return [x for x in xs if x is not None and low <= x.span.start <= high]
    starts = _index(ctx, xs, ("start", ""))
    if starts is None:
        starts = _keep(ctx, xs, ("start", ""), [x.span.start for x in xs])
    first = bisect.bisect_left(starts, low)
    last = bisect.bisect_right(starts, high, lo=first)
    return xs[first:last]


@register("matching(xs: list<claim<any>>, field: string, value: any) -> list<claim<any>>",
           returns=lambda args, claims: _list_type(args[0]), needs_ctx=True)
def _matching(ctx: Any, xs: list[Claim], field: str, value: Any) -> list[Claim]:
    """The claims of ``xs`` whose ``field`` equals ``value``, in document order: the durations
    of the same event noun (``matching(claims.duration, "event", b.event)``)."""
    if not _owned(ctx, xs):
        return [x for x in xs if x is not None and claim_member(x, field) == value]
    groups = _index(ctx, xs, ("field", field))
    if groups is None:
        groups = {}
        for x in xs:
            try:
                groups.setdefault(claim_member(x, field), []).append(x)
            except TypeError:  # an unhashable value (a list field) is never equal to a lookup key
                continue
        groups = _keep(ctx, xs, ("field", field), groups)
    try:
        return groups.get(value, [])
    except TypeError:
        return [x for x in xs if claim_member(x, field) == value]
