"""Where a pattern can start: so that each pattern is tried only at a few places in a document.

Scanning the whole masked text with every pattern's regex (``finditer``) costs one attempt per
character per pattern, because a pattern that opens with a word class or a look-behind gives the
regex engine nothing to skip ahead with. Instead, each compiled pattern knows its *starters*, the
elements its matches can begin with:

- a claim of some kind (its placeholders are known from the atom list, no search needed);
- a word (the first word of a literal or of a word alternation), found by **one combined search per
  document** for every starting word of every loaded pattern, as written in lower case, capitalised
  or in capitals (a pattern literal in another mixed case, "wAs", is not a starting point);
- a punctuation literal, found by the same search;
- a list item's line break (``<bullet>``): every place of a run of spaces that ends in a new line,
  found by the same search, so a pattern of bullet items is tried at line ends only.

A pattern that may begin with a word class or a gap (``<name> , {age} ...``) is *anchored* instead
on its first claim element after a short run of word elements: at each such claim, a regex for the
run before it, ending at the claim, finds the leftmost place the run can begin within a bounded
window. Either way, the pattern's full regex is then matched (``re.match``) at the candidate places
in order, skipping places inside the previous match, which yields what ``finditer`` over the whole
text would, without reading the rest of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.claims.lexicon import trie
from factcheck.claims.patterns.syntax import (
    Alt,
    Capture,
    ClaimRef,
    Gap,
    Literal,
    Node,
    Repeat,
    Seq,
    WordClass,
)
from factcheck.claims.regexparts import HSPACE, LINE_GAP
from factcheck.startup import regexcache

_WORD_WIDTH = 40  # characters allowed for one word when bounding the run before an anchor
ANY = ("any", "")
BULLET = ("bullet", "")  # a place where ``<bullet>`` can begin: spaces, then a new line


@dataclass(frozen=True, slots=True)
class Anchor:
    """A pattern's first claim element after a bounded run of words: ``before`` (a regex source
    ending at the claim) finds where the run begins, at most ``width`` characters before it."""

    kinds: frozenset[str]
    before: str
    width: int
    last: str = ""  # the literal right before the claim, if any: a cheap test before the search


def starters(node: Node) -> tuple[set[tuple[str, str]], bool]:
    """The elements a match of ``node`` can begin with, and whether it can match nothing:
    ``("claim", kind)``, ``("word", lower-case word)``, ``("punct", text)``, :data:`BULLET` or
    :data:`ANY`."""
    if isinstance(node, ClaimRef):
        return {("claim", node.kind)}, False
    if isinstance(node, Literal):
        first = node.text.split()[0]
        word = re.match(r"[^\W_]+", first)
        return ({("word", word[0].lower())} if word else {("punct", first)}), False
    if isinstance(node, WordClass) and node.name == "bullet":
        return {BULLET}, False
    if isinstance(node, Gap | WordClass):
        return {ANY}, False
    if isinstance(node, Capture):
        return starters(node.body)
    if isinstance(node, Repeat):
        found, empty = starters(node.body)
        return found, empty or node.low == 0
    if isinstance(node, Alt):
        parts = [starters(branch) for branch in node.branches]
        return set().union(*(found for found, _ in parts)), any(empty for _, empty in parts)
    found: set[tuple[str, str]] = set()
    for item in node.items:  # a Seq
        first, empty = starters(item)
        found |= first
        if not empty:
            return found, False
    return found, True


Need = frozenset[tuple[str, str]]  # ``("claim", kind)`` and ``("word", lower-case word)`` keys
_NEEDS = 4  # requirements kept per pattern
# A need is worth checking only when it is rare in prose and the pattern is long: one holding a
# function word, a plain amount or many words is in nearly every window, and a pattern of a few
# runs fails as fast in the regex as in the check (measured on news, docs/performance.md).
_COMMON = frozenset({("word", w) for w in ("a", "an", "the", "in", "of", "to", "and", "at", "on", "for",
                                           "is", "was", "or", "that", "this", "with", "as")}
                    | {("claim", k) for k in ("number", "money", "quantity")})
MIN_WINDOW = 12
_ALTERNATIVES = 16  # a need of many words (a word class) is in most windows too, and costly to gather


def selective(found: list[Need], window: int | None) -> list[Need]:
    """The needs worth checking before a pattern's regex is tried (see ``_COMMON``)."""
    if window is None or window < MIN_WINDOW:
        return []
    return [need for need in found if not need & _COMMON and len(need) <= _ALTERNATIVES]
_LETTERS = re.compile(r"([^\W\d_]+)(?:[^\w].*)?")


def needs(node: Node) -> list[Need]:
    """What every match of ``node`` contains: each entry is a set of which at least one occurs in
    the match (a claim of a kind, or a word as the scan for words finds it, in any case). A place
    whose window holds none of some entry is never tried (see :func:`tokens`)."""
    if isinstance(node, ClaimRef):
        return [frozenset({("claim", node.kind)})]
    if isinstance(node, Literal):  # each of its words: "a total of" needs "total" as much as "a"
        words = [_LETTERS.fullmatch(token) for token in node.text.split()]
        return list(dict.fromkeys(frozenset({("word", word[1].lower())}) for word in words if word))
    if isinstance(node, Capture):
        return needs(node.body)
    if isinstance(node, Repeat):
        return needs(node.body) if node.low > 0 else []
    if isinstance(node, Seq):
        found: list[Need] = []
        for item in node.items:
            found += [need for need in needs(item) if need not in found]
        return sorted(found, key=_rank)[:_NEEDS]
    if isinstance(node, Alt):
        parts = [needs(branch) for branch in node.branches]
        if not all(parts):
            return []
        common = [need for need in parts[0] if all(need in part for part in parts[1:])]
        return common or [frozenset().union(*(min(part, key=_rank) for part in parts))]
    return []  # a gap or a word class: any word


def _rank(need: Need) -> tuple[bool, bool, int]:
    """Rare needs first: a function word or a plain amount last, then words before claims (a claim
    of a common kind is in most windows), fewer alternatives first."""
    return (bool(need & _COMMON), any(key == "claim" for key, _ in need), len(need))


def tokens(node: Node) -> int | None:
    """The most runs of non-space characters a match of ``node`` can hold, None when unbounded
    (``<line>``, ``<rest>``). A claim's placeholder and every word, gap or punctuation element is
    one run at most; a run may hold several elements ("(20%)"), never the reverse, so a match that
    begins at ``p`` and holds a word at ``q`` has at most this many runs beginning in ``p..q``."""
    return _most(node, 1, {"name": 4, "line": None, "item": None, "rest": None})


def _words(node: Node) -> int | None:
    """The most words a claim-free element can match, or None when it holds a claim."""
    return _most(node, None, {"name": 4, "line": 20, "item": 20, "rest": 20, "bullet": 2})


def _most(node: Node, claim: int | None, classes: dict[str, int | None]) -> int | None:
    """The most units a match of ``node`` can hold, counting ``claim`` for a claim's placeholder and
    ``classes`` for the word classes so named (1 for the others); None stands for unbounded."""
    if isinstance(node, ClaimRef):
        return claim
    if isinstance(node, Gap):
        return 1
    if isinstance(node, Literal):
        return len(node.text.split())
    if isinstance(node, WordClass):
        return classes.get(node.name, 1)
    if isinstance(node, Capture):
        return _most(node.body, claim, classes)
    if isinstance(node, Repeat):
        inner = _most(node.body, claim, classes)
        return None if inner is None else inner * node.high
    children = node.branches if isinstance(node, Alt) else node.items
    parts = [_most(child, claim, classes) for child in children]
    if any(part is None for part in parts):
        return None
    return max(parts) if isinstance(node, Alt) else sum(parts)  # type: ignore[arg-type, return-value]


def anchor(node: Node, emit) -> Anchor | None:
    """The anchor of a pattern that may begin with a word class or a gap (see the module doc), or
    None when it has none. ``emit`` compiles a node to regex source."""
    items = node.items if isinstance(node, Seq) else (node,)
    for index, item in enumerate(items):
        kinds = _claim_kinds(item)
        if kinds is not None and index > 0:
            words = sum(_words(before) or 0 for before in items[:index])
            prefix = emit(Seq(items[:index], 0) if index > 1 else items[0])
            sep = "" if isinstance(item, Repeat) else LINE_GAP
            last = items[index - 1].text.lower() if isinstance(items[index - 1], Literal) else ""
            return Anchor(frozenset(kinds), f"(?:{prefix}){sep}$", words * _WORD_WIDTH, last)
        if _words(item) is None:
            return None
    return None


def _claim_kinds(node: Node) -> set[str] | None:
    if isinstance(node, Capture):
        return _claim_kinds(node.body)
    if isinstance(node, ClaimRef):
        return {node.kind}
    if isinstance(node, Alt):
        kinds = [_claim_kinds(branch) for branch in node.branches]
        return None if any(k is None for k in kinds) else set().union(*kinds)  # type: ignore[arg-type]
    return None


def is_start(word: str) -> bool:
    """Whether a word found by the scan can start a pattern: as written in a pattern (lower case),
    capitalised or in capitals; "wAs" is no starting point."""
    lower = word.lower()
    return word == lower or word == lower[:1].upper() + lower[1:] or word == lower.upper()


@lru_cache(maxsize=32)
def scanner(words: frozenset[str], puncts: frozenset[str], bullets: bool = False) -> re.Pattern[str] | None:
    """The one search a document gets: every starting or needed word (in any case) and punctuation
    literal of the loaded patterns, and with ``bullets`` the runs of spaces that end in a
    new line (group ``b``: each of its places is a candidate, see :data:`BULLET`). Kept per set of
    starters: building the trie of a pack's words costs more than extracting a short article, and
    every :class:`~factcheck.claims.patterns.PatternSet` of the same pack needs the same search."""
    branches = [rf"(?P<b>{HSPACE}*\n)"] if bullets else []
    if words:  # in any case: a word a pattern needs is found as written (a start only as in is_start)
        branches.append(rf"(?i:\b(?P<w>{trie(words)})\b)")
    if puncts:
        branches.append(f"(?P<p>{'|'.join(re.escape(p) for p in sorted(puncts, key=len, reverse=True))})")
    return regexcache.compile("|".join(branches)) if branches else None
