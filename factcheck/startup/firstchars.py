"""Regex code that skips, at C speed, every position where a match cannot begin.

CPython's ``re`` gives a compiled pattern a *first-character set* only when the pattern opens with
a literal or a character class: its search then jumps over every other character before it tries
the matcher. The extractors' patterns open with a zero-width guard (``(?<![\\w-])``, ``\\b``) or an
optional word, so ``re`` tries the whole matcher at every character of a document. The set of
characters a match can start with is as easy to read from the parse tree past those guards:
``(?<![\\w-])(?:[Tt]he |[Aa]n? )?(?:end|start)`` starts with one of ``TtAaes``. :func:`code` is
``re``'s own code generator with that set added to the pattern's information block, in the form
``re`` itself writes there, so the matches are the same, position for position.

The set must hold every character a match may start with. When one element is not understood (a
negated class, a back-reference, a wide class under IGNORECASE), no set is written and the pattern
runs as ``re`` compiles it.
"""

from __future__ import annotations

from re import _compiler
from re import _constants as _c
from typing import Any

VERSION = 1
"""Part of the regex cache's key: code written by an earlier version is not reused."""

Items = list[tuple[Any, Any]]  # charset items: (LITERAL, code point), (RANGE, (lo, hi)), (CATEGORY, c)

_IGNORECASE = _c.SRE_FLAG_IGNORECASE
# Characters outside ASCII that IGNORECASE matching pairs with an ASCII letter: their simple lower
# case is that letter (KELVIN SIGN, LATIN CAPITAL LETTER I WITH DOT ABOVE), or ``re`` adds them
# (LATIN SMALL LETTER DOTLESS I, LONG S). tests/startup/test_firstchars.py checks the list against
# every code point.
_ASCII_FOLDS = {"k": "\u212a", "i": "\u0130\u0131", "s": "\u017f"}
_SMALL_RANGE = 64


def code(parsed: Any, flags: int) -> list[int]:
    """``re._compiler._code(parsed, flags)``, with a first-character set when ``re`` finds none."""
    generated = _compiler._code(parsed, flags)
    flags |= parsed.state.flags
    if generated[0] != _c.INFO or generated[2] != 0 or flags & _c.SRE_FLAG_LOCALE:
        return generated  # re wrote a prefix or a set already, or none can be written
    low, high = generated[3], generated[4]
    first = _sequence(parsed.data, flags)
    if low == 0 or first is None or first[1]:
        return generated  # an empty match has no first character
    block = [_c.INFO, 0, _c.SRE_INFO_CHARSET, low, high]
    charset, _cased = _compiler._optimize_charset(first[0])
    _compiler._compile_charset(charset, flags, block)
    block[1] = len(block) - 1
    return block + generated[generated[1] + 1:]


def _sequence(items: Any, flags: int) -> tuple[Items, bool] | None:
    """``(the characters a match of items may start with, whether it may be empty)``, or None."""
    found: Items = []
    for op, av in items:
        first = _item(op, av, flags)
        if first is None:
            return None
        found += first[0]
        if not first[1]:
            return found, False
    return found, True


def _item(op: Any, av: Any, flags: int) -> tuple[Items, bool] | None:
    if op is _c.LITERAL:
        chars = _folded([av], flags)
        return None if chars is None else (chars, False)
    if op is _c.IN:
        chars = _members(av, flags)
        return None if chars is None else (chars, False)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True  # zero width: the match starts with what follows
    if op is _c.SUBPATTERN:
        _group, add, remove, child = av
        return _sequence(child.data, (flags | add) & ~remove)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av.data, flags)
    if op is _c.BRANCH:
        found: Items = []
        empty = False
        for branch in av[1]:
            first = _sequence(branch.data, flags)
            if first is None:
                return None
            found += first[0]
            empty |= first[1]
        return found, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        first = _sequence(av[2].data, flags)
        return None if first is None else (first[0], first[1] or av[0] == 0)
    return None  # any character, a negated literal, a back-reference, a conditional


def _members(members: Any, flags: int) -> Items | None:
    """A character class's items, case variants added under IGNORECASE."""
    found: Items = []
    for op, av in members:
        if op is _c.LITERAL:
            chars = _folded([av], flags)
        elif op is _c.RANGE:
            chars = (_folded(range(av[0], av[1] + 1), flags) if flags & _IGNORECASE
                     else [(_c.RANGE, av)])
        elif op is _c.CATEGORY:
            chars = [(op, av)]  # \d, \w, \s and their negations are closed under case
        else:
            return None  # NEGATE (the class would have to be complemented), RANGE_UNI_IGNORE, ...
        if chars is None:
            return None
        found += chars
    return found


def _folded(points: Any, flags: int) -> Items | None:
    """Literal items for code points, with every character IGNORECASE pairs them with."""
    if not flags & _IGNORECASE:
        return [(_c.LITERAL, point) for point in points]
    if len(points) > _SMALL_RANGE:
        return None
    chars: set[str] = set()
    for point in points:
        char = chr(point)
        if not char.isascii():
            return None
        lower = char.lower()
        chars |= {lower, char.upper(), *_ASCII_FOLDS.get(lower, "")}
    return [(_c.LITERAL, ord(char)) for char in sorted(chars)]
