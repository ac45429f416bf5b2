"""Number words: the lark grammar ``grammars/numbers.lark`` and the evaluator of its parse trees.

``parse_words("two hundred and five")`` gives ``(value, step, is_ordinal)``: the value, the rounding
step it was stated with, and whether the run is an ordinal. ``numbers.py`` finds the runs in a text.
"""

from __future__ import annotations

import itertools
import math
import re
from decimal import Decimal, getcontext
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from factcheck.limits import MAX_NUMBER_MAGNITUDE
from factcheck.startup import built
from factcheck.startup.resources import grammar_path, load_grammar

if TYPE_CHECKING:
    import lark

SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "lac": Decimal(10) ** 5,  # Indian English spells lakh so too ("Rs 5 lac", "12 lkh"), and writes
    "lacs": Decimal(10) ** 5,  # crore "cr", "krore" or "koti"
    "lkh": Decimal(10) ** 5,
    "lkhs": Decimal(10) ** 5,
    "cr": Decimal(10) ** 7,
    "crs": Decimal(10) ** 7,
    "krore": Decimal(10) ** 7,
    "krores": Decimal(10) ** 7,
    "koti": Decimal(10) ** 7,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "quadrillion": Decimal(10) ** 15,
    "quintillion": Decimal(10) ** 18,
    "sextillion": Decimal(10) ** 21,
    "k": Decimal(1000),
    "m": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mm": Decimal(10) ** 6,
    "mil": Decimal(10) ** 6,
    "bln": Decimal(10) ** 9,
    "tln": Decimal(10) ** 12,
    "bn": Decimal(10) ** 9,
    "tn": Decimal(10) ** 12,
    "b": Decimal(10) ** 9,
    "t": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "thousands": Decimal(1000),
    "millions": Decimal(10) ** 6,
    "billions": Decimal(10) ** 9,
    "trillions": Decimal(10) ** 12,
    "dozen": Decimal(12),
    "dozens": Decimal(12),
    "doz": Decimal(12),
    "dozs": Decimal(12),
    "dz": Decimal(12),
    "dzs": Decimal(12),
}
_GRAMMAR_WORD_TERMINALS = (
    "ZERO", "UNIT", "TEEN", "TENS", "HUNDRED", "SCALE", "DOZEN", "HALF", "ORD_", "POINT",
)


@cache
def _parser() -> lark.Lark:
    return load_grammar("numbers")


def _lark():
    import lark

    return lark


@cache
def _number_words() -> tuple[str, ...]:
    found: set[str] = set()
    grammar = grammar_path("numbers.lark").read_text(encoding="utf-8")
    for name, pattern in re.findall(r"^([A-Z_]+)(?:\.\d+)?:[ \t]*(.+)$", grammar, re.MULTILINE):
        if name.startswith(_GRAMMAR_WORD_TERMINALS):
            found.update(re.findall(r"[a-z]{2,}", pattern))  # two letters: "cr" (crore)
    found.add("quarters")  # only after "and three", a terminal of its own ("five billion and three quarters")
    return tuple(sorted(found))


def number_words() -> list[str]:
    """The number words the grammar knows, read from its terminals so the list lives in one place."""
    return list(_number_words())


def tidy(number: Decimal) -> Decimal:
    """``1200000.0`` → ``1200000``: integral values without a fractional exponent, for display.

    A value too long for the decimal context's precision is only normalized: quantizing it would
    raise ``InvalidOperation``."""
    if number.is_finite() and number == number.to_integral_value() and number.adjusted() < _PRECISION:
        return number.quantize(Decimal(1))
    return number.normalize()


_PRECISION = getcontext().prec


class _Invalid(Exception):
    """A structurally valid run with an impossible value ("three thousand two million")."""


def _tokens_value(tokens: list[lark.Token]) -> Decimal:
    words = {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "nought": 0, "naught": 0, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14,
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
        if isinstance(node, _lark().Token):  # the article "a" standing for one
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
        """group: (below1000 | A) SCALE+ -- "three thousand million" is 3 × 1000 × 10^6."""
        value, step = self._sub(tree.children[0])
        words = [token.value.lower() for token in tree.children[1:]]
        if words[-1].endswith("s") and isinstance(tree.children[0], _lark().Token):
            raise _Invalid  # "a millions": a plural scale is counted by a number, not the article
        scale = rising_scale(words)
        if scale is None:
            raise _Invalid  # "two million thousand"
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
        """"two and a half" is 2.5; "one million and a half" is half a million more, not 0.5; "two and
        a half million" is 2,500,000."""
        return self._and_part(tree, Decimal(2))

    def and_quarter(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return self._and_part(tree, Decimal(4))

    def and_three_quarters(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return self._and_part(tree, Decimal(4), Decimal(3))

    def _and_part(self, tree: lark.Tree, parts: Decimal,
                  count: Decimal = Decimal(1)) -> tuple[Decimal, Decimal]:
        """The part is of the scale after it ("two and a half million", "one billion and a half
        million" = 1,000,500,000), else of the whole number's last scale ("five billion and three
        quarters") or of one ("one hundred and three quarters")."""
        value, step = self(tree.children[0])
        if len(tree.children) == 3:
            scale = SCALES[tree.children[2].value.lower()]
            if value < 1000:
                return tidy((value + count / parts) * scale), tidy(scale / parts)
            if scale >= step:
                raise _Invalid  # "one million and a half million"
            return tidy(value + count * scale / parts), tidy(scale / parts)
        unit = step if step >= 1000 else Decimal(1)
        return value + count * unit / parts, unit / parts

    def part_of_scale(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """"half a million", "quarter million"."""
        words = [t.value.lower() for t in tree.children if isinstance(t, _lark().Token)]
        scale = SCALES[words[-1]]
        part = scale / 4 if "quarter" in words else scale / 2
        return tidy(part), tidy(part)

    def point(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """"two point two million", "nine point nought four": digit words after "point"."""
        whole = self(tree.children[0])[0]
        tokens = [t for t in tree.children[2:] if isinstance(t, _lark().Token)]
        scale = Decimal(1)
        if tokens and tokens[-1].type == "SCALE":
            scale = SCALES[tokens.pop().value.lower()]
        digits, index = "", 0
        while index < len(tokens):
            value = int(_tokens_value([tokens[index]]))
            if tokens[index].type == "TENS" and index + 1 < len(tokens) and tokens[index + 1].type == "UNIT":
                value += int(_tokens_value([tokens[index + 1]]))
                index += 1
            digits += str(value)
            index += 1
        step = Decimal(1).scaleb(-len(digits))
        return tidy((whole + Decimal(f"0.{digits}")) * scale), tidy(step * scale)

    def half(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        return Decimal("0.5"), Decimal("0.5")

    def one_half(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """"one half" (not "two half")."""
        if tree.children[0].value.lower() != "one":
            raise _Invalid
        return Decimal("0.5"), Decimal("0.5")

    def hundreds_and_dozen(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """"three hundred and two dozen" is 300 and 24: the dozens count only the words after "and"."""
        return self(tree.children[0])[0] + self._sub(tree.children[2])[0] * 12, Decimal(12)

    def half_dozen(self, tree: lark.Tree) -> tuple[Decimal, Decimal]:
        """"half a dozen": six, as loosely as "a dozen" is twelve."""
        return Decimal(6), Decimal(6)

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


def rising_scale(words: list[str]) -> Decimal | None:
    """The product of scale words that rise or repeat ("thousand million", "lakh crore", "million
    million"), None when one falls ("million thousand" is no number)."""
    scales = [SCALES[word] for word in words]
    if any(later < earlier for earlier, later in itertools.pairwise(scales)):
        return None
    return math.prod(scales, start=Decimal(1))


def _check_falling(parts: list[tuple[Decimal, Decimal]]) -> None:
    """Each part of "one million two hundred thousand five" must be smaller than the scale before it."""
    for (_, step), (value, _) in itertools.pairwise(parts):
        if value >= step:
            raise _Invalid


_EVALUATE = _Evaluate()


@lru_cache(maxsize=8192)
def parse_words(words: str) -> tuple[Decimal, Decimal, bool] | None:
    """``(value, step, is_ordinal)`` of a run of number words ("two-and-a-half"), None if the run
    is not one number. Cached in the process: prose repeats the same runs."""
    return read_words(words)[0]


@lru_cache(maxsize=8192)
def read_words(words: str) -> tuple[tuple[Decimal, Decimal, bool] | None, int]:
    """The parse of ``words`` (as :func:`parse_words`), and how many of its leading words could
    still begin a number: the LALR parser stops at the first word no number can continue with, so
    no longer run that starts the same way can parse either. Splitting a long run of number words
    uses this to skip the windows that cannot parse, which keeps it linear."""
    return _parse_run(words)


def _parse_run(words: str) -> tuple[tuple[Decimal, Decimal, bool] | None, int]:
    known = _short_runs().get(words)
    if known is not None:
        try:
            return _decode_reading(known)
        except (TypeError, ValueError, ArithmeticError):  # not what the build writes: parsed instead
            pass
    return _parse_with_grammar(words)


def _parse_with_grammar(words: str) -> tuple[tuple[Decimal, Decimal, bool] | None, int]:
    lark = _lark()
    viable = 0
    count = len(words.split())
    for start in ("cardinal", "ordinal"):
        try:
            value, step = _EVALUATE(_parser().parse(words, start=start))
        except lark.exceptions.UnexpectedToken as error:
            at = error.token.start_pos if error.token.type != "$END" else None
            viable = max(viable, count if at is None else len(words[:at].split()))
            continue
        except lark.exceptions.UnexpectedCharacters as error:
            viable = max(viable, len(words[: error.pos_in_stream].split()))
            continue
        except (lark.exceptions.LarkError, _Invalid):
            viable = count
            continue
        if abs(value) >= MAX_NUMBER_MAGNITUDE:
            return None, count
        return (value, step, start == "ordinal"), count
    return None, viable


# -- the short runs, read when the package is built -------------------------------------------------
# Most numbers in prose are one or two words ("eight", "twenty one", "a dozen", "two million") or
# such a run and a half or a quarter. Their readings depend only on the grammar and this module, so
# the build hook writes them as data (factcheck.startup.built): a document whose number words are
# all of that size is read without importing lark and building the grammar's lexer (about a tenth
# of a one-article run). Any other run is parsed.


def _vocabulary() -> list[str]:
    """The words a run is made of (the number words, and the articles and "and" that join them)."""
    return sorted({*_number_words(), "a", "an", "and"})


def _short_run_texts() -> list[str]:
    words = _vocabulary()
    pairs = [f"{first} {second}" for first in words for second in words]
    runs = [*words, *pairs]
    counted = [run for run in runs if _parse_with_grammar(run)[0] is not None]
    return [*runs, *(f"{run} and {article} {part}" for run in counted
                     for article in ("a", "an") for part in ("half", "quarter"))]


def _encode_short_runs() -> dict[str, tuple[str, str, bool, int] | int]:
    encoded: dict[str, tuple[str, str, bool, int] | int] = {}
    for run in _short_run_texts():
        parsed, viable = _parse_with_grammar(run)
        encoded[run] = viable if parsed is None else (str(parsed[0]), str(parsed[1]), parsed[2], viable)
    return encoded


@cache
def _short_runs() -> dict[str, Any]:
    """The prebuilt readings (:data:`PREBUILT`), or none when they are missing or stale; each is
    decoded when it is asked for."""
    data = built.load(PREBUILT)
    return data if isinstance(data, dict) else {}


def _decode_reading(reading: Any) -> tuple[tuple[Decimal, Decimal, bool] | None, int]:
    if isinstance(reading, int):
        return None, reading
    value, step, ordinal, viable = reading
    if not (isinstance(value, str) and isinstance(step, str) and isinstance(viable, int)):
        raise TypeError("not a reading of number words")
    return (Decimal(value), Decimal(step), bool(ordinal)), viable


# The readings of the short runs of number words, generated by the build hook.
PREBUILT = built.Artefact("numberwords", lambda: [grammar_path("numbers.lark")], _encode_short_runs)
