"""Frozen values as plain literals: dataclasses of named types, sets, dates and mappings spelled out.

Build-time artefacts hold structures such as the default pack's compiled pattern kinds. They are
written as plain Python literals (``{"$": "Compiled", "source": ...}``; lists as themselves, and a
tuple of plain values (numbers, strings, such tuples) too, which a generated module holds as a
constant and the reader returns as it is; a tuple holding anything else as ``{"$tuple": [...]}``)
and read back by constructing the named dataclass from the caller's own list of types, so reading
runs no code the data names: an unknown type name, a missing or extra field or a shape that is not
one of these raises ValueError. Fields
whose names start with ``_`` (memos such as a compiled regex) are not written. Sets are written in
a fixed order, so the same value always gives the same document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

_TYPE, _SET, _ITEMS, _DATE, _TUPLE = "$", "$set", "$items", "$date", "$tuple"
_TAGS = frozenset({_TYPE, _SET, _ITEMS, _DATE, _TUPLE})
# Read as written: a tuple is written as one only when it holds plain values.
_PLAIN = frozenset({int, float, str, bool, type(None), tuple})


def encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)
                  if not f.name.startswith("_")}
        return {_TYPE: type(value).__name__, **fields}
    if isinstance(value, tuple):
        items = tuple(encode(item) for item in value)
        return items if all(type(item) in _PLAIN for item in items) else {_TUPLE: list(items)}
    if type(value) is dt.date:
        return {_DATE: value.isoformat()}
    if isinstance(value, frozenset | set):
        return {_SET: sorted((encode(item) for item in value), key=_order)}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, Mapping):
        if all(isinstance(key, str) for key in value) and not set(value) & _TAGS:
            return {key: encode(item) for key, item in value.items()}
        return {_ITEMS: [[encode(key), encode(item)] for key, item in value.items()]}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot write {type(value).__name__} as start-up data")


def _order(item: Any) -> str:
    return json.dumps(item, sort_keys=True)


def decoder(types: Iterable[type]):
    """A function reading :func:`encode`'s data back, constructing only the given dataclasses."""
    known = {cls.__name__: cls for cls in types}
    fields = {name: {f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")}
              for name, cls in known.items()}

    plain = _PLAIN  # most of the data (names, numbers) is read without a call each

    def items(data: Any) -> list:
        return [item if type(item) in plain else decode(item) for item in _list(data)]

    def decode(data: Any) -> Any:
        if type(data) in plain:  # most of the data: names, numbers and tuples of them
            return data
        if isinstance(data, list):
            return items(data)
        if isinstance(data, dict):
            if _TYPE in data:
                name = data[_TYPE]
                values = {key: item if type(item) in plain else decode(item)
                          for key, item in data.items() if key != _TYPE}
                if name not in known or set(values) - fields[name]:
                    raise ValueError(f"not start-up data: {name!r} with {sorted(values)}")
                try:
                    return known[name](**values)
                except TypeError as error:
                    raise ValueError(f"not start-up data: {error}") from None
            if len(data) == 1 and _DATE in data and isinstance(data[_DATE], str):
                return dt.date.fromisoformat(data[_DATE])
            if len(data) == 1 and _TUPLE in data:
                return tuple(items(data[_TUPLE]))
            if len(data) == 1 and _SET in data:
                return frozenset(items(data[_SET]))
            if len(data) == 1 and _ITEMS in data:
                return {_key(decode(key)): decode(item) for key, item in _list(data[_ITEMS])}
            return {key: decode(item) for key, item in data.items()}
        if data is None or isinstance(data, str | int | float | bool):
            return data
        raise ValueError(f"not start-up data: {type(data).__name__}")

    return decode


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise ValueError("not start-up data: expected a list")
    return value


def _key(value: Any) -> Any:
    if isinstance(value, list):
        raise ValueError("not start-up data: a list as a mapping key")
    return value
