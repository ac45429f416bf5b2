"""Lengths of time: "eight months", "2.5 hours", "a decade", "half an hour", "two more days", "3h",
"five and a half minutes", "an hour and a quarter", "all day", "another week", compounds ("2 years and 3
months", "an hour and 45 minutes", "1 hour fifteen") and the adjectival forms "a 90-minute call",
"nearly two-and-a-half-hour discussion", "an hour-long meeting".

A duration is a number mention followed by a unit (checked with one anchored match at the mention's
end), or an article before a unit ("a decade"), found by one regex pass. The adjectival form names
the event it measures: the noun right after it ("90-minute call" → call); "the call lasted two hours"
names it before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.claims import lexicon, literals, periods, ranges, relative
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache
from factcheck.values import Duration, Hedge

_ARTICLE_UNITS = lexicon.unit_names()
# Only after a number: "two nights" (a night is counted as a day), "3 quarters", "3 h" (digits only).
_UNITS = _ARTICLE_UNITS | {"night": "day", "nights": "day", "quarter": "quarter", "quarters": "quarter",
                           "h": "hour"}
_SINGULAR = frozenset(_UNITS.values()) | {"night"}
_UNIT = rf"(?:{lexicon.alternation(_UNITS)})"
_FRACTION_WORDS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
_FRACTION_ENDINGS = ("half", "quarter", "quarters")  # a mention before "of an hour"
_AND_FRACTION = rf"{GAP}and{GAP}(?:an?{GAP})?(?P<frac>half|quarter)\b(?![-\w])"

# After a number mention: " months", "-minute", "-hour-long", "5years" (glued), " more days",
# " hours and a half", " of an hour" (after "a quarter").
_UNIT_AFTER = regexcache.compile(
    rf"(?P<of>{GAP}of(?:{GAP}an?)?)?(?P<sep>{GAP}|{HSPACE}*-{HSPACE}*|)"
    rf"(?P<mod>(?:more|additional|extra|less|fewer|further|straight|consecutive|successive|full|whole|long|"
    rf"short|trading|business|working|calendar){GAP})?"
    rf"(?P<unit>{_UNIT})\b(?P<long>-long\b)?(?:{_AND_FRACTION})?",
    re.IGNORECASE,
)
# After a whole number: " and a half minutes", " and three quarters of an hour", " and quarter hour".
_AND_FRACTION_UNIT = regexcache.compile(
    rf"{GAP}and{GAP}(?:(?P<count>an?|one|two|three){GAP})?(?P<frac>half|quarters?)"
    rf"(?:{GAP}of)?(?:{GAP}an?)?{GAP}(?P<unit>{_UNIT})\b(?!-)",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
# An article standing for one: "a decade", "an hour-long meeting", "half an hour" (or "half-an-hour"),
# "a year and a half", "an additional year".
_ARTICLE_UNIT = regexcache.compile(
    rf"(?=[AaHh])(?P<half>half(?:{GAP}|-))?(?P<article>an?)(?:{GAP}|(?(half)-|(?!)))"
    rf"(?:(?:additional|extra|further){GAP})?(?P<halfhyph>half-)?"
    rf"(?P<unit>{lexicon.alternation(_ARTICLE_UNITS)})\b"
    rf"(?P<long>-long\b)?(?:{_AND_FRACTION})?",
    re.IGNORECASE,
)
# A whole unit: "all day", "the whole week", "a full year", "all-day", "another month".
_WHOLE_UNIT = regexcache.compile(
    rf"(?P<word>[AaWwFfEe](?:ll|hole|ull|ntire|nother))(?P<sep>{GAP}|-)"
    rf"(?P<unit>day|night|week|month|year|hour|minute|decade)\b(?!-)"
)
# "the hour-long conversation", "a day-long strike": one unit, with or without an article.
_UNIT_LONG = regexcache.compile(
    r"(?P<unit>minute|hour|day|night|week|month|year|decade)-long\b", re.IGNORECASE
)
# "a quarter of an hour", "three-quarters of an hour", "a quarter of a century", "a quarter-century",
# "a quarter hour", "a quarter-of-an-hour".
_PART_OF_UNIT = regexcache.compile(
    rf"quarters?(?:{GAP}of{GAP}an?{GAP}|-of-an?-|{GAP}|-)(?P<unit>hour|year|century)\b(?!-)"
)
_PART_COUNT_BEFORE = regexcache.compile(rf"(?<![\w-])(?P<count>[Aa]|[Oo]ne|[Tt]hree)(?:{GAP}|-)$")
# The scans above open on a literal or a small character set, not on a look-behind (which would stop the
# regex engine's fast skip); a match inside a word is dropped here.
_WORD_CHAR_BEFORE = regexcache.compile(r"[\w-]")
_WHOLE_WORDS = frozenset({"all", "whole", "full", "entire", "another"})
_WORD_AFTER = regexcache.compile(rf"{GAP}(?P<word>[a-z]+)")
# "three quarters" alone may be a fraction ("three quarters voted"); "the past three quarters" is time.
_PERIOD_WORD_BEFORE = regexcache.compile(
    r"\b(?:past|last|next|previous|following|consecutive|straight|first|coming)[ \t]+$", re.IGNORECASE
)
# Compounds: "2 years and 3 months", "2 years, 3 months", "1 year 2 days 3 hours and 4 seconds".
_COMPOUND_JOINER = regexcache.compile(rf",?{GAP}(?:and{GAP})?|,")
# "1 hour fifteen", "2 hours and 10": minutes left bare at the end of a phrase.
_BARE_MINUTES = regexcache.compile(rf"{GAP}(?:and{GAP})?")
_PHRASE_END = regexcache.compile(rf"{HSPACE}*(?:[.,;:!?)]|$)")
_ARTICLE_AT = regexcache.compile(rf"(an?|another){HSPACE}", re.IGNORECASE)
_BETWEEN_BEFORE = regexcache.compile(r"\bbetween[ \t]+$", re.IGNORECASE)
# "30-year-old" is an age and "five-year-plan" a name; "a second term" is an ordinal.
_NOT_AFTER_ADJECTIVAL = regexcache.compile(r"-(?:old|olds)\b|-[A-Za-z]")
# "2.5 hours" is said for two and a half hours: its step is the half, not a tenth of an hour.
# "an hour-long meeting" says about an hour, not anything from 30 to 90 minutes: a quarter of the unit.
_LONG_STEP = Decimal("0.25")
_FRACTION_STEPS = {
    Decimal("0.5"): Decimal("0.5"),
    Decimal("0.25"): Decimal("0.25"),
    Decimal("0.75"): Decimal("0.25"),
}
_LEADING_ARTICLE = regexcache.compile(rf"an?{GAP}(?=half\b)", re.IGNORECASE)
# "twice a year", "£5.60 an hour", "70 miles an hour" are rates, not lengths of time.
_RATE_BEFORE = regexcache.compile(
    r"(?:\d[\w%]*|\b(?:once|twice|thrice|times|per|every|each|miles|kilometres|kilometers|km|dollars|pounds"
    r"|euros|cents|pence|dlrs|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen))[ \t]+$",
    re.IGNORECASE,
)
# "$500 million a year", "four flights a week", "hundreds of interviews a day": a rate, the unit
# after an amount of something counted.
_COUNTED_RATE_BEFORE = regexcache.compile(
    r"(?:\b(?:million|billion|trillion|thousand|hundred|mln|bln|bn)s?"
    r"|(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
    rf"hundreds|thousands|dozens|several|many)){GAP}(?:of{GAP})?[A-Za-z]+[^s\W]s)[ \t]+$",
    re.IGNORECASE,
)
# "$50bn (£26.69bn) a year", "80 pct a year", "1 million barrels of oil a day", "70 million passengers
# a year", "three hours of extra activity a week": the unit after an amount and up to four words
# naming what it counts (no function word but "of" among them) is a rate too.
_AMOUNT_WORDS_BEFORE = regexcache.compile(
    r"(?:(?P<amount>(?:[$£€¥][ \t]*)?\d(?:[\d,.]*\d)?"
    r"(?:[ \t]*(?:%|(?i:pct|percent|mln|bln|bn|mn|m|k|million|billion|trillion|thousand)\b))?"
    r"|\b(?i:million|billion|trillion|thousand|hundred)s?\b)"
    r"|\b(?P<spelled>(?i:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|dozens"
    r"|several|many))\b)"
    r"(?:[ \t]*\([^()\n]{1,24}\))?(?P<words>(?:[ \t]+[A-Za-z][\w'’-]*){0,4})[ \t]+$"
)
_RATE_REACH = 60
# "a year-on-year rise", "on a month-to-month basis", "on a year on year basis", "a year-to-date gain":
# a comparison of periods (a basis of measurement), no length.
_PERIOD_ON_PERIOD = regexcache.compile(
    r"(?:-|[ \t]+)(?:on|over|to)(?:-|[ \t]+)(?:(?:the|a)[ \t]+)?(?:(?:previous|prior|same|earlier)[ \t]+)?"
    r"(?:year|month|week|day|quarter|date)s?\b",
    re.IGNORECASE,
)
# "at 0930 hrs EST", "the tremor at 0620 hrs (0920 GMT)", "set for 1900 hours local": a clock time written
# as four digits (TimeML: a TIME), not a length; "1200 hours of community service" is a length.
_CLOCK_DIGITS = regexcache.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_BEFORE = regexcache.compile(
    r"\b(?:at|by|until|till|from|since|before|after|around|about|approximately|(?:set|scheduled|due|fixed)"
    r"[ \t]+for)[ \t]+$",
    re.IGNORECASE,
)
_CLOCK_AFTER = regexcache.compile(
    r"[ \t]*(?:\(|(?:local|GMT|gmt|UTC|(?i:est|edt|cst|cdt|pst|pdt)|BST|CET|IST|JST|Moscow|Zulu)\b)"
)
# "Shr loss 17.4 H.K. cents": a letter that opens an abbreviation is no unit.
_ABBREVIATION_AFTER = regexcache.compile(r"\.[A-Za-z]")
# "from $150.3 million a year before.": a comparison with the period a year back (TimeML: a DATE).
_BEFORE_ENDING = regexcache.compile(rf"{GAP}before\b[ \t]*(?:[.,;:)]|$)")
# "1986 year includes 53 weeks", "the first two 1987 months": a year's number before the unit names the
# year ("for 2000 years" is a length).
_YEAR_NUMBER = regexcache.compile(r"(?:1[89]|20)\d\d")
_NAMED_BY_YEAR = frozenset({"year", "month", "months", "quarter", "quarters", "week", "weeks"})
_AGE_BEFORE = regexcache.compile(r"\b(?:[Aa]ge[ \t]+of|[Aa]ged)[ \t]+$")
# "a couple of years", "the next couple of weeks": two of the unit.
_COUPLE = regexcache.compile(
    rf"(?<![\w-])(?:[Aa]|[Tt]he{GAP}(?:next|past|last|first|coming)){GAP}couple{GAP}of{GAP}"
    rf"(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades))\b"
)
# One whole unit named by its place in time: "the past decade", "the past year"; and a company's
# reporting year, "the year ended March 31", "the fiscal year" (TimeML: P1Y).
_WHOLE_PERIOD = regexcache.compile(
    rf"(?<![\w-])[Tt]he{GAP}past{GAP}(?P<unit>day|week|month|year|decade|century)\b(?![-'’])"
    rf"|(?<![\w-])[Tt]he{GAP}(?:fiscal{GAP})?(?P<reporting>year)(?={GAP}(?:ended|ending|that{GAP}ended)\b)"
    rf"|(?<![\w-])[Tt]he{GAP}fiscal{GAP}(?P<fiscal>year)\b(?!{GAP}\d|-)"
)
_SECOND_AS_UNIT_AFTER = regexcache.compile(r"[.,;:!?)]|[ \t]+(?:ago|later|earlier|or|and|before|after)\b")
# "in the last month", "over the past year", "during the last decade": one whole unit counted back from
# the document's date. TimeML's gold types these as the DATE "last month" names (4 of 5 in TimeBank/
# AQUAINT: "the past year" 1997, "the last decade" 198; once "the past decade" P10Y), so the claim is
# that date, and it carries the length a count in that period is reckoned over (``length``). Not a
# final unit ("the last week of May", "the last year before the war", "the past year's results", "the
# last full year for which figures exist"): those are left to the readings after.
_LAST_UNIT = regexcache.compile(
    rf"[Tt]he{GAP}(?:past|last)(?:{GAP}(?:full|whole|entire))?{GAP}(?P<unit>week|month|year|decade)\b"
    rf"(?![-'’])(?!{GAP}(?:of|before|after|when|that|(?:for|in|during|of){GAP}which)\b)"
)


def last_units(text: str, taken: Taken) -> list[Claim]:
    """``date`` claims for "the last month", "the past year", ...: the calendar unit before the
    document's date (``relative`` -1, ``grain`` the unit), with ``length`` the duration claim of one
    unit over the same words, ``direction`` "past" (read by the event counts: "walked out four times
    in the last month"; resolution anchors it at the document's date)."""
    claims = []
    for match in literals.finditer(_LAST_UNIT, text):
        start, end = match.start(), match.end()
        if _inside_word(text, start) or taken.overlaps(start, end):
            continue
        unit = match["unit"]
        length = make_claim(
            text, "duration", start, end, Duration.of(1, unit), unit=unit, precision=Duration.of(1, unit),
            fields={"event": None, "determiner": "the", "direction": "past"},
        )
        claims.append(periods.calendar_claim(text, start, end, relative=-1, grain=unit, length=length))
        taken.mark(start, end)
    return claims


# "Three days later", "some 20 minutes earlier": TimeML marks the length before the signal word as a
# DURATION (as in "two days before the attack"), and the relative date over the same words keeps the
# day it points to, so the length is read even where that date took its characters. Not a comparison
# with the period a year back ("up from $4 million a year earlier", "A year earlier, net was $2
# million", "than 12 months earlier"): TimeML marks that as the DATE it names.
_SHIFT_AFTER = regexcache.compile(rf"{GAP}(?:or{GAP}so{GAP})?(?P<shift>later|earlier)\b")
_FIGURE_BEFORE = regexcache.compile(
    r"(?:\b(?:from|with|than|against|versus|vs\.?)|\d%?|\b(?:million|billion|cents|share|percent|pct))"
    r"[ \t]*,?[ \t]*$", re.IGNORECASE)
_PER_CYCLE = regexcache.compile(rf"{GAP}(?:an?|per){GAP}(?P<cycle>hour|day|week|month|year)\b", re.IGNORECASE)
_CYCLE_TOLERANCE = Decimal("0.01")  # 365 or 52 weeks for a year
_PERIODS_COMPARED = frozenset({"year", "quarter"})  # "a year earlier", "a quarter earlier"

_DETERMINER_BEFORE = regexcache.compile(
    rf"(?:^|(?<=[^\w-]))(?P<det>{lexicon.alternation(lexicon.words('determiners'))}){GAP}"
    rf"(?:(?:{lexicon.alternation(lexicon.words('determiner_skips'))}){GAP})?$",
    re.IGNORECASE,
)
_EVENT_WORD = regexcache.compile(r"[ \t]+(?P<word>[a-z][a-z-]*)\b")
_STOPS = frozenset(lexicon.words("phrase_stops"))
_EVENTS = lexicon.event_phrases()
_EVENT_BEFORE = regexcache.compile(
    rf"\b(?P<event>{lexicon.alternation(_EVENTS)})[ \t]+"
    rf"(?:{lexicon.alternation(lexicon.words('duration_verbs'))})[ \t]+(?:for[ \t]+)?[a-z ]{{0,12}}$",
    re.IGNORECASE,
)


# "every four years", "once every 10 minutes", "each two weeks", "every two or three years": a length
# that repeats is a set (TimeML: SET, valued as the length between its members, "P4Y"), no length
# of anything; made as the calendar's sets are ("every Friday"), a date claim with ``every``.
_SET_UNITS = {"fortnight": ("week", 2), "decade": ("year", 10), "century": ("year", 100)}
_COUNT_STEP = Decimal("0.000001")  # a count read through seconds ("every six months") loses no digit
_RANGE_JOINER = regexcache.compile(rf"{GAP}(?:or|to){GAP}|{HSPACE}*[-–]{HSPACE}*")
_RANGE_JOINER_BEFORE = regexcache.compile(rf"(?:{GAP}(?:or|to){GAP}|{HSPACE}*[-–]{HSPACE}*)$")


@dataclass(frozen=True, slots=True)
class _Found:
    """A duration before its claim is made: compounds are merged from these first."""

    start: int
    end: int
    value: Duration
    precision: Duration
    unit: str
    adjectival: bool = False


def _found(start: int, end: int, amount: Decimal, step: Decimal, unit: str,
           adjectival: bool = False) -> _Found:
    return _Found(start, end, Duration.of(amount, unit), Duration.of(step, unit), unit, adjectival)


# A hedge written after the length: "an hour or so", "a decade or thereabouts", "two years or more",
# "three days at most." (TIMEX3's mod APPROX, EQUAL_OR_MORE, EQUAL_OR_LESS). Not "a year or two", nor
# "three years at least in part".
_HEDGE_AFTER = regexcache.compile(
    rf"{GAP}(?:or{GAP}(?:(?P<approx>so|thereabouts)|(?P<more>more|longer)|(?P<less>less|fewer|shorter))"
    rf"|at{GAP}(?:the{GAP})?(?:(?P<most>most)|(?P<least>least))(?={HSPACE}*(?:[.,;:!?)]|$)))\b"
)


def _hedge_after(text: str, end: int) -> Hedge:
    match = _HEDGE_AFTER.match(text, end)
    if match is None:
        return Hedge.EXACT
    if match["approx"]:
        return Hedge.APPROX
    return Hedge.AT_LEAST if match["more"] or match["least"] else Hedge.AT_MOST


def _duration_claim(text: str, found: _Found) -> Claim:
    hedge, hedge_start = hedge_before(text, found.start, duration=True)
    if hedge is Hedge.EXACT and not found.adjectival:
        hedge = _hedge_after(text, found.end)
    event = _event_after(text, found.end) if found.adjectival else _event_before(text, found.start)
    return make_claim(
        text, "duration", found.start, found.end, found.value,
        unit=found.unit, hedge=hedge, precision=found.precision,
        fields={"event": event, "determiner": _determiner(text, found.start, hedge_start),
                "direction": None if found.adjectival else _direction(text, found, hedge_start)},
    )


# "the past three months", "over the last 12 months", "the next two weeks": a length that ends or
# begins at the document's date (TimeML: a DURATION anchored there, 27 of 27 such counted lengths in
# TimeBank/AQUAINT). "the last three months of 2019" is the end of another period, not of the present,
# and "the previous three years" counts back from the story's time, not the document's.
_TOWARD_BEFORE = regexcache.compile(
    rf"(?<![\w-])(?:[Tt]he|[Tt]hese){GAP}(?:(?P<past>past|last)|(?P<future>next|coming)){GAP}$"
)
_OF_AFTER = regexcache.compile(rf"{GAP}of\b")


def _direction(text: str, found: _Found, hedge_start: int) -> str | None:
    before = _TOWARD_BEFORE.search(text, max(0, hedge_start - 20), hedge_start)
    if before is None:
        return None
    if before["past"]:
        last_of = before["past"] != "past" and _OF_AFTER.match(text, found.end)
        return None if last_of else "past"
    return "future"


def _determiner(text: str, start: int, hedge_start: int) -> str | None:
    """The article or demonstrative opening the phrase: "a" in "a 90-minute call", "the" in "the past
    nine months", "this" in "this nearly two-and-a-half-hour discussion"; "a" in "a decade"."""
    article = _ARTICLE_AT.match(text, start)
    if article:
        return article[1].lower()
    match = _DETERMINER_BEFORE.search(text, max(0, hedge_start - 24), hedge_start)
    return match["det"].lower() if match else None


def _event_after(text: str, end: int) -> str | None:
    """The head of the noun phrase after an adjectival duration: "90-minute phone call" → "call".

    Reads at most three lower-case words, stopping at a function word or a verb-looking "-ed"/"-ly"
    word; a known event noun wins, else the last word read (English compounds are head-final)."""
    words: list[str] = []
    position = end
    while len(words) < 3:
        match = _EVENT_WORD.match(text, position)
        if match is None:
            break
        word = match["word"]
        if word in _STOPS or word.endswith(("ed", "ly")):
            break
        words.append(word)
        position = match.end()
    for count in range(len(words), 0, -1):
        phrase = " ".join(words[:count])
        if phrase in _EVENTS:
            return _EVENTS[phrase]
    for word in words:
        if word in _EVENTS:
            return _EVENTS[word]
    return words[-1] if words else None


def _event_before(text: str, start: int) -> str | None:
    """"the call lasted two hours" → "call": an event noun, a duration verb, then the duration."""
    match = _EVENT_BEFORE.search(text, max(0, start - 60), start)
    if match is None:
        return None
    return _EVENTS.get(re.sub(r"\s+", " ", match["event"].lower()))


def _from_mention(text: str, mention: NumberMention) -> _Found | None:
    """"eight months", "2.5 hours", "90-minute", "two-and-a-half-hour" from a number and its unit."""
    if mention.ordinal:
        return None
    match = _UNIT_AFTER.match(text, mention.end)
    if match is None:
        return _and_fraction(text, mention)
    unit_word = match["unit"].lower()
    unit = _UNITS[unit_word]
    if not _unit_fits(text, mention, match, unit_word):
        return _and_fraction(text, mention)
    year_number = mention.digits and _YEAR_NUMBER.fullmatch(text, mention.start, mention.end)
    if unit_word in _NAMED_BY_YEAR and year_number:
        return None  # "the 1986 year", "the first two 1987 months": a year named, not 1,986 of them
    if _AGE_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return None  # "at the age of 18 years", "aged 65 years": an age, not a length (TimeML marks none)
    if unit == "hour" and _clock_time(text, mention, match.end()):
        return None  # "at 0930 hrs EST": a time of day
    adjectival = "-" in match["sep"] and unit_word in _SINGULAR and not match["mod"]
    if adjectival and _NOT_AFTER_ADJECTIVAL.match(text, match.end()):
        return None  # "30-year-old" is an age
    if not adjectival and _whole_cycle(text, mention.value, unit, match.end()):
        return None  # "24 hours a day": always, not a length
    spelled_one = mention.value == 1 and not mention.digits
    if not adjectival and spelled_one and _ordinal_second(text, unit_word, match):
        return None  # "one second chance"
    if spelled_one and unit in ("day", "night") and _indefinite_day(text, mention.start, match.end()):
        return None  # "One day, he walked out": some day, no length
    adjectival = adjectival or bool(match["long"])
    start = mention.start
    if adjectival and not mention.digits:
        article = _LEADING_ARTICLE.match(text, start, mention.end)
        start = article.end() if article else start  # "a half-hour show": "a" is the show's article
    step = _FRACTION_STEPS.get(mention.value % 1, mention.step) if mention.digits else mention.step
    amount = mention.value
    if match["frac"]:
        if adjectival or amount % 1:
            return None
        amount, step = amount + _FRACTION_WORDS[match["frac"].lower()], _FRACTION_WORDS[match["frac"].lower()]
    return _found(start, match.end(), amount, step, unit, adjectival)


# "One day, he walked out", "One night in May ...", "One day she will": a story's indefinite day
# opening its sentence (the future one is FUTURE_REF, see periods.py), not a length of one day.
_INDEFINITE_DAY_AFTER = regexcache.compile(
    r"(?:,|[ \t]+(?:he|she|they|we|I|you|it|in|last|this|that|when|while|as|soon)\b)"
)


def _indefinite_day(text: str, start: int, end: int) -> bool:
    return text[start].isupper() and bool(periods.SENTENCE_OPENS.search(text, max(0, start - 4), start)) \
        and bool(_INDEFINITE_DAY_AFTER.match(text, end))


def _clock_time(text: str, mention: NumberMention, end: int) -> bool:
    """"at 0930 hrs", "1500 hrs EST", "0620 hrs (0920 GMT)": four digits read as a 24-hour clock."""
    if not mention.digits or not _CLOCK_DIGITS.fullmatch(text, mention.start, mention.end):
        return False
    before = _CLOCK_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    return text[mention.start] == "0" or bool(before or _CLOCK_AFTER.match(text, end))


def _whole_cycle(text: str, amount: Decimal, unit: str, end: int) -> bool:
    """"24 hours a day", "seven days a week", "365 days a year", "52 weeks a year": the whole of every
    cycle, said for "all the time" (no length of anything; TimeML marks none)."""
    cycle = _PER_CYCLE.match(text, end)
    if cycle is None:
        return False
    share = Duration.of(amount, unit).in_unit(cycle["cycle"].lower())
    return abs(share - 1) < _CYCLE_TOLERANCE


def _unit_fits(text: str, mention: NumberMention, match: re.Match[str], unit_word: str) -> bool:
    """The unit as written suits the number: "5years" glued only to digits, "3 h" only after digits,
    "of an hour" only after a fraction word, "3 quarters" not "three quarters" (a fraction) alone."""
    sep = match["sep"]
    if not sep and not (mention.digits and mention.glued and not match["of"] and not match["mod"]):
        return False
    if match["of"] and not text[mention.start : mention.end].lower().endswith(_FRACTION_ENDINGS):
        return False
    if "-" in sep and match["mod"]:
        return False
    if unit_word == "h" and (not mention.digits or _ABBREVIATION_AFTER.match(text, match.end())):
        return False
    if _UNITS[unit_word] == "quarter":
        if match["of"] or "-" in sep or mention.value % 1:
            return False
        # "three quarters" may be 3/4; "three straight quarters", "the past three quarters" are time
        spelled_fraction = mention.value < 4 and not mention.digits and not match["mod"]
        if spelled_fraction and not _PERIOD_WORD_BEFORE.search(text, max(0, mention.start - 16),
                                                                mention.start):
            return False
    return True


def _and_fraction(text: str, mention: NumberMention) -> _Found | None:
    """"five and a half minutes", "one and three quarters of an hour", "two and quarter hours": the
    number words stop at the whole, and the fraction is read with the unit."""
    match = _AND_FRACTION_UNIT.match(text, mention.end)
    if match is None or mention.value % 1 or _UNITS[match["unit"].lower()] in ("quarter",):
        return None
    if match["unit"].lower() == "h" and not mention.digits:
        return None
    fraction = match["frac"].lower()
    count = _COUNTS.get((match["count"] or "a").lower(), 1)
    if fraction == "half":
        if count != 1:
            return None
        part = Decimal("0.5")
    else:
        part = Decimal("0.25")
    unit = _UNITS[match["unit"].lower()]
    return _found(mention.start, match.end(), mention.value + part * count, part, unit)


def _ordinal_second(text: str, unit_word: str, match: re.Match[str]) -> bool:
    """"a second term", "one second chance": "second" after one is an ordinal unless the phrase ends
    there ("wait a second.") or goes on like a length of time ("a second later")."""
    return unit_word == "second" and _SECOND_AS_UNIT_AFTER.match(text, match.end()) is None


# "a year-end charge", "a day-trip", "a year-round job": the unit opens a compound word, no length ("a
# week-old truce" is one: the truce's age).
_COMPOUND_WORD_AFTER = regexcache.compile(r"-(?!old\b)[A-Za-z]")


def _from_article(text: str, match: re.Match[str]) -> _Found | None:
    """"a decade", "an hour", "half an hour", "a half-hour", "a year and a half", "an hour-long"."""
    unit_word = match["unit"].lower()
    unit = _UNITS[unit_word]
    if unit_word != unit:
        return None  # "a months-long war" states no number
    start = match.start()
    if not match["long"] and _PERIOD_ON_PERIOD.match(text, match.end()):
        return None  # "a year-on-year rise": a basis of comparison
    if not match["long"] and _COMPOUND_WORD_AFTER.match(text, match.end()):
        return None  # "a year-end change", "a day-trip", "a year-round resort": a word of its own
    if _RATE_BEFORE.search(text, max(0, start - 12), start) or \
            _COUNTED_RATE_BEFORE.search(text, max(0, start - 40), start) or _rate_after_amount(text, start):
        return None  # "twice a year", "$5 million a year" are rates
    if _BEFORE_ENDING.match(text, match.end()) and _FIGURE_BEFORE.search(text, max(0, start - 24), start):
        return None  # "from $4 million a year before."
    if not (match["half"] or match["halfhyph"]) and _ordinal_second(text, unit_word, match):
        return None  # "a second term"
    amount, step = Decimal(1), Decimal(1)
    if match["half"] or match["halfhyph"]:
        if match["frac"]:
            return None
        amount, step = Decimal("0.5"), Decimal("0.5")
    elif match["frac"]:
        step = _FRACTION_WORDS[match["frac"].lower()]
        amount = 1 + step
    if match["halfhyph"]:
        start = match.start("halfhyph")  # "a half-hour meeting": the article belongs to "meeting"
    elif match["long"]:
        start = match.start("unit")  # "an hour-long meeting"
        step = _LONG_STEP
    adjectival = bool(match["long"] or match["halfhyph"])
    return _found(start, match.end(), amount, step, unit, adjectival)


def _rate_after_amount(text: str, start: int) -> bool:
    """Whether the article at ``start`` follows an amount and the words it counts ("70 million
    passengers a year"), not a phrase that holds a length ("raised $5 million in a year")."""
    position = max(0, start - _RATE_REACH)
    while (match := _AMOUNT_WORDS_BEFORE.search(text, position, start)) is not None:
        # the leftmost amount may hold a function word ("3.5 to four billion dlrs a day"): the next may not
        before = text[match.start() - 1] if match.start() else " "
        if not (before.isalnum() or before in ".,") and _counts_before(match):  # not inside a number
            return True
        position = match.start() + 1
    return False


def _counts_before(match: re.Match[str]) -> bool:
    if match["amount"] and _YEAR_NUMBER.fullmatch(match["amount"]):
        return False  # "in 1937. A year after", "in 2002, a month before"
    words = match["words"].lower().split()
    if match["spelled"] and not words:
        return False  # "spent many an hour": a length
    return all(word == "of" or word not in _STOPS for word in words)


_AGO_AFTER = regexcache.compile(rf"{GAP}(?:ago|back)\b")


def _from_couple(text: str, match: re.Match[str]) -> _Found | None:
    if _AGO_AFTER.match(text, match.end()):
        return None  # "a couple of years ago", "a couple of weeks back": a date (TimeML's DATE), no length
    unit = _UNITS[match["unit"].lower()]
    return _found(match.start(), match.end(), Decimal(2), Decimal(1), unit)


def _from_whole_period(text: str, match: re.Match[str]) -> _Found:
    unit = _UNITS[match["unit"]] if match["unit"] else "year"
    return _found(match.start(), match.end(), Decimal(1), Decimal(1), unit)


def _from_whole(text: str, match: re.Match[str]) -> _Found | None:
    """"all day", "a whole week", "all-year", "another month": one unit. "Full" only where no noun
    follows ("a full year", not "full year results"); hyphenated forms likewise."""
    word = match["word"].lower()
    if word not in _WHOLE_WORDS:
        return None  # the scan opens on a character set, for speed: "ehole", "Wll"
    after = _WORD_AFTER.match(text, match.end())
    if (word == "full" or match["sep"] == "-") and after and after["word"] not in _STOPS:
        return None
    unit = _UNITS[match["unit"].lower()]
    return _found(match.start(), match.end(), Decimal(1), Decimal(1), unit)


def _from_part(text: str, match: re.Match[str]) -> _Found | None:
    """"a quarter of an hour", "three-quarters of an hour", "a quarter of a century", "a quarter-century"."""
    before = _PART_COUNT_BEFORE.search(text, max(0, match.start() - 7), match.start())
    if before is None:
        return None
    count = _COUNTS[before["count"].lower()]
    if (count == 1) != (text[match.start() + 7] != "s"):
        return None  # "a quarters of", "three quarter of"
    # "a quarter of a century" is said for about 25 years (a tenth either way), not 12 to 37.
    amount = Decimal("0.25") * count
    return _found(before.start(), match.end(), amount, amount / 10, match["unit"])


def _from_long(text: str, match: re.Match[str]) -> _Found | None:
    """"the hour-long conversation": one unit, measuring the noun after it."""
    unit = _UNITS[match["unit"].lower()]
    return _found(match.start(), match.end(), Decimal(1), _LONG_STEP, unit, adjectival=True)


# "CBS's ''60 Minutes''", "on “48 Hours”": a capitalized unit in running text names a programme or a
# work (TimeML marks no time in a proper name); a headline capitalizes the words around it too.
_TITLE_BEFORE = regexcache.compile(r"(?:['‘’\"“]|\b[a-z][\w'’]*[ \t]+)$")
_CAPITALIZED_AFTER = regexcache.compile(r"[ \t]+[A-Z]")


def _is_title(text: str, found: _Found) -> bool:
    unit = text[found.start : found.end].rsplit(None, 1)[-1]
    if not unit[:1].isupper() or unit.isupper() or found.adjectival or found.start == 0:
        return False
    return bool(_TITLE_BEFORE.search(text, max(0, found.start - 20), found.start)) \
        and not _CAPITALIZED_AFTER.match(text, found.end)


def _offset_length(text: str, found: _Found) -> bool:
    """Whether ``found`` is the length of an offset, "three days" in "three days later"."""
    shift = _SHIFT_AFTER.match(text, found.end)
    if shift is None or found.adjectival:
        return False
    one_period = found.unit in _PERIODS_COMPARED and found.value == Duration.of(1, found.unit)
    if one_period and shift["shift"].lower() == "earlier":
        return False
    return not _FIGURE_BEFORE.search(text, max(0, found.start - 24), found.start)


def _inside_word(text: str, start: int) -> bool:
    return start > 0 and _WORD_CHAR_BEFORE.match(text, start - 1) is not None


def _merge(text: str, found: list[_Found], by_start: dict[int, NumberMention]) -> list[_Found]:
    """Compounds: "2 years and 3 months" is one duration when the units fall ("1 year, 2 days, 3
    hours and 4 seconds"); "1 hour fifteen" adds bare minutes at the end of a phrase."""
    merged: list[_Found] = []
    for item in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not last.adjectival
            and not item.adjectival
            and item.start - last.end <= 6
            and _COMPOUND_JOINER.fullmatch(text, last.end, item.start)
            and Duration.of(1, item.unit) < Duration.of(1, last.unit)
            and not _BETWEEN_BEFORE.search(text, max(0, last.start - 9), last.start)
        ):
            merged[-1] = _Found(last.start, item.end, last.value + item.value, item.precision, item.unit)
            continue
        merged.append(item)
    return [_bare_minutes(text, item, by_start) for item in merged]


def _bare_minutes(text: str, item: _Found, by_start: dict[int, NumberMention]) -> _Found:
    if item.unit != "hour" or item.adjectival:
        return item
    joiner = _BARE_MINUTES.match(text, item.end)
    mention = by_start.get(joiner.end()) if joiner else None
    if (
        mention is None
        or mention.ordinal
        or mention.value % 1
        or not 1 <= mention.value < 60
        or not _PHRASE_END.match(text, mention.end)
    ):
        return item
    minutes = Duration.of(mention.value, "minute")
    return _Found(item.start, mention.end, item.value + minutes, Duration.of(1, "minute"), "minute")


def _low_ends(text: str, mentions: list[NumberMention], found: list[_Found | None],
              taken: Taken) -> list[_Found]:
    """The bare number opening a range of lengths takes the unit written after the high end: "two to
    three weeks", "between 10 and 15 minutes", "12-18 months" are two lengths each, as "10 to 15
    percent" is two percentages (see ranges.py). Not for adjectives ("a two- to three-hour wait")."""
    ends = []
    for index in range(1, len(mentions)):
        high = found[index]
        if high is None or high.adjectival or found[index - 1] is not None \
                or taken.overlaps(high.start, high.end):
            continue  # "3 to 5 years ago" is a range of dates
        low = ranges.low_end(text, mentions, index)
        if low is not None:
            ends.append(_found(low.start, low.end, low.value, low.step, high.unit))
    return ends


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``duration`` claims, from number mentions and from articles, skipping taken characters."""
    candidates = [_from_mention(text, m) for m in mentions]
    candidates += _low_ends(text, mentions, candidates, taken)
    for scan, read in ((_ARTICLE_UNIT, _from_article), (_WHOLE_UNIT, _from_whole), (_UNIT_LONG, _from_long),
                       (_COUPLE, _from_couple), (_WHOLE_PERIOD, _from_whole_period)):
        found = literals.finditer(scan, text)
        candidates += [read(text, m) for m in found if not _inside_word(text, m.start())]
    candidates += [_from_part(text, m) for m in literals.finditer(_PART_OF_UNIT, text)]
    chosen: list[_Found] = []
    for found in sorted((c for c in candidates if c is not None), key=lambda c: (c.start, -c.end)):
        free = not taken.overlaps(found.start, found.end) or _offset_length(text, found)
        if free and not (chosen and found.start < chosen[-1].end):
            chosen.append(found)
    claims = []
    merged = _merge(text, chosen, {m.start: m for m in mentions})
    by_end = {m.end: m for m in mentions if not m.ordinal}
    repeat_end = -1
    for index, found in enumerate(merged):
        if found.start < repeat_end:
            continue  # the high end of "every two or three years"
        free = not taken.overlaps(found.start, found.end) or _offset_length(text, found)
        if not free or _is_title(text, found):
            continue
        repeat = None if found.adjectival else _repeat_start(text, found, by_end)
        if repeat is not None:
            start, low = repeat
            high = merged[index + 1] if index + 1 < len(merged) else None
            end = high.end if high is not None and high.unit == found.unit and \
                _RANGE_JOINER.fullmatch(text, found.end, high.start) else found.end
            claims.append(_set_claim(text, start, end, found, low))
            repeat_end = end
            taken.mark(start, end)
            continue
        shift = None if found.adjectival else relative.length_shift(text, found.end)
        if shift is not None:  # "a year and a half ago": the date it counts back to, no length
            claims.append(relative.shifted_length(text, found.start, shift, found.value, found.unit))
            taken.mark(found.start, shift.end())
            continue
        claims.append(_duration_claim(text, found))
        taken.mark(found.start, found.end)
    return claims


def _repeat_start(text: str, found: _Found,
                  by_end: dict[int, NumberMention]) -> tuple[int, Decimal | None] | None:
    """Where "every" opens the set ``found`` ends ("every four years"; "every two or three years",
    whose low count stands bare before the length found), and that low count."""
    every = periods.EVERY_BEFORE.search(text, max(0, found.start - 8), found.start)
    if every is not None:
        return every.start(), None
    joiner = _RANGE_JOINER_BEFORE.search(text, max(0, found.start - 6), found.start)
    low = by_end.get(joiner.start()) if joiner is not None else None
    every = periods.EVERY_BEFORE.search(text, max(0, low.start - 8), low.start) if low is not None else None
    return (every.start(), low.value) if every is not None else None


def _set_claim(text: str, start: int, end: int, found: _Found, low: Decimal | None) -> Claim:
    """"every four years": a ``date`` claim with ``every`` and ``count`` 4 in ``grain`` year (the low
    count of "every two or three years")."""
    unit, factor = _SET_UNITS.get(found.unit, (found.unit, 1))
    count = (found.value.in_unit(found.unit) if low is None else low) * factor
    count = count.quantize(_COUNT_STEP).normalize()
    return periods.calendar_claim(text, start, end, grain=unit, every=True, count=count)
