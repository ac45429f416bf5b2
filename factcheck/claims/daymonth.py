"""Numeric dates without a year: "on 4/22", "by 22/4", "Friday 7/6", "from 10/1 to 11/7".

Prose writes "3/4" far more often as a fraction than as a date, so a day and month in figures are
read only where the reading is plain: one side above 12 names the day ("22/4", "4/22"), or, both 12
or under, a date word before it ("on", "by", "until", a weekday) says it is a date and the document's
own numeric dates (or its dates in words) say which comes first, else the month (the US order).
A figure before it ("6 1/4%"), a unit or a lower-case word after it ("3/4 cup", "7/16 inch"), and a
dash outside the date words ("a 4-22 record") keep it a number. The year is left to resolution,
which takes it from the document date and the tense as for "April 22".
"""

from __future__ import annotations

from decimal import Decimal

from factcheck.claims import dates
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.model import Claim
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache
from factcheck.values import Duration

_CUE = (r"[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince|[Bb]efore|[Aa]fter|[Tt]hrough|[Tt]o|[Dd]ue|"
        r"[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|"
        r"[Mm]on|[Tt]ues?|[Ww]ed|[Tt]hu(?:rs?)?|[Ff]ri|[Ss]at|[Ss]un")
_DAY_MONTH = regexcache.compile(
    rf"(?<![\w/.:$£€,-])(?:(?P<cue>(?<![\w-])(?:{_CUE})\.?,?){GAP})?"
    rf"(?P<date>(?P<a>[0-3]?\d)(?P<sep>[/-])(?P<b>[0-3]?\d))(?![\w/%]|[.,:-]\d|-[^\W\d_])"
    rf"(?!{GAP}(?!(?:at|to|or|and|through|until|till|between|from|is|was|in|on|for|with)\b)[a-z])"
)
_FIGURE_BEFORE = regexcache.compile(r"\d[ \t]+\Z")
_DASH_CUES = {"on", "from"}  # "on 4-22", "from 4-23", a weekday: "at 4-22" may be a score
_WEEKDAYS = {day[:3].lower(): day for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                              "Saturday", "Sunday")}
_DAY = Duration(days=Decimal(1))
_DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February 29 in some year


def extract(text: str, taken: Taken) -> list[Claim]:
    """Year-less numeric dates over characters still free."""
    if "/" not in text and "-" not in text:
        return []
    claims: list[Claim] = []
    order: str | None = None
    for m in _DAY_MONTH.finditer(text):
        start = m.start("date")
        if taken.overlaps(start, m.end()) or _FIGURE_BEFORE.search(text, max(0, start - 8), start):
            continue
        a, b, cue = int(m["a"]), int(m["b"]), m["cue"]
        if (a, b) == (24, 7):
            continue  # "open 24/7": around the clock
        word = cue.rstrip(".,").lower() if cue else ""
        is_weekday = bool(word) and word[:3] in _WEEKDAYS
        if m["sep"] == "-" and not (is_weekday or word in _DASH_CUES):
            continue  # "a 4-22 record", "won 12-3": a dash needs a date word before it
        readings = [(day, month) for day, month in ((a, b), (b, a))
                    if 1 <= month <= 12 and 1 <= day <= _DAYS_IN[month - 1]]
        if not readings:
            continue
        if len(set(readings)) > 1:
            if cue is None:
                continue  # "3/4": a fraction as often as a date
            order = order or dates.numeric_order(text)
            readings = readings if order == "dm" else readings[::-1]
        day, month = readings[0]
        begin = m.start() if is_weekday else start  # "Friday 7/6": the day and its date, one claim
        fields = {"year": None, "month": month, "day": day,
                  "weekday": _WEEKDAYS[word[:3]] if is_weekday else None}
        claim = make_claim(text, "date", begin, m.end(), None, precision=_DAY, fields=fields)
        claims.append(claim if len(set(readings)) == 1 else claim.with_fields(fields, certain=False))
        taken.mark(begin, m.end())
    return claims
