"""Start-up data as plain literals: what is written reads back equal, tuples of plain values are
written (and read) as they are, and data that names no known type or shape is refused."""

from __future__ import annotations

import ast
import datetime as dt
from dataclasses import dataclass

import pytest

from factcheck.startup import datacodec


@dataclass(frozen=True)
class Leaf:
    """A value with a tuple, a set and a date in it."""

    name: str
    spans: tuple[tuple[int, int], ...] = ()
    kinds: frozenset[str] = frozenset()
    day: dt.date | None = None


@dataclass(frozen=True)
class Branch:
    """A value holding others, in a tuple and in a mapping."""

    leaves: tuple[Leaf, ...]
    by_name: dict[str, Leaf]
    pairs: tuple[tuple[str, Leaf], ...] = ()


VALUE = Branch(
    (Leaf("a", ((0, 3), (5, 9)), frozenset({"date", "number"}), dt.date(2025, 10, 16)), Leaf("b")),
    {"a": Leaf("a", ((1, 2),))},
    (("x", Leaf("c", kinds=frozenset({"age"}))),),
)


def test_what_is_written_reads_back_equal() -> None:
    data = datacodec.encode(VALUE)
    assert ast.literal_eval(repr(data)) == data  # a plain literal
    assert datacodec.decoder([Leaf, Branch])(ast.literal_eval(repr(data))) == VALUE


def test_a_tuple_of_plain_values_is_written_and_read_as_it_is() -> None:
    data = datacodec.encode(VALUE)
    spans = data["leaves"]["$tuple"][0]["spans"]
    assert spans == ((0, 3), (5, 9))
    assert datacodec.decoder([Leaf, Branch])(data).leaves[0].spans is spans
    assert set(data["pairs"]) == {"$tuple"} and set(data["pairs"]["$tuple"][0]) == {"$tuple"}


@pytest.mark.parametrize("bad", [
    {"$": "Unknown", "name": "a"},
    {"$": "Leaf", "name": "a", "extra": 1},
    {"$tuple": "not a list"},
    {"$set": ({"$": "Unknown"},)},
    {"$items": [[["a list"], 1]]},
    b"bytes",
])
def test_data_of_no_known_shape_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        datacodec.decoder([Leaf, Branch])(bad)
