"""Static types of the rule language and their written form (``claim<ordinal>?``, ``list<date>``).

A :class:`Type` is a name, an optional argument (a list's element type, a claim's kind) and a
nullable flag. Records (``doc``, ``period``, ``timeline``, ``event``, ``entity``, ``claims``) are named types
whose member types are listed in :func:`record_fields`. What a claim of a kind holds depends on the
pack (its pattern files declare kinds of their own): :class:`ClaimTypes` answers it for one set of
kinds, and every type environment carries one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck.startup import regexcache

if TYPE_CHECKING:
    from factcheck.claims.model import ClaimKind

PRIMITIVES = ("number", "string", "bool", "null", "date", "duration", "percent", "money", "time", "any")
RECORDS = ("doc", "claims", "period", "timeline", "event", "entity")


@dataclass(frozen=True, slots=True)
class Type:
    """``name`` is a primitive, ``list``, ``claim`` or a record name; ``arg`` is the element type of
    a list or the kind of a claim (``"any"`` for any kind)."""

    name: str
    arg: Type | str | None = None
    nullable: bool = False

    def __str__(self) -> str:
        if self.name == "list":
            text = f"list<{self.arg}>"
        elif self.name == "claim":
            text = f"claim<{self.arg}>"
        else:
            text = self.name
        return text + "?" if self.nullable and self.name != "null" else text

    def or_null(self) -> Type:
        return self if self.nullable or self.name == "null" else Type(self.name, self.arg, True)

    def non_null(self) -> Type:
        return Type(self.name, self.arg, False) if self.nullable else self

    @property
    def maybe_null(self) -> bool:
        return self.nullable or self.name in ("null", "any")

    @property
    def elem(self) -> Type:
        assert self.name == "list" and isinstance(self.arg, Type)
        return self.arg

    @property
    def is_claim(self) -> bool:
        return self.name == "claim"


NUMBER = Type("number")
STRING = Type("string")
BOOL = Type("bool")
NULL = Type("null")
ANY = Type("any")
DATE = Type("date")
DURATION = Type("duration")
PERCENT = Type("percent")
MONEY = Type("money")
TIME = Type("time")


def list_of(elem: Type, nullable: bool = False) -> Type:
    return Type("list", elem, nullable)


def claim_of(kind: str, nullable: bool = False) -> Type:
    return Type("claim", kind, nullable)


_TOKEN = regexcache.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*|<|>|\?)")


@cache
def parse_type(text: str) -> Type:
    """Parse a written type: ``number``, ``string?``, ``list<claim<ordinal>>``, ``claim<any>?``.
    Claim kinds are not looked up here: :meth:`ClaimTypes.parse` checks them against a pack's kinds."""
    tokens = _TOKEN.findall(text)
    if "".join(tokens) != re.sub(r"\s+", "", text):
        raise ValueError(f"invalid type {text!r}")
    position = 0

    def parse() -> Type:
        nonlocal position
        if position >= len(tokens):
            raise ValueError(f"invalid type {text!r}: unexpected end")
        name = tokens[position]
        position += 1
        if name in ("list", "claim"):
            if position >= len(tokens) or tokens[position] != "<":
                raise ValueError(f"invalid type {text!r}: {name} needs <...>")
            position += 1
            if name == "list":
                arg: Type | str = parse()
            else:
                arg = tokens[position]
                position += 1
            if position >= len(tokens) or tokens[position] != ">":
                raise ValueError(f"invalid type {text!r}: missing '>'")
            position += 1
            result = Type(name, arg)
        elif name in PRIMITIVES or name in RECORDS:
            result = Type(name)
        else:
            raise ValueError(f"invalid type {text!r}: unknown type {name!r}")
        if position < len(tokens) and tokens[position] == "?":
            position += 1
            result = result.or_null()
        return result

    result = parse()
    if position != len(tokens):
        raise ValueError(f"invalid type {text!r}: unexpected {tokens[position]!r}")
    return result


def claim_kinds_in(t: Type) -> list[str]:
    """The claim kinds a type names (``list<claim<ordinal>>`` → ``['ordinal']``)."""
    if t.name == "claim":
        return [] if t.arg == "any" else [str(t.arg)]
    return claim_kinds_in(t.arg) if isinstance(t.arg, Type) else []


# Members every claim has, whatever its kind; ``value`` is the kind's value type.
CLAIM_COMMON = {
    "text": STRING,
    "kind": STRING,
    "unit": STRING.or_null(),
    "hedge": STRING,
    "start": NUMBER,
    "end": NUMBER,
    "certain": BOOL,  # false when the value rests on an inference (a year taken from the document date)
}


@cache
def record_fields(name: str) -> dict[str, Type]:
    """Members of a record type other than ``claims`` (whose members are a pack's claim kinds, see
    :meth:`ClaimTypes.members_of`)."""
    if name == "doc":
        return {"path": STRING, "title": STRING.or_null(), "date": DATE.or_null(), "source": STRING}
    if name == "period":
        return {
            "id": STRING,
            "name": STRING,
            "start": DATE,
            "end": DATE.or_null(),
            "source": STRING.or_null(),
        }
    if name == "timeline":
        return {
            "id": STRING,
            "title": STRING,
            "participants": list_of(STRING),
            "nouns": list_of(STRING),
            "events": list_of(Type("event")),
            "source": STRING.or_null(),
        }
    if name == "entity":
        return {
            "id": STRING,
            "type": STRING,
            "name": STRING,
            "aliases": list_of(STRING),
            "born": DATE.or_null(),
            "country": STRING.or_null(),
            "source": STRING.or_null(),
        }
    if name == "event":
        return {"date": DATE, "title": STRING.or_null(), "source": STRING.or_null()}
    raise KeyError(name)


def assignable(actual: Type, expected: Type) -> bool:
    """Whether a value of type ``actual`` may be used where ``expected`` is declared."""
    if expected.name == "any" or actual.name == "any":
        return True
    if actual.name == "null":
        return expected.nullable
    if actual.nullable and not expected.nullable:
        return False
    if actual.name != expected.name:
        return False
    if actual.name == "list":
        return assignable(actual.elem, expected.elem)
    if actual.name == "claim":
        return expected.arg == "any" or actual.arg == expected.arg
    return True


def unify(a: Type, b: Type) -> Type | None:
    """The common type of two branches (``if``, list items), or None when they have none."""
    if a.name == "null":
        return b.or_null()
    if b.name == "null":
        return a.or_null()
    if a.name == "any":
        return b.or_null() if a.nullable else b
    if b.name == "any":
        return a.or_null() if b.nullable else a
    nullable = a.nullable or b.nullable
    if a.name != b.name:
        return None
    if a.name == "list":
        elem = unify(a.elem, b.elem)
        return None if elem is None else Type("list", elem, nullable)
    if a.name == "claim" and a.arg != b.arg:
        return Type("claim", "any", nullable)
    return Type(a.name, a.arg, nullable)


class ClaimTypes:
    """The claim kinds one pack knows, as rule-language types: what ``claims.KIND`` lists, what a
    ``claim<KIND>`` holds and which value it stands for. Built from a mapping of kinds and never
    changed afterwards, so two packs in one process each type-check against their own kinds."""

    def __init__(self, kinds: Mapping[str, ClaimKind]) -> None:
        self.kinds: Mapping[str, ClaimKind] = dict(kinds)
        self._fields: dict[str, dict[str, Type]] = {}  # memo: a function of ``kinds``, which never change
        self._claims: dict[str, Type] = {kind: list_of(claim_of(kind)) for kind in self.kinds}
        self._claims["all"] = list_of(claim_of("any"))

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def parse(self, text: str) -> Type:
        """A written type whose claim kinds must be among these kinds."""
        t = parse_type(text)
        for kind in claim_kinds_in(t):
            if kind not in self.kinds:
                raise ValueError(f"invalid type {text!r}: unknown claim kind {kind!r}")
        return t

    def value_type(self, kind: str) -> Type:
        """The type of a ``claim<kind>``'s ``value`` (``any`` for a claim of any or unknown kind)."""
        declared = self.kinds.get(kind)
        return ANY if declared is None else parse_type(declared.value_type)

    def fields(self, kind: str) -> dict[str, Type]:
        """All members of ``claim<kind>``: the common ones, ``value``, and the kind's own fields."""
        if kind not in self._fields:
            fields = dict(CLAIM_COMMON)
            fields["value"] = self.value_type(kind)
            declared = self.kinds.get(kind)
            for name, written in (declared.fields if declared is not None else {}).items():
                fields[name] = parse_type(written)
            self._fields[kind] = fields
        return self._fields[kind]

    def members_of(self, t: Type) -> dict[str, Type] | None:
        """The members of a claim or record type, or None when the type has no members."""
        if t.name == "claim":
            return self.fields(str(t.arg))
        if t.name == "claims":
            return self._claims
        if t.name in RECORDS:
            return record_fields(t.name)
        return None

    def value_view(self, t: Type) -> Type:
        """Where a value is expected a claim stands for its value: ``claim<ordinal>?`` → ``number?``."""
        if t.name != "claim":
            return t
        value = self.value_type(str(t.arg))
        return value.or_null() if t.nullable else value
