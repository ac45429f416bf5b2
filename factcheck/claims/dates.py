"""Calendar dates: "Oct. 16, 2025", "16 October 2025", "2025-10-16", "March 12", "October 2025",
"Wednesday, March 12, 2026", and bare years in a year context ("in 1998").

Dates are matched, never resolved: "March 12" keeps its unknown year (value None, month 3, day 12)
and no reference date is consulted. A stated day the month does not have ("February 30") is still a
claim, with value None and its parts as stated, so that a rule can flag it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from factcheck.claims import lexicon, numbers
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.regexparts import GAP
from factcheck.spans import Span
from factcheck.startup import regexcache
from factcheck.values import Duration, days_in_month

_MONTHS = lexicon.month_names()
_WEEKDAYS = lexicon.words("weekdays")
# "Thu, 9 May 2019", "Tues. March 5": abbreviations as mastheads and listings write them.
_ABBREVIATED = {full[:3]: full for full in _WEEKDAYS} | {"Tues": "Tuesday", "Thur": "Thursday",
                                                       "Thurs": "Thursday", "Weds": "Wednesday"}
# A full weekday name is no other word in lower case ("on monday, april 6" in wire copy): read as written.
_WEEKDAY_NAMES = {**{w: w for w in _WEEKDAYS}, **{w.lower(): w for w in _WEEKDAYS}, **_ABBREVIATED}
_WEEKDAY = rf"(?:{lexicon.alternation([*_WEEKDAYS, *(w.lower() for w in _WEEKDAYS)])}" \
    rf"|(?:{lexicon.alternation(_ABBREVIATED)})\b\.?)"
# Days as ordinal words: "the fourth of July", "July fourth", "Friday the twenty-first of May".
_UNITS_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_DAY_WORDS = {word: n for n, word in enumerate(
    [*_UNITS_ORD, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth", "twentieth"], 1)}
_DAY_WORDS.update({f"twenty{sep}{w}": 20 + n for n, w in enumerate(_UNITS_ORD, 1) for sep in ("-", " ")})
_DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_FULL_MONTHS = [names[0] for names in lexicon.load("words")["months"]]
_ABBREVIATIONS = [name for name in _MONTHS if name not in _FULL_MONTHS]
_MONTH = rf"(?:(?:{lexicon.alternation(_FULL_MONTHS)})\b|(?:{lexicon.alternation(_ABBREVIATIONS)})\b\.?)"
# Not a clock ("10:30") nor a decimal ("Feb 3.5"), but a day before a colon ("on Monday, Oct. 26:
# The murder ...") is a day.
_DAY = rf"(?:(?:[1-9]|[0-3]\d)(?:st|nd|rd|th)?(?!\d|:\d|\.\d)|(?:{lexicon.alternation(_DAY_WORDS)})\b)"
_YEAR = r"\d{4}(?![\d%]|,\d)"

# The year after a day: "March 5, 2019", "March 5 2019", and "the 4th of July of 1995", "June 28 in 2020".
_YEAR_AFTER_DAY = rf"(?:,?{GAP}|{GAP}(?:of|in){GAP})"
# "the" before a day of a month ("the 15th of February", "the first of March"): part of what is stated.
_THE_DAY = rf"(?:[Tt]he{GAP}(?=\w+{GAP}of{GAP}))"
_DATE = regexcache.compile(
    rf"(?<![\w-])(?:(?P<weekday>{_WEEKDAY}),?{GAP}(?:the{GAP}(?=\w+{GAP}of{GAP}))?|{_THE_DAY})?"
    rf"(?:(?P<m1>{_MONTH}){GAP}(?:the{GAP})?(?P<d1>{_DAY})(?:{_YEAR_AFTER_DAY}(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY}){GAP}(?:of{GAP})?(?P<m2>{_MONTH})(?:{_YEAR_AFTER_DAY}(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH}){GAP}(?:of{GAP})?(?P<y3>{_YEAR})"
    r"|(?P<y4>\d{4})-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)(?![\d-])"
    r"|\b(?i:mid|early|late|pre|post)-(?P<y5>\d{4})(?![\d%])"
    r")"
)

# "10/16/2025", "16/10/2025", "21-04-2016", "10.31.1974", "3/3/15": day and month in either order (a
# part above 12 says which; else the document's other dates, see :func:`_numeric_order`), the year in
# four digits or, after a slash or a dash, two. A dot needs the four ("1.5.20" is a version).
_NUMERIC = regexcache.compile(
    rf"(?<![\w/.:$£€-])(?:(?P<weekday>{_WEEKDAY}),?{GAP})?(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
    rf"(?P<y>\d{{4}}|(?<![.]..)\d{{2}})(?![\w/%]|[.,:-]\d)"
)
# The year first, as forms and logs write it: "2015-3-3", "2015/08/12", "2015.5.13".
_YEAR_FIRST = regexcache.compile(
    r"(?<![\w/.:$£€-])(?P<y>(?:1[89]|20)\d\d)(?P<sep>[/.-])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\w/%]|[.,:-]\d)"
)


def _month_word(group: str) -> str:
    return rf"(?P<{group}>(?i:{lexicon.alternation({name.rstrip('.') for name in _MONTHS})}))"


# A month name between dashes or slashes, as tables and tickets write it: "31-Oct-1974", "05-Aug-16",
# "2019/sep/01", "Sep-23-2020", "Dec/2018".
_DASHED = regexcache.compile(
    rf"(?<![\w/.-])(?:(?P<d1>[0-3]?\d)(?P<s1>[-/]){_month_word('m1')}(?P=s1)(?P<y1>\d{{4}}|\d{{2}})"
    rf"|(?P<y2>\d{{4}})(?P<s2>[-/]){_month_word('m2')}(?P=s2)(?P<d2>[0-3]?\d)"
    rf"|{_month_word('m3')}(?P<s3>[-/])(?P<d3>[0-3]?\d)(?P=s3)(?P<y3>\d{{4}})"
    rf"|{_month_word('m4')}[-/](?P<y4>(?:1[89]|20)\d\d))(?![\w/-])"
)
# "March 20 – 22, 2018", "May 4-1, 2019": a range within one month, written once; the second day may be
# the smaller (a slip a rule reports). Not "rose on Feb 25 to 4.151 billion": no amount follows; not
# "Jul/May 3-1/4" in a commodity table: no fraction either.
_DAY_RANGE = regexcache.compile(
    rf"(?<![\w-])(?P<month>{_MONTH}){GAP}(?P<low>[0-3]?\d)(?:st|nd|rd|th)?{GAP[:-1]}*(?:-|–|—|to|through)"
    rf"{GAP[:-1]}*(?P<high>[0-3]?\d)(?:st|nd|rd|th)?(?:,?{GAP}(?P<year>{_YEAR}))?"
    rf"(?![\d:]|[.,/]\d|{GAP[:-1]}*(?:%|percent|per\b|pct\b|billion|million|thousand|mln|bln|dlrs|points))"
)
# "24–20 September 2019", "from 14th to 4th August", "between 9 and 2 May", "from the 18th to the 9th of
# October": the same, day first, the month written once after the second day.
_ORDINAL_DAY = regexcache.compile(r"\d+(?:st|nd|rd|th)?")
_DAY_FIRST_RANGE = regexcache.compile(
    rf"(?<![\w.,/:-])(?:(?:(?<=[Bb]etween )|(?<=[Bb]etween the ))(?P<between>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"{GAP}and{GAP}(?:the{GAP})?|(?P<low>[0-3]?\d)(?:st|nd|rd|th)?{GAP[:-1]}*(?:-|–|—|to|through|until)"
    rf"{GAP[:-1]}*(?:(?<=[ \t])the{GAP})?)"
    rf"(?P<high>[0-3]?\d)(?:st|nd|rd|th)?{GAP}(?:of{GAP})?(?P<month>{_MONTH})(?:,?{GAP}(?P<year>{_YEAR}))?"
)
# "April 24 and 25", "March 3, 5 and 7, 2019": days of one month listed with the month written once, each a
# date; only where the list closes a phrase (not "on May 5 and 6 others").
_DAY_NUMBER = r"[0-3]?\d(?:st|nd|rd|th)?"
_DAY_LIST = regexcache.compile(
    rf"(?<![\w-])(?P<month>{_MONTH}){GAP}(?P<days>{_DAY_NUMBER}(?:,{GAP}{_DAY_NUMBER})*,?{GAP}(?:and|or|&)"
    rf"{GAP}{_DAY_NUMBER})(?:,?{GAP}(?P<year>{_YEAR}))?"
    rf"(?=[ \t]*(?:[.,;:!?)\n]|$|(?:in|at|on|for|to|when|with|that|the|before|after)\b))"
)

# A weekday with its day of the month and no month: "Tuesday the 19th", "Thu 15th", "on Friday the
# thirteenth at noon", as letters, listings and minutes write them. A day in words needs "the" and no
# comma ("Friday, the fourth biggest ..." is no date); what follows must end the phrase, so "Friday
# the 13th anniversary" stays apart.
_WEEKDAY_DAY = regexcache.compile(
    rf"(?<![\w-])(?P<weekday>{_WEEKDAY})(?:,?{GAP}(?:the{GAP})?(?P<d1>(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th))"
    rf"|{GAP}the{GAP}(?P<d2>{lexicon.alternation(_DAY_WORDS)}))\b(?![-'’])"
    rf"(?=[ \t]*(?:[.,;:!?)\n]|$|(?:at|in|on|and|or|to|when|for|from|until|till|between|after|before|we|I)\b"
    rf"|\d|noon|midnight))"
)

# An edge of a month or a year before it: "the end of April", "at the beginning of 2017", "by end of
# March 2019", "the middle of June": the claim takes the words and TIMEX3's ``mod`` (END, START, MID).
_EDGE_BEFORE = regexcache.compile(
    rf"(?<![\w-])(?:(?:[Tt]he|[Aa]n?){GAP})?(?P<mod>[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle|[Cc]lose){GAP}of{GAP}$")
_EDGE_MODS = {"end": "END", "start": "START", "beginning": "START", "middle": "MID", "close": "END"}

_WEEK_OF_BEFORE = regexcache.compile(rf"(?<![\w-])(?:[Tt]he{GAP})?[Ww]eek{GAP}of{GAP}$")

_YEAR_CONTEXT = regexcache.compile(
    rf"(?:^|(?<=\W))(?:{lexicon.alternation(lexicon.words('year_context'))}){GAP}$", re.IGNORECASE
)
_AGO_BEFORE = regexcache.compile(r"\bago[ \t]*[(,—–][ \t]*$")
_PAREN_YEARS = regexcache.compile(r"\((?:1\d{3}|20\d\d)[–—-](?:1\d{3}|20\d\d)\)")
_YEAR_CHAIN = regexcache.compile(
    rf"[ \t]*(?:{lexicon.alternation(lexicon.words('year_chain'))})[ \t]*$", re.IGNORECASE
)
# A list of years after a comma, "in 1994, 1995 and 1997": the year after the comma must itself go on
# the list (a comma, "and", "or") or close it, so that "in 2001, 2000 people" stays a count.
_YEAR_LIST_COMMA = regexcache.compile(r"[ \t]*,[ \t]*$")
_YEAR_LIST_AFTER = regexcache.compile(r"[ \t]*(?:,|and\b|or\b|[.;:)_—–-]|$)")
# A year as a modifier ("its 1990 invasion", "a 1971 convention", "the company's 1989 results", "for
# 1990", "into 1991"): a news year after a determiner or one of these prepositions, followed by
# punctuation or a noun that is not a counted plural ("for 2000 people", "its 1500 employees").
# An adjective may stand between the determiner and the year ("the senator's failed 1994 bid", "the
# disputed 2000 election"), but not a word that counts ("a further 1500 ...", "an estimated 2000").
_YEAR_MODIFIER_BEFORE = regexcache.compile(
    r"(?:^|(?<=\W))(?:(?:[Ff]or|[Ii]nto)"
    r"|(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Aa]n?|[Bb]oth|[Tt]his|[Tt]hat|[Tt]he|\w+['’]s)"
    rf"(?:{GAP}(?!(?:further|additional|extra|another|estimated|total|mere|record|whopping|net|gross|"
    rf"nearly|about|some|roughly|approximately|almost|over|around|only|just|first|last|other|next)\b)"
    rf"[a-z]{{3,}}(?<!ly))?)"
    rf"{GAP}$"
)
_YEAR_MODIFIER_AFTER = regexcache.compile(
    rf"[.,;:)\"”’']|{GAP}(?:and|or|to)\b|{GAP}(?!(?:people|persons|men|women|children|shares|"
    r"dollars|employees|workers|units|cars|jobs|homes|troops|soldiers|votes|tons|acres|miles|feet|"
    r"points|members|students)\b)[A-Za-z][a-z]+\b(?<![^s]s)"
)
# Years in words, as transcripts write them: "nineteen ninety-six", "the year two thousand".
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_WORD_VALUES = {w: n for n, w in enumerate(_TEENS, 10)} | {w: n for n, w in enumerate(_TENS, 2)} \
    | {w: n for n, w in enumerate(_UNITS, 1)}
_TWO_DIGITS = rf"(?:{'|'.join(_TEENS)}|(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(_UNITS)}))?)"
SPELLED_YEAR = (rf"(?P<century>(?i:nineteen|twenty)){GAP}(?P<rest>(?i:{_TWO_DIGITS}))\b"
                rf"(?![- ](?:{'|'.join(_UNITS)})\b|{GAP}(?:hundred|thousand|million)\b)")
_YEAR_WORDS = regexcache.compile(
    rf"(?<![\w-])(?:(?P<month>{_MONTH}){GAP})?{SPELLED_YEAR}"
    rf"|(?<![\w-])(?P<the>[Tt]he{GAP}year{GAP})(?P<thousand>two{GAP}thousand)\b(?!{GAP}(?:and|one|two|three))"
)
# Centuries: "the 20th century", "the nineteenth century" (TimeML's value: the century's first two digits).
_CENTURY = regexcache.compile(
    rf"(?<![\w-])(?:[Tt]he{GAP})?(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th){GAP}[Cc]entury\b"
    rf"|(?<![\w-])(?:[Tt]he{GAP})?(?P<word>(?i:eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
    rf"seventeenth|eighteenth|nineteenth|twentieth|twenty-first)){GAP}[Cc]entury\b"
)
_CENTURY_WORDS = {"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                  "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                  "twenty-first": 21}
# Month names in lower case, as wire copy, chat and transcripts also write them ("effective march 5",
# "quarter ends dec 31", "the first of march", "25th march 2015"), only with a day or a year beside
# them: alone, "may" and "march" are verbs. Day first, "may" and "march" also need "of", an ordinal
# suffix or a year ("options 1 and 3 may be", "20 march on the capital").
_LOWER_MONTHS = {name.lower(): number for name, number in _MONTHS.items()}
_LOWER_MONTH = rf"(?:(?:{lexicon.alternation(_LOWER_MONTHS)})\b\.?)"
_LOWER_DAY_FIRST_MONTH = rf"(?:(?:{lexicon.alternation(set(_LOWER_MONTHS) - {'may', 'march', 'mar'})})\b\.?)"
_LOWER_DATE = regexcache.compile(
    rf"(?<![\w-])(?:(?P<weekday>{_WEEKDAY}),?{GAP}(?:the{GAP}(?=\w+{GAP}of{GAP}))?|{_THE_DAY})?"
    rf"(?:(?P<m1>{_LOWER_MONTH}){GAP}(?:the{GAP})?(?P<d1>{_DAY})(?:{_YEAR_AFTER_DAY}(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY}){GAP}(?:(?:of{GAP})(?P<m2>{_LOWER_MONTH})"
    rf"|(?<=st|nd|rd|th)(?P<m2s>{_LOWER_MONTH})|(?P<m2p>{_LOWER_DAY_FIRST_MONTH})(?!,?{GAP}{_YEAR})"
    rf"|(?P<m2y>{_LOWER_MONTH})(?=,?{GAP}{_YEAR}))(?:{_YEAR_AFTER_DAY}(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_LOWER_MONTH}){GAP}(?:of{GAP})?(?P<y3>{_YEAR})"
    r")"
)
# A weekday counted in its month: "the first Monday of October", "the last Friday in May 2019", "third
# tuesday of september" (``nth`` 1 to 5, -1 the last).
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
_NTH_WEEKDAY = regexcache.compile(
    rf"(?<![\w-])(?:[Tt]he{GAP})?(?P<nth>(?i:{lexicon.alternation(_NTH)})){GAP}"
    rf"(?P<weekday>{lexicon.alternation([*_WEEKDAYS, *(w.lower() for w in _WEEKDAYS)])}){GAP}(?:of|in){GAP}"
    rf"(?P<month>{_MONTH}|{_LOWER_MONTH})(?:,?{GAP}(?P<year>{_YEAR}))?"
)

# Every lower-case date holds a number mention (its day or year) with the month right before or after
# it: the scan runs only there, a tenth of the cost of scanning the whole text for month words.
_LOWER_MONTH_BEFORE = regexcache.compile(rf"{_LOWER_MONTH},?{GAP}(?:(?:the|of){GAP})?$")
_LOWER_MONTH_AFTER = regexcache.compile(rf",?{GAP}(?:of{GAP})?{_LOWER_MONTH}")
# A weekday after its date, as an apposition or in parentheses: "on March 3, a Tuesday", "6 November
# 2024 (a Thursday)", "on 12 May, which was a Monday" (full names only: "Sun" and "Sat" are words too)
_FULL_WEEKDAY = lexicon.alternation(_WEEKDAYS)
_WEEKDAY_AFTER = regexcache.compile(
    rf"(?:,{GAP}(?:a|which was a|that was a){GAP}|{GAP}?\((?:a{GAP})?)"
    rf"(?P<weekday>{_FULL_WEEKDAY})\b(?P<close>\))?")
_DAY_PRECISION = Duration(days=Decimal(1))
_MONTH_PRECISION = Duration(months=Decimal(1))
_YEAR_PRECISION = Duration(months=Decimal(12))


def _date_claim(text: str, match: re.Match[str], start: int, end: int) -> Claim:
    """The claim of a matched date: the parts as stated, the date itself only when complete and real."""
    part = match.groupdict()
    month_word = part["m1"] or part.get("m2") or part.get("m2s") or part.get("m2p") or part.get("m2y") \
        or part["m3"]
    month = _month_number(month_word) if month_word else _int(part.get("m4"))
    day = _int(part["d1"] or part["d2"] or part.get("d4"))
    year = _int(part["y1"] or part["y2"] or part["y3"] or part.get("y4") or part.get("y5"))
    weekday = _WEEKDAY_NAMES.get(match["weekday"].rstrip(".")) if match["weekday"] else None
    value = None
    if year and month and day and _exists(year, month, day):
        value = dt.date(year, month, day)
    precision = _DAY_PRECISION if day else _MONTH_PRECISION if month else _YEAR_PRECISION
    fields = {"year": year, "month": month, "day": day, "weekday": weekday}
    return make_claim(text, "date", start, end, value, precision=precision, fields=fields)


def _with_weekday_after(text: str, claim: Claim, taken: Taken) -> Claim:
    """The date widened over the weekday written after it ("March 3, a Tuesday"), which it states."""
    if claim.fields["weekday"] is not None or claim.fields["day"] is None:
        return claim
    after = _WEEKDAY_AFTER.match(text, claim.span.end)
    if after is None or ("(" in after[0]) != bool(after["close"]):
        return claim  # a parenthesis opened and not closed: "(a Thursday or Friday)"
    if taken.overlaps(claim.span.end, after.end()):
        return claim
    end = after.end("close") if after["close"] else after.end("weekday")
    return dataclasses.replace(claim, text=text[claim.span.start:end], span=Span(claim.span.start, end),
                               fields={**claim.fields, "weekday": after["weekday"]})


def _month_number(word: str) -> int:
    """"March", "Mar.", "march", "sept" → the month's number."""
    word = word.rstrip(".")
    return _MONTHS.get(word) or _LOWER_MONTHS[word]


def _lower_dates(text: str, mentions: list[NumberMention]) -> Iterator[re.Match[str]]:
    """The :data:`_LOWER_DATE` matches, found around the number mentions a month word stands beside."""
    seen = 0
    for mention in mentions:
        if not (_LOWER_MONTH_BEFORE.search(text, max(0, mention.start - 16), mention.start)
                or _LOWER_MONTH_AFTER.match(text, mention.end)):
            continue
        start, end = max(mention.start - 40, seen, 0), min(len(text), mention.end + 40)
        for match in _LOWER_DATE.finditer(text, start, end):
            if match.start() >= seen:
                seen = match.end()
                yield match


def _week_of(claim: Claim) -> Claim:
    return dataclasses.replace(claim, value=None, fields={**claim.fields, "week_of": True})


def _int(digits: str | None) -> int | None:
    if digits and digits[0].isalpha():
        return _DAY_WORDS.get(" ".join(digits.lower().split()))
    return int("".join(ch for ch in digits if ch.isdigit())) if digits else None


def _exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def _plausible(match: re.Match[str]) -> bool:
    """Reject what only looks like a date: day 0 or 32+, month 13 in an ISO form."""
    part = match.groupdict()
    day = _int(part["d1"] or part["d2"] or part.get("d4"))
    month = _int(part.get("m4"))
    return (day is None or 1 <= day <= 31) and (month is None or 1 <= month <= 12)


def with_edges(text: str, atoms: list[Claim], taken: Taken) -> list[Claim]:
    """``atoms`` with each month or year named after an edge ("the end of April", "beginning of 2017")
    widened over it, with the edge as ``mod``; read after the months named alone are found."""
    widened = []
    for claim in atoms:
        f = claim.fields
        edge = None
        if claim.kind == "date" and f.get("day") is None and not f.get("mod") and f.get("relative") is None \
                and (f.get("month") or f.get("year")) and not f.get("part") and f.get("weekday") is None:
            edge = _EDGE_BEFORE.search(text, max(0, claim.span.start - 20), claim.span.start)
        if edge is None or taken.overlaps(edge.start(), claim.span.start):
            widened.append(claim)
            continue
        taken.mark(edge.start(), claim.span.start)
        widened.append(dataclasses.replace(
            claim, text=text[edge.start():claim.span.end], span=Span(edge.start(), claim.span.end),
            fields={**f, "mod": _EDGE_MODS[edge["mod"].lower()]}))
    return widened


def _nth_weekday(text: str, match: re.Match[str]) -> Claim:
    """"the first Monday of October": the month (and year) with the weekday and its count in ``nth``."""
    fields = {"year": _int(match["year"]), "month": _month_number(match["month"]), "day": None,
              "weekday": _WEEKDAY_NAMES[match["weekday"]], "nth": _NTH[match["nth"].lower()]}
    return make_claim(text, "date", match.start(), match.end(), None, precision=_DAY_PRECISION, fields=fields)


def _weekday_day(text: str, match: re.Match[str]) -> Claim:
    """"Tuesday the 19th": the weekday and the day, no month (resolution finds the month nearest the
    document date in which the 19th is a Tuesday)."""
    weekday = _WEEKDAY_NAMES[match["weekday"].rstrip(".")]
    fields = {"year": None, "month": None, "day": _int(match["d1"] or match["d2"]), "weekday": weekday}
    return make_claim(text, "date", match.start(), match.end(), None, precision=_DAY_PRECISION, fields=fields)


def _full_year(digits: str) -> int:
    """"15" is 2015, "74" 1974 (a two-digit year: the century nearest, pivoting at 50)."""
    year = int(digits)
    return year if len(digits) == 4 else year + (2000 if year < 50 else 1900)


def _numeric_order(text: str, matches: list[re.Match[str]]) -> str:
    """Whether the document's ambiguous numeric dates ("3/4/2025") put the day or the month first, by
    its own evidence: its numeric dates whose order is plain ("14/05/2019" day first, "05/14/2019"
    month first), else the order of its dates in words ("6 March" against "March 6"), else the month
    first (the US order, which Duckling and Recognizers-Text assume too)."""
    day_first = sum(1 for m in matches if int(m["a"]) > 12 >= int(m["b"]))
    month_first = sum(1 for m in matches if int(m["b"]) > 12 >= int(m["a"]))
    if day_first != month_first:
        return "dm" if day_first > month_first else "md"
    words = [m for m in _DATE.finditer(text) if m["d1"] or m["d2"]]
    day_first = sum(1 for m in words if m["d2"])
    return "dm" if day_first > len(words) - day_first else "md"


def _numeric_claim(text: str, match: re.Match[str], order: str) -> Claim | None:
    """A numeric date; when both orders make a date, the stated weekday picks the one it falls on, else
    the document's ``order`` does, and the claim is not ``certain``."""
    a, b, year = int(match["a"]), int(match["b"]), _full_year(match["y"])
    if match["sep"] == "." and len(match["y"]) != 4:
        return None
    weekday = _WEEKDAY_NAMES.get(match["weekday"].rstrip(".")) if match["weekday"] else None
    readings = [(day, month) for day, month in ((a, b), (b, a)) if _exists(year, month, day)]
    if not readings:
        return _impossible_numeric(text, match, a, b, year, weekday)
    certain = len(set(readings)) == 1
    if not certain:
        on_weekday = [r for r in readings if dt.date(year, r[1], r[0]).strftime("%A") == weekday]
        readings = on_weekday if len(on_weekday) == 1 else readings if order == "dm" else readings[::-1]
    day, month = readings[0]
    fields = {"year": year, "month": month, "day": day, "weekday": weekday}
    claim = make_claim(text, "date", match.start(), match.end(), dt.date(year, month, day),
                       precision=_DAY_PRECISION, fields=fields)
    return claim if certain else dataclasses.replace(claim, certain=False)


def _impossible_numeric(text: str, match: re.Match[str], a: int, b: int, year: int,
                        weekday: str | None) -> Claim | None:
    """"29/02/2023", "04/31/2025": a numeric date only one order can read as a day (up to 31) and a
    month, on a day the calendar lacks: a claim with no value (``date-exists`` reports it)."""
    readings = {(day, month) for day, month in ((a, b), (b, a)) if 1 <= month <= 12 and 1 <= day <= 31}
    if len(readings) != 1:
        return None
    day, month = readings.pop()
    fields = {"year": year, "month": month, "day": day, "weekday": weekday}
    return make_claim(text, "date", match.start(), match.end(), None, precision=_DAY_PRECISION, fields=fields)


def _year_first_claim(text: str, match: re.Match[str]) -> Claim | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not _exists(year, month, day):
        return None
    fields = {"year": year, "month": month, "day": day, "weekday": None}
    return make_claim(text, "date", match.start(), match.end(), dt.date(year, month, day),
                      precision=_DAY_PRECISION, fields=fields)


def _dashed_claim(text: str, match: re.Match[str]) -> Claim | None:
    """"31-Oct-1974", "2019/sep/01", "Sep-23-2020", "Dec/2018"."""
    part = match.groupdict()
    month = _month_number((part["m1"] or part["m2"] or part["m3"] or part["m4"]).title())
    digits = part["y1"] or part["y2"] or part["y3"] or part["y4"]
    year, day = _full_year(digits), _int(part["d1"] or part["d2"] or part["d3"])
    if day is not None and day > 31:
        return None
    fields = {"year": year, "month": month, "day": day, "weekday": None}
    value = dt.date(year, month, day) if day and _exists(year, month, day) else None  # "29-Feb-2023": none
    return make_claim(text, "date", match.start(), match.end(), value,
                      precision=_DAY_PRECISION if day else _MONTH_PRECISION, fields=fields)


def _day_range(text: str, match: re.Match[str]) -> list[Claim]:
    """The two ends of "March 20 – 22, 2018": both in the month written once, both in the year written
    once (so a range written end before start, "March 20 – 2", is two dates a rule can compare)."""
    month, year = _MONTHS[match["month"].rstrip(".")], _int(match["year"])
    claims = []
    for group, start, end in (("low", match.start(), match.end("low")),
                              ("high", match.start("high"), match.end())):
        day = int(match[group])
        value = dt.date(year, month, day) if year and _exists(year, month, day) else None
        fields = {"year": year, "month": month, "day": day, "weekday": None}
        claims.append(make_claim(text, "date", start, end, value, precision=_DAY_PRECISION, fields=fields))
    return claims


def _day_first_range(text: str, match: re.Match[str]) -> list[Claim]:
    """The two ends of "24–20 September 2019": the first day alone, in the month and year written
    once after the second."""
    month, year = _MONTHS[match["month"].rstrip(".")], _int(match["year"])
    first = "between" if match["between"] else "low"
    claims = []
    first_end = _ORDINAL_DAY.match(text, match.start(first)).end()
    ends = ((first, match.start(first), first_end), ("high", match.start("high"), match.end()))
    for group, start, end in ends:
        day = int(match[group])
        value = dt.date(year, month, day) if year and _exists(year, month, day) else None
        fields = {"year": year, "month": month, "day": day, "weekday": None}
        claims.append(make_claim(text, "date", start, end, value, precision=_DAY_PRECISION, fields=fields))
    return claims


def _day_list(text: str, match: re.Match[str]) -> list[Claim]:
    """Each day of "April 24 and 25, 1999" in the month and the year written once."""
    month, year = _MONTHS[match["month"].rstrip(".")], _int(match["year"])
    days = list(re.finditer(r"\d+", match["days"]))
    claims = []
    for index, found in enumerate(days):
        day = int(found[0])
        start = match.start() if index == 0 else match.start("days") + found.start()
        end = match.end() if index == len(days) - 1 else match.start("days") + found.end()
        value = dt.date(year, month, day) if year and _exists(year, month, day) else None
        fields = {"year": year, "month": month, "day": day, "weekday": None}
        claims.append(make_claim(text, "date", start, end, value, precision=_DAY_PRECISION, fields=fields))
    return claims


def _year_claim(text: str, mention: NumberMention) -> Claim:
    year = int(mention.value)
    return make_claim(
        text, "date", mention.start, mention.end, None, precision=_YEAR_PRECISION,
        fields={"year": year, "month": None, "day": None, "weekday": None},
    )


def _is_year(text: str, mention: NumberMention, previous_year_end: int) -> bool:
    """A bare four-digit number is a year after a year context ("in 1998", "since 2014"), right
    after another year ("between 2000 and 2003", "in 1994, 1995 and 1997"), or a news year used as a
    modifier ("its 1990 invasion", "for 1990,")."""
    if not (mention.plain_integer and mention.end - mention.start == 4 and 1000 <= mention.value <= 2099):
        return False
    if previous_year_end >= 0 and _YEAR_CHAIN.match(text, previous_year_end, mention.start):
        return True
    if previous_year_end >= 0 and _YEAR_LIST_COMMA.match(text, previous_year_end, mention.start) \
            and _YEAR_LIST_AFTER.match(text, mention.end):
        return True
    if _YEAR_CONTEXT.search(text, max(0, mention.start - 12), mention.start) is not None:
        return True
    if _AGO_BEFORE.search(text, max(0, mention.start - 12), mention.start) is not None:
        return True  # "founded 30 years ago (1998)", "a decade ago – 2015 –"
    if any(_PAREN_YEARS.match(text, max(0, mention.start - back)) for back in (1, 6)):
        return True  # "the Whitlock era (2011–2016)", "Ada Lovelace (1815–1852)": a span of years
    if numbers.opens_split_year(text, mention):
        return True  # "2025-26", "1999/00": a financial year or a season
    return 1900 <= mention.value <= 2049 and _YEAR_MODIFIER_BEFORE.search(
        text, max(0, mention.start - 24), mention.start) is not None \
        and _YEAR_MODIFIER_AFTER.match(text, mention.end) is not None


def spelled_year(match: re.Match[str]) -> int:
    """The year a match of :data:`SPELLED_YEAR` spells ("nineteen ninety-six": 1996)."""
    century = 19 if match["century"].lower() == "nineteen" else 20
    if match["tens"]:
        unit = _WORD_VALUES[match["unit"].lower()] if match["unit"] else 0
        return century * 100 + _WORD_VALUES[match["tens"].lower()] * 10 + unit
    return century * 100 + _WORD_VALUES[match["rest"].lower()]


def _year_in_words(text: str, match: re.Match[str]) -> Claim:
    """"nineteen ninety-six" (1996), "January nineteen ninety-seven", "the year two thousand" (2000)."""
    if match["thousand"]:
        year, start = 2000, match.start("thousand")
    else:
        year, start = spelled_year(match), match.start()
    month = _MONTHS[match["month"].rstrip(".")] if match["month"] else None
    fields = {"year": year, "month": month, "day": None, "weekday": None}
    return make_claim(text, "date", start, match.end(), None,
                      precision=_MONTH_PRECISION if month else _YEAR_PRECISION, fields=fields)


def _century(text: str, match: re.Match[str]) -> Claim:
    number = int(match["n"]) if match["n"] else _CENTURY_WORDS[match["word"].lower()]
    fields = {"year": None, "month": None, "day": None, "weekday": None, "century": number - 1}
    return make_claim(text, "date", match.start(), match.end(), None, fields=fields)


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``date`` claims: full and partial dates first, then bare years among the number mentions."""
    claims = []
    for match in _NTH_WEEKDAY.finditer(text) if "of" in text or "in" in text else ():
        if not taken.overlaps(match.start(), match.end()):
            claims.append(_nth_weekday(text, match))
            taken.mark(match.start(), match.end())
    for match in _DAY_RANGE.finditer(text) if any(c in text for c in "-–—to") else ():
        if 1 <= int(match["low"]) <= 31 and 1 <= int(match["high"]) <= 31 \
                and not taken.overlaps(match.start(), match.end()):
            claims += _day_range(text, match)
            taken.mark(match.start(), match.end())
    for match in _DAY_FIRST_RANGE.finditer(text) if any(c in text for c in "-–—ta") else ():
        first = int(match["between"] or match["low"])
        if 1 <= first <= 31 and 1 <= int(match["high"]) <= 31 \
                and not taken.overlaps(match.start(), match.end()):
            claims += _day_first_range(text, match)
            taken.mark(match.start(), match.end())
    for match in _DAY_LIST.finditer(text) if "and" in text or "or" in text or "&" in text else ():
        if all(1 <= int(d) <= 31 for d in re.findall(r"\d+", match["days"])) \
                and not taken.overlaps(match.start(), match.end()):
            claims += _day_list(text, match)
            taken.mark(match.start(), match.end())
    for match in _DATE.finditer(text):
        if not _plausible(match):
            continue
        start, end = match.start(), match.end()
        if match["y5"]:
            start = match.start("y5")
        week = _WEEK_OF_BEFORE.search(text, max(0, start - 16), start) if match["d1"] or match["d2"] else None
        if week is not None:
            start = week.start()  # "the week of March 6": the week that day falls in
        if not taken.overlaps(start, end):
            claim = _with_weekday_after(text, _date_claim(text, match, start, end), taken)
            claims.append(claim if week is None else _week_of(claim))
            taken.mark(claim.span.start, claim.span.end)
    for match in _lower_dates(text, mentions):
        if _plausible(match) and not taken.overlaps(match.start(), match.end()):
            claims.append(_date_claim(text, match, match.start(), match.end()))
            taken.mark(match.start(), match.end())
    for match in _WEEKDAY_DAY.finditer(text):
        if not taken.overlaps(match.start(), match.end()):
            claims.append(_weekday_day(text, match))
            taken.mark(match.start(), match.end())
    numeric = list(_NUMERIC.finditer(text)) if "/" in text or "-" in text or "." in text else []
    order = _numeric_order(text, numeric) if numeric else "md"
    for match in numeric:
        claim = _numeric_claim(text, match, order)
        if claim is not None and not taken.overlaps(match.start(), match.end()):
            claims.append(claim)
            taken.mark(match.start(), match.end())
    for pattern, build in ((_YEAR_FIRST, _year_first_claim), (_DASHED, _dashed_claim)):
        for match in pattern.finditer(text) if "/" in text or "-" in text or "." in text else ():
            claim = build(text, match)
            if claim is not None and not taken.overlaps(match.start(), match.end()):
                claims.append(claim)
                taken.mark(match.start(), match.end())
    for match in _YEAR_WORDS.finditer(text) if "ineteen" in text or "wenty" in text or "thousand" in text \
            else ():
        if not taken.overlaps(match.start(), match.end()):
            claims.append(_year_in_words(text, match))
            taken.mark(match.start(), match.end())
    # A century leaves its characters free: "the 21st century" is a date and "21st" still an ordinal.
    claims += [_century(text, match) for match in (_CENTURY.finditer(text) if "entury" in text else ())
               if not taken.overlaps(match.start(), match.end())]
    previous_year_end = -1
    for mention in mentions:
        if not taken.overlaps(mention.start, mention.end) and _is_year(text, mention, previous_year_end):
            claims.append(_year_claim(text, mention))
            taken.mark(mention.start, mention.end)
            previous_year_end = mention.end
    return claims


def numeric_order(text: str) -> str:
    """"dm" or "md": the order in which ``text`` writes its numeric dates (see :func:`_numeric_order`)."""
    return _numeric_order(text, list(_NUMERIC.finditer(text)))
