"""Numbers, in digits ("1,000", "4.5", "1.2 million", "-3") and in words ("two hundred and five").

One regex pass finds every *number mention*: a run of digits (with its scale word or ordinal suffix)
or a run of number words. Word runs are parsed by the lark grammar ``grammars/numbers.lark``, never a
phrase table; the parse of a run is cached by its words, and news prose repeats the same few runs.
The mentions are shared: dates, durations and ordinals are built from them, and only the mentions
no other claim has taken become ``number`` claims.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

import lark

from factcheck.claims import lexicon
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.resources import load_grammar

SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "quadrillion": Decimal(10) ** 15,
    "quintillion": Decimal(10) ** 18,
    "sextillion": Decimal(10) ** 21,
    "k": Decimal(1000),
    "m": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "bn": Decimal(10) ** 9,
    "tn": Decimal(10) ** 12,
    "b": Decimal(10) ** 9,
    "t": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
}
_CURRENCY_SIGNS = "$£€¥₹"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number as written, before it is known to be a count, a day, a year or a length."""

    start: int
    end: int
    value: Decimal
    step: Decimal  # the rounding step it was stated with: "1.2 million" → 100000
    ordinal: bool = False
    digits: bool = False
    plain_integer: bool = False  # digits only, no separator, sign, fraction or scale ("1998")
    glued: bool = False  # letters follow with no space ("5km", "9am", "1990s"): never a bare number


# --- words -----------------------------------------------------------------------------------------

_SPACE = r"[ \t\u00a0]"
_JOIN = rf"(?:{_SPACE}*-{_SPACE}*|{_SPACE}+)"
_GRAMMAR_WORD_TERMINALS = ("ZERO", "UNIT", "TEEN", "TENS", "HUNDRED", "SCALE", "DOZEN", "HALF", "ORD_")


@cache
def _parser() -> lark.Lark:
    return load_grammar("numbers.lark", start=["cardinal", "ordinal"], parser="lalr")


def _number_words() -> list[str]:
    """The number words the grammar knows, read from its terminals so the list lives in one place."""
    found: set[str] = set()
    for terminal in _parser().terminals:
        if terminal.name.startswith(_GRAMMAR_WORD_TERMINALS):
            found.update(re.findall(r"[a-z]{3,}", terminal.pattern.value))
    return sorted(found)


# Case-sensitive on purpose (lower case or capitalized): case-insensitive matching is several times
# slower in Python's regex engine, and ALL-CAPS number words are headlines, not claims.
_WORD = f"(?:{lexicon.trie(lexicon.with_capitals(_number_words()))})"
_WORD_RUN = re.compile(rf"\b(?:[Aa]n?{_JOIN})?{_WORD}(?:{_JOIN}(?:(?:[Aa]nd|[Aa]n?){_JOIN})*{_WORD})*\b")
_RUN_TOKEN = re.compile(r"[A-Za-z]+")


class _Invalid(Exception):
    """A structurally valid run with an impossible value ("three thousand two million")."""


def _tokens_value(tokens: list[lark.Token]) -> Decimal:
    words = {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    }
    return Decimal(sum(words[_ordinal_to_cardinal(t.value.lower())] for t in tokens))


def _ordinal_to_cardinal(word: str) -> str:
    irregular = {"first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight",
                 "ninth": "nine", "twelfth": "twelve"}
    if word in irregular:
        return irregular[word]
    if word.endswith("ieth"):
        return word[:-4] + "y"
    return word.removesuffix("th")


class _Evaluate:
    """Computes ``(value, step)`` from a parse tree of ``numbers.lark``; each method handles the
    rule (or alias) of the same name."""

    def __call__(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return getattr(self, str(tree.data))(tree)

    def _sub(self, node: lark.Tree | lark.Token) -> tuple[Decimal, Decimal]:
        if isinstance(node, lark.Token):  # the article "a" standing for one
            return Decimal(1), Decimal(1)
        return self(node)

    def below100(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return _tokens_value(tree.children), Decimal(1)

    ord_below100 = below100

    def hundreds(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """hundreds: (below100 | A)? HUNDRED"""
        multiplier = self._sub(tree.children[0])[0] if len(tree.children) == 2 else Decimal(1)
        return multiplier * 100, Decimal(100)

    ord_hundred = hundreds

    def hundreds_and(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """hundreds AND? below100 (and the ordinal variant)."""
        return self(tree.children[0])[0] + self(tree.children[-1])[0], Decimal(1)

    ord_hundreds_and = hundreds_and

    def group(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """group: (below1000 | A) SCALE"""
        value, step = self._sub(tree.children[0])
        scale = SCALES[tree.children[1].value.lower()]
        return value * scale, step * scale

    def tail(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return self(tree.children[-1])

    def integer(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """integer: group+ tail? | below1000 -- scales must fall from left to right."""
        parts = [self(child) for child in tree.children]
        _check_falling(parts)
        return sum((v for v, _ in parts), Decimal(0)), parts[-1][1]

    def whole(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return self(tree.children[0])

    def and_half(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return self(tree.children[0])[0] + Decimal("0.5"), Decimal("0.5")

    def and_quarter(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return self(tree.children[0])[0] + Decimal("0.25"), Decimal("0.25")

    def half(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return Decimal("0.5"), Decimal("0.5")

    def dozen(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return self._sub(tree.children[0])[0] * 12, Decimal(12)

    def ordinal(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """ordinal: group* ord_tail"""
        parts = [self(child) for child in tree.children]
        _check_falling(parts)
        return sum((v for v, _ in parts), Decimal(0)), Decimal(1)

    def ord_small(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return self(tree.children[-1])

    def ord_scale(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """(below1000 | A)? ORD_SCALE: "two thousandth"."""
        multiplier = self._sub(tree.children[0])[0] if len(tree.children) == 2 else Decimal(1)
        return multiplier * SCALES[tree.children[-1].value.lower().removesuffix("th")], Decimal(1)


def _check_falling(parts: list[tuple[Decimal, Decimal]]) -> None:
    """Each part of "one million two hundred thousand five" must be smaller than the scale before it."""
    for (_, step), (value, _) in itertools.pairwise(parts):
        if value >= step:
            raise _Invalid


_EVALUATE = _Evaluate()


@lru_cache(maxsize=8192)
def parse_words(words: str) -> tuple[Decimal, Decimal, bool] | None:
    """``(value, step, is_ordinal)`` of a run of number words ("two-and-a-half"), None if the run
    is not one number. Cached: prose repeats the same runs."""
    for start in ("cardinal", "ordinal"):
        try:
            value, step = _EVALUATE(_parser().parse(words, start=start))
        except (lark.exceptions.LarkError, _Invalid):
            continue
        return value, step, start == "ordinal"
    return None


def _word_mentions(text: str, start: int, end: int) -> list[NumberMention]:
    """Split a run of number words into the longest runs that parse ("one two" → "one", "two")."""
    tokens = [(m.start(), m.end()) for m in _RUN_TOKEN.finditer(text, start, end)]
    mentions = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens) - 1, i - 1, -1):
            words = " ".join(text[s:e] for s, e in tokens[i : j + 1]).lower()
            parsed = parse_words(words)
            if parsed is not None:
                value, step, ordinal = parsed
                mentions.append(NumberMention(tokens[i][0], tokens[j][1], value, step, ordinal))
                i = j
                break
        i += 1
    return mentions


# --- digits ----------------------------------------------------------------------------------------

_DIGITS = (
    r"(?:(?<![\w)\]-])(?P<minus>[-−])|(?<![\w/.,:#%=]))(?<![A-Za-z]-)"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?:(?P<ord>st|nd|rd|th)(?![^\W_])"
    rf"|{_SPACE}?-?(?P<scale>hundred|thousand|million|billion|trillion)\b"
    r"|(?P<short>bn|mn|m|k|tn|trn|[MBKT])(?![^\W_]))?"
    r"(?![.,]\d|:\d)"
)

_DIGIT_RUN = re.compile(_DIGITS)


def _digit_mention(text: str, match: re.Match[str]) -> NumberMention | None:
    integer, fraction = match["int"].replace(",", ""), match["frac"]
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    step = Decimal(1).scaleb(-len(fraction)) if fraction else Decimal(1)
    scale_word = match["scale"] or match["short"]
    end = match.end()
    if match["short"] and (match.start("int") == 0 or text[match.start("int") - 1] not in _CURRENCY_SIGNS):
        scale_word, end = None, match.start("short")  # "100m" is a distance; only "$100m" is 100 million
    glued = end < len(text) and (text[end].isalnum() or text[end] in "°²³")
    if scale_word:
        scale = SCALES[scale_word.lower()]
        value, step = value * scale, step * scale
    if match["minus"]:
        value = -value
    value, step = _tidy(value), _tidy(step)
    plain = not (fraction or scale_word or match["minus"] or "," in match["int"] or match["ord"] or glued)
    return NumberMention(match.start(), end, value, step, bool(match["ord"]), True, plain, glued)


def _tidy(number: Decimal) -> Decimal:
    """``1200000.0`` → ``1200000``: integral values without a fractional exponent, for display."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


_NEGATIVE_BEFORE = re.compile(r"(?<![\w-])(?:[Mm]inus|[Nn]egative)[ \t]+$")


def _signed(text: str, mention: NumberMention) -> NumberMention:
    """"minus 5", "negative five hundred": the sign word joins the mention and negates its value."""
    start = mention.start
    if start < 6 or text[start - 1] != " " or text[start - 2] not in "se":
        return mention
    if mention.ordinal or mention.value < 0:
        return mention
    sign = _NEGATIVE_BEFORE.search(text, max(0, start - 10), start)
    if sign is None:
        return mention
    return NumberMention(sign.start(), mention.end, -mention.value, mention.step, False, mention.digits,
                         False, mention.glued)


def scan(text: str) -> list[NumberMention]:
    """Every number mention in ``text``, in order: one regex pass for digits, one for words."""
    mentions = [m for m in (_digit_mention(text, match) for match in _DIGIT_RUN.finditer(text)) if m]
    for match in _WORD_RUN.finditer(text):
        mentions.extend(_word_mentions(text, match.start(), match.end()))
    mentions = [_signed(text, m) for m in mentions]
    mentions.sort(key=lambda m: m.start)
    return mentions


# --- number claims ---------------------------------------------------------------------------------

_PRONOUN_BEFORE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.words('pronoun_one_before'))})[ \t]+$", re.IGNORECASE
)
_ANOTHER_AFTER = re.compile(r"[ \t]+another\b")


def is_pronoun_one(text: str, mention: NumberMention) -> bool:
    """"no one", "the one who", "one another": the word "one" that is not a count."""
    if mention.digits or text[mention.start : mention.end].lower() != "one":
        return False
    if _PRONOUN_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return True
    return _ANOTHER_AFTER.match(text, mention.end) is not None


def _is_compound_word(text: str, mention: NumberMention) -> bool:
    """A number word glued by a hyphen into another word ("one-off", "five-star", "on-one")."""
    if mention.digits:
        return False
    after = text[mention.end : mention.end + 2]
    before = text[max(0, mention.start - 2) : mention.start]
    return (len(after) == 2 and after[0] == "-" and after[1].isalpha()) or (
        len(before) == 2 and before[1] == "-" and before[0].isalpha()
    )


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``number`` claims for the cardinal mentions no date, duration or ordinal has taken."""
    claims = []
    for mention in mentions:
        if mention.ordinal or mention.glued or taken.overlaps(mention.start, mention.end):
            continue
        if is_pronoun_one(text, mention) or _is_compound_word(text, mention):
            continue
        hedge, _ = hedge_before(text, mention.start)
        claims.append(
            make_claim(text, "number", mention.start, mention.end, mention.value,
                       hedge=hedge, precision=mention.step)
        )
        taken.mark(mention.start, mention.end)
    return claims
