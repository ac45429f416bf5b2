"""YAML front matter: the ``---`` block at the very start of a Markdown file.

It is where writers put the title and publication date. A block that is not valid YAML is an input
error with its line and column rather than silently ignored: the author meant to declare metadata,
and checking the article against no date (or the wrong one) would be quietly wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from factcheck.errors import InputError, SourceLocation
from factcheck.startup import regexcache

_OPENING = regexcache.compile(r"---[ \t]*\r?\n")
_CLOSING = regexcache.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


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
    try:
        data = yaml.safe_load(text[yaml_start:yaml_end])
    except yaml.YAMLError as error:
        raise _yaml_error(path, text, error) from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        location = SourceLocation(path, 2, 1, _line(text, 2))
        raise InputError("front matter is not a mapping of keys to values", location)
    return FrontMatter({str(key): value for key, value in data.items()}, body_start)


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
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if mark is None:
        return InputError(f"front matter is not valid YAML: {problem}", SourceLocation(path, 1, 1))
    line = mark.line + 2  # the YAML starts on the line after the opening ``---``
    location = SourceLocation(path, line, mark.column + 1, _line(text, line))
    return InputError(f"front matter is not valid YAML: {problem}", location)


def _line(text: str, number: int) -> str | None:
    lines = text.split("\n", number)
    return lines[number - 1].rstrip("\r") if len(lines) >= number else None
