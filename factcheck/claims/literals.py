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

try:  # CPython's parser: the tree ``re`` compiles, read the same way
    from re import _casefix, _parser
    from re import _constants as _c
except ImportError:  # pragma: no cover - another implementation: no literal is known, always scan
    _parser = None

Needs = tuple[frozenset[str], ...]
"""Sets of strings: a match holds one string of each set (in lower case)."""

_MAX_STRINGS = 64  # an exact set larger than this is not expanded further
_MIN_LENGTH = 3  # a set holding a shorter string is in nearly every document: not worth a test
_MAX_NEEDS = 3


@cache
def needs(pattern: re.Pattern[str]) -> Needs:
    """What every match of ``pattern`` contains: the most selective sets found, at most three."""
    if _parser is None or pattern.flags & re.VERBOSE:
        return ()
    found = _Analysis(_parser.parse(pattern.pattern, pattern.flags), pattern.flags).needs
    useful = [group for group in found if min(map(len, group)) >= _MIN_LENGTH]
    useful.sort(key=lambda group: (-min(map(len, group)), len(group)))
    return tuple(useful[:_MAX_NEEDS])


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
    return lower is None or all(any(word in lower for word in group) for group in required)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when the text lacks a word every match needs."""
    return pattern.finditer(text) if may_match(pattern, text) else iter(())


class _Analysis:
    """One node of the parse tree: ``exact`` is the set of strings it always matches when that set
    is finite and small (None otherwise), ``needs`` what its every match contains."""

    __slots__ = ("exact", "needs")

    def __init__(self, node: object, flags: int) -> None:
        self.exact: frozenset[str] | None = None
        self.needs: list[frozenset[str]] = []
        if isinstance(node, _parser.SubPattern):
            self._sequence(list(node.data), flags)
        else:
            self._item(node, flags)

    def _sequence(self, items: list[tuple[object, object]], flags: int) -> None:
        run: frozenset[str] | None = frozenset({""})
        exact = True
        for item in items:
            part = _Analysis(item, flags)
            if part.exact is not None and run is not None and len(run) * len(part.exact) <= _MAX_STRINGS:
                run = frozenset(a + b for a, b in product(run, part.exact))
                continue
            exact = False
            self._keep(run)
            self.needs.extend(part.needs)
            run = part.exact
        if exact:
            self.exact = run
        self._keep(run)

    def _keep(self, strings: frozenset[str] | None) -> None:
        if strings and "" not in strings:
            self.needs.append(strings)

    def _item(self, item: object, flags: int) -> None:
        op, av = item  # type: ignore[misc]
        if op is _c.LITERAL:
            self.exact = _char(chr(av), flags)
        elif op is _c.IN:
            self.exact = _chars(av, flags)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            self.exact = frozenset({""})  # zero width: the strings on either side stay one run
        elif op is _c.SUBPATTERN:
            _group, add, remove, child = av
            self._copy(_Analysis(child, (flags | add) & ~remove))
        elif op is _c.ATOMIC_GROUP:
            self._copy(_Analysis(av, flags))
        elif op is _c.BRANCH:
            self._branch([_Analysis(branch, flags) for branch in av[1]])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            self._repeat(av[0], av[1], _Analysis(av[2], flags))

    def _copy(self, other: _Analysis) -> None:
        self.exact, self.needs = other.exact, other.needs

    def _branch(self, branches: list[_Analysis]) -> None:
        if all(b.exact is not None for b in branches):
            union = frozenset().union(*(b.exact for b in branches))  # type: ignore[misc]
            if len(union) <= _MAX_STRINGS:
                self.exact = union
        best = [_best(b) for b in branches]
        if all(best):
            self.needs = [frozenset().union(*best)]  # type: ignore[arg-type]

    def _repeat(self, low: int, high: int, child: _Analysis) -> None:
        if child.exact is not None and high <= 2:
            strings = {"".join(parts) for count in range(low, high + 1)
                       for parts in product(child.exact, repeat=count)}
            if len(strings) <= _MAX_STRINGS:
                self.exact = frozenset(strings)
                return
        if low >= 1:
            self.needs = list(child.needs) or ([child.exact] if child.exact else [])


def _best(part: _Analysis) -> frozenset[str] | None:
    """The most selective of a branch's needs (its exact strings count as one)."""
    candidates = [*part.needs, *([part.exact] if part.exact is not None else [])]
    candidates = [c for c in candidates if "" not in c]
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _char(char: str, flags: int) -> frozenset[str] | None:
    lower = char.lower()
    if flags & re.IGNORECASE and (not char.isascii() or ord(lower) in _casefix._EXTRA_CASES):
        return None
    return frozenset({lower}) if len(lower) == 1 else None


def _chars(members: list[tuple[object, object]], flags: int) -> frozenset[str] | None:
    """A character class as the lower-case characters it admits, if it lists a few (``[Tt]``)."""
    chars: set[str] = set()
    for op, av in members:
        if op is _c.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is _c.RANGE and av[1] - av[0] < 16:  # type: ignore[index]
            chars.update(map(chr, range(av[0], av[1] + 1)))  # type: ignore[index]
        else:
            return None  # a category, a negation, a wide range
    lowers = set()
    for char in chars:
        lower = _char(char, flags)
        if lower is None:
            return None
        lowers |= lower
    return frozenset(lowers)
