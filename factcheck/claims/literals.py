"""The literal words every match of a regular expression contains, to skip a scan that cannot match.

An extractor's scan is a regex tried at every position of a document, but most documents hold no
"quarter", no "fiscal", no holiday: the scan then costs a full pass for nothing. The expression's
parse tree says which literals each match must contain -- for "(?:the )?(?:first|second) quarter"
one of {"first", "second"} and "quarter" -- and a substring test (C speed) on the lower-cased
document skips the scan when one of them is absent, as ripgrep and RE2's prefilter do. The result
is exactly that of the scan: :func:`finditer` yields the same matches, only faster when the words
are missing.

Case: the document and the literals are compared in lower case. A literal matched case-insensitively
counts only when it is ASCII and ``re`` pairs it with no other letter (its folding matches "ı" for
"i" and "ſ" for "s", which ``str.lower`` leaves alone), and a document whose lower-case form has
another length is always scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import product
from typing import Any

from factcheck.startup import regexcache

try:  # CPython's parser: the tree ``re`` compiles, read the same way
    from re import _casefix, _parser
    from re import _constants as _c
except ImportError:  # pragma: no cover - another implementation: no literal is known, always scan
    _parser = None

Needs = tuple[frozenset[str], ...]
"""Sets of strings: a match holds one string of each set (in lower case)."""

_MAX_STRINGS = 64  # an exact set larger than this is not expanded further
_MIN_LENGTH = 2  # a set holding a single letter is in every document: not worth a test
_MAX_NEEDS = 3


def needs(pattern: re.Pattern[str]) -> Needs:
    """What every match of ``pattern`` contains: the most selective sets found, at most three."""
    return _needs(pattern.pattern, pattern.flags)  # by source: a Pattern hashes its code on every call


@cache
def _needs(source: str, flags: int) -> Needs:
    if _parser is None or flags & re.VERBOSE:
        return ()
    key = regexcache.input_key(source, int(flags))
    built = _decoded(regexcache.derived("needs", key))  # derived in the package's build
    if built is None:
        built = _derive(source, flags)
        regexcache.keep("needs", key, [sorted(group) for group in built])
    return built


def _decoded(data: object) -> Needs | None:
    """Needs recorded as lists of strings, or None when ``data`` is not that."""
    if not (isinstance(data, list) and all(isinstance(group, list) and group
                                           and all(isinstance(s, str) for s in group) for group in data)):
        return None
    return tuple(frozenset(group) for group in data)


def _derive(source: str, flags: int) -> Needs:
    exact, found = _sequence(_parser.parse(source, flags).data, flags, _EMPTY)
    if exact is not None:
        found = [exact]
    useful = {_shortest(group) for group in found if min(map(len, group)) >= _MIN_LENGTH}
    ranked = sorted(useful, key=lambda group: (-min(map(len, group)), len(group), sorted(group)))
    return tuple(sorted(ranked[:_MAX_NEEDS], key=len))  # the fewest substring tests first


def _shortest(group: Strings) -> Strings:
    """The strings of ``group`` that hold no other: where "april's" occurs, "april" does too."""
    return frozenset(s for s in group if not any(other != s and other in s for other in group))


@lru_cache(maxsize=4)  # by text: each extractor of one document asks for the same text
def lowered(text: str) -> str | None:
    """``text`` in lower case, or None when lowering changes its length (then every scan runs)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``text`` lacks a literal every match of ``pattern`` holds."""
    required = needs(pattern)
    if not required:
        return True
    lower = lowered(text)
    if lower is None:
        return True
    for group in required:  # plain loops: a generator per test costs more than the substring search
        for word in group:
            if word in lower:
                break
        else:
            return False
    return True


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when the text lacks a word every match needs."""
    return pattern.finditer(text) if may_match(pattern, text) else iter(())


_EMPTY = frozenset({""})
Strings = frozenset[str]
Result = tuple[Strings | None, list[Strings]]  # (the strings always matched if few, what a match holds)


def _sequence(items: list[Any], flags: int, prefix: Strings) -> Result:
    """Items in a row, after ``prefix`` (the strings matched just before them)."""
    run: Strings | None = prefix
    found: list[Strings] = []
    for item in items:
        exact, holds = _item(item, flags, run if run is not None else _EMPTY)
        if exact is not None:
            run = exact
        else:
            found += holds
            run = None
    if run is not None and len(found) == 0:
        return run, []
    return None, found + _kept(run)


def _kept(strings: Strings | None) -> list[Strings]:
    return [strings] if strings and "" not in strings else []


def _joined(prefix: Strings, strings: Strings | None) -> Result:
    """``prefix`` followed by one of ``strings``: exact while the product is small."""
    if strings is None:
        return None, _kept(prefix)
    if len(prefix) * len(strings) <= _MAX_STRINGS:
        return frozenset(a + b for a, b in product(prefix, strings)), []
    return None, _kept(prefix) + _kept(strings)


def _item(item: Any, flags: int, prefix: Strings) -> Result:
    op, av = item
    if op is _c.LITERAL:
        return _joined(prefix, _char(chr(av), flags))
    if op is _c.IN:
        return _joined(prefix, _chars(av, flags))
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return prefix, []  # zero width: the strings on either side are one run
    if op is _c.SUBPATTERN:
        _group, add, remove, child = av
        return _sequence(child.data, (flags | add) & ~remove, prefix)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av.data, flags, prefix)
    if op is _c.BRANCH:
        return _branch([_sequence(branch.data, flags, prefix) for branch in av[1]])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _repeat(av[0], av[1], _sequence(av[2].data, flags, _EMPTY), prefix)
    return None, _kept(prefix)  # any character, a category, a back-reference: no literal


def _branch(branches: list[Result]) -> Result:
    if all(exact is not None for exact, _ in branches):
        union = frozenset().union(*(exact for exact, _ in branches))  # type: ignore[misc]
        if len(union) <= _MAX_STRINGS:
            return union, []
    best = [_best(branch) for branch in branches]
    return None, ([frozenset().union(*best)] if all(best) else [])  # type: ignore[arg-type]


def _repeat(low: int, high: int, child: Result, prefix: Strings) -> Result:
    exact, holds = child
    if exact is not None and high <= 2:
        strings = frozenset("".join(parts) for count in range(low, high + 1)
                            for parts in product(exact, repeat=count))
        return _joined(prefix, strings)
    inside = (holds or _kept(exact)) if low >= 1 else []
    return None, _kept(prefix) + inside


def _best(branch: Result) -> Strings | None:
    """The most selective of what a branch holds (its exact strings count as one)."""
    exact, holds = branch
    candidates = [c for c in [*holds, *_kept(exact)] if "" not in c]
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _char(char: str, flags: int) -> Strings | None:
    lower = char.lower()
    if flags & re.IGNORECASE and (not char.isascii() or ord(lower) in _casefix._EXTRA_CASES):
        return None
    return frozenset({lower}) if len(lower) == 1 else None


def _chars(members: list[tuple[Any, Any]], flags: int) -> Strings | None:
    """A character class as the lower-case characters it admits, if it lists a few (``[Tt]``)."""
    chars: set[str] = set()
    for op, av in members:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 16:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None  # a category, a negation, a wide range
    lowers: set[str] = set()
    for char in chars:
        lower = _char(char, flags)
        if lower is None:
            return None
        lowers |= lower
    return frozenset(lowers)
