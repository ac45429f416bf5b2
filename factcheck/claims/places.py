"""Places written as "City, Country" or "City, Region": "Budapest, Hungary", "Anchorage, Alaska".

A ``place`` claim is a city (1-3 capitalised words) after a preposition ("in", "at", "from", "to",
"near", ...) or at the start of a line (a dateline), a comma, and a country or region named in
``lexicon/places.yaml``. Fields: ``city``; ``country`` when the second part is a country (name or
alias as written: "U.S.", "Britain"); ``region`` when it is a US state or Canadian province
("Anchorage, Alaska"), with ``country`` then null, so that a rule comparing a city with its country
never reads a state as one. "Georgia" is both a country and a state and is read as a region.

Lists are not places: "in Russia, Ukraine" (the "city" is a country), "Moscow, Ukraine and Belarus"
and "in Toronto, South Korea and Madrid" (the country is followed by "and" and a capitalised word,
or by another country) give nothing; nor does "in Paris, Ireland face ...", where the country is
followed by a word that is not punctuation or a function word ("on", "in", "where", "last", ...;
checked for countries only, as a region is never compared with a country).
The value is the city.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.claims.base import make_claim
from factcheck.claims.lexicon import load, trie
from factcheck.claims.model import Claim
from factcheck.claims.regexparts import GAP, UPPER
from factcheck.startup import regexcache

_WORD = rf"(?:[{UPPER}][\w'’\-]*(?:(?<=\b[A-Z][a-z])\.|[^\W\d_]))"
_PREPOSITIONS = ("in", "at", "from", "to", "near", "outside", "inside", "into", "around", "across",
                 "toward", "towards", "via", "visit", "visited", "visiting", "visits", "In", "At", "From",
                 "Near", "Outside")


_FOLLOWERS = ("on", "in", "at", "for", "to", "from", "with", "where", "and", "or", "last", "this", "next",
              "earlier", "later", "during", "after", "before", "since", "until", "by", "is", "was", "has",
              "had", "which", "that", "when", "as", "but")


class _Lexicon:
    def __init__(self) -> None:
        places = load("places")
        self.countries = frozenset(places["countries"])
        self.regions = frozenset(places["regions"])
        self.ambiguous = frozenset(places["ambiguous"])
        self.not_cities = frozenset(places["not_cities"])
        self.cities = frozenset(places["also_cities"])
        second = trie(self.countries | self.regions)
        self.second = regexcache.compile(rf",{GAP}(?P<second>{second})(?![\w'’\-]|\.\w)")
        self.city = regexcache.compile(
            rf"(?:(?:^|(?<![\w'’.\-])(?:{trie(_PREPOSITIONS)}){GAP})(?P<city>(?:[Tt]he{GAP})?"
            rf"{_WORD}(?:(?:{GAP}|-){_WORD}){{0,2}}))$",
            re.MULTILINE,
        )
        # A list goes on after the pair: ", and X", ", Spain", or ", East Germany and ..." (any capitalised
        # name followed by another separator), so the pair is two items, not a city and its country.
        self.list_after = regexcache.compile(
            rf"(?:,?{GAP}(?:and|or){GAP}[{UPPER}]|,{GAP}(?:{second})(?![\w'’\-])"
            rf"|,{GAP}{_WORD}(?:{GAP}{_WORD}){{0,2}}(?:{GAP})?(?:,|(?:and|or)\b))"
        )
        # What may follow a place: punctuation, the end, or a function word (not a verb: "in Paris,
        # Ireland face ..." makes Ireland a subject, not Paris's country).
        self.after = regexcache.compile(rf"\s*(?:$|[^\w\s]|(?:{trie(_FOLLOWERS)})\b)")


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


def extract(text: str) -> list[Claim]:
    """``place`` claims: "City, Country" and "City, Region"."""
    lex = _lexicon()
    found: list[Claim] = []
    for match in lex.second.finditer(text):
        comma = match.start()
        before = lex.city.search(text, max(0, comma - 50), comma)
        if before is None:
            continue
        words = before["city"].split()
        if words[0] in _PREPOSITIONS:  # "In March, Russia said": the line start, then a preposition
            continue
        city = " ".join(words)
        second = match["second"]
        if before.start() == before.start("city") and not city.isupper():
            continue  # at a line start only a dateline: "MOSCOW, Russia (Reuters)"
        if city in lex.countries or city in lex.not_cities or any(w in lex.not_cities for w in words):
            continue
        if city in lex.regions and city not in lex.cities:
            continue
        if lex.list_after.match(text, match.end()):
            continue
        if second not in lex.regions and not lex.after.match(text, match.end()):
            continue
        is_region = second in lex.regions
        found.append(make_claim(text, "place", before.start("city"), match.end(), city, fields={
            "city": city,
            "country": None if is_region else second,
            "region": second if is_region else None,
        }))
    return found
