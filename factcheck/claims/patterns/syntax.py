"""The pattern language's syntax tree, parsed by the lark grammar ``grammars/patterns.lark``.

Every node keeps ``pos``, its offset in the pattern string, so a load-time complaint (an unknown claim
kind, a field of the wrong type) points at the element that caused it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck.startup.resources import load_grammar

if TYPE_CHECKING:
    import lark

UNBOUNDED_REPEAT = 8  # "+" and "*" mean at most this many repetitions: matching stays linear


@dataclass(frozen=True, slots=True)
class Literal:
    """Words or punctuation matched literally (case-insensitive)."""

    text: str
    pos: int


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """An atomic claim of ``kind``."""

    kind: str
    pos: int


@dataclass(frozen=True, slots=True)
class Gap:
    """Any one word or comma."""

    pos: int


@dataclass(frozen=True, slots=True)
class WordClass:
    """A word class: ``cap``, ``name`` or ``word``."""

    name: str
    pos: int


@dataclass(frozen=True, slots=True)
class Seq:
    items: tuple[Node, ...]
    pos: int


@dataclass(frozen=True, slots=True)
class Alt:
    branches: tuple[Node, ...]
    pos: int


@dataclass(frozen=True, slots=True)
class Repeat:
    body: Node
    low: int
    high: int
    pos: int


@dataclass(frozen=True, slots=True)
class Capture:
    """``body`` captured as field ``field``; a list capture (``:field[]``) collects every match."""

    body: Node
    field: str
    is_list: bool
    pos: int


Node = Literal | ClaimRef | Gap | WordClass | Seq | Alt | Repeat | Capture
WORD_CLASSES = ("cap", "name", "word")


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
    return load_grammar("patterns", parser="lalr", propagate_positions=True, maybe_placeholders=False)


def parse_pattern(pattern: str) -> Node:
    """The syntax tree of ``pattern``; raises :class:`PatternSyntaxError` with the offset."""
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
    return _build(tree.children[0])


def _pos(tree: lark.Tree | lark.Token) -> int:
    import lark

    if isinstance(tree, lark.Token):
        return tree.start_pos or 0
    return tree.meta.start_pos if not tree.meta.empty else 0


def _build(tree: lark.Tree | lark.Token) -> Node:
    """Tree → node, per grammar rule."""
    import lark

    if isinstance(tree, lark.Token):  # pragma: no cover - every terminal sits under a rule
        raise PatternSyntaxError(f"unexpected {tree!s}", _pos(tree))
    build = _BUILDERS[tree.data]
    return build(tree)


def _alt(tree: lark.Tree) -> Node:
    """alt: seq ("|" seq)*"""
    branches = tuple(_build(child) for child in tree.children)
    return branches[0] if len(branches) == 1 else Alt(branches, _pos(tree))


def _seq(tree: lark.Tree) -> Node:
    """seq: item+"""
    items = tuple(_build(child) for child in tree.children)
    return items[0] if len(items) == 1 else Seq(items, _pos(tree))


def _item(tree: lark.Tree) -> Node:
    """item: atom QUANT? capture?"""
    import lark

    node = _build(tree.children[0])
    for child in tree.children[1:]:
        if isinstance(child, lark.Token):
            node = _quantify(node, str(child), child.start_pos or 0)
        else:
            name, *rest = child.children
            node = Capture(node, str(name), bool(rest), _pos(name))
    return node


def _quantify(node: Node, quant: str, pos: int) -> Node:
    if quant in ("?", "*", "+"):
        low, high = {"?": (0, 1), "*": (0, UNBOUNDED_REPEAT), "+": (1, UNBOUNDED_REPEAT)}[quant]
    else:
        low_text, _, high_text = quant[1:-1].partition(",")
        low = int(low_text)
        high = low if "," not in quant else int(high_text) if high_text else UNBOUNDED_REPEAT
        if high < low or high == 0:
            raise PatternSyntaxError(f"invalid repetition {quant}", pos)
    return Repeat(node, low, high, pos)


def _claim(tree: lark.Tree) -> Node:
    """claim: "{" NAME (":" NAME LIST?)? "}" """
    kind, *rest = tree.children
    node: Node = ClaimRef(str(kind), _pos(kind))
    if rest:
        node = Capture(node, str(rest[0]), len(rest) > 1, _pos(rest[0]))
    return node


def _klass(tree: lark.Tree) -> Node:
    (name,) = tree.children
    if str(name) not in WORD_CLASSES:
        raise PatternSyntaxError(f"unknown word class <{name}> (known: {', '.join(WORD_CLASSES)})",
                                 _pos(name))
    return WordClass(str(name), _pos(name))


def _literal(tree: lark.Tree) -> Node:
    (token,) = tree.children
    text = str(token)
    if tree.data == "string":
        text = text[1:-1]
    return Literal(text, _pos(token))


_BUILDERS = {
    "alt": _alt,
    "seq": _seq,
    "item": _item,
    "group": lambda tree: _build(tree.children[0]),
    "optional": lambda tree: Repeat(_build(tree.children[0]), 0, 1, _pos(tree)),
    "claim": _claim,
    "klass": _klass,
    "word": _literal,
    "string": _literal,
    "punct": _literal,
    "gap": lambda tree: Gap(_pos(tree)),
}
