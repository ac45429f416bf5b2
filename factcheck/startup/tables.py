"""Lark parsers as data: the serialized form lark itself uses (:func:`serialize`, plain literals, as
the build hook writes it), and the same as JSON with tuples and non-string keys spelled out
(:func:`encode`, for the runtime cache), so a parser is never read back by unpickling."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lark import Lark

_TUPLE, _ITEMS = "__tuple__", "__items__"


def serialize(parser: Lark) -> dict[str, Any]:
    """lark's own serialized form of a parser: plain data (dicts, some with integer keys, tuples)."""
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    return {"data": data, "memo": memo}


def load(tables: Any) -> Lark:
    """The parser :func:`serialize`'s data describes; raises ValueError when it does not describe one."""
    import lark

    if not (isinstance(tables, dict) and isinstance(tables.get("data"), dict) and tables.get("memo")):
        raise ValueError("not a serialized lark parser")
    try:
        return lark.Lark._load_from_dict(tables["data"], tables["memo"])
    except Exception as exc:  # lark's own checks: a table that does not describe a parser
        raise ValueError(f"not a serialized lark parser: {exc!r}") from None


def encode(parser: Lark) -> Any:
    """The parser as JSON data."""
    return _encode(serialize(parser))


def decode(value: Any) -> Lark:
    """The parser :func:`encode`'s data describes; raises when it does not describe one."""
    return load(_decode(value))


def _encode(value: Any) -> Any:
    if isinstance(value, tuple):
        return {_TUPLE: [_encode(item) for item in value]}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and _TUPLE not in value and _ITEMS not in value:
            return {k: _encode(v) for k, v in value.items()}
        return {_ITEMS: [[_encode(k), _encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in a parser table")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if len(value) == 1 and _TUPLE in value:
            return tuple(_decode(item) for item in value[_TUPLE])
        if len(value) == 1 and _ITEMS in value:
            return {_key(_decode(k)): _decode(v) for k, v in value[_ITEMS]}
        return {k: _decode(v) for k, v in value.items()}
    return value


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
