"""Holidays and observances named in the text ("Thanksgiving Day", "last Christmas", "Eid al-Fitr
2018", "Ramadan", "Easter week", "Diwali of next year"), each a ``date`` claim with its ``holiday``
key; :mod:`factcheck.timex.holidays` places it in a year.

The names are data (``lexicon/holidays.yaml``). They are found by one case-sensitive trie of every
written form: a holiday's name is capitalized in prose, so the scan enters the trie only at a capital
or at the first letter of a name that may be written in lower case ("xmas", "diwali"), and the regex
engine skips every other position in C. The words around a name (a direction before it, a year or
"of next year" after it, "week") are read only where a name matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from factcheck.claims import lexicon
from factcheck.claims.base import Taken
from factcheck.claims.model import Claim
from factcheck.claims.periods import calendar_claim
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache

_DIRECTIONS = {"last": -1, "this past": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}
_BEFORE = regexcache.compile(r"(?<![\w-])(?P<dir>[Tt]his past|[Ll]ast|[Pp]ast|[Pp]revious|[Nn]ext|[Cc]oming|"
                             r"[Tt]his)[ \t]+\Z")


def _variants(name: str) -> Iterator[str]:
    """The ways a name is written: as listed, its later words in lower case ("Easter sunday"); a
    straight apostrophe also curly or left out, a hyphen also a space, "St." also "St"."""
    words = name.split(" ")
    forms = {name, " ".join(words[:1] + [w if w.isupper() else w.lower() for w in words[1:]])}
    for old, new in (("'", "’"), ("'", ""), ("-", " "), ("St.", "St"), ("Jr.", "Jr")):
        forms |= {form.replace(old, new) for form in forms if old in form}
    return iter(forms)


@cache
def _names(lower: bool) -> dict[str, str]:
    """Every written form of every name to its holiday's key; with ``lower``, the forms in lower case
    of the names that may be written so."""
    names: dict[str, str] = {}
    for key, entry in lexicon.load("holidays")["holidays"].items():
        if lower and not entry.get("lower"):
            continue
        for name in entry["names"]:
            forms = _variants(name.lower() if lower else name)
            names.update(dict.fromkeys(forms, key))
    return names


@cache
def _scan(lower: bool) -> re.Pattern[str]:
    return regexcache.compile(rf"(?:{lexicon.alternation(_names(lower))})\b")


@cache
def _after() -> re.Pattern[str]:
    words = lexicon.load("holidays")["not_before"]
    not_before = lexicon.alternation(words + [word.lower() for word in words])
    return regexcache.compile(
        rf"(?:{GAP}(?P<week>[Ww]eek)\b)?(?P<other>{GAP}(?:{not_before})\b)?"
        rf"(?:(?:,|{GAP}in)?{GAP}(?P<year>(?:1[89]|20)\d\d)(?![\d%])"
        rf"|{GAP}of{GAP}(?P<ydir>this|last|next){GAP}year\b)?"
    )


def extract(text: str, taken: Taken) -> list[Claim]:
    """A ``date`` claim for each holiday named over characters still free. Names are read as prose
    capitalizes them; in a text written all in lower case (chat, transcripts, queries: "see you at
    xmas") in lower case, where "lent" and "holi" stay words. Capitalized prose writes a name in lower
    case too rarely to scan every lower-case letter of every document for it."""
    lower = text.islower()
    names, after = _names(lower), _after()
    claims = []
    for m in _scan(lower).finditer(text):
        start = m.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
            continue  # inside a word: "pre-Christmas", "Hanukkah's" aside
        tail = after.match(text, m.end())
        if tail["other"]:  # "Christmas Island", "the Good Friday Agreement": another name, whose
            taken.mark(start, m.end())  # weekday is no date either
            continue
        claim = _claim(text, m, tail, names[" ".join(m.group().split())])
        if not taken.overlaps(claim.span.start, claim.span.end):
            claims.append(claim)
            taken.mark(claim.span.start, claim.span.end)
    return claims


def _claim(text: str, m: re.Match[str], tail: re.Match[str], key: str) -> Claim:
    start, fields = m.start(), {"holiday": key}
    if tail["week"]:
        fields["week_of"] = True
    before = _BEFORE.search(text, max(0, start - 12), start)
    if tail["year"]:
        fields["year"] = int(tail["year"])
    elif tail["ydir"]:  # "Thanksgiving of next year": the year counted from the document's
        fields.update(relative=_DIRECTIONS[tail["ydir"]], grain="year")
    elif before is not None:  # "last Christmas": the one before the document date
        fields.update(relative=_DIRECTIONS[before["dir"].lower()], grain="holiday")
        start = before.start()
    return calendar_claim(text, start, max(m.end(), tail.end()), **fields)
