"""Resolution: a temporal claim, matched without a clock, turned into a TIMEX3 value (Duckling's split
of matching from resolution).

:func:`resolve_claims` is the pipeline stage between extraction and rule evaluation: it reads the
claims of one document in text order with a :class:`Context` (the document date, and the narrative's
current reference time, which every date the text fixes to a day moves on), and returns the claims with
their resolution in fields ``timex``, ``timex_type``, ``timex_mod``, ``anchor``, ``resolved`` (the
first day named), ``resolved_year`` and ``unresolved`` (the reason when there is no value), and
``Claim.certain`` False where the value rests on an inference.

Year inference (a date stated without its year, "March 12", "in October", "the fourth quarter"): the
occurrence nearest the document date, the sentence's tense weighing in (a day on the side the tense
points away from weighs more; see ``_infer_year``). The year is *fixed by the document* (certain) when
the date so placed lies within :data:`SURE_DAYS` of the document date and the tense does not
contradict it; otherwise it is an inference (``certain`` False).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from factcheck.claims import morphology, sentences
from factcheck.claims.model import Claim, ClaimSet
from factcheck.startup import regexcache
from factcheck.timex import holidays
from factcheck.timex.bounds import SEASON_MONTH, value_bounds
from factcheck.timex.value import Anchor, Timex, TimexType
from factcheck.values import Duration, TimeOfDay, days_in_month

WEEKDAY_RULES = (MO, TU, WE, TH, FR, SA, SU)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SURE_DAYS = 120  # a year-less date this close to the document date takes the document's year for sure
_NO_DATE = "no document date to resolve against"


@dataclasses.dataclass(slots=True)
class Context:
    """What resolution reads besides the claim: the document date and the narrative reference time."""

    text: str
    document_date: dt.date | None
    reference: dt.date | None = None  # the last day the text fixed ("On March 3 ... the next day")
    quarter: tuple[int, int] | None = None  # the quarter the story reports ("third-quarter profit")
    quarter_at: int = -1  # where the text last named it
    month: tuple[int, int | None] | None = None  # the last year (and month) the text named ("that year")
    month_at: int = -1  # where the text named it

    def story_quarter(self) -> tuple[tuple[int, int] | None, Anchor]:
        """The quarter the story is about, else the last one ended before the document date (the one
        results are reported for)."""
        if self.quarter is not None:
            return self.quarter, Anchor.NARRATIVE
        if self.document_date is None:
            return None, Anchor.DOCUMENT
        before = self.document_date - relativedelta(months=3)
        return (before.year, _quarter(before)), Anchor.DOCUMENT

    def anchor_day(self, anaphoric: bool) -> tuple[dt.date | None, Anchor]:
        if anaphoric and self.reference is not None:
            return self.reference, Anchor.NARRATIVE
        return self.document_date, Anchor.DOCUMENT

    def tense(self, claim: Claim) -> str | None:
        if _PLAN_OVERTAKEN.search(self.text, max(0, claim.span.start - 80), claim.span.start):
            return "past"
        if _POSSESSIVE.match(self.text, claim.span.start):
            # "Friday's purchases", "to get around Wednesday's ruling": a day named by what happened
            # on it, which news reports after the fact.
            return "past"
        if sentences.tense_reading(self.text, claim.span.start, claim.span.end) == ("present", "noun"):
            # the verb right before the date, not the sentence's verb of saying: a timetable ("the
            # committee meets on Monday", "the ballot closes on 29 February, the union said")
            return "present"
        if _scheduled(self.text, claim.span.start) \
                or _CLOCK_DEADLINE_BEFORE.search(self.text, max(0, claim.span.start - 40), claim.span.start):
            return "future"
        return sentences.sentence_tense(self.text, claim.span.start, claim.span.end)


# What makes a day ahead whatever the main verb's tense: "as soon as Tuesday", "as early as Friday",
# and an infinitive the day belongs to ("set to resume Monday", "is to resume trading in Paris
# Tuesday", "agreed to meet on Jan. 5").
_EARLIEST_BEFORE = regexcache.compile(r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+(?:on\s+)?$",
                              re.IGNORECASE)
_INFINITIVE_BEFORE = regexcache.compile(
    r"(?P<head>\b[a-z]+)?\s*\bto\s+(?P<verb>[a-z]+)(?P<rest>(?:\s+[A-Za-z'’]+){0,4}?)\s+(?:on\s+)?$")
# Words other than verbs that an infinitive of a plan follows: "due to resume", "likely to meet", "a
# decision to close the plant on Friday" (nouns that are verbs too, "a plan to", "a bid to", pass as
# verbs).
_PLAN_WORDS = frozenset(("due", "likely", "unlikely", "ready", "able", "about", "poised", "sure", "certain",
                         "eager", "willing", "decision", "agreement", "proposal", "deadline", "effort",
                         "chance", "opportunity", "right", "intention", "way", "time"))
# A plan in the pluperfect was overtaken by events: "had been due to expire Friday", "had been scheduled
# to expire at midnight Friday", "had planned to meet Tuesday" name a day already reached.
_PLAN_OVERTAKEN = regexcache.compile(
    r"\bhad\s+(?:been\s+)?(?:due|scheduled|set|slated|expected|planned|supposed|meant|intended)\s+to\s+"
    r"[a-z]+(?:\s+[a-z]+){0,3}?\s+(?:(?:at|on|by|until)\s+)?(?:[a-z.\d:]+\s+)?$"
)
# A deadline with its hour is ahead whatever the verb's tense: "extended its offer until 5 p.m. EST
# Friday", "has until 9 a.m. Tuesday to sign", "must answer by noon Monday".
_CLOCK_DEADLINE_BEFORE = regexcache.compile(
    r"\b(?:[Uu]ntil|[Tt]ill|[Bb]y|no\s+later\s+than)\s+(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.m\.|[ap]m)|noon|midnight)"
    r"(?:\s+[A-Z]{2,4})?,?\s+(?:on\s+)?$")
_POSSESSIVE = regexcache.compile(r"[A-Z][a-z]+\.?['’]s\b")
_CLAUSE_BREAK = regexcache.compile(r"[,;:()\"“”]|\b(?:and|but|when|after|which|who|that)\b")


def _scheduled(text: str, start: int) -> bool:
    before = text[max(0, start - 60):start]
    if _EARLIEST_BEFORE.search(before):
        return True
    found = _INFINITIVE_BEFORE.search(before)
    if found is None or _CLAUSE_BREAK.search(found["rest"]) or not morphology.is_base_verb(found["verb"]):
        return False
    head = found["head"]
    if head and head not in _PLAN_WORDS and not head.endswith("ing") \
            and morphology.verb_form(head) is None and not morphology.is_base_verb(head):
        return False  # "the first countries to join NATO on Friday were": an infinitive after a noun
    between = found["rest"].lower().split()
    # "to make the late-November trip" names a trip, "to suspend the injunction issued Thursday" a
    # past act: the day belongs to a noun or a participle, not to the infinitive.
    return not (between and between[-1] in _DETERMINERS) \
        and not any(morphology.verb_form(word) in _PAST_FORMS for word in between)


_DETERMINERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "our", "this", "that"))
_PAST_FORMS = (morphology.VerbForm.PAST, morphology.VerbForm.PAST_OR_PARTICIPLE,
               morphology.VerbForm.PARTICIPLE)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


# --- dates ----------------------------------------------------------------------------------------------


# How much more a day on the side the tense does not point to weighs than a day on the side it does:
# "was held on Nov. 21" written on Nov. 2 is most likely last year's, but a date a few days ahead in
# a sentence read as past is more often a misread tense (reported speech) than a year-old event.
_AGAINST_TENSE = 6
_UNTENSED_AHEAD = 3  # no tense: news looks back, a day ahead weighs three behind
# A deadline or a date things take effect ("by February", "until March 6", "effective Feb. 1", "due
# Dec. 1") mostly lies ahead whatever the verb's tense ("named her treasurer, effective
# Feb. 1"), but one a few weeks gone is still the one meant ("changed hands effective Jan. 1" in late
# February): a day behind weighs twice a day ahead.
_DEADLINE_BEHIND = 2
_DEADLINE_BEFORE = regexcache.compile(
    r"(?<![\w-])(?:[Bb]y|[Uu]ntil|[Tt]ill|[Ee]ffective|[Dd]ue)[ \t]+(?:on[ \t]+)?$")


def _infer_year(month: int, day: int | None, ref: dt.date, tense: str | None) -> tuple[int, bool]:
    """The year a year-less month (and day) most likely belongs to, and whether the document fixes it:
    the occurrence nearest the document date, days on the side the tense points away from weighing
    more (see the weights above)."""
    def placed(year: int) -> dt.date:
        return dt.date(year, month, min(day or 1, 28))

    slack = 1 if day else 0  # a day ahead may be a time zone; a month is past once it has begun
    against = _AGAINST_TENSE if day else 2 * _AGAINST_TENSE  # "fell in May" before May: last year's
    ahead_weight = against if tense == "past" else 1 if tense in ("future", "deadline") else _UNTENSED_AHEAD
    behind_weight = against if tense == "future" else _DEADLINE_BEHIND if tense == "deadline" else 1

    def cost(year: int) -> int:
        days = (placed(year) - ref).days
        return max(0, days - slack) * ahead_weight if days > 0 else -days * behind_weight

    year = min((ref.year - 1, ref.year, ref.year + 1), key=cost)
    contradicts = (tense == "past" and placed(year) > ref + dt.timedelta(days=slack)) or \
        (tense == "future" and placed(year) < ref - dt.timedelta(days=slack))
    return year, abs((placed(year) - ref).days) <= SURE_DAYS and not contradicts


def _date_value(year: int, month: int | None, day: int | None) -> tuple[str, dt.date | None]:
    if month is None:
        return f"{year:04d}", dt.date(year, 1, 1)
    if day is None:
        return f"{year:04d}-{month:02d}", dt.date(year, month, 1)
    try:
        when = dt.date(year, month, day)
    except ValueError:
        when = None
    return f"{year:04d}-{month:02d}-{day:02d}", when


def _with_part(value: str, day: dt.date | None, part: str | None) -> str:
    """A day's part ("TNI") or a year's named part ("SU", "Q1", "H2") appended to a value."""
    if part is None:
        return value
    if part in ("MO", "AF", "EV", "NI", "DT"):
        return f"{value}T{part}"
    if part == "WE":
        return f"{iso_week(day)}-WE" if day else value
    return f"{value}-{part}"


def _part_start(year: int, part: str | None) -> dt.date:
    if part in SEASON_MONTH:
        return dt.date(year, SEASON_MONTH[part], 1)
    if part and part[0] == "Q":
        return dt.date(year, 3 * int(part[1]) - 2, 1)
    if part and part[0] == "H":
        return dt.date(year, 1 if part == "H1" else 7, 1)
    return dt.date(year, 1, 1)


def _week_in_month(year: int, month: int, week: int, full: bool = False) -> dt.date:
    """The Monday of the ISO week holding the middle day of a month's ``week``-th seven days (-1: its
    last seven): "the first week of June" is the week holding June 4, "the last week of March" the one
    holding March 28 (the week with most of those days in it). A "full" week lies wholly in the month:
    the ``week``-th (or last) Monday-to-Sunday week inside it."""
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    if full:
        first_monday = dt.date(year, month, 1 + (7 - dt.date(year, month, 1).weekday()) % 7)
        if week > 0:
            return first_monday + dt.timedelta(weeks=week - 1)
        last_sunday = dt.date(year, month, last - (dt.date(year, month, last).weekday() + 1) % 7)
        return last_sunday - dt.timedelta(days=6)
    middle = dt.date(year, month, last - 3 if week < 0 else min(7 * week - 3, last))
    return middle - dt.timedelta(days=middle.weekday())


def _absolute(claim: Claim, ctx: Context) -> Timex:
    """A date whose parts the text states, the year perhaps inferred from the document date."""
    f = claim.fields
    year, month, day, part = f.get("year"), f.get("month"), f.get("day"), f.get("part")
    anchor, certain, weekday_year = Anchor.TEXT, True, False
    if f.get("fiscal") and year:
        # TIMEX3 has no fiscal notation and TimeML writes "fiscal 2013" as 2013; the fiscal rule (the
        # US federal one: fiscal 2013 began on 1 October 2012) gives the first day, and the claim keeps
        # ``fiscal`` for rules that must not read it as the calendar year.
        start = dt.date(year - 1, 10, 1)
        return Timex(f"{year:04d}", TimexType.DATE, mod=f.get("mod"), day=start)
    if year is None:
        if ctx.document_date is None:
            return Timex.unresolved(TimexType.DATE, f"year not stated and {_NO_DATE}")
        first_month = month or _part_start(2001, part).month
        # A quarter or half without its year is the current or a past one ("third-quarter profit",
        # reported in November, even in "will report third-quarter results"): the tense says when
        # the reporting happens, not the quarter.
        tense = "past" if part and part[0] in "QH" else \
            "deadline" if _DEADLINE_BEFORE.search(ctx.text, max(0, claim.span.start - 14), claim.span.start) \
            else ctx.tense(claim)
        middle = day or (28 if f.get("week_in_month", 0) < 0 else 7 * f["week_in_month"] - 3
                         if f.get("week_in_month") else None)  # a week is placed by its middle day
        year, certain = _infer_year(first_month, middle, ctx.document_date, tense)
        anchor = Anchor.DOCUMENT
        if month and day and f.get("weekday") in WEEKDAYS:
            by_weekday = _weekday_year(month, day, WEEKDAYS.index(f["weekday"]), ctx.document_date, year)
            weekday_year, year = by_weekday is not None, by_weekday or year
            certain = certain or weekday_year
    if f.get("nth") and month and f.get("weekday") in WEEKDAYS:  # "the first Monday of October"
        counted = _nth_weekday(year, month, WEEKDAYS.index(f["weekday"]), f["nth"])
        day = counted.day if counted.month == month else None  # a fifth Monday the month lacks: the month
    if f.get("week_in_month") and month:
        monday = _week_in_month(year, month, f["week_in_month"], bool(f.get("full_week")))
        return Timex(iso_week(monday), TimexType.DATE, anchor, certain, f.get("mod"), monday)
    value, when = _date_value(year, month, day)
    if day is not None and when is None:  # "February 30", "31 April": no such day, so no value, but the
        # reading is as sure as the words are (a rule reporting the impossible day rests on no inference)
        return Timex(None, TimexType.DATE, anchor, certain, reason=f"{year:04d}-{month:02d} has no day {day}",
                     year=year)
    if month is None and part:
        when = _part_start(year, part)
        if part == "WI":
            value = f"{year:04d}"
    value = _with_part(value, when, part)
    if f.get("week_of") and when is not None:
        value = iso_week(when)  # "the week of March 6"
    return Timex(value, TimexType.TIME if "T" in value else TimexType.DATE, anchor, certain,
                 f.get("mod"), when, weekday_year=weekday_year)


def _weekday_year(month: int, day: int, weekday: int, ref: dt.date, inferred: int) -> int | None:
    """The year a stated weekday confirms or fixes for a year-less day and month, whatever the tense
    says: "approved the plan on Tuesday 19 March" written on 5 March 2024 is 19 March 2024, the
    Tuesday, even if the past tense pointed to 2023 (a Sunday). The inferred year if its day has the
    weekday, else the one year whose day has it within :data:`SURE_DAYS` of the document date; None
    when none has it (a wrong weekday, ``weekday-matches-partial-date``'s)."""
    def falls(year: int) -> bool:
        return day <= days_in_month(year, month) and dt.date(year, month, day).weekday() == weekday

    if falls(inferred):
        return inferred
    near = [year for year in (ref.year - 1, ref.year, ref.year + 1)
            if falls(year) and abs((dt.date(year, month, day) - ref).days) <= SURE_DAYS]
    return near[0] if len(near) == 1 else None


def _weekday_and_day(claim: Claim, ctx: Context) -> Timex:
    """"Tuesday the 19th" (no month stated): the 19th that falls on a Tuesday nearest the document date,
    weighed by the tense as a year-less date is (a day on the side the tense points away from costs
    more); certain when it lies within the weeks a year-less date is (the next such day is months away)."""
    f, ref = claim.fields, ctx.document_date
    if ref is None:
        return Timex.unresolved(TimexType.DATE, _NO_DATE)
    target, tense = WEEKDAYS.index(f["weekday"]), ctx.tense(claim)
    ahead_weight = _AGAINST_TENSE if tense == "past" else 1 if tense == "future" else _UNTENSED_AHEAD
    behind_weight = _AGAINST_TENSE if tense == "future" else 1
    days = []
    for shift in range(-15, 16):
        year, month = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        if f["day"] <= days_in_month(year, month + 1):
            candidate = dt.date(year, month + 1, f["day"])
            days += [candidate] if candidate.weekday() == target else []
    if not days:
        return Timex.unresolved(TimexType.DATE, f"no month near the document date has a {f['weekday']} "
                                f"the {f['day']}")
    def cost(day: dt.date) -> int:
        return (day - ref).days * ahead_weight if day > ref else (ref - day).days * behind_weight

    day = min(days, key=cost)
    sure = abs((day - ref).days) <= SURE_DAYS
    return Timex(day.isoformat(), TimexType.DATE, Anchor.DOCUMENT, sure, f.get("mod"), day)


def _nearest_weekday(ref: dt.date, target: int, tense: str | None) -> dt.date:
    """A bare weekday ("on Friday"): in a past-tense sentence the last such day up to the document
    date, in a future one the next from it; news otherwise means the past one. "nearest" (an
    anaphoric "that Sunday") takes the one nearest ``ref`` either way."""
    if tense == "nearest":
        ahead = (target - ref.weekday()) % 7
        return ref + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    if tense == "future":
        return ref + dt.timedelta(days=(target - ref.weekday()) % 7)
    return ref - dt.timedelta(days=(ref.weekday() - target) % 7)


# "20 minutes ago", "an hour ago": shifts smaller than the document date's day, read to the day they fall on.
_CLOCK_GRAINS = {"hour": 3600, "minute": 60}


def _shift(ref: dt.date, offset: int, grain: str, weekday: str | None, tense: str | None) -> dt.date | None:
    if grain == "day":
        return ref + dt.timedelta(days=offset)
    if grain in ("week", "weekend"):
        return ref + dt.timedelta(weeks=offset)
    if grain == "month":
        return ref + relativedelta(months=offset)
    if grain == "quarter":
        return ref + relativedelta(months=3 * offset)
    if grain == "year":
        return ref + relativedelta(years=offset)
    if grain == "decade":
        return ref + relativedelta(years=10 * offset)
    if grain == "century":
        return ref + relativedelta(years=100 * offset)
    if grain in _CLOCK_GRAINS:  # the document's hour is unknown: counted from its midday
        midday = dt.datetime.combine(ref, dt.time(12))
        return (midday + dt.timedelta(seconds=offset * _CLOCK_GRAINS[grain])).date()
    if grain in ("month_of_year", "month_in_year"):
        return None  # resolved by _month_of_year, _month_in_year
    if grain == "weekday" and weekday in WEEKDAYS:
        target = WEEKDAYS.index(weekday)
        if offset < 0:
            return ref - dt.timedelta(days=(ref.weekday() - target - 1) % 7 + 1 + 7 * (-offset - 1))
        if offset > 0:
            return ref + dt.timedelta(days=(target - ref.weekday() - 1) % 7 + 1 + 7 * (offset - 1))
        return _nearest_weekday(ref, target, tense)
    return None


def _season_from(ref: dt.date, part: str, offset: int) -> dt.date:
    """The start of "last summer" (the latest summer over by ``ref``: in October, this year's spring
    is "last spring") or "next summer" (the first to begin after ``ref``)."""
    starts = [_part_start(year, part) for year in range(ref.year - 2, ref.year + 2)]
    if offset < 0:
        return max(start for start in starts if start + relativedelta(months=3) <= ref)
    return min(start for start in starts if start > ref)


def _grain_value(day: dt.date, grain: str, part: str | None) -> str:
    if grain in ("day", "weekday", *_CLOCK_GRAINS):
        return _with_part(day.isoformat(), day, part)
    if grain == "week":
        return iso_week(day)
    if grain == "weekend":
        return f"{iso_week(day)}-WE"
    if grain == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year:04d}-Q{_quarter(day)}"
    if grain == "decade":
        return f"{day.year // 10:03d}"
    if grain == "century":
        return f"{day.year // 100:02d}"
    return _with_part(f"{day.year:04d}", day, part)


# "overnight" counts from the narrative's day when that is the story's own (a market report on
# Monday about Friday's session: "depressed by overnight losses in New York"), within this many days
# before the document date; from the document date when the narrative recalls an older day.
_RECENT_DAYS = 7


def _relative(claim: Claim, ctx: Context) -> Timex:
    """A date counted from the document date, or from the narrative's last date when anaphoric."""
    f = claim.fields
    grain, offset = f.get("grain"), int(f.get("relative") or 0)
    ref, anchor = ctx.anchor_day(bool(f.get("anaphoric")))
    if f.get("recent") and anchor is Anchor.NARRATIVE and ctx.document_date is not None \
            and not 0 <= (ctx.document_date - ref).days <= _RECENT_DAYS:
        ref, anchor = ctx.document_date, Anchor.DOCUMENT  # "overnight" in a story recalling a past day
    if ref is None:
        return Timex.unresolved(TimexType.DATE, _NO_DATE)
    tense = ctx.tense(claim) if grain == "weekday" and offset == 0 else None
    if anchor is Anchor.NARRATIVE and grain == "weekday" and offset == 0:
        tense = "nearest"  # "that Sunday": the one nearest the narrative's day
    if grain == "month_of_year":
        return _month_of_year(claim, ref, offset, anchor)
    if f.get("anaphoric") and grain == "year" and ctx.document_date is not None \
            and _compares_elsewhere(claim, ctx):
        ref, anchor = ctx.document_date, Anchor.DOCUMENT  # the reported period, a year back
    elif f.get("anaphoric") and grain in ("year", "month") and ctx.month is not None \
            and (grain == "year" or ctx.month[1] is not None):
        # "that year", "the following month": counted from the last year or month the text named
        # ("fled in June 1998 and returned later that year").
        ref, anchor = dt.date(ctx.month[0], ctx.month[1] or 1, 1), Anchor.NARRATIVE
    elif f.get("narrative_year") and ctx.reference is not None:
        ref, anchor = ctx.reference, Anchor.NARRATIVE  # "the year": the narrative's current one
    if grain == "year" and offset == -1:
        compared = _quarter_a_year_before(claim, ctx)
        if compared is not None:
            return compared
    day = _shift(ref, offset, grain, f.get("weekday"), tense)
    if grain == "weekend" and offset == 0 and ref.weekday() < 5 and ctx.tense(claim) == "past":
        day = ref - dt.timedelta(weeks=1)  # "over the weekend" on a weekday: the one just gone
    if grain == "month_in_year":
        return _month_in_year(claim, ref, offset, anchor)
    if day is None:
        return Timex.unresolved(TimexType.DATE, f"unknown grain {grain!r}")
    inside = _day_inside(day, grain, f, anchor)  # "Tuesday next week", "the 15th of next month"
    if inside is not None:
        return inside
    if grain == "month" and f.get("week_in_month"):  # "the second week of next month"
        monday = _week_in_month(day.year, day.month, f["week_in_month"], bool(f.get("full_week")))
        return Timex(iso_week(monday), TimexType.DATE, anchor, True, f.get("mod"), monday)
    part = f.get("part")
    if grain == "year" and part in SEASON_MONTH and offset:
        day = _season_from(ref, part, offset)
    elif grain == "year" and part:  # "this fall", "next year's first quarter" spelled as a year part
        day = _part_start(day.year, part)
    value = _grain_value(day, grain, part)
    if grain not in ("day", "weekday") and grain not in _CLOCK_GRAINS:
        whole = value_bounds(value)  # "next month" names from its first day, not the document's day
        day = whole[0] if whole else day
    # a bare weekday's direction is read from the tense; an hour's shift may cross midnight
    certain = not (grain == "weekday" and offset == 0) and grain not in _CLOCK_GRAINS
    return Timex(value, TimexType.TIME if "T" in value else TimexType.DATE, anchor, certain,
                 f.get("mod"), day)


def _day_inside(day: dt.date, grain: str, f: dict[str, Any], anchor: Anchor) -> Timex | None:
    """A day named inside the week or month counted from the document date: its weekday in that ISO
    week ("Friday of last week"), its ``nth`` weekday in that month ("the first Saturday of next
    month"; a fifth one the month lacks is the month), or its day of that month ("the 15th of next
    month"); None for a period named whole."""
    weekday = f.get("weekday")
    if grain == "week" and weekday in WEEKDAYS:
        when = day + dt.timedelta(days=WEEKDAYS.index(weekday) - day.weekday())
        return Timex(when.isoformat(), TimexType.DATE, anchor, True, f.get("mod"), when)
    if grain != "month" or not ((f.get("nth") and weekday in WEEKDAYS) or f.get("day")):
        return None
    if f.get("day"):
        value, when = _date_value(day.year, day.month, f["day"])
        if when is None:
            return Timex.unresolved(TimexType.DATE, f"{day.year:04d}-{day.month:02d} has no day {f['day']}")
        return Timex(value, TimexType.DATE, anchor, True, f.get("mod"), when)
    when = _nth_weekday(day.year, day.month, WEEKDAYS.index(weekday), f["nth"])
    if when.month != day.month:
        first = dt.date(day.year, day.month, 1)
        return Timex(f"{day.year:04d}-{day.month:02d}", TimexType.DATE, anchor, True, f.get("mod"), first)
    return Timex(when.isoformat(), TimexType.DATE, anchor, True, f.get("mod"), when)


# "a year ago", "a year earlier" beside a quarter's figures compares with that quarter a year before
# ("Sales rose 5% in the third quarter from a year earlier"): the quarter the text named this close
# before it.
_YEAR_BEFORE = regexcache.compile(r"(?:an?|one|the)\s+year\s+(?:ago|earlier|before)", re.IGNORECASE)
_QUARTER_REACH = 400


# A figure compared with "a year earlier" ("up from $3 million a year earlier", "against 12% a year
# earlier", "higher than a year ago"): the amount or the comparison word right before the shift.
_COMPARED_BEFORE = regexcache.compile(
    r"(?:\b(?:from|with|than|against|over|versus|vs\.?)|\d%?|\b(?:million|billion|cents|share|pence|"
    r"points?|percent|tons?|barrels?))[ \t]*,?[ \t]*$", re.IGNORECASE)


def _compares_elsewhere(claim: Claim, ctx: Context) -> bool:
    """Whether "a year earlier" compares a figure with the same period a year before the one the
    story reports, rather than counting from the narrative's day or the year the text last named: a
    comparison, and no year named in its sentence before it ("In 1990 sales rose to $5 million from
    $4 million a year earlier" counts from 1990; a year named paragraphs back sets no period)."""
    if not _YEAR_BEFORE.fullmatch(claim.text) \
            or not _COMPARED_BEFORE.search(ctx.text, max(0, claim.span.start - 40), claim.span.start):
        return False
    return ctx.month is None \
        or ctx.month_at < sentences.sentence_bounds(ctx.text, claim.span.start, claim.span.end)[0]


def _story_quarter(claim: Claim, ctx: Context) -> Timex:
    """"the quarter", "the latest period", "the year-ago quarter", "last year's third quarter": the
    story's quarter, its ordinal or year replaced by the one stated, a year back for "year-ago"."""
    f = claim.fields
    if f.get("ended_month") and not f.get("year_back") and ctx.document_date is not None:
        ended = _quarter_ended(claim, ctx.document_date)
        if ctx.quarter is None or ended.day is None or abs(ctx.quarter[0] - ended.day.year) > 1:
            return ended
        # "returned to profit in its fiscal first quarter ... revenue for the quarter ended Sept. 29":
        # the quarter the story already named, in the company's own count.
        year, quarter = ctx.quarter
        return Timex(f"{year:04d}-Q{quarter}", TimexType.DATE, Anchor.NARRATIVE, False, f.get("mod"),
                     _part_start(year, f"Q{quarter}"))
    base, anchor = ctx.story_quarter()
    if base is None:
        return Timex.unresolved(TimexType.DATE, _NO_DATE)
    year, quarter = base
    if f.get("part"):
        quarter = int(f["part"][1])
    if f.get("year"):
        year = f["year"]
    elif f.get("year_back"):
        year -= 1
    return Timex(f"{year:04d}-Q{quarter}", TimexType.DATE, anchor, False, f.get("mod"),
                 _part_start(year, f"Q{quarter}"))


def _quarter_ended(claim: Claim, document_date: dt.date) -> Timex:
    """"the quarter ended July 31": the calendar quarter holding most of the three months to that day
    (May to July: the second), in the year the day falls in (a past day, as the quarter has ended)."""
    f = claim.fields
    if f.get("year"):
        year, certain = f["year"], True
    else:
        year, certain = _infer_year(f["ended_month"], f["ended_day"], document_date, "past")
    middle = dt.date(year, f["ended_month"], 1) - relativedelta(months=1)
    quarter = _quarter(middle)
    return Timex(f"{middle.year:04d}-Q{quarter}", TimexType.DATE, Anchor.DOCUMENT, certain, f.get("mod"),
                 _part_start(middle.year, f"Q{quarter}"))


def _quarter_a_year_before(claim: Claim, ctx: Context) -> Timex | None:
    if ctx.quarter is None or claim.span.start - ctx.quarter_at > _QUARTER_REACH \
            or not _YEAR_BEFORE.fullmatch(claim.text):
        return None
    year, quarter = ctx.quarter[0] - 1, ctx.quarter[1]
    return Timex(f"{year:04d}-Q{quarter}", TimexType.DATE, Anchor.NARRATIVE, False, None,
                 _part_start(year, f"Q{quarter}"))


def _month_of_year(claim: Claim, ref: dt.date, offset: int, anchor: Anchor) -> Timex:
    """"last June" (the latest June before the document's month), "next June", "this June"."""
    month = claim.fields["month"]
    year = ref.year
    # The month just gone is "last month"; "last February" written in March is a year back.
    if offset < 0 and month >= ref.month - 1:
        year -= 1
    elif offset > 0 and month <= ref.month:
        year += 1
    return Timex(f"{year:04d}-{month:02d}", TimexType.DATE, anchor, True, claim.fields.get("mod"),
                 dt.date(year, month, 1))


def _month_in_year(claim: Claim, ref: dt.date, offset: int, anchor: Anchor) -> Timex:
    """"January this year", "July last year": the month in the year counted from the document's."""
    year, month = ref.year + offset, claim.fields["month"]
    return Timex(f"{year:04d}-{month:02d}", TimexType.DATE, anchor, True, claim.fields.get("mod"),
                 dt.date(year, month, 1))


def _set(claim: Claim) -> Timex:
    f = claim.fields
    if f.get("weekday") in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS.index(f['weekday']) + 1}"
        value = _with_part(value, None, f.get("part"))
    elif f.get("month"):  # "each July"
        value = f"XXXX-{f['month']:02d}"
    elif f.get("part"):
        value = f"XXXX-XX-XXT{f['part']}" if f.get("grain") == "day" else f"XXXX-{f['part']}"
    elif "count" in f:  # "every four years": the length between its members, P4Y ("every few weeks" PXW)
        value = _counted_length(f["count"], f["grain"])
    else:  # "every month", "daily": TimeML writes a set of whole units as the unit's length
        value = {"hour": "PT1H", "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y",
                 "quarter": "P1Q"}.get(f.get("grain") or "", "P1D")
    return Timex(value, TimexType.SET)


def _counted_length(count: Decimal | None, unit: str) -> str:
    if count is None:  # "every few weeks", "every several decades": as the vague length is written
        return _VAGUE_LETTER.get(unit, "PXX")
    unit = _UNIT_AS.get(unit, unit)
    prefix = "PT" if unit in _CLOCK_UNITS else "P"
    return f"{prefix}{format(Decimal(count).normalize(), 'f')}{_UNIT_LETTER.get(unit, 'X')}"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 Monday) of a month; ``n`` -1 the last."""
    if n > 0:
        return dt.date(year, month, 1) + relativedelta(weekday=WEEKDAY_RULES[weekday](n))
    return dt.date(year, month, 1) + relativedelta(day=31, weekday=WEEKDAY_RULES[weekday](-1))


def _holiday(claim: Claim, ctx: Context) -> Timex:
    """A holiday (or its ISO week: "Easter week") in the year stated, else the one "last"/"next" points to
    from the document date, else the one the tense and the document date imply (as a year-less date)."""
    timex = _holiday_day(claim, ctx)
    if claim.fields.get("week_of") and timex.day is not None:
        return dataclasses.replace(timex, value=iso_week(timex.day))
    return timex


def _holiday_day(claim: Claim, ctx: Context) -> Timex:
    f, key = claim.fields, claim.fields["holiday"]
    if f.get("year"):
        return _holiday_value(holidays.days_in(key, f["year"]), Anchor.TEXT, True)
    if ctx.document_date is None:
        return Timex.unresolved(TimexType.DATE, f"year not stated and {_NO_DATE}")
    ref, offset = ctx.document_date, f.get("relative")
    if f.get("grain") == "year":  # "Thanksgiving of next year"
        return _holiday_value(holidays.days_in(key, ref.year + offset), Anchor.DOCUMENT, True)
    if offset:
        day = holidays.nearest(key, ref, offset)
        return _holiday_value([day] if day else [], Anchor.DOCUMENT, True)
    approximate = holidays.nearest(key, ref, 0)
    if approximate is None:
        return _holiday_value([], Anchor.DOCUMENT, False)
    year, certain = _infer_year(approximate.month, approximate.day, ref, ctx.tense(claim))
    return _holiday_value(holidays.days_in(key, year), Anchor.DOCUMENT, certain)


def _observance_ends(claim: Claim, timex: Timex) -> dt.date | None:
    """The last day of a holiday of several days (Ramadan, Hanukkah), whose value is its first."""
    key = claim.fields.get("holiday")
    if key is None or timex.day is None or claim.fields.get("week_of"):
        return None
    return holidays.last_day(key, timex.day)


def _holiday_value(days: list[dt.date], anchor: Anchor, certain: bool) -> Timex:
    if not days:
        return Timex.unresolved(TimexType.DATE, "outside the range of the holiday's calendar")
    return Timex(days[0].isoformat(), TimexType.DATE, anchor, certain, day=days[0])


def resolve_date(claim: Claim, ctx: Context) -> Timex:
    """The TIMEX3 value of a date claim; a shift past the calendar's range ("a million years ago",
    year 0) is no value, with that reason."""
    try:
        return _resolve_date(claim, ctx)
    except (OverflowError, ValueError):
        return Timex.unresolved(TimexType.DATE, "outside the calendar's range (years 1 to 9999)")


def _resolve_date(claim: Claim, ctx: Context) -> Timex:
    shift = claim.fields.get("day_shift")
    if shift:  # "the day before last Tuesday": the day written, resolved alone, moved
        timex = _resolve_day(claim, ctx)
        if timex.day is None or timex.value is None or not _moves_reference(timex):
            return Timex.unresolved(TimexType.DATE, f"no day to count {shift:+d} day from")
        day = timex.day + dt.timedelta(days=shift)
        return Timex(day.isoformat(), TimexType.DATE, timex.anchor, timex.certain, timex.mod, day)
    return _resolve_day(claim, ctx)


def _resolve_day(claim: Claim, ctx: Context) -> Timex:
    f = claim.fields
    if f.get("vague"):
        return Timex(f["vague"], TimexType.DATE, mod=f.get("mod"))
    if f.get("every"):
        return _set(claim)
    if f.get("century") is not None:  # "the 20th century": TimeML's "19"
        return Timex(f"{f['century']:02d}", TimexType.DATE, mod=f.get("mod"),
                     day=dt.date(max(1, f["century"] * 100), 1, 1))
    if f.get("decade") is not None:
        return Timex(f"{f['decade']:03d}", TimexType.DATE, mod=f.get("mod"))
    if f.get("story"):
        return _story_quarter(claim, ctx)
    if f.get("holiday"):
        return _holiday(claim, ctx)
    if f.get("relative") is not None:
        return _relative(claim, ctx)
    if f.get("year") is None and f.get("month") is None and f.get("day") and f.get("weekday") in WEEKDAYS:
        return _weekday_and_day(claim, ctx)
    if f.get("year") is None and f.get("month") is None and f.get("part") is None:
        return Timex.unresolved(TimexType.DATE, "neither year nor month stated")
    return _absolute(claim, ctx)


# --- times and durations --------------------------------------------------------------------------------


def resolve_time(claim: Claim, ctx: Context, beside: Timex | None) -> Timex:
    """A time of day on the day of the date written beside it, else on the narrative's current day."""
    if not isinstance(claim.value, TimeOfDay):
        return Timex.unresolved(TimexType.TIME, "no time of day")
    clock = claim.value.iso()
    if beside is not None and beside.day is not None and beside.value and len(beside.value) >= 10:
        if clock == "00:00" and "midnight" in claim.text.lower():
            clock = "24:00"  # "expires at midnight Friday": the end of Friday (ISO 8601's 24:00)
        return Timex(f"{beside.value[:10]}T{clock}", TimexType.TIME, beside.anchor, beside.certain,
                     day=beside.day)
    day, anchor = ctx.anchor_day(True)
    if day is None:
        return Timex(f"XXXX-XX-XXT{clock}", TimexType.TIME, certain=False)
    return Timex(f"{day.isoformat()}T{clock}", TimexType.TIME, anchor, False, day=day)


_UNIT_LETTER = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q", "hour": "H",
                "minute": "M", "second": "S"}
_CLOCK_UNITS = ("hour", "minute", "second")
# A unit TIMEX3 has no letter for, written in the one it is made of: "a fortnight" is P2W.
_UNIT_AS = {"fortnight": "week"}


# A compound names each of its units ("an hour and 20 minutes", "2 years, 3 months", "2 h 15 min").
_UNIT_WORD = regexcache.compile(r"\b(year|yr|month|week|day|hour|hr|h|minute|min|second|sec)s?\b",
                                re.IGNORECASE)
_ABBREVIATED = {"yr": "year", "hr": "hour", "h": "hour", "min": "minute", "sec": "second"}


def _compound(text: str, unit: str) -> bool:
    """"an hour and 20 minutes", "1 hour fifteen" (minutes left bare): more than the one unit."""
    named = {_ABBREVIATED.get(word.lower(), word.lower()) for word in _UNIT_WORD.findall(text)}
    return bool(named) and named != {unit}


def _decimal_in_unit(value: Duration, unit: str) -> str | None:
    """"7.11 years" is P7.11Y and "two-and-a-half weeks" P2.5W: an amount that whole smaller units
    cannot write (ISO 8601 lets the last component carry the fraction), in the unit stated, not
    P85.32M or P17.5D. "2.5 hours" stays PT2H30M, as TimeML writes it."""
    if "." not in value.iso():
        return None
    amount = value.in_unit(unit).normalize()
    prefix = "PT" if unit in _CLOCK_UNITS else "P"
    return f"{prefix}{format(amount, 'f')}{_UNIT_LETTER[unit]}"


def duration_value(claim: Claim) -> str | None:
    """TIMEX3's duration value in the unit stated ("P8M", "P2W", "PT90M", "P1DE"), or the ISO
    form of the whole when the amount is not a whole number of that unit ("P2Y6M", "PT1H30M") or
    the text states it in several units ("an hour and 20 minutes" is PT1H20M, as TimeML writes it)."""
    value = claim.value
    if not isinstance(value, Duration):
        return None
    unit = _UNIT_AS.get(claim.unit or "", claim.unit)
    unit = unit if unit in _UNIT_LETTER and not _compound(claim.text, unit) else None
    if unit is not None:
        amount = value.in_unit(unit)
        rounded = amount.to_integral_value()
        if abs(amount - rounded) < Decimal("1e-9"):
            prefix = "PT" if unit in _CLOCK_UNITS else "P"
            return f"{prefix}{format(rounded.normalize(), 'f')}{_UNIT_LETTER[unit]}"
        return _decimal_in_unit(value, unit) or value.iso()
    return value.iso()


# Decades are written in years, counted ("two decades" P20Y, as TimeML news writes them) or not
# ("decades-long" PXY); centuries without a count in TimeBank's letter for a century, C ("for
# centuries" PXC), as its millennium is L ("two thousand years" P2L).
_VAGUE_LETTER = {"year": "PXY", "month": "PXM", "week": "PXW", "day": "PXD", "hour": "PTXH",
                 "minute": "PTXM", "second": "PTXS", "decade": "PXY", "century": "PXC", "quarter": "PXQ"}


def resolve_vague_duration(claim: Claim) -> Timex:
    """"several years" is ``PXY``; "a while", with no unit, ``PXX``."""
    return Timex(_VAGUE_LETTER.get(claim.fields["grain"] or "", "PXX"), TimexType.DURATION)


# TIMEX3's ``mod`` for a hedged length: "about two hours" APPROX, "more than a year" MORE_THAN, "at
# most 30 days" EQUAL_OR_LESS.
_HEDGE_MOD = {"approx": "APPROX", "less_than": "LESS_THAN", "more_than": "MORE_THAN",
              "at_most": "EQUAL_OR_LESS", "at_least": "EQUAL_OR_MORE"}


def resolve_duration(claim: Claim) -> Timex:
    value = duration_value(claim)
    if value is None:
        return Timex.unresolved(TimexType.DURATION, "no amount stated")
    return Timex(value, TimexType.DURATION, mod=_HEDGE_MOD.get(claim.hedge.value))


def resolve_length(claim: Claim, document_date: dt.date | None) -> Claim:
    """A duration claim with its TIMEX3 value; one counted back from or on from the document's date
    ("the past three months", "the next two weeks", the ``length`` of "in the last month": its
    ``direction``) is anchored there, TIMEX3's anchored DURATION: ``anchor`` document and its ends as
    ``begins`` and ``ends`` (``resolved`` the first day), the stretch a count in it is reckoned over."""
    timex = resolve_duration(claim)
    direction = claim.fields.get("direction")
    span = _anchored_span(claim.value, direction, document_date) if timex.value else None
    if span is None:
        return _with_timex(claim, timex)
    begins, ends = span
    resolved = _with_timex(claim, dataclasses.replace(timex, anchor=Anchor.DOCUMENT, day=begins))
    return resolved.with_fields({**resolved.fields, "begins": begins, "ends": ends})


def _anchored_span(length: Duration, direction: str | None,
                   document_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if document_date is None or direction not in ("past", "future"):
        return None
    months = int(length.months)
    days = int(length.days + length.seconds // 86400)
    if months != length.months or (months == 0 and days == 0):
        return None  # "the past 2.5 years", "the last few hours": no whole day to count
    shift = relativedelta(months=months, days=days)
    if direction == "past":
        return document_date - shift, document_date
    return document_date, document_date + shift


# --- the stage ------------------------------------------------------------------------------------------


def _with_timex(claim: Claim, timex: Timex) -> Claim:
    fields = dict(claim.fields)
    fields.update(
        timex=timex.value, timex_type=timex.type.value, timex_mod=timex.mod, anchor=timex.anchor.value,
        resolved=timex.day, resolved_year=timex.day.year if timex.day else timex.year,
        unresolved=timex.reason,
    )
    if claim.kind == "date":  # the days a period names, for rules that compare it with a day
        fields["weekday_year"] = timex.weekday_year
        named = None if claim.fields.get("fiscal") or timex.type is TimexType.SET \
            else value_bounds(timex.value, timex.mod)
        fields.update(begins=named[0] if named else None, ends=named[1] if named else None)
    return claim.with_fields(fields, certain=claim.certain and timex.certain)


def _beside(claim: Claim, dates: list[tuple[Claim, Timex]], text: str) -> tuple[Claim, Timex] | None:
    """The resolved date written right before or after a time ("10 p.m. Wednesday", "May 5 at 9am",
    "5 p.m. EST, Nov. 6")."""
    zone = claim.fields.get("zone") or ""
    for other, timex in dates:
        gap = _gap(claim, other, text)
        # a time restated in another zone between them: "8 p.m. local time (1900 GMT) on Sunday"
        gap = _ASIDE.sub("", gap, count=1) if len(gap) <= 40 else gap
        if len(gap) <= 12 and gap.replace(zone, "", 1).strip(" ,()") in ("", "on", "at", "of"):
            return other, timex
    return None


_ASIDE = regexcache.compile(r"\([^()]{1,24}\)")


def _gap(claim: Claim, other: Claim, text: str) -> str:
    return (text[claim.span.end:other.span.start] if other.span.start >= claim.span.end
            else text[other.span.end:claim.span.start])


def _stated_day(claim: Claim, dates: list[tuple[Claim, Timex]]) -> tuple[Claim, Timex] | None:
    """The resolved day extraction joined to a time ("10 p.m. Wednesday" is one claim, ``day`` its
    "Wednesday")."""
    day = claim.fields.get("day")
    return next(((other, timex) for other, timex in dates if other is day), None) if day is not None else None


def _moves_reference(timex: Timex) -> bool:
    """A date fixed to a day (not a week or a vague reference) becomes the narrative's day."""
    return timex.day is not None and timex.value is not None and len(timex.value) >= 10 \
        and timex.value[4] == "-" and "W" not in timex.value


_YEAR_MONTH_VALUE = regexcache.compile(r"(\d{4})(?:-(\d\d)(?:-\d\d)?)?(?:T.*)?")


def _note_month(ctx: Context, claim: Claim, timex: Timex) -> None:
    """A year, month or day the text names becomes the year (and month) "that year", "the following
    month" count from; an anaphor or a vague or fiscal value does not."""
    found = _YEAR_MONTH_VALUE.fullmatch(timex.value or "")
    if found is None or claim.fields.get("anaphoric") or claim.fields.get("fiscal") \
            or claim.fields.get("narrative_year"):
        return
    ctx.month = (int(found[1]), int(found[2]) if found[2] else None)
    ctx.month_at = claim.span.start


_QUARTER_VALUE = regexcache.compile(r"(\d{4})-Q([1-4])")


def _note_quarter(ctx: Context, claim: Claim, timex: Timex) -> None:
    """A quarter the text names becomes the story's quarter; one it compares with ("the year-ago
    quarter", "the 1988 period", "a year earlier") does not."""
    found = _QUARTER_VALUE.fullmatch(timex.value or "")
    if found is None:
        return
    # "the current quarter" is the one in progress, an aside from the quarter reported; "last year's
    # third quarter" is compared with, "this year's third quarter" is the one reported.
    f = claim.fields
    compared = f.get("year_back") or (f.get("story") and f.get("year")) \
        or (f.get("grain") == "year" and f.get("relative") != 0) \
        or (f.get("grain") != "year" and f.get("relative") == 0)
    named = (int(found[1]), int(found[2]))
    if not compared and not _aside(ctx, named):
        ctx.quarter = named
    ctx.quarter_at = claim.span.end


def _aside(ctx: Context, named: tuple[int, int]) -> bool:
    """A quarter named in an aside does not replace the story quarter, the one whose results are
    reported: one of a year long gone ("its first loss since the second quarter of 1981"), and, once
    the story has named its quarter, an earlier one of that year ("third-quarter profit climbed ...
    Following a weak second quarter") or one not yet over by the document date (a forecast: "expects a
    fourth-quarter charge"; the first quarter named may be over in the company's own count)."""
    if ctx.document_date is not None and named[0] < ctx.document_date.year - 1:
        return True
    if ctx.quarter is None:
        return False
    ends = _part_start(named[0], f"Q{named[1]}") + relativedelta(months=3, days=-1)
    return (named[0] == ctx.quarter[0] and named[1] < ctx.quarter[1]) \
        or (ctx.document_date is not None and ends > ctx.document_date)


def resolve_claims(text: str, claims: ClaimSet, document_date: dt.date | None) -> ClaimSet:
    """The document's claims with every date, time and duration resolved (see the module docstring)."""
    ctx = Context(text, document_date)
    replaced: dict[int, Claim] = {}
    resolved_dates: list[tuple[Claim, Timex]] = []
    pending_times: list[tuple[Claim, dt.date | None]] = []  # with the narrative's day where each stands
    for claim in claims:
        if claim.kind == "date":
            timex = resolve_date(claim, ctx)
            resolved_dates.append((claim, timex))
            if _moves_reference(timex) and not claim.fields.get("anaphoric"):
                ctx.reference = timex.day
            _note_month(ctx, claim, timex)
            _note_quarter(ctx, claim, timex)
            ends = _observance_ends(claim, timex)
            if ends is not None:  # "during Ramadan": its first day, and its last
                resolved = _with_timex(claim, timex)
                replaced[id(claim)] = resolved.with_fields({**resolved.fields, "ends": ends})
                continue
            length = claim.fields.get("length")
            if length is not None:  # "in the last month": the date, and the month it spans
                replaced[id(length)] = resolve_length(length, document_date)
                spanning = claim.with_fields({**claim.fields, "length": replaced[id(length)]})
                replaced[id(claim)] = _with_timex(spanning, timex)
                continue
        elif claim.kind == "duration":
            replaced[id(claim)] = resolve_length(claim, document_date)
            continue
        elif claim.kind == "vague_duration":
            timex = resolve_vague_duration(claim)
        elif claim.kind == "time":
            pending_times.append((claim, ctx.reference))
            continue
        else:
            continue
        replaced[id(claim)] = _with_timex(claim, timex)
    # The low end of a range of hours is on the high end's day: "between 2 and 4 p.m. on Monday".
    high_of = {id(c.fields["low"]): c.fields["high"] for c in claims
               if c.kind == "range" and c.fields.get("of") == "time"}
    for claim, reference in pending_times:
        nearby = [(c, t) for c, t in resolved_dates if abs(c.span.start - claim.span.start) < 60]
        day = _stated_day(claim, nearby) or _beside(claim, nearby, text)
        high = high_of.get(id(claim))
        if day is None and high is not None:
            day = _stated_day(high, nearby) or _beside(high, nearby, text)
        ctx.reference = reference
        replaced[id(claim)] = _with_timex(claim, resolve_time(claim, ctx, day[1] if day else None))
        # one TIMEX3: "10 p.m. Wednesday"; two where an aside parts them ("10:35 a.m. (0735 GMT) Friday")
        if day is not None and day[1].value and len(day[1].value) >= 10 \
                and not {"(", ")"} & set(_gap(claim, day[0], text)):
            date = replaced[id(day[0])]
            replaced[id(day[0])] = date.with_fields({**date.fields, "with_time": True})
        stated = claim.fields.get("day")  # the day joined to the time, resolved whether or not it has a value
        if isinstance(stated, Claim) and id(stated) in replaced:
            time = replaced[id(claim)]
            replaced[id(claim)] = time.with_fields({**time.fields, "day": replaced[id(stated)]})
    return ClaimSet.in_order([_rebuilt(claim, replaced) for claim in claims], claims.problems)


def _rebuilt(claim: Claim, replaced: dict[int, Claim]) -> Claim:
    """A claim with its resolved version, a composite with its resolved parts."""
    if id(claim) in replaced:
        return replaced[id(claim)]
    if not claim.fields or not any(isinstance(v, (Claim, list, tuple)) for v in claim.fields.values()):
        return claim
    def swap(value: Any) -> Any:
        return _rebuilt(value, replaced) if isinstance(value, Claim) else value

    fields = {k: (type(v)(swap(x) for x in v) if isinstance(v, (list, tuple)) else swap(v))
              for k, v in claim.fields.items()}
    return claim.with_fields(fields)
