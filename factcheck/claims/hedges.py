"""Hedge words before a stated value: "nearly two-and-a-half hours", "more than 1,000 people".

A hedge is read backwards from the start of the value, over a short fixed window, with one regex
anchored at the window's end: the cost is constant per claim whatever the text's length. The claim's
span stays the value itself; the hedge only qualifies it.
"""

from __future__ import annotations

import re

from factcheck.claims import lexicon
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache
from factcheck.values import Hedge

_WINDOW = 32
_PHRASES = lexicon.hedge_phrases()
_HEDGE_BEFORE = regexcache.compile(
    rf"(?:^|(?<=[^\w-]))(?P<hedge>{lexicon.alternation(_PHRASES)}){GAP}$",
    re.IGNORECASE,
)
_NOT_BEFORE_DURATION = frozenset(lexicon.load("hedges").get("not_before_duration", []))


def hedge_before(text: str, start: int, *, duration: bool = False) -> tuple[Hedge, int]:
    """The hedge stated right before ``text[start:]`` and where its phrase starts (``start`` when
    there is none). ``duration`` skips words that are rather prepositions before a length of time
    ("held over two days")."""
    window_start = max(0, start - _WINDOW)
    match = _HEDGE_BEFORE.search(text, window_start, start)
    if match is None:
        return Hedge.EXACT, start
    phrase = re.sub(r"\s+", " ", match["hedge"].lower())
    if duration and phrase in _NOT_BEFORE_DURATION:
        return Hedge.EXACT, start
    return _PHRASES[phrase], match.start("hedge")
