"""The pattern language's syntax tree, parsed by the lark grammar ``grammars/patterns.lark``.

Every node keeps ``pos``, its offset in the pattern string, so a load-time complaint (an unknown claim
kind, a field of the wrong type) points at the element that caused it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import permutations
from typing import TYPE_CHECKING

from factcheck.claims.patterns.inflect import inflections
from factcheck.startup.resources import load_grammar

if TYPE_CHECKING:
    import lark

UNBOUNDED_REPEAT = 8  # "+" and "*" mean at most this many repetitions: matching stays linear
FRAME_GAP = 4  # words allowed between the slots of a frame (`a & b`) unless `&{n}` says otherwise
TIME_KINDS = ("date", "duration", "ordinal")  # time phrases a frame's gap may hold: "in January 1987"
FRAME_SLOTS = 4  # at most this many slots in one frame: its orders are expanded at load time


@dataclass(frozen=True, slots=True)
class Literal:
    """Words or punctuation matched literally (case-insensitive)."""

    text: str
    pos: int


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim of ``kind``; with ``path``, that field of a composite of an earlier stage."""

    kind: str
    pos: int
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Gap:
    """Any one word or comma."""

    pos: int


@dataclass(frozen=True, slots=True)
class WordClass:
    """A word class: ``cap``, ``name``, ``word``, ``lower``, ``dash``, ``start``, ``end``, ``bullet``,
    ``marker``, ``nested``, ``below``, ``line``, ``item``, ``point`` or ``rest`` (see docs/patterns.md)."""

    name: str
    pos: int


@dataclass(frozen=True, slots=True)
class Seq:
    """Items one after another."""

    items: tuple[Node, ...]
    pos: int


@dataclass(frozen=True, slots=True)
class Alt:
    """One of the branches."""

    branches: tuple[Node, ...]
    pos: int


@dataclass(frozen=True, slots=True)
class Repeat:
    """``body`` repeated from ``low`` to ``high`` times."""

    body: Node
    low: int
    high: int
    pos: int
    lazy: bool = False  # ``{0,16}?``: as few repetitions as the rest of the pattern allows


@dataclass(frozen=True, slots=True)
class Capture:
    """``body`` captured as field ``field``; a list capture (``:field[]``) collects every match."""

    body: Node
    field: str
    is_list: bool
    pos: int


Node = Literal | ClaimRef | Gap | WordClass | Seq | Alt | Repeat | Capture
# the classes that open a list item with its line break ("- ", "1.", a nested item), and those a match
# of which may take whole lines (and so a sentence stop)
ITEM_OPENERS = ("bullet", "marker", "nested", "below")
LINE_CLASSES = ("line", "item", "point", "rest", *ITEM_OPENERS)
WORD_CLASSES = ("cap", "name", "word", "lower", "dash", "start", "end", *LINE_CLASSES)


class PatternSyntaxError(Exception):
    """A pattern that does not parse; ``pos`` is the offset in the pattern string."""

    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


_TERMINALS = {"RPAR": "')'", "RSQB": "']'", "RBRACE": "'}'", "MORETHAN": "'>'", "NAME": "a name",
              "WORD": "a word", "COLON": "':'", "VBAR": "'|'", "LPAR": "'('", "LSQB": "'['",
              "LBRACE": "'{'", "LESSTHAN": "'<'"}


@cache
def _parser() -> lark.Lark:
    return load_grammar("patterns")


def parse_pattern(pattern: str, macros: Mapping[str, Node] | None = None) -> Node:
    """The syntax tree of ``pattern``, with ``@name`` replaced by the tree of macro ``name``;
    raises :class:`PatternSyntaxError` with the offset."""
    import lark

    try:
        tree = _parser().parse(pattern)
    except lark.UnexpectedCharacters as exc:
        raise PatternSyntaxError(f"unexpected character {pattern[exc.pos_in_stream]!r}",
                                 exc.pos_in_stream) from None
    except lark.UnexpectedToken as exc:
        token = exc.token
        end = token.type == "$END" or token.start_pos is None
        pos = len(pattern) if end else token.start_pos
        what = "end of pattern" if end else repr(str(token))
        expected = ", ".join(sorted(_TERMINALS.get(name, name) for name in exc.expected)[:6])
        raise PatternSyntaxError(f"unexpected {what} (expected {expected})", pos) from None
    except lark.UnexpectedEOF:
        raise PatternSyntaxError("unexpected end of pattern", len(pattern)) from None
    return _Builder(macros or {}).build(tree.children[0])


def _pos(tree: lark.Tree | lark.Token) -> int:
    import lark

    if isinstance(tree, lark.Token):
        return tree.start_pos or 0
    return tree.meta.start_pos if not tree.meta.empty else 0


class _Builder:
    """Tree → node, per grammar rule; macros are expanded where they are named."""

    def __init__(self, macros: Mapping[str, Node]) -> None:
        self.macros = macros

    def build(self, tree: lark.Tree | lark.Token) -> Node:
        import lark

        if isinstance(tree, lark.Token):  # pragma: no cover - every terminal sits under a rule
            raise PatternSyntaxError(f"unexpected {tree!s}", _pos(tree))
        return getattr(self, "_" + tree.data)(tree)

    def _alt(self, tree: lark.Tree) -> Node:
        """alt: conj ("|" conj)*"""
        branches = tuple(self.build(child) for child in tree.children)
        return branches[0] if len(branches) == 1 else Alt(branches, _pos(tree))

    def _conj(self, tree: lark.Tree) -> Node:
        """conj: seq (AMP seq)*: a frame, its slots in every order, at most ``gap`` words apart."""
        slots = [self.build(child) for child in tree.children[::2]]
        if len(slots) == 1:
            return slots[0]
        if len(slots) > FRAME_SLOTS:
            raise PatternSyntaxError(f"a frame has at most {FRAME_SLOTS} slots", _pos(tree))
        gaps = [int(str(amp)[2:-1]) if len(str(amp)) > 1 else FRAME_GAP for amp in tree.children[1::2]]
        return frame(slots, max(gaps), _pos(tree))

    def _seq(self, tree: lark.Tree) -> Node:
        """seq: item+"""
        items = tuple(self.build(child) for child in tree.children)
        return items[0] if len(items) == 1 else Seq(items, _pos(tree))

    def _item(self, tree: lark.Tree) -> Node:
        """item: atom QUANT? capture?"""
        import lark

        node = self.build(tree.children[0])
        for child in tree.children[1:]:
            if isinstance(child, lark.Token):
                node = _quantify(node, str(child), child.start_pos or 0)
            else:
                name, *rest = child.children
                node = Capture(node, str(name), bool(rest), _pos(name))
        return node

    def _group(self, tree: lark.Tree) -> Node:
        return self.build(tree.children[0])

    def _optional(self, tree: lark.Tree) -> Node:
        return Repeat(self.build(tree.children[0]), 0, 1, _pos(tree))

    def _claim(self, tree: lark.Tree) -> Node:
        """claim: "{" NAME path? (":" NAME LIST?)? "}" """
        import lark

        kind, *rest = tree.children
        path = None
        if rest and isinstance(rest[0], lark.Tree):
            path = str(rest.pop(0).children[0])
        node: Node = ClaimRef(str(kind), _pos(kind), path)
        if rest:
            node = Capture(node, str(rest[0]), len(rest) > 1, _pos(rest[0]))
        return node

    def _klass(self, tree: lark.Tree) -> Node:
        (name,) = tree.children
        if str(name) not in WORD_CLASSES:
            raise PatternSyntaxError(f"unknown word class <{name}> (known: {', '.join(WORD_CLASSES)})",
                                     _pos(name))
        return WordClass(str(name), _pos(name))

    def _macro(self, tree: lark.Tree) -> Node:
        (name,) = tree.children
        if str(name) not in self.macros:
            known = ", ".join(f"@{m}" for m in sorted(self.macros)) or "none defined"
            raise PatternSyntaxError(f"unknown macro @{name} (known: {known})", _pos(name))
        return self.macros[str(name)]

    def _lemma(self, tree: lark.Tree) -> Node:
        (token,) = tree.children
        text = str(token).strip("'\"")
        forms = tuple(Literal(form, _pos(token)) for form in inflections(text))
        return Alt(forms, _pos(token)) if len(forms) > 1 else forms[0]

    def _word(self, tree: lark.Tree) -> Node:
        return _literal(tree)

    _string = _punct = _word

    def _gap(self, tree: lark.Tree) -> Node:
        return Gap(_pos(tree))


def frame(slots: list[Node], gap: int, pos: int) -> Node:
    """Every order of ``slots``, consecutive slots separated by up to ``gap`` words, commas or time
    phrases ("this year", "in January 1987"): a bounded gap, never another figure, a
    list word, a contrasting clause or a sentence end."""
    filler = Alt((Gap(pos), Literal(",", pos), *(ClaimRef(kind, pos) for kind in TIME_KINDS)), pos)
    between = [Repeat(filler, 0, gap, pos)]
    orders = []
    for order in permutations(slots):
        items: list[Node] = [order[0]]
        for slot in order[1:]:
            items += [*between, slot]
        orders.append(Seq(tuple(items), pos))
    return Alt(tuple(orders), pos)


def _quantify(node: Node, quant: str, pos: int) -> Node:
    lazy = len(quant) > 1 and quant.endswith("?")
    quant = quant[:-1] if lazy else quant
    if quant in ("?", "*", "+"):
        low, high = {"?": (0, 1), "*": (0, UNBOUNDED_REPEAT), "+": (1, UNBOUNDED_REPEAT)}[quant]
    else:
        low_text, _, high_text = quant[1:-1].partition(",")
        low = int(low_text)
        high = low if "," not in quant else int(high_text) if high_text else UNBOUNDED_REPEAT
        if high < low or high == 0:
            raise PatternSyntaxError(f"invalid repetition {quant}", pos)
    return Repeat(node, low, high, pos, lazy)


def _literal(tree: lark.Tree) -> Node:
    (token,) = tree.children
    text = str(token)
    if tree.data == "string":
        text = text[1:-1]
    return Literal(text, _pos(token))
