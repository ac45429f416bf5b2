"""The words that make two figures a range: what joins the ends ("to", "-", "and") and what opens
it ("between", "from"). Shared by number mentions (a bare low end takes the high end's scale) and
the range claims built over any two claims, so neither module imports the other.
"""

from __future__ import annotations

import re

from factcheck.claims.regexparts import GAP, HSPACE
from factcheck.startup import regexcache

# What stands between the ends: "10 to 15", "10-15", "10 – 15", "between 10 and 15", "8- to 16-metre"
# (the low end's hyphen suspended); the high end
# may be hedged on its own ("between 2 g and about 7 g", "2 - ~7 grams").
_HIGH_HEDGE = rf"(?:(?:about|around|roughly|approximately|nearly|almost){GAP}|~{HSPACE}*)?"
_JOIN = regexcache.compile(
    rf"(?:{HSPACE}*(?:-|–|—){HSPACE}*|-?{GAP}(?P<word>to|and|through|till|until){GAP}){_HIGH_HEDGE}"
)
_OPENER_BEFORE = regexcache.compile(rf"\b(?P<opener>[Bb]etween|[Ff]rom){GAP}$")


def range_join(text: str, low_end: int, high_start: int) -> re.Match[str] | None:
    """What joins a range's two ends ("to", "-", "and"), when only that stands between them."""
    if high_start - low_end > 24:
        return None
    return _JOIN.fullmatch(text, low_end, high_start)


def range_opener(text: str, start: int) -> re.Match[str] | None:
    """The word opening a range ("between", "from") just before ``start``."""
    return _OPENER_BEFORE.search(text, max(0, start - 9), start)
