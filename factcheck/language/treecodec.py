"""Syntax trees as JSON data, for the runtime cache of parsed expressions.

A tree is written as nested lists (``["Binary", start, end, ...fields]``) and read back into new,
frozen nodes; literal values keep their types (numbers as decimal strings, dates, durations,
percentages). Reading checks every node name and field count, so data that is not a tree raises.
Nodes are made without running their generated ``__init__`` (their fields set directly, as a frozen
dataclass's own ``__init__`` does): reading the default pack's trees is part of every run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from factcheck.language import ast
from factcheck.language import types as T
from factcheck.values import Duration, Percent

_NODES = {cls.__name__: (cls, tuple(f.name for f in dataclasses.fields(cls))) for cls in vars(ast).values()
          if isinstance(cls, type) and issubclass(cls, ast.Node) and cls is not ast.Node}


def encode(value: Any) -> Any:
    if isinstance(value, ast.Node):
        return [type(value).__name__, *(encode(getattr(value, f.name)) for f in dataclasses.fields(value))]
    if isinstance(value, tuple):
        return {"tuple": [encode(item) for item in value]}
    if isinstance(value, T.Type):
        return {"type": str(value)}
    if isinstance(value, Decimal):
        return {"dec": str(value)}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, Duration):
        return {"duration": [str(value.months), str(value.days), str(value.seconds)]}
    if isinstance(value, Percent):
        return {"percent": str(value.value)}
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in a syntax tree")


_PLAIN = frozenset({int, str, bool, type(None)})


def decode(data: Any, made: list[ast.Node] | None = None) -> Any:
    """The tree ``data`` holds; every node made is appended to ``made`` (when given) as it is made,
    each before its fields: the same order for the same data."""
    if type(data) in _PLAIN:  # most of a tree (positions and names) is read without a call each
        return data
    if isinstance(data, list):
        cls, names = _NODES[data[0]]
        if len(data) - 1 != len(names):
            raise ValueError(f"{data[0]} takes {len(names)} fields")
        node = object.__new__(cls)
        if made is not None:
            made.append(node)
        fields = node.__dict__  # filled in order, each field's own nodes made after it is reached
        for name, item in zip(names, data[1:], strict=True):
            fields[name] = item if type(item) in _PLAIN else decode(item, made)
        return node
    if isinstance(data, dict):
        ((tag, value),) = data.items()
        if tag == "tuple":
            return tuple([item if type(item) in _PLAIN else decode(item, made) for item in value])
        if tag == "type":
            return T.parse_type(value)
        if tag == "dec":
            return Decimal(value)
        if tag == "date":
            return dt.date.fromisoformat(value)
        if tag == "duration":
            return Duration(*(Decimal(part) for part in value))
        if tag == "percent":
            return Percent(Decimal(value))
        raise ValueError(f"unknown value {tag!r}")
    if data is None or isinstance(data, str | int | bool):
        return data
    raise ValueError(f"not a syntax tree: {data!r}")
