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
  found by the same search, so a pattern of bullet items is tried at line ends only;
- a sentence's opening (``<start>``): the places :data:`START` finds, searched for only in a
  document where such a pattern is tried.

A pattern that may begin with a word class or a gap (``<name> , {age} ...``) is *anchored* instead
on its first claim element after a short run of word elements: at each such claim, a regex for the
run before it, ending at the claim, finds the leftmost place the run can begin within a bounded
window. Either way, the pattern's full regex is then matched (``re.match``) at the candidate places
in order, skipping places inside the previous match, which yields what ``finditer`` over the whole
text would, without reading the rest of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from factcheck.claims.lexicon import trie
from factcheck.claims.patterns.syntax import (
    ITEM_OPENERS,
    LINE_CLASSES,
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
BULLET = ("bullet", "")  # a place where ``<bullet>`` can begin: spaces, then a new line
OPENING = ("start", "")  # a place where ``<start>`` is: where a sentence opens
# ``<start>``: the text's start, a line's start (after a space or tab of indent), or after a full
# stop, an exclamation or a question mark and one or two spaces (a closing quote or bracket before
# them), each with an opening quote or bracket after it or not. More places than the sentence
# splitter's (an abbreviation's stop too): a rule reading a pattern that opens with it still asks
# whether its claim opens the sentence.
_OPENED = r"[\"“‘'(\[]"
_CLOSED = r"[\"”’')\]]"
START = "(?:" + "|".join(f"(?<={before}{opened})" for opened in ("", _OPENED) for before in (
    "^", r"\n", r"\n[ \t]", "[.!?] ", "[.!?]  ", f"[.!?]{_CLOSED} ", f"[.!?]{_CLOSED}  ")) + ")"
# the places :data:`START` asserts that a word follows, found forwards: its group is the opening quote
# or bracket, which may stand before or after the place (a search trying START's look-behinds at every
# character costs four times as much)
OPENINGS = rf"(?:\A|(?<=\n)[ \t]?|(?<=[.!?]){_CLOSED}?  ?)({_OPENED}?)(?=\S)"


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
    ``("claim", kind)``, ``("word", lower-case word)``, ``("punct", text)``, :data:`BULLET`,
    :data:`OPENING` or :data:`ANY`."""
    if isinstance(node, ClaimRef):
        return {("claim", node.kind)}, False
    if isinstance(node, Literal):
        first = node.text.split()[0]
        word = re.match(r"[^\W_]+", first)
        return ({("word", word[0].lower())} if word else {("punct", first)}), False
    if isinstance(node, WordClass) and node.name in ITEM_OPENERS:
        return {BULLET}, False
    if isinstance(node, WordClass) and node.name == "start":
        return {OPENING}, False
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


Need = frozenset[tuple[str, str]]  # ``("claim", kind)``, ``("word", lower-case word)``, ``("punct", mark)``
# what ``<dash>`` holds: a hyphen or dash, then a space or a tab (the "- " of "--" too)
DASHES: Need = frozenset(("punct", dash + space) for dash in "-–—" for space in " \t")
_NEEDS = 4  # requirements kept per pattern
_MARK_NEEDS = 2  # ... and punctuation ones besides
# A need is worth checking when it is rare in prose or lies close to the start: one holding a
# function word, a plain amount or many words far into the match is in nearly every window
# (measured on news, docs/performance.md).
COMMON = frozenset({("word", w) for w in ("a", "an", "the", "in", "of", "to", "and", "at", "on", "for",
                                           "is", "was", "or", "that", "this", "with", "as")}
                    | {("claim", k) for k in ("number", "money", "quantity")}
                    | {("punct", p) for p in (",", ".", "-")})
MIN_WINDOW = 12
_ALTERNATIVES = 16  # a need of many words (a word class) is in most windows too, and costly to gather
NEAR = 16  # ... unless it must lie within this many runs of the start


def selective(found: list[tuple[Need, int | None]]) -> list[tuple[Need, int]]:
    """The needs worth checking before a pattern's regex is tried, each with its reach (see
    :func:`reached`): a need without one, or a function word, a plain amount or a class of many
    words far into the match, is in nearly every window (see ``COMMON``); one met within
    :data:`NEAR` runs of the start is kept whatever it holds, since checking a place costs a
    bisection or two and a failed regex attempt some microseconds."""
    return [(need, reach) for need, reach in found if reach is not None and (
        reach <= NEAR or (not need & COMMON and len(need) <= _ALTERNATIVES))]


_LETTERS = regexcache.compile(r"([^\W\d_]+)(?:[^\w].*)?")
_MARKS = regexcache.compile(r"[^\w\s'’]+")


def _mark(token: str) -> bool:
    """Whether a literal's token is punctuation worth needing: caseless (ignoring case, the literal
    reads it as written, see ``compiler._literal``) and not in every window (a comma)."""
    caseless = token.lower() == token.upper()
    return bool(_MARKS.fullmatch(token)) and caseless and ("punct", token) not in COMMON


def needs(node: Node) -> list[Need]:
    """What every match of ``node`` contains: each entry is a set of which at least one occurs in
    the match (a claim of a kind, or a word as the scan for words finds it, in any case). A place
    whose window holds none of some entry is never tried (see :func:`tokens`)."""
    return [need for need, _ in reached(node)]


def reached(node: Node, opening: bool = True) -> list[tuple[Need, int | None]]:
    """:func:`needs`, each with its *reach*: the most runs of non-space characters that can begin
    between the start of a match and the start of the need's occurrence in it, that occurrence's run
    included (None when an unbounded element may come first). The need of a pattern's first claim or
    word is met within a run or two of its start, however long the rest of the match may be.
    ``opening``: whether ``node`` may open the match, where a ``<bullet>`` may be the text's start
    and need no line break."""
    if isinstance(node, ClaimRef):
        return [(frozenset({("claim", node.kind)}), 1)]
    if isinstance(node, Literal):  # each of its words: "a total of" needs "total" as much as "a"
        found: dict[Need, int | None] = {}
        for index, token in enumerate(node.text.split()):
            if word := _LETTERS.fullmatch(token):
                found.setdefault(frozenset({("word", word[1].lower())}), index + 1)
            elif _mark(token):  # found as written: a ':' before a list
                found.setdefault(frozenset({("punct", token)}), index + 1)
        return list(found.items())
    if isinstance(node, Capture):
        return reached(node.body, opening)
    if isinstance(node, Repeat):
        return reached(node.body, opening) if node.low > 0 else []
    if isinstance(node, Seq):
        found = {}
        before: int | None = 0  # the most runs the items before this one hold
        for item in node.items:
            for need, reach in reached(item, opening and before == 0):
                total = None if before is None or reach is None else before + reach
                found[need] = _nearer(found[need], total) if need in found else total
            width = tokens(item)
            before = None if before is None or width is None else before + width
        ranked = sorted(found.items(), key=lambda pair: _rank(pair[0]))
        marks = [pair for pair in ranked if _marks(pair[0])]  # kept beside the others, not instead
        return [pair for pair in ranked if not _marks(pair[0])][:_NEEDS] + marks[:_MARK_NEEDS]
    if isinstance(node, Alt):
        parts = [dict(reached(branch, opening)) for branch in node.branches]
        if not all(parts):
            return []
        common = [(need, _farther(part[need] for part in parts)) for need in parts[0]
                  if all(need in part for part in parts[1:])]
        if any(not need & COMMON for need, _ in common):
            return common
        # the rarest need of each branch: "(The remaining|The rest)" needs "remaining" or "rest"
        # beside the "the" they share
        firsts = [min(part, key=_rank) for part in parts]
        reach = _farther(part[first] for part, first in zip(parts, firsts, strict=True))
        union = frozenset().union(*firsts)
        return common + ([(union, reach)] if all(union != need for need, _ in common) else [])
    if isinstance(node, WordClass) and node.name in ITEM_OPENERS and not (opening and node.name == "bullet"):
        return [(frozenset({("punct", "\n")}), 1)]  # a list item begins with a line break (a
    # ``<bullet>`` opening a match may stand at the text's start instead: a list opening the document)
    if isinstance(node, WordClass) and node.name == "dash":  # a dash and the space or tab after it
        return [(DASHES, 1)]
    return []  # a gap or another word class: any word


def _nearer(one: int | None, two: int | None) -> int | None:
    return two if one is None else one if two is None else min(one, two)


def _farther(reaches: Iterable[int | None]) -> int | None:
    found = list(reaches)
    return None if None in found else max(found)  # type: ignore[type-var]


def _rank(need: Need) -> tuple[bool, bool, bool, int]:
    """Rare needs first: a function word or a plain amount last, words before claims (a claim of a
    common kind is in most windows) and claims before punctuation, fewer alternatives first."""
    return (bool(need & COMMON), _marks(need), any(key == "claim" for key, _ in need), len(need))


def _marks(need: Need) -> bool:
    return any(key == "punct" for key, _ in need)


def tokens(node: Node) -> int | None:
    """The most runs of non-space characters a match of ``node`` can hold, None when unbounded
    (``<line>``, ``<rest>``). A claim's placeholder and every word, gap or punctuation element is
    one run at most; a run may hold several elements ("(20%)"), never the reverse, so a match that
    begins at ``p`` and holds a word at ``q`` has at most this many runs beginning in ``p..q``."""
    return _most(node, 1, {"name": 4, "line": None, "item": None, "point": None, "rest": None, "start": 0,
                            "end": 0})


def _words(node: Node) -> int | None:
    """The most words a claim-free element can match, or None when it holds a claim."""
    return _most(node, None, {"name": 4, "line": 20, "item": 20, "point": 30, "rest": 20, "bullet": 2,
                              "marker": 2, "nested": 2, "below": 0, "start": 0, "end": 0})


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


def crosses(node: Node) -> bool:
    """Whether a match of ``node`` may hold a sentence stop (see :data:`STOP`): only a word class
    reading a whole line or a literal with a full stop, an exclamation or a question mark can."""
    if isinstance(node, WordClass):
        return node.name in LINE_CLASSES
    if isinstance(node, Literal):
        return _stops_in(node.text)
    if isinstance(node, Capture | Repeat):
        return crosses(node.body)
    if isinstance(node, Seq | Alt):
        return any(crosses(child) for child in (node.items if isinstance(node, Seq) else node.branches))
    return False  # a claim's placeholder, a gap: a word of "U.S." holds dots, never a stop


# letters whose ignore-case match is ASCII alone (``re`` also matches "k" to the Kelvin sign, "s" to
# the long s, "i" to the dotted and dotless i): before an abbreviation's last dot, only these make
# it a dot that :data:`STOP` never reads
_ABBREVIATING = frozenset("abcdefghjlmnopqrtuvwxyzABCDEFGHJLMNOPQRTUVWXYZ")


def _stops_in(text: str) -> bool:
    """Whether a literal may match a sentence stop: an exclamation or a question mark, or a full
    stop that its own next character (a word character) or the two before it (a full stop and a
    letter: "e.g.", "i.e.") do not keep from being one."""
    for index, char in enumerate(text):
        if char in "!?":
            return True
        after = text[index + 1:index + 2]
        abbreviated = index >= 2 and text[index - 2] == "." and text[index - 1] in _ABBREVIATING
        if char == "." and not (after.isalnum() or after == "_" or abbreviated):
            return True
    return False


# A sentence stop in the masked text: an exclamation or question mark, or a full stop that no
# element but a literal or a line can match. A word's dots (``_WORD``, ``<cap>``) stand before a
# word character ("3.5", "U.S") or end an abbreviation of single letters ("U.S.", "e.g."); a claim's
# dots are inside its placeholder. A blank line stops one too: only a line class reads one (a
# separator takes one line break at most, a claim's placeholder, a word or a gap none).
STOP = r"[!?]|\.(?!\w)(?<![.][A-Za-z][.])|\n[ \t\u00a0]*\n"


def unstopped(node: Node) -> Node:
    """The part of ``node`` that a match reads before any sentence stop it may hold: all of it, or
    the items of its sequence before the first that may hold one (an empty sequence if that is the
    first)."""
    if not crosses(node):
        return node
    if not isinstance(node, Seq):
        return Seq((), node.pos)
    items: list[Node] = []
    for item in node.items:
        if crosses(item):
            break
        items.append(item)
    return Seq(tuple(items), node.pos)


def least(node: Node) -> dict[Need, int]:
    """The claims every match of ``node`` holds at least, by need (a claim kind, or one of a few
    kinds: ``@amount``): "from {number} to {number}" holds two numbers."""
    if isinstance(node, ClaimRef):
        return {frozenset({("claim", node.kind)}): 1}
    if isinstance(node, Capture):
        return least(node.body)
    if isinstance(node, Repeat):
        return {need: count * node.low for need, count in least(node.body).items()} if node.low else {}
    if isinstance(node, Seq):
        found: dict[Need, int] = {}
        for item in node.items:
            for need, count in least(item).items():
                found[need] = found.get(need, 0) + count
        return found
    if isinstance(node, Alt):
        parts = [least(branch) for branch in node.branches]
        common = {need: min(part[need] for part in parts) for need in parts[0]
                  if all(need in part for part in parts[1:])}
        if common or not all(parts):
            return common
        singles = [next(iter(part)) for part in parts if len(part) == 1]
        if len(singles) < len(parts):
            return {}
        return {frozenset().union(*singles): min(count for part in parts for count in part.values())}
    return {}


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


def start_forms(word: str) -> tuple[str, str, str]:
    """How a word found by the scan (``word`` in lower case) may be written where it starts a
    pattern: as in a pattern (lower case), capitalised or in capitals; "wAs" is no starting point."""
    return word, word[:1].upper() + word[1:], word.upper()


@dataclass(frozen=True, slots=True)
class Scanner:
    """The one search a document gets, in three C-speed passes instead of one alternation tried at
    every character: the starting and needed ``words`` (a case-sensitive trie over the lower-cased
    text; ``folded``, the same trie ignoring case, where lower-casing would not read as ``re``'s
    ignore-case does), the punctuation literals (``puncts``), and with ``bullets`` the line breaks."""

    words: re.Pattern[str] | None
    folded: re.Pattern[str] | None
    puncts: re.Pattern[str] | None
    bullets: bool
    starting: frozenset[str]  # the words that start a pattern (the others are only needed)


# Characters that ``re`` matches to an ASCII letter ignoring case but that str.lower() does not turn
# into it (or turns into two characters): a text holding one is searched with ``Scanner.folded``.
_UNFOLDED = regexcache.compile("[\u0130\u0131\u017f]")


def folded_text(text: str) -> str | None:
    """``text`` lower-cased, when the words' case-sensitive trie finds in it exactly what the
    ignore-case trie finds in ``text``; else None."""
    lower = text.lower()
    return lower if len(lower) == len(text) and not _UNFOLDED.search(text) else None


@lru_cache(maxsize=32)
def scanner(words: frozenset[str], puncts: frozenset[str], bullets: bool = False,
            starting: frozenset[str] = frozenset()) -> Scanner | None:
    """The one search a document gets (see :class:`Scanner`): every starting or needed word (in
    any case) and punctuation literal of the loaded patterns, and with ``bullets`` the runs of
    spaces that end in a new line (each of their places is a candidate, see :data:`BULLET`). Kept
    per set of starters: building the trie of a pack's words costs more than extracting a short
    article, and every :class:`~factcheck.claims.patterns.PatternSet` of the same pack needs the
    same search."""
    if not (words or puncts or bullets):
        return None
    exact = folded = None
    if words:  # in any case: a word a pattern needs is found as written (a start only in its start_forms)
        body = trie(words)
        folded = regexcache.compile(rf"(?i:\b{body}\b)")
        exact = regexcache.compile(rf"\b{body}\b") if all(word.isascii() for word in words) else None
    marks = None
    if puncts:
        # longest first, then in a fixed order: the same text in every process, whose opcodes the
        # package's build generated (a set's order changes from one process to the next)
        marks = regexcache.compile("|".join(re.escape(p) for p in sorted(puncts, key=lambda p: (-len(p), p))))
    return Scanner(exact, folded, marks, bullets, starting & words)
