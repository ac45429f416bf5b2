"""Functions on dates, times of day and the words around a claim: completing a partial date from a
reference date, resolving a relative one, the time between two endpoints, a claim's sentence and
tense, and how far apart two claims are (sentences, the words between them).

Registered in :mod:`factcheck.language.functions` like every other function. None of them guesses:
a date that cannot be completed, a relative date of a grain finer or coarser than a day, or a tense
the lexicon cannot tell, is null, and a rule that depends on it is not decided.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from factcheck.claims import sentences
from factcheck.claims.model import Claim
from factcheck.language.registry import WEEKDAYS, register
from factcheck.startup import regexcache
from factcheck.values import Duration, TimeOfDay, days_in_month

_WORD = regexcache.compile(r"[a-z]+(?:['’-][a-z]+)*", re.IGNORECASE)
_NEXT_WORD = regexcache.compile(r"[ \t]+([a-z]+(?:['’-][a-z]+)*)", re.IGNORECASE)


def _on(year: int, month: int, day: int) -> dt.date | None:
    return dt.date(year, month, day) if 1 <= month <= 12 and 1 <= day <= days_in_month(year, month) \
        else None


def _completed(c: Claim, ref: dt.date) -> dt.date | None:
    if c.value is not None and isinstance(c.value, dt.date):
        return c.value
    month, day, year = c.fields.get("month"), c.fields.get("day"), c.fields.get("year")
    if month is None or day is None or c.fields.get("relative") is not None:
        return None
    if year is not None:
        return _on(year, month, day)
    candidates = [d for d in (_on(ref.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    return min(candidates, key=lambda d: abs((d - ref).days)) if candidates else None


@register("complete_date(c: claim<date>, ref: date) -> date?")
def _complete_date(c: Claim, ref: dt.date) -> dt.date | None:
    """The calendar date a date claim names. A date stated without its year ("March 12") is its
    occurrence nearest ``ref`` (usually the document date); null for a claim without a month and day
    ("2025", "March 2025") and for a relative one ("yesterday")."""
    return _completed(c, ref)


@register("relative_date(c: claim<date>, ref: date) -> date?")
def _relative_date(c: Claim, ref: dt.date) -> dt.date | None:
    """The day a relative date claim names, counted from ``ref``: "yesterday" is the day before,
    "tomorrow" the day after, "last Thursday" the Thursday in the week before ``ref`` (1–7 days
    earlier), "next Thursday" the one 1–7 days later. Null for other grains ("last month"), for a
    bare weekday ("on Thursday", which may be either side of ``ref``) and for absolute claims."""
    offset, grain = c.fields.get("relative"), c.fields.get("grain")
    if offset is None:
        return None
    if grain == "day":
        return ref + dt.timedelta(days=int(offset))
    weekday = c.fields.get("weekday")
    if grain == "weekday" and offset and weekday in WEEKDAYS:
        target = WEEKDAYS.index(weekday)
        if offset < 0:
            return ref - dt.timedelta(days=(ref.weekday() - target - 1) % 7 + 1)
        return ref + dt.timedelta(days=(target - ref.weekday() - 1) % 7 + 1)
    return None


def _endpoint_dates(ctx: Any, start: Claim, end: Claim) -> tuple[dt.date, dt.date] | None:
    doc_date = getattr(ctx.document, "date", None)
    years = [c.fields.get("year") for c in (start, end) if c.fields.get("year") is not None]
    ref = doc_date or (dt.date(years[0], 7, 1) if years else dt.date(2001, 7, 1))  # 2001: not a leap year
    first = _completed(start, ref if start.fields.get("year") or not years else dt.date(years[0], 7, 1))
    if first is None:
        return None
    last = _completed(end, first)
    if last is not None and end.fields.get("year") is None and last < first:
        last = _on(last.year + 1, last.month, last.day)  # "December 28 to January 3"
    return (first, last) if last is not None else None


@register("span_between(start: claim<any>, end: claim<any>) -> duration?", needs_ctx=True)
def _span_between(ctx: Any, start: Claim, end: Claim) -> Duration | None:
    """The time from one endpoint claim to another: two dates in days (a date stated without its year
    takes the other's year, or the document date's, "December 28 to January 3" crossing into the next
    year), two dates written to the month in whole months, or two times of day in
    minutes (an end before the start is on the next day). Null when the endpoints are not two dates
    or two times, or only one of two dates has its day."""
    if start.kind == "time" and end.kind == "time":
        a, b = start.value, end.value
        if not isinstance(a, TimeOfDay) or not isinstance(b, TimeOfDay):
            return None
        minutes = (b.hour * 60 + b.minute - a.hour * 60 - a.minute) % (24 * 60)
        return Duration(seconds=Decimal(minutes * 60))
    if start.kind == "date" and end.kind == "date":
        if start.fields.get("day") is None and end.fields.get("day") is None:
            return _months_between(start, end)
        dates = _endpoint_dates(ctx, start, end)
        return None if dates is None else Duration(days=Decimal((dates[1] - dates[0]).days))
    return None


@register("span_through(start: claim<any>, end: claim<any>) -> duration?", needs_ctx=True)
def _span_through(ctx: Any, start: Claim, end: Claim) -> Duration | None:
    """:func:`_span_between` counting both ends, as "from May 4 to May 8" is five days of a festival:
    one day more for two days, a month more for two months ("March to May": three months); two
    times of day are the same either way."""
    gap = _span_between(ctx, start, end)
    if gap is None or start.kind != "date":
        return gap
    return gap + Duration.of(1, "day" if start.fields.get("day") is not None else "month")


# What makes a date more than a calendar month or year: a part, a count from the document, a fiscal rule.
_NOT_PLAIN = ("relative", "part", "fiscal", "decade", "century", "holiday", "nth", "week_of", "week_in_month")


def _months_between(start: Claim, end: Claim) -> Duration | None:
    """Two dates written to the month ("March 2011 to September 2019", "from March to September 2019"):
    the whole months from one to the other, the end's year lent to a start written without one. Null
    for dates that are more or less than a month: two bare years ("maturities of 2004 to 2017",
    "between 1908 and 1915") are eras and maturities in news far more often than stretches measured."""
    if any(c.fields.get(name) for c in (start, end) for name in _NOT_PLAIN):
        return None
    first, last = start.fields.get("year") or end.fields.get("year"), end.fields.get("year")
    months = (start.fields.get("month"), end.fields.get("month"))
    if first is None or last is None or months[0] is None or months[1] is None:
        return None
    return Duration(months=Decimal(12 * (last - first) + months[1] - months[0]))


@register("text_between(a: claim<any>, b: claim<any>) -> string?", needs_ctx=True)
def _text_between(ctx: Any, a: Claim, b: Claim) -> str | None:
    """The document's text between the end of claim ``a`` and the start of claim ``b`` (`", "` in
    "yesterday, October 14"); null when ``b`` does not start after ``a`` ends or they are more than
    200 characters apart."""
    if ctx.document is None or b.span.start < a.span.end or b.span.start - a.span.end > 200:
        return None
    return ctx.document.text[a.span.end:b.span.start]


@register("sentences_apart(a: claim<any>, b: claim<any>) -> number", needs_ctx=True)
def _sentences_apart(ctx: Any, a: Claim, b: Claim) -> Decimal:
    """How many sentence boundaries lie between the starts of claims ``a`` and ``b``: 0 in one
    sentence, 1 when ``b`` is in the sentence after ``a``'s (either order)."""
    if ctx.document is None:
        return Decimal(0)
    starts = sentences.sentence_starts(ctx.document.text)
    first, last = sorted((a.span.start, b.span.start))
    return Decimal(bisect.bisect_right(starts, last) - bisect.bisect_right(starts, first))


@register("words_between(a: claim<any>, b: claim<any>) -> list<string>", needs_ctx=True)
def _words_between(ctx: Any, a: Claim, b: Claim) -> list[str]:
    """The words of the text between the end of claim ``a`` and the start of claim ``b``, in lower
    case (`["and", "raised", "it"]`); empty when ``b`` does not start after ``a`` ends. Unlike
    ``text_between``, not bounded to nearby claims: a restatement may be paragraphs away."""
    if ctx.document is None or b.span.start < a.span.end:
        return []
    return [word.lower() for word in _WORD.findall(ctx.document.text, a.span.end, b.span.start)]


@register("word_after(c: claim<any>) -> string?", needs_ctx=True)
def _word_after(ctx: Any, c: Claim) -> str | None:
    """The word right after the claim, in lower case ("issue" after "a 150 mln stg rights"); null
    when a sentence end, a comma or other punctuation comes first."""
    if ctx.document is None:
        return None
    match = _NEXT_WORD.match(ctx.document.text, c.span.end)
    return None if match is None else match[1].lower()


@register("sentence(c: claim<any>) -> string", needs_ctx=True)
def _sentence(ctx: Any, c: Claim) -> str:
    """The text of the sentence the claim sits in (see ``factcheck/claims/sentences.py`` for where
    sentences end)."""
    if ctx.document is None:
        return c.text
    return sentences.sentence(ctx.document.text, c.span.start, c.span.end)


@register("headline(c: claim<any>) -> bool", needs_ctx=True)
def _headline(ctx: Any, c: Claim) -> bool:
    """Whether the claim is in the document's headline (see ``sentences.headline_end``)."""
    if ctx.document is None:
        return False
    end = sentences.headline_end(ctx.document.text)
    return end is not None and c.span.end <= end


@register("tense(c: claim<any>) -> string?", needs_ctx=True)
def _tense(ctx: Any, c: Claim) -> str | None:
    """The tense of the verb group right before the claim in its sentence: `"past"` ("said on",
    "was held on", "has signed ... on"), `"present"` ("is on"), `"future"` ("will meet on", "is
    expected to close on", "would have been on", "postponed to", "by"), or null when no verb governs
    it nearby ("the talks on", "which ... on") or the claim modifies a noun ("a July 1 date", "1990
    bonds"). Read from a small lexicon (``factcheck/claims/lexicon/sentences.yaml``) and the verbs'
    morphology."""
    if ctx.document is None:
        return None
    return sentences.tense_before(ctx.document.text, c.span.start, c.span.end)


@register("tense_cue(c: claim<any>) -> string?", needs_ctx=True)
def _tense_cue(ctx: Any, c: Claim) -> str | None:
    """What decided `tense(c)`: `"form"` (a form that is only a past or present: "swam", "was",
    "said"), `"auxiliary"` ("was inspected", "had shipped", "will meet"), `"pronoun"`, `"name"` or `"noun"` (a
    form that may be a participle, read as a verb from the subject before it: "we toured", "Smith
    resigned on", "the two sides met in Geneva on") or
    `"object"` (such a form before its object: "the engineers inspected the bridge on"); null when the
    tense is null. A rule's confidence can follow it: a participle read as a verb is less sure."""
    if ctx.document is None:
        return None
    return sentences.tense_reading(ctx.document.text, c.span.start, c.span.end)[1]


@register("words_before(c: claim<any>, n: number) -> list<string>", needs_ctx=True)
def _words_before(ctx: Any, c: Claim, n: Decimal) -> list[str]:
    """The last `n` words of the claim's sentence before it, in lower case and in document order,
    numbers and punctuation marks as words of their own: `words_before(c, 2)` is `["said", "on"]` in
    "The minister said on March 3"."""
    if ctx.document is None:
        return []
    return sentences.words_before(ctx.document.text, c.span.start, int(n))


@register("words_after(c: claim<any>, n: number) -> list<string>", needs_ctx=True)
def _words_after(ctx: Any, c: Claim, n: Decimal) -> list[str]:
    """The first `n` words of the claim's sentence after it, as `words_before` gives them:
    `words_after(c, 2)` is `["to", "2.842"]` in "fell on March 10 to 2.842 billion dlrs"."""
    if ctx.document is None:
        return []
    return sentences.words_after(ctx.document.text, c.span.end, int(n))
