"""Restating a figure with another value, in the style it was written (a suggested correction).

"a 20% increase" with 25 becomes "a 25% increase"; "14.5 mln dlrs" with 13.1 million "13.1 mln
dlrs"; "$1.2 billion" with 1.3 billion "$1.3 billion"; "four countries" with 3 "three countries";
"eight months" with 9 months "nine months". Only the number is rewritten: the currency sign, the
scale word ("mln", "billion"), the unit word ("pct", "per cent"), the hedge and the thousands
separators stay as written. The new number keeps the written number of decimals, with one more (up
to two) when rounding would restate the figure unchanged or the value lies exactly halfway ("€3
million" with 3.5 million becomes "€3.5 million", not "€4 million"). A unit noun after "one", or
after a number that becomes one, agrees ("one month" → "two months").

A figure in words is restated in words, rounded to a whole number as the writer rounded it ("six
months" with 8.85 months becomes "nine months", "two pct" with 1.46 "one pct"), except for a value
exactly halfway, which no whole number states ("four hours" with 2.5 hours becomes "2.5 hours"); its
scale word, its "a" for one hundred and its dozens stay ("nine million pounds" → "seven million
pounds", "A hundred and twenty-five" → "A hundred and forty", "three dozen" → "two dozen"). A
fraction in words ("a third", "two-thirds") is not restated: no fix is better than a guessed one.
A duration figure takes a duration value (a plain number does not say which unit of time it
counts). The result is None when no honest restatement exists: the figure has no number in digits
or simple words, the value's sign differs from the figure's, or rounding leaves it as written.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from factcheck.claims.model import Claim
from factcheck.startup import regexcache
from factcheck.values import Duration, Money, Percent

_DIGITS = regexcache.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 10 * i for i, w in enumerate(_TENS) if i >= 2}
_WORD = "|".join(sorted([*_WORD_VALUES, "hundred", "thousand", "dozen"], key=len, reverse=True))
# "a hundred and twenty-five", "a dozen": the article counts one
_SPELLED = regexcache.compile(
    rf"\b(?:an?\s+(?=(?:hundred|thousand|dozen)\b))?(?:{_WORD})(?:(?:[ -]|\s+and\s+)(?:{_WORD}))*\b",
    re.IGNORECASE)
# a scale word after a number in words: "nine million pounds", "seven bn dlrs"
_SCALE_AFTER = regexcache.compile(r"\s+(million|mln|billion|bln|bn|trillion)\b", re.IGNORECASE)
_SCALE_VALUES = {"million": 6, "mln": 6, "billion": 9, "bln": 9, "bn": 9, "trillion": 12}
_NOUN_AFTER = regexcache.compile(r"(\s+|-)([A-Za-z]+)")
MAX_EXTRA_DECIMALS = 2
HALF = Decimal("0.5")


def restate(figure: Claim, value: Any) -> str | None:
    """``figure``'s text restated with ``value`` (see the module docstring), or None."""
    if isinstance(value, str):
        return value
    if isinstance(figure.value, Duration) != isinstance(value, Duration):
        return None  # a plain number says nothing about which unit of time it counts
    old, new = _number(figure.value, figure), _number(value, figure)
    if old is None or new is None or (new < 0) != (old < 0):
        return None
    match = _DIGITS.search(figure.text)
    if match is not None:
        text = _restate_digits(figure.text, match, old, new)
    else:
        text = _restate_words(figure.text, old, new)
    return None if text is None or text == figure.text else text


def _number(value: Any, figure: Claim) -> Decimal | None:
    """A value as a plain number in the figure's own terms (a duration in the figure's unit)."""
    if isinstance(value, Percent):
        return value.value
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Duration):
        try:
            return value.in_unit(figure.unit or "day")
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def _restate_digits(text: str, match: re.Match[str], old: Decimal, new: Decimal) -> str | None:
    core = match[0]
    written = Decimal(core.replace(",", ""))
    if written == 0:
        return None
    scaled = new / (old / written)  # "$1.2 billion": the scale word stays, the number is in billions
    decimals = len(core.partition(".")[2])
    for extra in range(MAX_EXTRA_DECIMALS + 1):
        number = _round(scaled, decimals + extra)
        halfway = abs(scaled - number) * 2 == Decimal(1).scaleb(-(decimals + extra))
        if number != written and not halfway and (number != 0 or scaled == 0):
            break
    else:
        return None
    digits = _group(number, decimals + extra, _uses_commas(core))
    restated = text[: match.start()] + digits + text[match.end():]
    return _agree(restated, match.start() + len(digits), written, number)


def _round(number: Decimal, decimals: int) -> Decimal:
    try:
        return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return number


def _uses_commas(core: str) -> bool:
    """Commas when the figure has them, or is too short to show (news style groups from 1,000)."""
    whole = core.partition(".")[0]
    return "," in whole or len(whole) < 4


def _group(number: Decimal, decimals: int, commas: bool) -> str:
    return f"{number:,.{decimals}f}" if commas else f"{number:.{decimals}f}"


def _restate_words(text: str, old: Decimal, new: Decimal) -> str | None:
    """Words for a whole number; digits (up to two decimals) for a fraction words cannot say simply.
    A scale word after the words stays ("nine million pounds" with 7 million: "seven million
    pounds"), as do the writer's "a" for one hundred or thousand and "dozen" for a multiple of
    twelve ("a hundred and forty", "three dozen")."""
    found = next(((m, scale) for m in _SPELLED.finditer(text)
                  if (scale := _scale_after(text, m.end())) and _words_value(m[0]) * scale == old), None)
    if found is None:
        return None
    match, scale = found
    old, new = old / scale, new / scale
    number = _round(new, MAX_EXTRA_DECIMALS).normalize()
    if abs(number - _round(number, 0)) < HALF:  # a whole number in words is rounded to the unit
        number = _round(number, 0)
        spelled = _spell_like(int(number), match[0])
        if spelled is None or number == old:
            return None
        if match[0][:1].isupper():
            spelled = spelled[0].upper() + spelled[1:]
    else:
        spelled = f"{number:,f}"
    restated = text[: match.start()] + spelled + text[match.end():]
    return _agree(restated, match.start() + len(spelled), old, number)


def _scale_after(text: str, end: int) -> Decimal:
    """The power of ten a scale word right after the words stands for (1 without one)."""
    word = _SCALE_AFTER.match(text, end)
    return Decimal(10) ** _SCALE_VALUES[word[1].lower()] if word else Decimal(1)


def _spell_like(number: int, written: str) -> str | None:
    """``number`` in words as ``written`` was: in dozens if it counted dozens and the number is a
    whole number of them, with "a" for one hundred (and a thousand alone) if it opened with "a"."""
    words = written.lower().split()
    if "dozen" in words and number % 12 == 0 and number > 0:
        dozens = number // 12
        return "a dozen" if dozens == 1 else f"{spell(dozens)} dozen"
    spelled = spell(number, british=" and " in written.lower())
    if spelled is not None and words[0] in ("a", "an") and (spelled.startswith("one hundred")
                                                            or spelled == "one thousand"):
        spelled = "a" + spelled[3:]
    return spelled


def _words_value(words: str) -> Decimal | None:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", "a", "an"):
            continue
        if word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
    return Decimal(total + current)


def spell(number: int, british: bool = False) -> str | None:
    """A whole number from 0 to 999,999 in words: 21 → ``twenty-one``, 340 → ``three hundred forty``
    (``three hundred and forty`` in British style, as the figure being restated was written)."""
    if not 0 <= number < 1_000_000:
        return None
    if number < 20:
        return _UNITS[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    joiner = " and " if british else " "
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_UNITS[hundreds]} hundred" + (f"{joiner}{spell(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    tail = "" if not rest else (joiner if rest < 100 else " ") + str(spell(rest, british))
    return f"{spell(thousands, british)} thousand{tail}"


def _agree(text: str, after: int, old: Decimal, new: Decimal) -> str:
    """The noun right after the number in the plural or singular the new number needs
    ("one month" → "two months"); hyphenated modifiers ("90-minute call") never change."""
    noun = _NOUN_AFTER.match(text, after)
    if noun is None or noun[1] == "-" or (old == 1) == (new == 1):
        return text
    word = noun[2]
    if old == 1 and not word.endswith("s"):
        word = word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"
    elif new == 1 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif new == 1 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return text[: noun.start(2)] + word + text[noun.end(2):]
