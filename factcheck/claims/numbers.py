"""Numbers, in digits ("1,000", "4.5", "1.2 million", "-3") and in words ("two hundred and five").

One regex pass finds every *number mention*: a run of digits (with its scale word or ordinal suffix)
or a run of number words. Word runs are parsed by the lark grammar ``grammars/numbers.lark``, never a
phrase table; the parse of a run is cached by its words, and news prose repeats the same few runs.
The mentions are shared: dates, durations and ordinals are built from them, and only the mentions
no other claim has taken become ``number`` claims.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.claims import lexicon
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numwords import SCALES, number_words, parse_words, read_words, rising_scale, tidy
from factcheck.claims.rangewords import range_join, range_opener
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.limits import MAX_NUMBER_DIGITS, MAX_NUMBER_MAGNITUDE
from factcheck.startup import regexcache

__all__ = [
    "SCALES", "NumberMention", "extract", "glued_scale", "is_pronoun_one", "opens_split_year", "oversized",
    "parse_words", "scan",
]

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

_JOIN = rf"(?:{HSPACE}*-{HSPACE}*|{GAP})"


def _as_written(words: set[str] | list[str]) -> list[str]:
    """Each word in lower case, capitalized and in capitals ("two", "Two", "TWO": headlines and
    forms write numbers in capitals). Not case-insensitive matching, which is several times slower."""
    return [*lexicon.with_capitals(words), *(word.upper() for word in words)]


_WORD = f"(?:{lexicon.trie(_as_written(number_words()))})"
# "point", "quarter", the plural scales and the short spellings of lakh and crore only go on a run ("two
# point five", "half a quarter million", "three billions", "three cr", "five dozs"): frequent in prose
# ("millions of") or short, they would start many runs that parse to nothing.
_NEVER_FIRST = {"point", "quarter", "quarters", "hundreds", "thousands", "millions", "billions", "trillions",
                "cr", "crs", "lkh", "lkhs", "koti", "doz", "dozs", "dz", "dzs"}
_FIRST_WORD = f"(?:{lexicon.trie(_as_written(set(number_words()) - _NEVER_FIRST))})"
# "quarter" opens a run only before a scale: "quarter million" (250,000), never "the quarter".
_QUARTER_FIRST = rf"[Qq]uarter(?={_JOIN}(?:thousand|million|billion|trillion)\b)"
_WORD_RUN = regexcache.compile(
    rf"\b(?:(?:[Aa]n?|AN){_JOIN})?(?:{_FIRST_WORD}|{_QUARTER_FIRST})"
    rf"(?:{_JOIN}(?:(?:[Aa]nd|AND|&|[Aa]n?|AN){_JOIN})*{_WORD})*\b"
)
_RUN_TOKEN = regexcache.compile(r"[A-Za-z]+")


_AT_BEFORE = regexcache.compile(r"\b[Aa]t[ \t]+$")


_GROUP_WORDS = 6  # the most words one group of a thousand takes: "nine hundred and ninety-nine million"
MAX_RUN_WORDS = _GROUP_WORDS * -(-MAX_NUMBER_DIGITS // 3) + 3
"""The most words one number in words may have: one full group for each power of a thousand up to
:data:`MAX_NUMBER_DIGITS` digits, and "and a half" (51). A number the magnitude limit admits must fit
the window whole, or its tail is read alone ("... seven hundred sixty-five thousand four hundred
thirty-second" as 765,432nd). Bounding the window keeps splitting a long run of number words linear
in its length: without it every sub-run was tried, cubic in the run."""


def _word_mentions(text: str, start: int, end: int) -> list[NumberMention]:
    """Split a run of number words into the longest runs that parse ("one two" → "one", "two")."""
    tokens = [(m.start(), m.end()) for m in _RUN_TOKEN.finditer(text, start, end)]
    mentions = []
    i = 0
    while i < len(tokens):
        j = min(len(tokens), i + MAX_RUN_WORDS) - 1
        while j >= i:
            words = " ".join(text[s:e] for s, e in tokens[i : j + 1]).lower()
            parsed, viable = read_words(words)
            at = tokens[i][0]
            if parsed is not None and " point " in words and _AT_BEFORE.search(text, max(0, at - 4), at):
                parsed = None  # "at one point five people died": the idiom, not 1.5
            if parsed is not None:
                value, step, ordinal = parsed
                mentions.append(NumberMention(tokens[i][0], tokens[j][1], value, step, ordinal))
                i = j
                break
            j = min(j - 1, i + viable - 1)
        i += 1
    return mentions


# --- digits ----------------------------------------------------------------------------------------

# A currency code or "Rs"/"RM" glued before the digits ("USD3.14", "CHF3.04", "RM42", "Rs.20"), a word
# of its own: the digits start there, as they do after "$" ("A320", "F16" stay one token).
_CODES = lexicon.load("currencies")["codes"]
_GLUED_CURRENCY = (rf"(?=\d)(?:(?<=(?:{'|'.join(_CODES)}))(?<![A-Za-z][A-Z]{{3}})"
                   r"|(?<=R[sM])(?<![A-Za-z][A-Za-z]{2})|(?<=Rs\.)(?<![A-Za-z]Rs\.))")
# Scale words after digits; rising ones multiply ("3 thousand million", "2 lakh crore").
_SCALE_WORD = (r"(?:hundred|thousand|million|billion|trillion|lakhs?|lacs?|lkhs?|crores?|krores?|crs?|Cr"
               r"|mln|bln|tln)\b")
_DIGITS = (
    r"(?=[-−.\d])"  # a cheap first test at each position: the lookbehinds below are dearer
    rf"(?:(?<![\w)\]-])(?<!\d[ \t])(?P<minus>[-−])|(?<![\w/.,:#%=])|{_GLUED_CURRENCY})(?<![A-Za-z]-)"
    r"(?:(?P<int>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u202f\u00a0]\d{3})+(?!\d)"
    # plain spaces group thousands only in two groups or more, or before "000" ("1 234 567", "40 000"):
    # one group is as often two figures ("10 737-800 planes", "36 100 kilowatt transmitters")
    r"|\d{1,3}(?= \d{3})(?<!\d[ ]\d)(?<!\d[ ]\d\d)(?<!\d[ ]\d\d\d)(?:(?: \d{3}){2,}| 000)(?![\d-]| \d)"
    # points group thousands in two groups or more ("1.000.000"; one is a decimal), apostrophes in one
    # or more ("1'250'000", "CHF 4'500"), as continental and Swiss writers do
    r"|\d{1,3}(?=[.'’]\d{3}(?!\d))(?:(?:\.\d{3}){2,}(?![.\d])|(?:['’]\d{3})+(?![\d'’]))"
    r"|\d+)(?:\.(?P<frac>\d+))?"
    r"(?:/(?P<den>\d+)(?![/\d]))?|\.(?P<bare>\d+))"
    r"(?:(?P<ord>st|nd|rd|th)(?![^\W_])"
    rf"|{HSPACE}?-?(?P<scale>{_SCALE_WORD}(?:{HSPACE}{_SCALE_WORD})*|dozens?|doz|dzs?)\b"
    r"|(?P<short>bn|mn|mln|bln|mil|MM|m|k|tn|trn|[MBKT])(?![^\W_]))?"
    r"(?![.,]\d|:\d|/\d)"
)

_DIGIT_RUN = regexcache.compile(_DIGITS)
# Scientific notation glued to the digits: "1.5e6", "4e14", "-12e-1", "12.32e+14". A capital E needs
# a decimal point or a sign ("1.5E6", "3E-4"): "7E7" is a Boeing model.
_E_NOTATION = regexcache.compile(r"[eE](?P<sign>[-+])?(?P<power>\d{1,3})(?!\w|[.,]\d)")
# A numerator over one of these is a fraction ("1/2 pct", "3/4"); "9/11", "24/7" and "2004/05" are not.
_DENOMINATORS = frozenset({2, 4, 8, 16, 32, 64})
# Over any other denominator, a fraction is followed by "of" ("1/40 of the wavelength", "8/10 of a share").
_SAYS_FRACTION = regexcache.compile(rf"{GAP}of\b")
# Glued scale letters that make a bare number a count ("100k", "1.2M", "2mil"), once no currency or
# unit took them, and not after a single digit ("3M", "5K"). Not "b": "802.11b" is a standard, "2.0b"
# a beta, "10b" a paragraph.
_SCALE_SUFFIXES = frozenset({"k", "K", "M", "MM", "mn", "mln", "bn", "bln", "mil"})


def _without_separators(digits: str) -> str:
    """"1,000", "1 000" (narrow, no-break or plain spaces), "1.000.000", "1'000" → "1000"."""
    if digits.isdigit():
        return digits
    if "," in digits:  # the usual separator first: one pass
        digits = digits.replace(",", "")
    return digits if digits.isdigit() else digits.translate(_SEPARATORS)


_SEPARATORS = str.maketrans("", "", "\u202f\u00a0 .'’")


# a split year ("2025-26", "1999/00": a financial year or a season): its second half names the next
# year, not a number of its own
_SPLIT_YEAR_HEAD = regexcache.compile(r"(?<!\d)(?:19|20)(\d\d)[-–/]$")
_SPLIT_YEAR_TAIL = regexcache.compile(r"[-–/](\d\d)(?![\d\w])")


def _next_year(year: str, tail: str) -> bool:
    """Whether two digits ``tail`` name the year after the one ending in ``year``'s last two."""
    return int(tail) == (int(year[-2:]) + 1) % 100


def _second_of_split_year(text: str, match: re.Match[str]) -> bool:
    """Whether the match is "26" in "2025-26": two digits right after a year and a dash or slash,
    naming the year after it."""
    if match.end() - match.start() != 2 or not match.group().isdigit():
        return False
    if match.end() < len(text) and (text[match.end()].isdigit() or text[match.end()] in "-–/"):
        return False
    head = _SPLIT_YEAR_HEAD.search(text, max(0, match.start() - 5), match.start())
    return head is not None and _next_year(head[1], match.group())


def opens_split_year(text: str, mention: NumberMention) -> bool:
    """Whether the mention is "2025" in "2025-26", the year a split year opens with."""
    tail = _SPLIT_YEAR_TAIL.match(text, mention.end)
    return tail is not None and _next_year(text[mention.start:mention.end], tail[1])


def _digit_mention(text: str, match: re.Match[str]) -> NumberMention | None:
    if _second_of_split_year(text, match):
        return None
    if match["bare"]:
        fraction = match["bare"]
        value, step = Decimal(f"0.{fraction}"), Decimal(1).scaleb(-len(fraction))
        end = match.end()
        glued = end < len(text) and (text[end].isalnum() or text[end] in "°²³")  # ".25ml" has a unit
        return NumberMention(match.start(), end, tidy(-value if match["minus"] else value),
                             tidy(step), digits=True, glued=glued)
    integer, fraction = _without_separators(match["int"]), match["frac"]
    if match["int"].count(".") == 3 and all(int(group) < 256 for group in match["int"].split(".")):
        return None  # "10.100.200.100" is an address
    if len(integer.lstrip("0")) > MAX_NUMBER_DIGITS:
        return None  # reported by :func:`oversized`, never read
    if match["den"]:
        numerator, denominator = int(integer), int(match["den"])
        if fraction or not 0 < numerator < denominator or not (
                _SAYS_FRACTION.match(text, match.end()) or match["minus"]  # "1/40 of", "-4/5": no date
                or (denominator in _DENOMINATORS and math.gcd(numerator, denominator) == 1)):
            # "6/8" is a tie-break score, not 3/4; "9/11", "1/5" dates or odds
            return NumberMention(match.start(), match.end(), Decimal(integer), Decimal(1), digits=True,
                                 glued=True)  # "9/11", "2004/05": kept for dates, never a number
        den = Decimal(match["den"])
        value = Decimal(integer) / den
        return NumberMention(match.start(), match.end(), -value if match["minus"] else value, 1 / den,
                             digits=True)
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    step = Decimal(1).scaleb(-len(fraction)) if fraction else Decimal(1)
    scale_word = match["scale"] or match["short"]
    end = match.end()
    ordinal = bool(match["ord"])
    if ordinal and (fraction or not _ordinal_suffix_fits(integer, match["ord"])):
        ordinal, end = False, match.start("ord")  # "15st" is fifteen stone: no ordinal ends so
    if not scale_word and not ordinal and end < len(text) and text[end] in "eE":
        exponent = _E_NOTATION.match(text, end)
        if exponent is not None and (text[end] == "e" or fraction or exponent["sign"]):  # not "7E7"
            power = int(f"{exponent['sign'] or ''}{exponent['power']}")
            value, step = value.scaleb(power), step.scaleb(power)
            if abs(value) >= MAX_NUMBER_MAGNITUDE:
                return None
            value = tidy(-value if match["minus"] else value)
            return NumberMention(match.start(), exponent.end(), value, tidy(step), digits=True)
    if match["short"] and (match.start("int") == 0 or text[match.start("int") - 1] not in _CURRENCY_SIGNS):
        scale_word, end = None, match.start("short")  # "100m" is a distance; only "$100m" is 100 million
    glued = end < len(text) and (text[end].isalnum() or text[end] in "°²³")
    if scale_word:
        scale, end = _scale_of(scale_word, match.start("scale"), end)
        value, step = value * scale, step * scale
    if abs(value) >= MAX_NUMBER_MAGNITUDE:
        return None
    if match["minus"]:
        value = -value
    if fraction or scale_word:  # a whole number in digits is already tidy (exponent 0, under 25 digits)
        value, step = tidy(value), tidy(step)
    separated = not match["int"].isdigit()
    plain = not (fraction or scale_word or match["minus"] or separated or ordinal or glued)
    return NumberMention(match.start(), end, value, step, ordinal, True, plain, glued)


def _ordinal_suffix_fits(integer: str, suffix: str) -> bool:
    """Whether ``suffix`` is the one English writes after the number: "1st", "12th", "22nd", "103rd"."""
    number = int(integer)
    if 11 <= number % 100 <= 13:
        return suffix.lower() == "th"
    return suffix.lower() == {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _scale_of(written: str, start: int, end: int) -> tuple[Decimal, int]:
    """The scale of the words after a figure, and where they end: all of them when they rise ("3
    thousand million"), else the first ("5 million thousand" is 5 million and a stray word)."""
    words = written.split()
    scale = rising_scale([word.lower() for word in words]) if len(words) > 1 else None
    if scale is not None:
        return scale, end
    return SCALES[words[0].lower()], (start + len(words[0]) if len(words) > 1 else end)


def glued_scale(text: str, mention: NumberMention) -> NumberMention | None:
    """"100k", "1.2M", "2mil": a glued mention whose letters are a scale, read as the scaled count."""
    if not (mention.glued and mention.digits) or mention.ordinal or "/" in text[mention.start : mention.end]:
        return None
    match = _SHORT_SCALE.match(text, mention.end)
    if match is None or match[0] not in _SCALE_SUFFIXES:
        return None
    if mention.value == mention.value.to_integral_value() and -10 < mention.value < 10:
        return None  # "3M" is a company, "5K" a race, "4K" a screen
    if match[0] in ("k", "K") and mention.value == 401:
        return None  # the US "401k" retirement plan
    scale = SCALES[match[0].lower()]
    value, step = tidy(mention.value * scale), tidy(mention.step * scale)
    return NumberMention(mention.start, match.end(), value, step,
                         digits=True)


_SHORT_SCALE = regexcache.compile(r"[A-Za-z]+(?![^\W_])")


_NEGATIVE_BEFORE = regexcache.compile(r"(?<![\w-])(?:[Mm]inus|[Nn]egative)[ \t]+$")


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


_LONG_DIGITS = regexcache.compile(rf"\d(?:[,\u202f\u00a0]?\d){{{MAX_NUMBER_DIGITS},}}")


def oversized(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a whole number with more than :data:`MAX_NUMBER_DIGITS` digits: such a
    figure is beyond any quantity prose states, so it is not read as a claim but reported."""
    found = []
    for match in _LONG_DIGITS.finditer(text):
        if len(re.sub(r"\D", "", match[0]).lstrip("0")) > MAX_NUMBER_DIGITS:
            found.append((match.start(), match.end()))
    return found


def scan(text: str) -> list[NumberMention]:
    """Every number mention in ``text``, in order: one regex pass for digits, one for words."""
    mentions = [m for m in (_digit_mention(text, match) for match in _DIGIT_RUN.finditer(text)) if m]
    for match in _WORD_RUN.finditer(text):
        mentions.extend(_word_mentions(text, match.start(), match.end()))
    mentions = [_signed(text, m) for m in mentions]
    mentions.sort(key=lambda m: m.start)
    if "/" in text:
        mentions = _mixed_fractions(text, mentions)
    if not text.isascii() and any(char in text for char in _VULGAR):  # cheaper than a regex search
        mentions = _vulgar_fractions(text, mentions)
    return _joined(text, mentions) if len(mentions) > 1 else mentions


def _mixed_fractions(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """"2 1/4", "33-3/8": a whole number and a fraction after one space or hyphen are one number."""
    merged: list[NumberMention] = []
    for mention in mentions:
        whole = merged[-1] if merged else None
        if (whole is not None and mention.digits and 0 < mention.value < 1 and not mention.glued
                and "/" in text[mention.start : mention.end] and whole.plain_integer
                and text[whole.end : mention.start] in (" ", "-")):
            sign = -1 if whole.value < 0 else 1
            merged[-1] = NumberMention(whole.start, mention.end, whole.value + sign * mention.value,
                                       mention.step, digits=True)
            continue
        merged.append(mention)
    return merged


# Fractions of one character ("½ tbsp", "2½ miles", "1 ¾ cups"), as recipes and features write them.
_VULGAR = {"½": Decimal(1) / 2, "⅓": Decimal(1) / 3, "⅔": Decimal(2) / 3, "¼": Decimal(1) / 4,
           "¾": Decimal(3) / 4, "⅕": Decimal(1) / 5, "⅖": Decimal(2) / 5, "⅗": Decimal(3) / 5,
           "⅘": Decimal(4) / 5, "⅙": Decimal(1) / 6, "⅚": Decimal(5) / 6, "⅛": Decimal(1) / 8,
           "⅜": Decimal(3) / 8, "⅝": Decimal(5) / 8, "⅞": Decimal(7) / 8}
_VULGAR_ANY = regexcache.compile(f"[{''.join(_VULGAR)}]")
_DENOMINATOR_OF = {"½": 2, "⅓": 3, "⅔": 3, "¼": 4, "¾": 4, "⅕": 5, "⅖": 5, "⅗": 5, "⅘": 5, "⅙": 6,
                   "⅚": 6, "⅛": 8, "⅜": 8, "⅝": 8, "⅞": 8}


def _vulgar_fractions(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """The mentions with each fraction character read: alone ("½") or after a whole number in digits,
    glued or after one space ("2½", "1 ¾"), which it joins."""
    merged = list(mentions)
    for match in _VULGAR_ANY.finditer(text):
        at, char = match.start(), match[0]
        if at and (text[at - 1].isalpha() or text[at - 1] in "/."):
            continue
        part, step = _VULGAR[char], Decimal(1) / _DENOMINATOR_OF[char]
        end = at + 1
        glued = end < len(text) and (text[end].isalnum() or text[end] in "°²³")
        whole = next((i for i, m in enumerate(merged) if m.end in (at, at - 1) and m.digits
                      and not m.ordinal and text[m.start:m.end].isdigit() and text[m.end:at] in ("", " ")),
                     None)
        if whole is not None:
            number = merged[whole]
            merged[whole] = NumberMention(number.start, end, number.value + part, step, digits=True,
                                          glued=glued)
        else:
            merged.append(NumberMention(at, end, part, step, digits=True, glued=glued))
    merged.sort(key=lambda m: m.start)
    return merged


# --- numbers written in two mentions -----------------------------------------------------------------
# Each join reads a mention and what follows it as one number; the test before each regex is a
# character or word the join needs, so a text without any costs one look per mention.

# "1.1^23", "10^6", "2.5^-1": a power in digits.
_CARET_POWER = regexcache.compile(r"\^(?P<sign>[-+])?(?P<power>\d{1,3})(?!\w|[.,]\d)")
# "2.48×10−5", "6.02 x 10^23", "3×10⁸": a mantissa times a power of ten.
_TIMES_TEN = regexcache.compile(
    rf"{HSPACE}?[×x]{HSPACE}?10(?:\^|\*\*)?(?:(?P<sign>[-+−])?(?P<power>\d{{1,3}})"
    r"|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?!\w|[.,]\d)"
)
_SPACED_TIMES = (" x 10", " × 10", " x10", " ×10")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺−", "0123456789-+-")
# "one over three", "1 over 20": a fraction, when the denominator ends the clause ("2000 over 3
# years" is an amount over a time; "1986 over 1985" compares years and is excluded by the years).
_OVER = regexcache.compile(rf"{GAP}over{GAP}")
_CLAUSE_END = regexcache.compile(r"[ \t]*(?:[.,;:!?)\]]|\n|$)")
# "forty-five (45)", "45 (forty-five)": a figure restated in brackets, as contracts write them.
_BRACKETED = regexcache.compile(rf"{HSPACE}?\(")
# "4 thousand 3 hundred and 21", "6 crore and two hundred": digits with a spelled scale, continued.
_SCALE_JOIN = regexcache.compile(rf"{GAP}(?P<and>and{GAP})?")
_SPELLED_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "lakh", "lakhs",
                             "crore", "crores"})


def _power(text: str, mention: NumberMention) -> NumberMention | None:
    """``mention`` raised to the power written right after it ("1.1^23", "2.48×10−5")."""
    if not mention.digits or mention.ordinal or (mention.glued and text[mention.end] not in "×x"):
        return None
    caret = text[mention.end] == "^"
    match = (_CARET_POWER if caret else _TIMES_TEN).match(text, mention.end)
    if match is None or (not caret and "." not in text[mention.start : mention.end]):
        return None  # "3 x 10" is a product of two figures; "2.48×10−5" a number
    written = match["sup"] if not caret and match["sup"] else f"{match['sign'] or ''}{match['power']}"
    power = int(written.translate(_SUPERSCRIPTS))
    sign = -1 if mention.value < 0 else 1
    try:
        value = abs(mention.value) ** power if caret else abs(mention.value).scaleb(power)
    except ArithmeticError:
        return None
    if not value or abs(value) >= MAX_NUMBER_MAGNITUDE:
        return None
    value = tidy(sign * value)
    return NumberMention(mention.start, match.end(), value, _last_place(value), digits=True)


def _last_place(value: Decimal) -> Decimal:
    """The step of the last digit ``value`` is written with: 0.25 → 0.01, 1300000 → 1."""
    exponent = value.normalize().as_tuple().exponent
    return Decimal(1).scaleb(min(0, exponent)) if isinstance(exponent, int) else Decimal(1)


def _is_year(mention: NumberMention) -> bool:
    return mention.plain_integer and 1000 <= mention.value <= 2099


def _integral(mention: NumberMention) -> bool:
    return not mention.ordinal and not mention.glued and mention.value == mention.value.to_integral_value()


def _over(text: str, low: NumberMention, high: NumberMention) -> NumberMention | None:
    """"one over three" as 1/3, "negative one over 20" as -1/20."""
    if not (_integral(low) and _integral(high) and high.value > 0) or _is_year(low) or _is_year(high):
        return None
    if _OVER.fullmatch(text, low.end, high.start) is None or _CLAUSE_END.match(text, high.end) is None:
        return None
    value = low.value / high.value
    return NumberMention(low.start, high.end, tidy(value), tidy(1 / high.value), digits=low.digits)


def _restated(text: str, first: NumberMention, second: NumberMention) -> NumberMention | None:
    """"thirty (30)": one number, written in words and in digits (either first)."""
    if first.digits == second.digits or first.value != second.value or first.ordinal or second.ordinal:
        return None
    closed = text[second.end : second.end + 1] == ")"
    if not closed or _BRACKETED.fullmatch(text, first.end, second.start) is None:
        return None
    digits = first if first.digits else second
    return NumberMention(first.start, second.end + 1, first.value, digits.step, digits=first.digits)


def _scale_continued(text: str, high: NumberMention, low: NumberMention) -> NumberMention | None:
    """"4 thousand 3 hundred", "3 hundred and 21", "3 million and a half": digits with a spelled
    scale and a smaller part after it. Without "and" the part must end on a scale of its own
    ("2 million 30 were hurt" is two figures); after "and" it is below a thousand, or half the scale."""
    if not high.digits or high.ordinal or high.value < 100 or low.ordinal or low.glued or low.value <= 0:
        return None
    last = _LAST_WORD.search(text, high.start, high.end)
    if last is None or last[1].lower() not in _SPELLED_SCALES:
        return None
    join = _SCALE_JOIN.fullmatch(text, high.end, low.start)
    scale = SCALES[last[1].lower()]
    if join is None or high.step < scale:  # "2.5 million and one other" is no 2,500,001
        return None
    if (join["and"] and low.value == Decimal("0.5") and scale >= 1000
            and text[low.start : low.end].lower() == "a half"):  # "44 million and half lives" is two
        return NumberMention(high.start, low.end, tidy(high.value + scale / 2), tidy(scale / 2), digits=True)
    if low.value >= scale or low.value != low.value.to_integral_value():
        return None
    below = _LAST_WORD.search(text, low.start, low.end)
    spelled_tail = not low.digits and low.value >= 100  # "7 thousand four hundred and twelve"
    if not join["and"] and not spelled_tail and (below is None or below[1].lower() not in _SPELLED_SCALES):
        return None
    if join["and"] and low.value >= 1000:
        return None
    return NumberMention(high.start, low.end, high.value + low.value, low.step, digits=True)


def _joined(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """The mentions, with each number written in two mentions read as one (see the joins above)."""
    joined: list[NumberMention] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        index += 1
        after = text[mention.end : mention.end + 1]
        if after and (after in "^×x" or text.startswith(_SPACED_TIMES, mention.end)):
            powered = _power(text, mention)
            if powered is not None:
                mention = powered
                while index < len(mentions) and mentions[index].start < mention.end:
                    index += 1  # the exponent's own digits
        inside = index
        while True:
            while inside < len(mentions) and mentions[inside].start < mention.end:
                words = _words_on_scale(text, mention, mentions[inside])  # "3 hundred and one"
                if words is not None:
                    mention, index = words, inside + 1
                inside += 1  # else a word inside the mention ("hundred" of "3 hundred"), kept as it was
            if inside == len(mentions) or mentions[inside].start - mention.end > 8:
                break
            following = mentions[inside]
            merged = (_scale_continued(text, mention, following)
                      or _restated(text, mention, following) or _over(text, mention, following))
            if merged is None:
                break
            mention, index = merged, inside + 1
            inside = index
        joined.append(mention)
    return joined


def _words_on_scale(text: str, digits: NumberMention, words: NumberMention) -> NumberMention | None:
    """"3 hundred and one", "3 thousand five hundred": the digits count the first word of a run of
    number words that goes on past them (the run reads "hundred and one" as 101: here 3 × 100 + 1)."""
    if not digits.digits or words.digits or words.end <= digits.end or words.ordinal:
        return None
    last = _LAST_WORD.search(text, digits.start, digits.end)
    if last is None or last.start() != words.start or last[1].lower() not in _SPELLED_SCALES:
        return None
    scale = SCALES[last[1].lower()]
    rest = words.value - scale
    if not 0 < rest < scale or digits.step < scale:
        return None
    return NumberMention(digits.start, words.end, digits.value + rest, words.step, digits=True)


# --- number claims ---------------------------------------------------------------------------------

_PRONOUN_BEFORE = regexcache.compile(
    rf"\b(?:{lexicon.alternation(lexicon.words('pronoun_one_before'))})[ \t]+$", re.IGNORECASE
)
_ANOTHER_AFTER = regexcache.compile(r"[ \t]+another\b")


def is_pronoun_one(text: str, mention: NumberMention) -> bool:
    """"no one", "the one who", "one another": the word "one" that is not a count."""
    if mention.digits or text[mention.start : mention.end].lower() != "one":
        return False
    if _PRONOUN_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return True
    return _ANOTHER_AFTER.match(text, mention.end) is not None


_TO_OR_FOR_BEFORE = regexcache.compile(r"\b(?:[Tt]o|[Ff]or)[ \t]+$")


def _for_naught(text: str, mention: NumberMention) -> bool:
    """"came to naught", "all for nought": the idiom for nothing, not the number zero."""
    if mention.digits or text[mention.start : mention.end].lower() not in ("naught", "nought"):
        return False
    return _TO_OR_FOR_BEFORE.search(text, max(0, mention.start - 5), mention.start) is not None


def _is_compound_word(text: str, mention: NumberMention) -> bool:
    """A number word glued by a hyphen into another word ("one-off", "five-star", "on-one"); not a
    count of members, seats or storeys before a hyphen ("a nine-member committee", "a twelve-storey
    block"), which counts as "a 12-member panel" does."""
    if mention.digits:
        return False
    after = text[mention.end : mention.end + 2]
    before = text[max(0, mention.start - 2) : mention.start]
    if len(before) == 2 and before[1] == "-" and before[0].isalpha():
        return True
    if not (len(after) == 2 and after[0] == "-" and after[1].isalpha()):
        return False
    return not (mention.value >= 2 and _COUNTING_NOUN.match(text, mention.end + 1))


# the nouns a number word counts across a hyphen: the size of a body, a building, a document
_COUNTING_NOUN = regexcache.compile(
    r"(?i:member|strong|seat|person|man|woman|judge|justice|nation|country|bed|storey|story|floor|page"
    r"|bedroom|room)\b(?!-)"
)


_LAST_WORD = regexcache.compile(r"([A-Za-z]+)$")


def pair(text: str, low: NumberMention, high: NumberMention) -> NumberMention | None:
    """``low`` as the low end of a range up to ``high`` (scaled like ``high``), or None when the two
    mentions do not form a range."""
    if low.ordinal or high.ordinal or low.glued:
        return None
    join = range_join(text, low.end, high.start)
    if join is None or (join["word"] == "and" and not range_opener(text, low.start)):
        return None
    if low.plain_integer and 1000 <= low.value <= 2099 and (high.step != 1 or high.value >= 10000):
        return None  # "fell in 1986 to 15.995 billion dlrs": a year, then the amount
    value, step = low.value, low.step
    scale = _LAST_WORD.search(text, high.start, high.end)
    if scale and low.step == 1 and low.value < 1000 and scale[1].lower() in SCALES:
        value, step = value * SCALES[scale[1].lower()], step * SCALES[scale[1].lower()]
    if value >= high.value:
        return None
    return NumberMention(low.start, low.end, value, step, digits=low.digits)


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``number`` claims for the cardinal mentions no date, duration or ordinal has taken."""
    claims = []
    for index, mention in enumerate(mentions):
        if mention.glued and not taken.overlaps(mention.start, mention.end):
            mention = glued_scale(text, mention) or mention
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and following.step > 1 and mention.step == 1:
            mention = pair(text, mention, following) or mention  # "between 10 and 15 million": 10 million
        if mention.ordinal or mention.glued or taken.overlaps(mention.start, mention.end):
            continue
        if is_pronoun_one(text, mention) or _is_compound_word(text, mention) or _for_naught(text, mention):
            continue
        hedge, _ = hedge_before(text, mention.start)
        claims.append(
            make_claim(text, "number", mention.start, mention.end, mention.value,
                       hedge=hedge, precision=mention.step)
        )
        taken.mark(mention.start, mention.end)
    return claims
