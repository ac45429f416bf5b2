"""Times of day: "9 a.m.", "11:30 a.m.", "9am", "14:30", "nine o'clock", "noon", "midnight", and the
24-hour clock of wire copy without a colon ("1930 GMT", "0800 local time", "at 1715 hours").

Digits are found by one regex pass (a bare "10:30" is a time; a bare "9" is not), spelled hours by
the number mentions followed by "a.m."/"p.m."/"o'clock". Four digits are a time only with what
only a time has after it: a zone ("1930 GMT", "2100GMT", "0800 local time"), or "hours"/"hrs" after a
word that points at a moment ("at 1900 hours"; not "1500 hours of overtime"); the first of a pair
takes the zone of the second ("between 0700 and 0730 GMT"). A year, a count or a code has none of
these ("in 1930", "1930 people", "flight 1930"). The value is a :class:`TimeOfDay` on the
24-hour clock; a time zone written after it ("9 a.m. ET") goes in the ``zone`` field. Ranges
("from 9 a.m. to 11:30 a.m.") are ``range`` claims over two times (see ``ranges``).
"""

from __future__ import annotations

import dataclasses
import re

from factcheck.claims import lexicon
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.numbers import NumberMention
from factcheck.claims.rangewords import range_join, range_opener
from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.spans import Span
from factcheck.startup import regexcache
from factcheck.values import Duration, TimeOfDay

_TABLE = lexicon.load("relative")
_MERIDIEM = r"(?P<ampm>[AaPp]\.[ ]?[Mm]\.|[AaPp][Mm]\b)"
# A cheap scan for what can only follow an hour ("9:", "9 a.m.", "9 o'clock"), then the full match.
_HINT = regexcache.compile(rf"\d(?::[0-5]\d|{HSPACE}?[AaPp]\.?[ ]?[Mm]\b|{GAP}o['’]?clock\b)")
_CLOCK = regexcache.compile(
    rf"(?<![\w.:/$£€-])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:]))?"
    rf"(?:{HSPACE}?{_MERIDIEM}|(?<=\d)(?P<ap>[AaPp])(?!\w|\.[ ]?[Mm])|{GAP}(?P<oclock>o['’]?clock)\b)?"
    rf"(?![\d:,.]\d)"
)
# More clock forms: "330 p.m.", "1140 a.m." (the hour and minutes run together before a meridiem; not
# "1010 AM", a radio station), "15h30", "19h00" (the European style: an afternoon hour, or any hour
# after a word of a moment, since "1h30" alone is a running time).
_RUN_TOGETHER = regexcache.compile(
    rf"(?<![\w.:/$£€-])(?P<h>1[0-2]|0?[1-9])(?P<m>[0-5]\d){HSPACE}?(?P<ampm>[AaPp]\.[ ]?[Mm]\.|[ap]m\b)")
# "8.30pm", "5.30 p.m.", "11.15 a.m.": the British point between hour and minutes, only with a meridiem
# after it (alone "3.30" is a decimal).
_DOT_CLOCK = regexcache.compile(
    rf"(?<![\w.:/$£€-])(?P<h>1[0-2]|0?[1-9])\.(?P<m>[0-5]\d){HSPACE}?"
    rf"(?P<ampm>[AaPp]\.[ ]?[Mm]\.|[AaPp][Mm]\b)")
_H_CLOCK = regexcache.compile(r"(?<![\w.:/$£€-])(?P<h>[01]?\d|2[0-3])h(?P<m>[0-5]\d)\b")
# A zone after a time: "9 a.m. ET", "1930 GMT", "2130 gmt", "0800 local time" ("local" alone only before
# punctuation: "0700 local (0300 GMT)", not "by 2030 local councils").
_ZONE = (rf"(?:{lexicon.alternation(_TABLE['zones'])}|gmt|utc|local{GAP}time|[Ll]ocal(?![ \t]+[a-z]))\b")
_ZONE_AFTER = regexcache.compile(rf"{HSPACE}*\(?(?P<zone>{_ZONE})")
# The 24-hour clock without a colon, as wire copy writes it: "1930 GMT", "2100GMT", "0800 local time",
# "at 1715 hours", "between 0700 and 0730 hours GMT" (the first of a pair takes the second's zone).
_FOUR = r"(?:[01]\d|2[0-3])[0-5]\d"
_HOURS_WORD = r"(?:hours|hrs)\b(?![ \t]+(?:of|a|an|per|each|ago|later|earlier|before|after)\b)"
# Opens on a digit so the scan is fast; the character before it is checked after the match.
_FOUR_DIGIT = regexcache.compile(
    rf"(?P<hhmm>{_FOUR})(?:{HSPACE}*(?P<zone>{_ZONE})|{GAP}(?P<hours>{_HOURS_WORD})"
    rf"|(?={GAP}(?:and|to|until|till|-|–){GAP}{_FOUR}{HSPACE}*(?:{_ZONE}|{_HOURS_WORD})))"
)
_NOT_BEFORE_FOUR = frozenset(".,:/$£€#-")
_MOMENT_BEFORE = regexcache.compile(
    r"\b(?:at|by|until|till|from|between|and|to|after|before|around|about|since|for)[ \t]+$", re.IGNORECASE)
_SPELLED_AFTER = regexcache.compile(rf"{HSPACE}?{_MERIDIEM}|{GAP}(?P<oclock>o['’]?clock)\b")
_WORDS: dict[str, list[int]] = _TABLE["clock_words"]
_WORD = regexcache.compile(  # not the idiom "high noon"
    rf"(?<![\w-])(?<![Hh]igh )(?P<word>{lexicon.alternation(lexicon.with_capitals(_WORDS))})\b"
)
_WORD_HINTS = ("noon", "Noon", "midnight", "Midnight", "midday", "Midday")
_MINUTE = Duration.of(1, "minute")
# Times in words: "half past eight in the evening", "a quarter to nine", "eleven at night".
_PAST_TO_BEFORE = regexcache.compile(
    r"(?<![\w.,:-])(?P<minutes>half|(?:a[ \t]+)?quarter|twenty-five|twenty|fifteen|ten|five|[1-5]?\d)"
    r"(?:[ \t]+minutes?)?[ \t]+(?P<way>past|to|after|till)[ \t]+$",
    re.IGNORECASE,
)
_DAY_PART_AFTER = regexcache.compile(
    rf"{GAP}(?:o['’]?clock[ \t]+)?(?P<part>in[ \t]+the[ \t]+(?:morning|afternoon|evening)|at[ \t]+night"
    r"|this[ \t]+(?:morning|afternoon|evening)|tonight)\b",
    re.IGNORECASE,
)
_WORDED_TIME_BEFORE = regexcache.compile(
    r"\b(?:at|from|until|till|to|by|between|and|around|about|before|after|since)[ \t]+$", re.IGNORECASE
)
_WORD_MINUTES = {"half": 30, "quarter": 15, "twenty-five": 25, "twenty": 20, "fifteen": 15, "ten": 10,
                 "five": 5}
# "from 40 minutes to three hours", "between ten to twelve": a range of amounts, not a time.
_AMOUNT_AFTER = regexcache.compile(
    rf"{GAP}(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|times)\b")
_RANGE_OPENER = regexcache.compile(r"\b(?:from|between)[ \t]+$", re.IGNORECASE)


def _minutes_from(before: re.Match[str], hour: int, twelve: bool = False) -> tuple[int, int]:
    """The time "a quarter past", "20 minutes to", "half past" the ``hour`` names (``twelve``: an hour
    of the 12-hour clock with no a.m. or p.m., so "a quarter to one" is 12:45)."""
    word = before["minutes"].lower().split()[-1]
    minute = int(word) if word.isdigit() else _WORD_MINUTES[word]
    if before["way"].lower() in ("to", "till"):
        return ((hour - 2) % 12 + 1 if twelve else (hour - 1) % 24), 60 - minute
    return hour, minute


def _counted_minutes(before: re.Match[str]) -> bool:
    """Minutes in digits name a time only with "minutes" or a stated hour of the clock after them:
    "20 to 3" is a score or a range, "20 minutes to 3" and "20 past 3pm" are times."""
    return not before["minutes"][-1].isdigit() or "min" in before[0].lower()


def _range_low(text: str, before: re.Match[str]) -> bool:
    """Whether "N to" before an hour opens a range of hours rather than counting minutes to the hour:
    bare digits ("7 to 10 p.m.", "5 to 6pm"; minutes to the hour say "minutes": "20 minutes to 3"),
    or any count after "from"/"between" ("from five to six p.m.")."""
    if before["way"].lower() not in ("to", "till") or "min" in before[0].lower():
        return False
    return before["minutes"][-1].isdigit() \
        or _RANGE_OPENER.search(text, max(0, before.start() - 10), before.start()) is not None


def _hour24(hour: int, meridiem: str | None) -> int | None:
    if meridiem is None:
        return hour
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if meridiem[0] in "Pp" else 0)


def _claim(text: str, start: int, end: int, hour: int, minute: int) -> Claim:
    hedge, _ = hedge_before(text, start)
    zone = _ZONE_AFTER.match(text, end)
    if zone is not None and "(" not in zone[0] and zone["zone"].lower() != "local":
        end = zone.end()  # "9 a.m. ET", "1930 GMT": the zone is part of the time stated
    return make_claim(text, "time", start, end, TimeOfDay(hour, minute), hedge=hedge, precision=_MINUTE,
                      fields={"zone": zone["zone"] if zone else None})


def _candidates(text: str, mentions: list[NumberMention]) -> list[Claim]:
    found = []
    for hint in _HINT.finditer(text):
        start = hint.start() - 1 if hint.start() and text[hint.start() - 1].isdigit() else hint.start()
        match = _CLOCK.match(text, start)
        if match is None or not (match["m"] or match["ampm"] or match["oclock"]):
            continue
        if (match["ap"] and not match["m"]) or (match["s"] and not (match["ampm"] or match["ap"])
                                                and len(match["h"]) < 2):
            continue  # "3a" alone; "2:08:44" with no a.m. or p.m. is a running time
        hour = _hour24(int(match["h"]), match["ampm"] or (f"{match['ap']}m" if match["ap"] else None))
        if hour is None:
            continue
        end, part = match.end(), None if match["ampm"] else _DAY_PART_AFTER.match(text, match.end())
        if part is not None and 1 <= hour <= 12:  # "3:15 in the afternoon", "9 o'clock at night"
            word = part["part"].lower().split()[-1]
            evening = word in ("afternoon", "evening", "tonight") or (word == "night" and hour >= 6)
            hour, end = hour % 12 + (12 if evening else 0), part.end()
        found.append(_claim(text, match.start(), end, hour, int(match["m"] or 0)))
    for mention in mentions:
        if mention.digits or mention.ordinal or mention.value != int(mention.value):
            continue
        after = _SPELLED_AFTER.match(text, mention.end)
        hour = _hour24(int(mention.value), after["ampm"]) if after else None
        if after is not None and hour is not None and 1 <= mention.value <= 12:
            found.append(_claim(text, mention.start, after.end(), hour, 0))
    for match in _dot_and_run_together(text) if "m" in text or "M" in text else ():
        hour = _hour24(int(match["h"]), match["ampm"])
        if hour is not None:
            found.append(_claim(text, match.start(), match.end(), hour, int(match["m"])))
    for match in _H_CLOCK.finditer(text) if "h" in text else ():
        hour = int(match["h"])
        if hour >= 13 or _MOMENT_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            found.append(_claim(text, match.start(), match.end(), hour, int(match["m"])))
    found += _worded(text, mentions)
    found += _twenty_four_hour(text)
    found += _words_of_day(text)
    return _with_shared_half(text, found, mentions)


def _words_of_day(text: str) -> list[Claim]:
    """"noon", "midnight", "a quarter past noon", "15 minutes to midnight"."""
    found = []
    for match in _WORD.finditer(text) if any(w in text for w in _WORD_HINTS) else ():
        hour, minute = _WORDS[match["word"].lower()]
        before = _PAST_TO_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before is not None and _range_low(text, before):
            before = None  # "from 10 to noon": the noon that ends a range of hours
        if before is not None:  # "a quarter past noon", "15 minutes to midnight"
            hour, minute = _minutes_from(before, hour or 24)
            found.append(_claim(text, before.start(), match.end(), hour % 24, minute))
            continue
        found.append(_claim(text, match.start(), match.end(), hour, minute))
    return found


# The low end of a range of hours whose half of the day is stated only after the high end: "3-4pm",
# "from 7 to 10 p.m.", "9 to 11 a.m.", "3:30 to 6 PM", "between seven and nine p.m.", "from 10 to
# noon" (not a day of a month: "June 3-4pm" is the 3rd, then 4 p.m.).
_LOW_HOUR_BEFORE = regexcache.compile(
    rf"(?<![\w.:/$£€,-])(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?"
    rf"(?:{HSPACE}*[-–—]{HSPACE}*|{GAP}(?P<word>to|until|till|through|and){GAP})$")
_HALF_STATED = regexcache.compile(
    rf"{_MERIDIEM}|\b(?:noon|midnight|midday|morning|afternoon|evening|night|tonight)\b", re.IGNORECASE)
_MONTH_BEFORE = regexcache.compile(
    rf"\b(?:{lexicon.alternation(lexicon.month_names())})\.?{HSPACE}*$", re.IGNORECASE)
_MINUTES_PER_DAY = 24 * 60
# The high end right after a hyphen, which a time alone never follows: the "4pm" of "3-4pm", "9-10am".
_HIGH_AFTER_DASH = regexcache.compile(
    rf"(?<=\d[-–—])(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?{HSPACE}?{_MERIDIEM}")


def _low_reading(hour: int, minute: int, high: Claim) -> int | None:
    """The low end's hour on the 24-hour clock: of the two halves of the day, the later one that is
    still before the high end ("7 to 10 p.m." 19:00, "11 to 1 p.m." 11:00, "10 to noon" 10:00); none
    when neither is ("10 to 2 a.m." may be ten minutes to two)."""
    if not isinstance(high.value, TimeOfDay):
        return None
    top = high.value.hour * 60 + high.value.minute
    if top == 0 and "midnight" in high.text.lower():
        top = _MINUTES_PER_DAY
    readings = [h for h in (hour % 12, hour % 12 + 12) if h * 60 + minute < top]
    return max(readings) if readings else None


def _low_end(text: str, high: Claim, mentions: list[NumberMention]) -> tuple[int, int, int, int] | None:
    """The start, end, hour and minute of a bare hour opening a range before ``high``."""
    start = high.span.start
    digits = _LOW_HOUR_BEFORE.search(text, max(0, start - 16), start)
    if digits is not None:
        low = (digits.start(), digits.end("m") if digits["m"] else digits.end("h"), int(digits["h"]),
               int(digits["m"] or 0))
    else:
        spelled = next((m for m in mentions if start - 16 <= m.end < start and not m.digits and not m.ordinal
                        and m.value == int(m.value) and 1 <= m.value <= 12
                        and range_join(text, m.end, start) is not None), None)
        if spelled is None:
            return None
        low = (spelled.start, spelled.end, int(spelled.value), 0)
    join = range_join(text, low[1], start)
    if join is None or _MONTH_BEFORE.search(text, max(0, low[0] - 12), low[0]):
        return None
    opener = range_opener(text, low[0]) if join["word"] == "and" else None
    if join["word"] == "and" and (opener is None or opener["opener"].lower() != "between"):
        return None  # "2 and 3 p.m." alone may be two separate figures
    return low


def _with_shared_half(text: str, found: list[Claim], mentions: list[NumberMention]) -> list[Claim]:
    """The candidates with the low end of each range of hours read on the high end's half of the day
    ("3:30 to 6 PM" is 15:30 to 18:00), replacing a reading of the low end alone ("3:30", 03:30)."""
    after_dash = []
    for match in _HIGH_AFTER_DASH.finditer(text) if "-" in text or "–" in text or "—" in text else ():
        hour = _hour24(int(match["h"]), match["ampm"])
        if hour is not None:
            after_dash.append(_claim(text, match.start(), match.end(), hour, int(match["m"] or 0)))
    lows = []
    for high in found + after_dash:
        if not isinstance(high.value, TimeOfDay) or not _HALF_STATED.search(high.text):
            continue
        low = _low_end(text, high, mentions)
        hour = _low_reading(low[2], low[3], high) if low is not None else None
        if low is not None and hour is not None:
            lows.append(_claim(text, low[0], low[1], hour, low[3]))
            found += [high] if high in after_dash else []  # a high end after a hyphen only with its low
    if not lows:
        return found
    kept = [c for c in found if not any(low.span.start <= c.span.start and c.span.end <= low.span.end
                                        for low in lows)]
    return kept + lows


def _dot_and_run_together(text: str) -> list[re.Match[str]]:
    """The clock forms with a meridiem and no colon: "330 p.m." and "8.30pm"."""
    return [*_RUN_TOGETHER.finditer(text), *(_DOT_CLOCK.finditer(text) if "." in text else ())]


def _twenty_four_hour(text: str) -> list[Claim]:
    """"1930 GMT", "0800 local time", "at 1715 hours": four digits read on the 24-hour clock when a zone
    or the hours of a moment follow them (see the module docstring)."""
    found = []
    for match in _FOUR_DIGIT.finditer(text):
        hhmm = match["hhmm"]
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in _NOT_BEFORE_FOUR:
            continue  # a part of a longer number or a code ("21930", "$1930", "1.1930", "#1930")
        if match["hours"] and hhmm[0] != "0" \
                and not _MOMENT_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue  # "logged 1500 hours": a count of hours, not a moment
        end = match.end("hours") if match["hours"] else match.end("hhmm")  # the zone stays a field
        found.append(_claim(text, match.start(), end, int(hhmm[:2]), int(hhmm[2:])))
    return found


def _worded(text: str, mentions: list[NumberMention]) -> list[Claim]:
    """"half past eight in the evening", "a quarter to nine", "eight in the morning", "eleven at
    night": an hour from one to twelve with minutes before it in words or a part of the day after it
    (which sets a.m. or p.m.)."""
    found = []
    for mention in mentions:
        if mention.ordinal or mention.value != int(mention.value) or not 1 <= mention.value <= 12:
            continue
        before = _PAST_TO_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        if before is not None and _range_low(text, before):
            before = None  # "from 7 to 10 p.m.", "5 to seven in the morning": the high end of a range
        meridiem = _SPELLED_AFTER.match(text, mention.end) if before is not None else None
        meridiem = meridiem if meridiem is not None and meridiem["ampm"] else None
        part = _DAY_PART_AFTER.match(text, meridiem.end() if meridiem else mention.end)
        if before is None and (part is None or not _WORDED_TIME_BEFORE.search(
                text, max(0, mention.start - 10), mention.start)):
            continue
        if before is not None and meridiem is None and part is None and (
                not _counted_minutes(before) or _AMOUNT_AFTER.match(text, mention.end)
                or _RANGE_OPENER.search(text, max(0, before.start() - 10), before.start())):
            continue
        hour = int(mention.value)
        if meridiem is not None:
            hour = hour % 12 + (12 if meridiem["ampm"][0] in "Pp" else 0)
        elif part is not None:
            word = part["part"].lower().split()[-1]
            evening = word in ("afternoon", "evening", "tonight") or (word == "night" and hour >= 6)
            hour = hour % 12 + (12 if evening else 0)
        twelve = meridiem is None and part is None
        hour, minute = _minutes_from(before, hour, twelve) if before is not None else (hour, 0)
        start = before.start() if before is not None else mention.start
        end = part.end() if part else meridiem.end() if meridiem else mention.end
        found.append(_claim(text, start, end, hour, minute))
    return found


def extract(text: str, mentions: list[NumberMention], taken: Taken) -> list[Claim]:
    """``time`` claims, taking their characters so "9" in "9 a.m." is no number."""
    claims = []
    for claim in sorted(_candidates(text, mentions), key=lambda c: c.span.start):
        if not taken.overlaps(claim.span.start, claim.span.end):
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims


# --- a time and its day, one expression -------------------------------------------------------------
# "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "6pm of April 22", "Wednesday at 10 p.m.", "tomorrow at noon",
# "Fri, Jul 18, 2014 07:00 PM", "tonight @ 11": TimeML marks each as one TIMEX3 with the TIME value of
# both, and an editor underlines both as one claim. Between them only a comma, "on"/"of" after the
# time, "at"/"@" or a dash after the day ("Tuesday – 7pm").
_DAY_AFTER_TIME = regexcache.compile(rf"{HSPACE}*,?{HSPACE}*(?:(?:on|of){GAP})?")
_TIME_AFTER_DAY = regexcache.compile(rf"(?:,|{HSPACE}*[-–—])?{HSPACE}*(?:(?:at|@){HSPACE}*)?")
_PARTS_OF_DAY = frozenset({"MO", "AF", "EV", "NI"})
# A bare hour after a part of the day is its time: "this morning at 3", "tonight @ 11", "tomorrow
# afternoon at 5"; before it only after a word of a moment: "at 8 tonight", "by 9 tomorrow morning".
_BARE_HOUR_AFTER_PART = regexcache.compile(
    rf"{HSPACE}*(?:at|@|around){HSPACE}*(?P<h>1[0-2]|[1-9])(?![\w:.,]\w|[\w%$£€'’-]|{GAP}(?:[AaPp]\.?[Mm]\b|"
    rf"o['’]?clock|hours?|minutes?|people|percent|per\b))")
_BARE_HOUR_BEFORE_PART = regexcache.compile(
    rf"(?:^|(?<=[\n(])|\b(?:at|by|until|till|around|about|from)[ \t]+)(?P<h>1[0-2]|[1-9]){GAP}$",
    re.IGNORECASE)


def is_day(claim: Claim) -> bool:
    """A date claim that names one day or a part of one ("Wednesday", "Nov. 6", "tomorrow", "tonight",
    "Christmas Day"): what a time of day can be joined to."""
    f = claim.fields
    if claim.kind != "date" or f.get("every") or f.get("vague") or f.get("week_of"):
        return False
    inside = f.get("grain") in ("week", "month") and f.get("weekday") is not None  # "Tuesday next week"
    return f.get("day") is not None or f.get("grain") in ("day", "weekday") or inside \
        or f.get("part") in _PARTS_OF_DAY or f.get("holiday") is not None


def _on_part_clock(hour: int, part: str | None) -> int:
    """A bare hour read on the part of the day beside it: "tonight at 11" is 23:00, "this morning at 3"
    03:00 ("at night" from six on is the evening, before it the small hours)."""
    if part in ("AF", "EV") or (part == "NI" and hour >= 6):
        return hour % 12 + 12
    return hour % 12 if part in ("MO", "NI") else hour


def extract_bare_hours(text: str, atoms: list[Claim], taken: Taken) -> list[Claim]:
    """Time claims for bare hours written against a part of the day ("this morning at 3", "at 8
    tonight"), which alone would be plain numbers: read after the parts of the day are found."""
    claims = []
    for claim in _bare_hours(text, atoms):
        if not taken.overlaps(claim.span.start, claim.span.end):
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims


def _bare_hours(text: str, atoms: list[Claim]) -> list[Claim]:
    found = []
    for claim in atoms:
        if claim.kind != "date" or claim.fields.get("part") not in _PARTS_OF_DAY:
            continue
        part = claim.fields["part"]
        after = _BARE_HOUR_AFTER_PART.match(text, claim.span.end)
        if after is not None:
            hour = _on_part_clock(int(after["h"]), part)
            found.append(_claim(text, after.start("h"), after.end("h"), hour, 0))
        before = _BARE_HOUR_BEFORE_PART.search(text, max(0, claim.span.start - 12), claim.span.start)
        if before is not None:
            hour = _on_part_clock(int(before["h"]), part)
            found.append(_claim(text, before.start("h"), before.end("h"), hour, 0))
    return found


def _joinable(text: str, time: Claim, day: Claim) -> bool:
    if day.span.start >= time.span.end:
        return _DAY_AFTER_TIME.fullmatch(text, time.span.end, day.span.start) is not None
    return day.span.end <= time.span.start \
        and _TIME_AFTER_DAY.fullmatch(text, day.span.end, time.span.start) is not None


def join_days(text: str, atoms: list[Claim]) -> dict[int, Claim]:
    """Each time claim with a day written beside it, as one claim over both (keyed by the time claim's
    id): its span takes the day's, ``day`` holds the day's claim, which stays a claim of its own (the
    weekday rules read it). The day after the time is taken first ("10 p.m. Wednesday"), else the one
    before ("Wednesday at 10 p.m.")."""
    joined: dict[int, Claim] = {}
    for index, claim in enumerate(atoms):
        if claim.kind != "time":
            continue
        after = next((c for c in atoms[index + 1:index + 4] if c.span.start >= claim.span.end), None)
        before = next((c for c in reversed(atoms[max(0, index - 3):index]) if c.span.end <= claim.span.start),
                      None)
        day = next((c for c in (after, before) if c is not None and is_day(c) and _joinable(text, claim, c)),
                   None)
        if day is None:
            continue
        start, end = min(claim.span.start, day.span.start), max(claim.span.end, day.span.end)
        joined[id(claim)] = dataclasses.replace(claim, text=text[start:end], span=Span(start, end),
                                                fields={**claim.fields, "day": day})
    return joined
