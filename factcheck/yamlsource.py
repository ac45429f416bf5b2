"""Strict YAML reading with positions, shared by the rule, fact and configuration loaders.

PyYAML's composed node tree keeps a mark (line, column, offset) on every node; this module walks it
instead of the constructed Python objects so every complaint can name ``path:line:col`` and show
the line with a caret. It also maps an offset inside a scalar's *value* back to the file, so an
expression error inside a block scalar points at the right line and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import FactcheckError, SourceLocation, did_you_mean
from factcheck.spans import LineIndex

if TYPE_CHECKING:
    import yaml


def _yaml():
    """PyYAML, imported when there is YAML to read: a run of the default pack reads none (its
    files come prebuilt), so neither do the modules that import this one for its types."""
    import yaml

    return yaml


@cache
def _loader() -> type:
    yaml = _yaml()
    # the C loader is several times faster where libyaml is present
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class YamlFile:
    """A YAML file's text, kept so locations can quote the offending line."""

    path: str
    text: str

    def location(self, mark: yaml.Mark, length: int = 1) -> SourceLocation:
        return self.location_at(mark.index, length)

    def location_at(self, index: int, length: int = 1) -> SourceLocation:
        return SourceLocation.at(self.path, LineIndex(self.text), index, length)


def load_plain(path: Path) -> Any:
    """A YAML file as plain data (for files already validated by their loader)."""
    return _yaml().load(path.read_text(encoding="utf-8"), Loader=_loader())


def read_text(path: Path, error: type[FactcheckError], what: str) -> str:
    """A YAML (or TOML) file's text; an unreadable file, or a byte that is not UTF-8, is ``error``
    with its line and column."""
    from factcheck.documents.reading import decode_utf8

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    try:
        return decode_utf8(data, str(path))
    except FactcheckError as exc:
        raise error(exc.message.removesuffix("; not checked"), exc.location) from None


def compose(path: str, text: str, error: type[FactcheckError]) -> tuple[YamlFile, yaml.Node | None]:
    """Parse ``text`` into a node tree; YAML syntax errors become ``error`` with a position."""
    source = YamlFile(path, text)
    yaml = _yaml()
    try:
        return source, yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        location = source.location(mark) if mark is not None else None
        raise error(f"invalid YAML: {exc.problem or exc.context}", location) from None
    except yaml.reader.ReaderError as exc:  # a control character YAML cannot carry
        raise error(f"invalid YAML: a control character (U+{exc.character:04X}) is not allowed",
                    source.location_at(exc.position)) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", None) from None
    except RecursionError:
        raise error("invalid YAML: nested too deeply", source.location_at(0)) from None


class Node:
    """A YAML node with the helpers loaders need; raises ``error`` with positions."""

    def __init__(self, source: YamlFile, node: yaml.Node, error: type[FactcheckError]):
        self.source = source
        self.node = node
        self.error = error

    # -- positions -------------------------------------------------------------------------
    @property
    def location(self) -> SourceLocation:
        length = max(1, min(self.node.end_mark.index - self.node.start_mark.index, 80))
        if "\n" in self.source.text[self.node.start_mark.index : self.node.start_mark.index + length]:
            length = 1
        return self.source.location(self.node.start_mark, length)

    def fail(self, message: str, hint: str | None = None) -> FactcheckError:
        return self.error(message, self.location, hint)

    # -- shapes ----------------------------------------------------------------------------
    def mapping(self, required: set[str], optional: set[str]) -> dict[str, Node]:
        """The mapping's entries; unknown keys (with a did-you-mean) and missing keys are errors."""
        if not isinstance(self.node, _yaml().MappingNode):
            raise self.fail(f"expected a mapping, found {self.kind()}")
        entries: dict[str, Node] = {}
        allowed = required | optional
        for key_node, value_node in self.node.value:
            key = Node(self.source, key_node, self.error)
            name = key.string()
            if name in entries:
                raise key.fail(f"duplicate key {name!r}")
            if name not in allowed:
                raise key.fail(f"unknown key {name!r}", did_you_mean(name, allowed, "allowed keys"))
            entries[name] = Node(self.source, value_node, self.error)
        missing = sorted(required - entries.keys())
        if missing:
            raise self.fail(f"missing required key{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
        return entries

    def items(self) -> Iterator[Node]:
        if not isinstance(self.node, _yaml().SequenceNode):
            raise self.fail(f"expected a list, found {self.kind()}")
        for child in self.node.value:
            yield Node(self.source, child, self.error)

    def is_sequence(self) -> bool:
        return isinstance(self.node, _yaml().SequenceNode)

    def is_mapping(self) -> bool:
        return isinstance(self.node, _yaml().MappingNode)

    def is_null(self) -> bool:
        return isinstance(self.node, _yaml().ScalarNode) and self.node.tag == "tag:yaml.org,2002:null"

    def scalar(self) -> Any:
        if not isinstance(self.node, _yaml().ScalarNode):
            raise self.fail(f"expected a single value, found {self.kind()}")
        return self.plain()

    def string(self) -> str:
        if not isinstance(self.node, _yaml().ScalarNode) or self.node.tag != "tag:yaml.org,2002:str":
            raise self.fail(f"expected a string, found {self.kind()}")
        return self.node.value

    def text(self) -> str:
        """Any scalar's text as written (``assert: false`` is the expression ``false``)."""
        if not isinstance(self.node, _yaml().ScalarNode) or self.is_null():
            raise self.fail(f"expected text, found {self.kind()}")
        return self.node.value

    def boolean(self) -> bool:
        if not isinstance(self.node, _yaml().ScalarNode) or self.node.tag != "tag:yaml.org,2002:bool":
            raise self.fail(f"expected true or false, found {self.kind()}")
        return bool(self.plain())

    def strings(self) -> list[str]:
        """A string or a list of strings."""
        if self.is_sequence():
            return [item.string() for item in self.items()]
        return [self.string()]

    def date(self) -> dt.date:
        value = self.scalar()
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(f"expected a date like 2025-10-16, found {value!r}")

    def choice(self, options: tuple[str, ...]) -> str:
        value = self.string()
        if value not in options:
            raise self.fail(
                f"expected one of {', '.join(options)}, found {value!r}", did_you_mean(value, options, "")
            )
        return value

    def plain(self) -> Any:
        """The node as plain Python data (for free-form values)."""
        try:
            return _yaml().constructor.SafeConstructor().construct_object(self.node, deep=True)
        except ValueError as exc:  # a timestamp that is no date (2025-02-30), anywhere inside
            shown = f"{self.node.value!r} is " if isinstance(self.node, _yaml().ScalarNode) else ""
            raise self.fail(f"{shown}not a calendar date: {exc}") from None

    def kind(self) -> str:
        if isinstance(self.node, _yaml().MappingNode):
            return "a mapping"
        if isinstance(self.node, _yaml().SequenceNode):
            return "a list"
        return "null" if self.is_null() else repr(self.node.value)

    # -- offsets inside a scalar value -----------------------------------------------------
    def value_locator(self) -> ScalarLocator:
        return ScalarLocator(self.source, self.node)


class ScalarLocator:
    """Maps an offset in a scalar's value to a location in the file.

    Literal block scalars (``|``) map line by line; other styles are aligned character by character
    with the raw text, which absorbs folding, quotes and indentation.
    """

    def __init__(self, source: YamlFile, node: yaml.Node):
        self.source = source
        self.value: str = node.value
        self._node = node
        self._map: list[int] | None = None  # aligned on the first error only

    @staticmethod
    def _align(text: str, node: yaml.Node) -> list[int]:
        raw_start, raw_end = node.start_mark.index, node.end_mark.index
        value: str = node.value
        mapping: list[int] = []
        j = raw_start
        if node.style in ("|", ">"):
            j = text.find("\n", raw_start) + 1 or raw_end  # content starts after the indicator line
        for ch in value:
            while j < raw_end and text[j] != ch and not (ch == " " and text[j] == "\n"):
                j += 1
            mapping.append(min(j, max(raw_start, raw_end - 1)))
            j += 1
        mapping.append(min(j, raw_end))
        return mapping

    def fixed(self) -> FixedLocator:
        """A picklable copy, aligned now (for rule files whose reading is cached)."""
        if self._map is None:
            self._map = self._align(self.source.text, self._node)
        return FixedLocator(self.source, tuple(self._map))

    def locate(self, offset: int, length: int = 1) -> SourceLocation:
        return self.fixed().locate(offset, length)


@dataclass(frozen=True, slots=True)
class FixedLocator:
    """A :class:`ScalarLocator` with its alignment computed: plain data, so it can be cached."""

    source: YamlFile
    offsets: Sequence[int]  # where each character of the value (and its end) stands in the file

    def locate(self, offset: int, length: int = 1) -> SourceLocation:
        offset = max(0, min(offset, len(self.offsets) - 1))
        return self.source.location_at(self.offsets[offset], length)


