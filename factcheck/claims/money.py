"""Amounts of money: "$1.2 billion", "€300m", "£5", "US$10", "$4.5bn", "10 billion rubles",
"5 dollars", "50 cents", "USD 20".

A number mention with a currency symbol or ISO code right before it, or a currency name or code
right after it (``lexicon/currencies.yaml``). The value is a :class:`Money` with the ISO 4217 code;
minor units ("50 cents") are converted to the major unit. "5 pounds of flour" is a weight, not money.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims import lexicon, numbers, ranges
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention, glued_scale
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache
from factcheck.values import Money

_TABLE = lexicon.load("currencies")
_SYMBOLS: dict[str, str] = _TABLE["symbols"]
_CODES: list[str] = _TABLE["codes"]
_NAMES = {name: code for code, names in [*_TABLE["names"].items(), *_TABLE["shared_names"].items()]
          for name in names}
_MINOR = {name: code for code, names in _TABLE["minor"].items() for name in names}
_SYMBOLS_AFTER: dict[str, str] = {**_TABLE["after"], **_TABLE["minor_after"]}

_BEFORE = regexcache.compile(
    rf"(?:(?<![A-Za-z])(?P<code>{lexicon.alternation(_CODES)}){HSPACE}?"
    rf"|(?<![A-Za-z])(?P<sym>{lexicon.alternation(_SYMBOLS)}){HSPACE}?)$"
)
# The last character of any prefix: a cheap test before the regex runs.
_PREFIX_ENDS = frozenset(p[-1] for p in [*_SYMBOLS, *_CODES])
_AFTER = regexcache.compile(
    # a hyphen may go on only to the thing paid for: "a 12-cent-a-share payout"
    rf"(?:{GAP}|-)(?P<name>{lexicon.alternation([*_NAMES, *_MINOR])})\b(?!-(?!an?-))"
    rf"|{HSPACE}?(?P<code>{lexicon.alternation(_CODES)})\b"
    rf"|{HSPACE}?(?P<sym>{lexicon.alternation(_SYMBOLS_AFTER)})(?![\w$€£¥₹]|{HSPACE}\d)"
)
_WEIGHT_AFTER = regexcache.compile(rf"{GAP}of\b")
# Pounds weighed, not paid: a verb or noun of weight before the figure ("weighs 17 pounds", "a
# take-off weight of 870,000 pounds", "shed 25 pounds", "overloaded by 700 pounds") or a comparative
# after it ("ten pounds heavier"). Losing and gaining count only an amount with no scale ("lost 25
# pounds"; "lost 25 million pounds" is money).
_WEIGHT_BEFORE = regexcache.compile(
    rf"\b(?:weigh(?:s|ed|ing)?|weight{GAP}of|overloaded{GAP}by|(?P<body>lose|loses|lost|losing|shed|sheds"
    rf"|shedding|gain|gains|gained|gaining|drop|drops|dropped|dropping|put{GAP}on|puts{GAP}on))"
    rf"(?:{GAP}(?:about|around|nearly|almost|roughly|some|just|only|over|under|more{GAP}than"
    rf"|less{GAP}than|at{GAP}least|up{GAP}to|an{GAP}extra|another))?{GAP}$",
    re.IGNORECASE,
)
_HEAVIER_AFTER = regexcache.compile(rf"{GAP}(?:heavier|lighter|overweight|underweight)\b")
# the stones of a weight stated in stones and pounds: "15 stone 2 pounds", "12st and 4 pounds"
_STONE_BEFORE = regexcache.compile(rf"\d{HSPACE}?(?:st|stone|stones)(?:,?{GAP}and)?{GAP}$")
# "a 500-pound bomb", "a twenty-pound bag": a weight, unless the noun is money's ("a ten-pound note").
_POUND_ADJECTIVE = regexcache.compile(
    rf"{GAP}(?!(?:notes?|coins?|fines?|fees?|bills?|tickets?|prizes?|bets?|vouchers?|charges?|levy|"
    rf"payments?|bonus|note|tax|rise|increase|cut|discount|deposit|stake)\b)[a-z]"
)
# A weight's conversion in parentheses: "700 kg (1,543 pounds)", "700 pounds (318 kg)".
_MASS = r"(?:kg|kgs|kilos?|kilograms?|kilogrammes?|g|grams?|grammes?|tonnes?|tons?|t)"
_ABOUT = rf"(?:(?:about|around|some){GAP})?"
_MASS_BEFORE = regexcache.compile(rf"\d{HSPACE}?-?{_MASS}{HSPACE}*\({HSPACE}*{_ABOUT}$")
_MASS_AFTER = regexcache.compile(rf"{HSPACE}*\({HSPACE}*{_ABOUT}[0-9][0-9.,]*{HSPACE}?-?{_MASS}\b")
_HUNDREDTH = Decimal("0.01")
# A video's or a screen's lines, written like pence: "720p", "1080p"
_RESOLUTIONS = frozenset({"144", "240", "360", "480", "540", "576", "720", "1080", "1440", "2160", "4320"})
_DIGITS_BEFORE = regexcache.compile(r"(?<![\d.,])\d[\d.]*$")
_SCREEN_WORDS = regexcache.compile(
    r"\b(?:videos?|resolution|screens?|display|streams?|streaming|cameras?|HD|pixels|TVs?|monitors?|YouTube)\b",
    re.IGNORECASE)
# Amounts in two units: "20 dollars 43 cents", "$20 and 43c", "thirteen dollars forty-five": the
# joiner after the major amount, the minor unit after the second number, and what may end a bare one.
_TAIL_JOIN = regexcache.compile(rf"(?:{GAP}and|,{HSPACE}*and)?{GAP}")
_MINOR_AFTER = regexcache.compile(rf"(?:{HSPACE}?[c¢]|{GAP}(?:{lexicon.alternation(_MINOR)}))(?![A-Za-z])")
_BARE_END = regexcache.compile(r"[ \t]*(?:[.,;:!?)]|$)")


def _prefix(text: str, start: int) -> re.Match[str] | None:
    """The currency symbol or code right before a number: "$" in "$5", "US$" in "US$10"."""
    if start == 0:
        return None
    last = text[start - 1]
    if last not in _PREFIX_ENDS and not (last == " " and start > 1 and text[start - 2] in _PREFIX_ENDS):
        return None
    return _BEFORE.search(text, max(0, start - 7), start)


def _suffix(text: str, end: int, start: int | None = None) -> tuple[str, Decimal, int] | None:
    """The currency written after a number: ``(code, factor to the major unit, end)``; ``start``, the
    number's, lets a weight's conversion in parentheses be told from money."""
    match = _AFTER.match(text, end)
    if match is None:
        return None
    if match["code"]:
        return match["code"], Decimal(1), match.end()
    if match["sym"] == "p" and not _pence(text, end, match):
        return None
    if match["sym"]:
        factor = _HUNDREDTH if match["sym"] in _TABLE["minor_after"] else Decimal(1)
        return _SYMBOLS_AFTER[match["sym"]], factor, match.end()
    name = match["name"]
    if name.startswith("pound") and (
        _WEIGHT_AFTER.match(text, match.end()) or _MASS_AFTER.match(text, match.end())
        or (start is not None and _MASS_BEFORE.search(text, max(0, start - 40), start))
        or (start is not None and _weighed(text, start, end, match))
    ):
        return None  # "5 pounds of flour", "700 kg (1,543 pounds)", "weighs 17 pounds"
    if name in _MINOR:
        return _MINOR[name], _HUNDREDTH, match.end()
    return _NAMES[name], Decimal(1), match.end()


def _pence(text: str, end: int, match: re.Match[str]) -> bool:
    """Whether a "p" after a figure is pence: glued to it ("240p", "12.5p"), and not a video's lines
    ("720p", "1080p" beside "video", "screen", "HD", ...)."""
    if match.start("sym") != end:
        return False
    digits = _DIGITS_BEFORE.search(text, max(0, end - 8), end)
    if digits is None or digits.group() not in _RESOLUTIONS:
        return True
    line_end = text.find("\n", end)
    low = max(0, end - 80, text.rfind("\n", 0, end) + 1)
    high = min(len(text) if line_end < 0 else line_end, end + 80)
    return _SCREEN_WORDS.search(text, low, high) is None


def _weighed(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    """Whether the pounds after a figure are a weight by what stands around them (see
    :data:`_WEIGHT_BEFORE`)."""
    if text[end] == "-":
        return match["name"] == "pound" and _POUND_ADJECTIVE.match(text, match.end()) is not None
    if _HEAVIER_AFTER.match(text, match.end()) or _STONE_BEFORE.search(text, max(0, start - 16), start):
        return True
    cue = _WEIGHT_BEFORE.search(text, max(0, start - 40), start)
    if cue is None:
        return False
    return not cue["body"] or _LAST_SCALE.search(text, start, end) is None


_LAST_SCALE = regexcache.compile(r"(?i:hundred|thousand|million|billion|trillion|mln|bln|bn|m)\b")


def _currency(text: str, mention: NumberMention) -> tuple[NumberMention, str, Decimal, int, int] | None:
    """``(amount, code, factor, start, end)`` of the money phrase around ``mention``, if it is one."""
    before = _prefix(text, mention.start)
    if before is not None:
        code = before["code"] or _SYMBOLS[before["sym"]]
        after = _AFTER.match(text, mention.end)
        end = after.end() if after is not None and after["name"] in _NAMES else mention.end  # "$5 US dollars"
        return mention, code, Decimal(1), before.start(), end
    if mention.glued:
        mention = glued_scale(text, mention) or mention  # "5.7bn euros"
        if mention.glued:
            glued_code = _AFTER.match(text, mention.end)  # "42MYR", "100元"
            if glued_code is None or glued_code["name"] or (glued_code["sym"] == "p"
                                                            and not _pence(text, mention.end, glued_code)):
                return None
            code = glued_code["code"] or _SYMBOLS_AFTER[glued_code["sym"]]
            factor = _HUNDREDTH if glued_code["sym"] in _TABLE["minor_after"] else Decimal(1)  # "240p"
            return mention, code, factor, mention.start, glued_code.end()
    after = _suffix(text, mention.end, mention.start)
    if after is None:
        return None
    return mention, after[0], after[1], mention.start, after[2]


def _claim(text: str, mention: NumberMention, code: str, factor: Decimal, start: int, end: int) -> Claim:
    hedge, _ = hedge_before(text, start)
    return make_claim(text, "money", start, end, Money(mention.value * factor, code), unit=code,
                      hedge=hedge, precision=Money(mention.step * factor, code))


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``money`` claims, taking their characters (symbol and name included)."""
    claims = []
    for index, mention in enumerate(mentions):
        if mention.ordinal or taken.overlaps(mention.start, mention.end):
            continue
        found = _currency(text, mention)
        if found is None:
            continue
        mention, code, factor, start, end = found
        low = ranges.low_end(text, mentions, index)
        if low is not None and start == mention.start and not taken.overlaps(low.start, low.end):
            claims.append(_claim(text, low, code, factor, low.start, low.end))  # "10 to 15 dollars"
            taken.mark(low.start, low.end)
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        scaled = numbers.pair(text, mention, following) if following and end == mention.end else None
        if following and scaled and not taken.overlaps(following.start, following.end):
            claims.append(_claim(text, scaled, code, factor, start, end))  # "$5-7 million"
            high_end = _suffix_end(text, following)
            claims.append(_claim(text, following, code, factor, following.start, high_end))
            taken.mark(start, high_end)
            continue
        whole = factor == 1 and mention.step == 1
        tail = _minor_tail(text, mentions, index, end, end > mention.end) if whole else None
        if tail is not None and not taken.overlaps(end, tail[1]):
            cents, end = tail  # "20 dollars 43 cents" = 20.43 USD
            amount = mention.value + cents * _HUNDREDTH
            mention = NumberMention(mention.start, mention.end, amount, _HUNDREDTH)
        claims.append(_claim(text, mention, code, factor, start, end))
        taken.mark(start, end)
    return claims


def _minor_tail(text: str, mentions: list[NumberMention], index: int, end: int,
                named: bool) -> tuple[Decimal, int] | None:
    """The hundredths stated after a whole amount ending at ``end``: "43 cents" or "and 43c" in
    "20 dollars 43 cents", or a bare "43" that ends the clause ("$20 43.", and after a currency
    ``named`` after the amount "twenty dollar and 43", but not "$5 and 10", a list of prices).
    ``(hundredths, end of the tail)``."""
    if index + 1 >= len(mentions):
        return None
    following, join = mentions[index + 1], _TAIL_JOIN.match(text, end)
    if join is None or join.end() != following.start or following.ordinal or following.step != 1:
        return None
    if not 0 < following.value < 100 or following.value != following.value.to_integral_value():
        return None
    minor = _MINOR_AFTER.match(text, following.end)
    if minor is not None:
        return following.value, minor.end()
    if _BARE_END.match(text, following.end) and not following.glued and (named or "and" not in join[0]):
        return following.value, following.end
    return None


def _suffix_end(text: str, mention: NumberMention) -> int:
    after = _suffix(text, mention.end)
    return after[2] if after is not None else mention.end
