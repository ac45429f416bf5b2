"""YAML front matter: the ``---`` block at the very start of a Markdown file.

It is where writers put the title and publication date. A block that is not valid YAML is an input
error with its line and column rather than silently ignored: the author meant to declare metadata,
and checking the article against no date (or the wrong one) would be quietly wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from factcheck.errors import InputError, SourceLocation
from factcheck.limits import MAX_FRONT_MATTER_DEPTH, MAX_FRONT_MATTER_VALUES
from factcheck.spans import LineIndex
from factcheck.startup import regexcache

_OPENING = regexcache.compile(r"---[ \t]*\r?\n")
_CLOSING = regexcache.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
# One ``key: text`` entry on one line, as most front matter is written ("title: ...", "date: ...").
_ENTRY = regexcache.compile(r"([A-Za-z][A-Za-z0-9_-]*): +(\S(?:.*\S)?) *")
_DAY = regexcache.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Plain words YAML reads as true, false or null (and "y", "n", which some YAML readers do).
_NOT_TEXT = frozenset({"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"})

if TYPE_CHECKING:
    import yaml


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The parsed mapping and where the body starts (the offset after the closing line)."""

    data: dict[str, object] = field(default_factory=dict)
    body_start: int = 0


def has_front_matter(text: str) -> bool:
    """Whether ``text`` opens with a complete front-matter block."""
    return _find_block(text) is not None


def split_front_matter(path: str, text: str) -> FrontMatter:
    """The front matter of ``text`` (empty when there is none)."""
    block = _find_block(text)
    if block is None:
        return FrontMatter()
    yaml_start, yaml_end, body_start = block
    simple = _simple_entries(text[yaml_start:yaml_end])
    if simple is not None:
        return FrontMatter(simple, body_start)
    return FrontMatter(_read_yaml(path, text, text[yaml_start:yaml_end]), body_start)


def _simple_entries(block: str) -> dict[str, object] | None:
    """The mapping of a block made only of one-line ``key: text`` entries, read without YAML, or
    None for anything else, which YAML reads.

    An entry is simple when YAML would read its value as the very text written: a plain scalar
    that opens with a letter, a path (``./``, ``../``, ``/``) or is a ``YYYY-MM-DD`` date (dates
    stay text here, as in :class:`_Loader`), holds no tab, no ``": "`` or ``" #"`` and no character
    YAML refuses, and is not a word YAML reads as true, false or null; its key likewise. Values
    then are those strings, a later duplicate key winning, as YAML's loader has it."""
    if not block.endswith("\n") or len(block) > 4096:
        return None
    entries: dict[str, object] = {}
    for line in block[:-1].split("\n"):
        entry = _ENTRY.fullmatch(line)
        if entry is None or not line.isprintable():
            return None
        key, value = entry.groups()
        if not ((value[0].isascii() and value[0].isalpha()) or value.startswith(("./", "../", "/"))
                or _DAY.fullmatch(value)):
            return None
        if ": " in value or value.endswith(":") or " #" in value or {key.lower(), value.lower()} & _NOT_TEXT:
            return None
        entries[key] = value
    return entries


def _read_yaml(path: str, text: str, block: str) -> dict[str, object]:
    """The front matter ``block`` of ``text`` read as YAML: a mapping, or an input error."""
    import yaml

    try:
        node = yaml.compose(block, Loader=_loader())
        if node is not None:
            _check_size(path, text, node)
        data = None if node is None else _loader()("").construct_document(node)
    except yaml.YAMLError as error:
        raise _yaml_error(path, text, error) from error
    except RecursionError:
        location = SourceLocation(path, 2, 1, _line(text, 2))
        raise InputError("front matter is nested too deeply", location) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        location = SourceLocation(path, 2, 1, _line(text, 2))
        raise InputError("front matter is not a mapping of keys to values", location)
    return {str(key): value for key, value in data.items()}


@cache
def _loader() -> type[yaml.SafeLoader]:
    """Safe YAML in which dates stay text: :func:`~factcheck.documents.dates.parse_date` reads them,
    so "2025-02-30" is reported as a date that does not exist instead of raising in the loader.
    Built when a block is first read as YAML (PyYAML is not imported before)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _Loader


def _check_size(path: str, text: str, root: yaml.Node) -> None:
    """Refuse a block that expands past :data:`MAX_FRONT_MATTER_VALUES` values once aliases are
    followed ("billion laughs"), or nests past :data:`MAX_FRONT_MATTER_DEPTH`. Sizes are computed
    once per distinct node, so the check is linear in the text however large the expansion."""
    sizes: dict[int, int] = {}
    order: list[tuple[yaml.Node, int]] = []
    stack = [(root, 1)]
    while stack:  # depth first, children after their parent, without recursion
        node, depth = stack.pop()
        if depth > MAX_FRONT_MATTER_DEPTH:
            raise _too_big(path, text, node, f"nests deeper than {MAX_FRONT_MATTER_DEPTH} levels")
        if id(node) in sizes:
            continue
        sizes[id(node)] = 1
        order.append((node, depth))
        stack.extend((child, depth + 1) for child in _children(node))
    for node, _ in reversed(order):
        total = 1 + sum(sizes[id(child)] for child in _children(node))
        if total > MAX_FRONT_MATTER_VALUES:
            raise _too_big(path, text, node, f"expands to more than {MAX_FRONT_MATTER_VALUES:,} values "
                           "(YAML aliases repeat what they name)")
        sizes[id(node)] = total


def _children(node: yaml.Node) -> list[yaml.Node]:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _too_big(path: str, text: str, node: yaml.Node, problem: str) -> InputError:
    line = node.start_mark.line + 2
    location = SourceLocation(path, line, node.start_mark.column + 1, _line(text, line))
    return InputError(f"front matter {problem}; not checked", location)


def _find_block(text: str) -> tuple[int, int, int] | None:
    """Offsets of the YAML between the fences and of the body, or ``None``."""
    opening = _OPENING.match(text)
    if opening is None:
        return None
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return None
    newline = text.find("\n", closing.end())
    body_start = len(text) if newline < 0 else newline + 1
    return opening.end(), closing.start(), body_start


def _yaml_error(path: str, text: str, error: yaml.YAMLError) -> InputError:
    import yaml

    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if isinstance(error, yaml.reader.ReaderError):  # a control character: YAML cannot carry it
        offset = _find_block(text)[0] + error.position  # type: ignore[index]
        problem = f"a control character (U+{error.character:04X}) YAML does not allow"
        return InputError(f"front matter is not valid YAML: {problem}",
                          SourceLocation.at(path, LineIndex(text), offset))
    if mark is None:
        return InputError(f"front matter is not valid YAML: {problem}", SourceLocation(path, 1, 1))
    line = mark.line + 2  # the YAML starts on the line after the opening ``---``
    location = SourceLocation(path, line, mark.column + 1, _line(text, line))
    return InputError(f"front matter is not valid YAML: {problem}", location)


def _line(text: str, number: int) -> str | None:
    lines = LineIndex(text)
    return lines.line_text(number) if number <= lines.line_count else None
