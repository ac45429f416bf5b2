"""Where a pattern can start: so that each pattern is tried only at a few places in a document.

Scanning the whole masked text with every pattern's regex (``finditer``) costs one attempt per
character per pattern, because a pattern that opens with a word class or a look-behind gives the
regex engine nothing to skip ahead with. Instead, each compiled pattern knows its *starters*, the
elements its matches can begin with:

- a claim of some kind (its placeholders are known from the atom list, no search needed);
- a word (the first word of a literal or of a word alternation), found by **one combined search per
  document** for every starting word of every loaded pattern, as written in lower case, capitalised
  or in capitals (a pattern literal in another mixed case, "wAs", is not a starting point);
- a punctuation literal, found by the same search.

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
from factcheck.claims.regexparts import LINE_GAP
from factcheck.startup import regexcache

_WORD_WIDTH = 40  # characters allowed for one word when bounding the run before an anchor
ANY = ("any", "")


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
    ``("claim", kind)``, ``("word", lower-case word)``, ``("punct", text)`` or :data:`ANY`."""
    if isinstance(node, ClaimRef):
        return {("claim", node.kind)}, False
    if isinstance(node, Literal):
        first = node.text.split()[0]
        word = re.match(r"[^\W_]+", first)
        return ({("word", word[0].lower())} if word else {("punct", first)}), False
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


def _words(node: Node) -> int | None:
    """The most words a claim-free element can match, or None when it holds a claim."""
    if isinstance(node, ClaimRef):
        return None
    if isinstance(node, Literal):
        return len(node.text.split())
    if isinstance(node, Gap):
        return 1
    if isinstance(node, WordClass):
        return {"name": 4, "line": 20, "rest": 20, "bullet": 2}.get(node.name, 1)
    if isinstance(node, Capture):
        return _words(node.body)
    if isinstance(node, Repeat):
        inner = _words(node.body)
        return None if inner is None else inner * node.high
    parts = [_words(child) for child in (node.branches if isinstance(node, Alt) else node.items)]
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


def scanner(words: set[str], puncts: set[str]) -> re.Pattern[str] | None:
    """The one search a document gets: every starting word (lower case, capitalised, capitals) and
    punctuation literal of the loaded patterns."""
    forms = {form for word in words for form in (word, word[:1].upper() + word[1:], word.upper())}
    branches = []
    if forms:
        branches.append(rf"\b(?P<w>{trie(forms)})\b")
    if puncts:
        branches.append(f"(?P<p>{'|'.join(re.escape(p) for p in sorted(puncts, key=len, reverse=True))})")
    return regexcache.compile("|".join(branches)) if branches else None
