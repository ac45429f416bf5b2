"""Time elapsed in a person's term of office: "Four months into his second term", "the roughly
seven months since his swearing-in", "100 days after taking office", "nine months into Trump's
presidency".

A ``term_elapsed`` claim is a duration followed by one of three relations:

- ``into``: "N into <owner> [ordinal] term|presidency|premiership|tenure|...";
- ``since``: "N since <owner> swearing-in|inauguration|taking office", "since he took office",
  "since taking office", "since returning to the White House";
- ``after``: the same phrases after "after" ("Nine days after taking office, he signed ...").

The owner is a possessive name ("Trump's") or a pronoun ("his", "her", or the unstated subject of
"taking office"); a pronoun stands for the person of the ``person`` claims in the same sentence, or
else (the sentence names nobody) in the nearest earlier sentence that names exactly one person (at
most three sentences back). Fields: ``name`` (the person's full name as written), ``title`` null (so
that ``resolve(e)`` finds the person), ``period`` (the duration), ``relation``, ``ordinal``
("second" or null), ``tenure`` (true when the phrase counts from taking office rather than from a
term's swearing-in) and ``now`` (the time runs to the article's date: "since", or "into" with a verb
in the present). The binding is the distance to the person the pronoun stands for.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from factcheck.claims.base import make_claim
from factcheck.claims.model import Binding, Claim
from factcheck.claims.regexparts import GAP
from factcheck.claims.sentences import sentence_bounds, sentence_starts
from factcheck.startup import regexcache


def _owner_group(n: int) -> str:
    """A possessive: "his", "her" or "Trump's" (group ``owner<n>`` the name)."""
    return rf"(?:his|her|(?P<owner{n}>[A-Z][\w'’.\-]*(?:{GAP}[A-Z][\w'’.\-]*){{0,2}})['’]s)"


def _ordinal_group(n: int) -> str:
    return rf"(?P<ordinal{n}>first|second|third|fourth|fifth|sixth)"


_TERM_NOUN = (r"(?P<noun>term(?:{GAP}in{GAP}office)?|presidency|premiership|chancellorship|tenure|mandate"
              r"|administration|time{GAP}in{GAP}office)").replace("{GAP}", GAP)
_RETURN = rf"return(?:ing)?{GAP}to{GAP}(?:office|power|the{GAP}White{GAP}House)"
_START = rf"(?P<start>swearing-in|inauguration|taking{GAP}office|{_RETURN})"
_RELATIONS = regexcache.compile(
    rf"{GAP}(?:"
    rf"(?P<into>into){GAP}{_owner_group(1)}{GAP}(?:{_ordinal_group(1)}{GAP})?{_TERM_NOUN}\b"
    rf"|(?P<rel>since|after){GAP}(?:{_owner_group(2)}{GAP}(?:{_ordinal_group(2)}{GAP}(?=swearing-in|inauguration))?{_START}"
    rf"|(?P<subject>he|she){GAP}(?P<verb>took{GAP}office|was{GAP}sworn{GAP}in|was{GAP}inaugurated"
    rf"|returned{GAP}to{GAP}(?:office|power|the{GAP}White{GAP}House))"
    rf"|(?P<gerund>taking{GAP}office|being{GAP}sworn{GAP}in|{_RETURN}))\b)"
)
# A present verb in the sentence makes "into" run to the article's date ("Four months into his
# second term, Trump faces ..."); otherwise it dates a past event and only bounds the term from below.
_PRESENT = regexcache.compile(
    r"\b(?:is|are|has|have|remains|faces|finds|says|sees|appears|seems|stands|looks|wants|now)\b"
)
# What counts from taking office rather than from a term's swearing-in.
_TENURE = frozenset({"tenure", "presidency", "premiership", "chancellorship", "administration"})
_LOOK_BACK = 3  # sentences searched for the person a pronoun stands for
_UNITS = ("day", "week", "month", "year")


class _Sentences:
    def __init__(self, text: str) -> None:
        self.starts = [0, *sentence_starts(text)]

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def _person(people: list[Claim], sentences: _Sentences, position: int) -> tuple[str, Binding] | None:
    """The one person a pronoun at ``position`` stands for, and how far back they were named."""
    here = sentences.of(position)
    for back in range(_LOOK_BACK + 1):
        names = {p["name"] for p in people if p["name"] and sentences.of(p.span.start) == here - back
                 and (back == 0 or p.span.end <= position)}  # "Four months into his term, Trump ..."
        if len(names) > 1:
            return None
        if names:
            binding = (Binding.SENTENCE, Binding.NEXT_SENTENCE)[back] if back < 2 else Binding.DOCUMENT
            return names.pop(), binding
    return None


def _owner(match, people: list[Claim], sentences: _Sentences, position: int) -> tuple[str, Binding] | None:
    owner = match["owner1"] or match["owner2"]
    if owner:
        return " ".join(owner.split()), Binding.PHRASE
    return _person(people, sentences, position)


def extract(text: str, atoms: list[Claim], people: list[Claim]) -> list[Claim]:
    """``term_elapsed`` claims for the durations followed by a relation to a term of office."""
    found = []
    sentences: _Sentences | None = None
    for duration in atoms:
        if duration.kind != "duration" or duration.unit not in _UNITS or duration["event"] is not None:
            continue
        match = _RELATIONS.match(text, duration.span.end)
        if match is None:
            continue
        sentences = sentences or _Sentences(text)
        owner = _owner(match, people, sentences, duration.span.start)
        if owner is None:
            continue
        name, binding = owner
        relation = "into" if match["into"] else match["rel"]
        words = " ".join((match["noun"] or match["start"] or match["verb"] or match["gerund"] or "").split())
        tenure = words in _TENURE or "office" in words
        low, high = sentence_bounds(text, duration.span.start, match.end())
        now = relation == "since" or (relation == "into" and bool(_PRESENT.search(text, low, high)))
        claim = make_claim(
            text, "term_elapsed", duration.span.start, match.end(), duration.value, unit=duration.unit,
            hedge=duration.hedge, precision=duration.precision,
            fields={"period": duration, "name": name, "title": None, "relation": relation,
                    "ordinal": match["ordinal1"] or match["ordinal2"], "tenure": tenure, "now": now},
        )
        found.append(replace(claim, binding=binding))
    return found
