"""Joining statements to frames, and units carried across a frame's figures.

A *frame* is a composite a kind's patterns found ("rose from 8,000 to 10,000"); a *statement* is a
match of one of its ``attach:`` patterns ("a 20% increase", "up 25%", "That decline of 12 per
cent"). A statement joins the nearest frame of its kind that lacks every field it fills, within the
distance its entry allows, and the distance is recorded as the composite's
:class:`~factcheck.claims.model.Binding`:

- ``phrase``: nothing but a comma, a dash or a parenthesis between them;
- ``clause``: a few words between, none of which opens a new clause (``;``, ``:``, "and", "but",
  "while", "which", ...), and no figure;
- ``sentence``: further apart in the same sentence;
- ``next_sentence``: the statement opens or sits in the sentence after the frame's.

A statement never joins across a clause of its own: beyond a clause, a gap holding a contrast or a
result clause (";", "but", "while", "whereas", "resulting in", "pushing", ...) or another figure
leaves the statement to that clause ("a 13 pct drop in net profit to 27.5 mln riyals, while <Bank>
registered a decline to 18.5 mln from 19.4 mln"); a statement right after a figure outside the frame
is that figure's ("1,198, down 50 pct, Volkswagen 2,145, down from 3,342"); and one followed by a base
or a level of its own ("and up 27 pct from the previous record", "pushing exports up 45.3 pct to
260,000") is another change, unless nothing but a comma stands between it and the frame.

A frame that lacks a field its statements agree on (two levels with no word of change, "10,480
against 8,400") takes a statement only right after it or opening the next sentence.

When two frames are equally near, the statement joins the nearer one by characters, and the composite
is marked ``certain=False`` (one of competing readings). Each frame takes at most one statement per
entry and each statement joins one frame. The cost is one pass over the statements with a bisection
into the frames: linear in the document.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from factcheck.claims import lexicon
from factcheck.claims.base import make_claim
from factcheck.claims.model import Binding, Claim
from factcheck.claims.morphology import verb_form
from factcheck.claims.regexparts import CONSEQUENCE, CONTRAST
from factcheck.claims.sentences import sentence_ends
from factcheck.startup import regexcache
from factcheck.values import Money

_LOOSE_PUNCTUATION = regexcache.compile(r"[\s,()\[\]\-–—]*")
_CLAUSE_BREAK = regexcache.compile(
    r"[;:]|\b(?:and|but|while|whereas|which|who|that|(?P<time>after|before)|when|as|although|though|"
    r"because|compared|against|versus|vs)\b", re.IGNORECASE)
# "after"/"before" open a clause only when a finite verb follows in the gap ("after the company was
# sold"); before a noun phrase they are prepositions ("after promotion", "before the holidays")
_CLAUSE_WORD = regexcache.compile(r"[^\W\d_]+")
_DETERMINERS = frozenset(("a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her",
                          "our", "my", "your", "some", "any", "each", "every", "last", "next"))
# what opens a clause of its own, with another subject or a consequence: a statement does not join a
# frame across it (beyond a clause)
_OWN_CLAUSE = regexcache.compile(
    rf"[;]|\b(?:{CONTRAST}|although|though|{CONSEQUENCE}|putting|driving|boosting|cutting|reducing)\b",
    re.IGNORECASE)
_AMOUNT_IN_GAP = regexcache.compile(r"(?<![\w.])(?!(?:1[89]|20)[0-9]{2}\b)[0-9][0-9,.]*")
# a change, then its levels after ", with" (see :func:`_reaches_bare`)
_WITH_LEVELS = regexcache.compile(r"(?:[ \t]+[\w'’-]+){0,6},[ \t]+with[ \t]+")
# a day of a month is no figure of its own: "rise from 53p to 61p from 1 April, an increase of 12%"
_MONTH = rf"(?:{lexicon.alternation([name.rstrip('.') for name in lexicon.month_names()])})\b"
_MONTH_AFTER = regexcache.compile(rf"(?:st|nd|rd|th)?\s+{_MONTH}")
_MONTH_BEFORE = regexcache.compile(rf"{_MONTH}\.?\s+$")
_FIGURE_BEFORE = regexcache.compile(r"[0-9](?:[\s,]*(?:mln|million|billion|bln|bn|thousand|pct|per ?cent|%))?"
                                    r"[\s,]*$", re.IGNORECASE)
_OWN_BASE = regexcache.compile(r"\s*(?:from|to)\b", re.IGNORECASE)
_WORDS = regexcache.compile(r"[^\W_]+")
_FIGURE = regexcache.compile(r"\d")
_YEAR = regexcache.compile(r"(?:1[89]|20)[0-9]{2}")
_CLAUSE_WORDS = 6
_METRES_AS_MILLION = regexcache.compile(r"[0-9]+(?:\.[0-9]+)?m")
_SCALE_WORD = regexcache.compile(
    r"\b(?P<word>thousand|million|mln|mn|m|billion|bln|bn|b|trillion|trn|tn)\b\.?\s*\S*$|"
    r"(?<=\d)(?P<suffix>k|m|mn|bn|b|tn)\b", re.IGNORECASE)
_SCALES = {word: Decimal(10) ** power for words, power in (
    (("thousand", "k"), 3), (("million", "mln", "mn", "m"), 6), (("billion", "bln", "bn", "b"), 9),
    (("trillion", "trn", "tn"), 12)) for word in words}


class Sentences:
    """Where a document's sentences end, computed once per document on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: list[int] | None = None

    def index(self, offset: int) -> int:
        if self._ends is None:
            self._ends = sentence_ends(self.text)
        return bisect_right(self._ends, offset)


def binding(text: str, sentences: Sentences, first: Claim, second: Claim) -> Binding:
    """How far apart ``first`` and ``second`` (in text order, not overlapping) stand."""
    gap = text[first.span.end:second.span.start]
    one, two = sentences.index(first.span.end - 1), sentences.index(second.span.start)
    if one != two:
        return Binding.NEXT_SENTENCE if two == one + 1 else Binding.DOCUMENT
    if _LOOSE_PUNCTUATION.fullmatch(gap):
        return Binding.PHRASE
    if len(_WORDS.findall(gap)) <= _CLAUSE_WORDS and not _breaks_clause(gap) and not _FIGURE.search(gap):
        return Binding.CLAUSE
    return Binding.SENTENCE


def inner_binding(text: str, gaps: list[tuple[int, int]], parts: Iterable[tuple[int, int]] = ()) -> Binding:
    """How far apart a frame's own parts stand, from the filler its match read between them (gap
    words, commas, time phrases; ``gaps`` are text spans, adjacent ones forming one stretch):
    ``phrase`` with no word between parts ("rose from 8,000 to 10,000"), ``clause`` with at most
    six words in each stretch and none opening a new clause ("rose 21.6 pct to 40,131 units from
    35,081", "fell by 23% from 36,185 in 2003 to 28,041"), ``sentence`` beyond ("climbed 5 pct in
    the three months to June, the statistics office said on Friday, to 40,000 from 38,000"), and
    ``next_sentence`` when a sentence end the pattern spells stands between two stretches or two of
    the claims it captured (``parts``: "In 2019 the library had 240 members. Now it has 310",
    "Vouchers went to 3,600 residents. That is 30% of the town's 12,000 people", where the words
    after the stop are the pattern's own, no gap)."""
    stretches: list[list[int]] = []
    for start, end in sorted(gaps):
        if stretches and not text[stretches[-1][1]:start].strip():
            stretches[-1][1] = max(stretches[-1][1], end)
        else:
            stretches.append([start, end])
    pieces = sorted([*((start, end) for start, end in stretches), *parts])
    if len(pieces) > 1 and _reads_stop(text[pieces[0][0]:max(end for _, end in pieces)]):
        return Binding.NEXT_SENTENCE  # a pattern that spells a full stop joins two sentences
    bound = Binding.PHRASE
    for start, end in stretches:
        between = text[start:end]
        words = len(_WORDS.findall(between))
        if not words:
            continue
        if words > _CLAUSE_WORDS or _breaks_clause(between):
            return Binding.SENTENCE
        bound = Binding.CLAUSE
    return bound


def _breaks_clause(gap: str) -> bool:
    """Whether ``gap`` holds a word or mark that opens a clause of its own; "after" and "before"
    do so only with an inflected verb after them in the gap."""
    for match in _CLAUSE_BREAK.finditer(gap):
        if match.group("time") is None or _holds_verb(gap[match.end():]):
            return True
    return False


def _holds_verb(text: str) -> bool:
    """Whether ``text`` holds a past-tense, participle or present-tense verb form (lower case) that
    no determiner stands before: after one it is a noun or an adjective ("the holidays", "the
    promised cut")."""
    words = _CLAUSE_WORD.findall(text)
    return any(word.islower() and verb_form(word) is not None and (at == 0 or words[at - 1].lower() not in
                                                                   _DETERMINERS)
               for at, word in enumerate(words))


def _reads_stop(text: str) -> bool:
    """Whether ``text`` holds the full stop (or question or exclamation mark) of a sentence end; a
    line break alone is none (a list's items are one a line)."""
    return any(text[:end].rstrip().endswith((".", "!", "?")) for end in sentence_ends(text))


def attach(text: str, sentences: Sentences, frames: list[Claim], statements: Iterable[Claim],
           fills: frozenset[str], within: Binding, agree: tuple[str, ...], value: str | None) -> list[Claim]:
    """``frames`` with each statement joined to the nearest frame it completes (see the module doc);
    ``value`` names the field that gives a composite its value."""
    frames = list(frames)
    starts = [frame.span.start for frame in frames]
    taken: set[int] = set()
    for statement in statements:
        choices = []
        # frames that end before the statement, nearest first, and those that start after it
        i = bisect_right(starts, statement.span.start)
        for j in (*range(i - 1, max(-1, i - 4), -1), *range(i, min(len(frames), i + 3))):
            frame = frames[j]
            if j in taken or not _completes(frame, fills):
                continue
            if frame.span.end <= statement.span.start:
                bound = binding(text, sentences, frame, statement)
                distance = statement.span.start - frame.span.end
            elif statement.span.end <= frame.span.start:
                bound = binding(text, sentences, statement, frame)
                if bound is Binding.NEXT_SENTENCE:
                    continue  # a statement before its frame joins it within a sentence only
                distance = frame.span.start - statement.span.end
            else:
                continue
            if bound.rank > within.rank or _own_clause(text, frame, statement, bound):
                continue
            if not _reaches_bare(text, frame, statement, bound, agree):
                continue
            if bound.rank > Binding.CLAUSE.rank and not _agrees(frame, statement, agree):
                continue  # far apart, a statement of the other direction is about something else
            choices.append((bound.rank, distance, j, bound))
        if not choices:
            continue
        choices.sort()
        rank, _, j, bound = choices[0]
        competing = sum(1 for choice in choices if choice[0] == rank) > 1
        frames[j] = joined(text, frames[j], statement, fills, bound, value, certain=not competing)
        taken.add(j)
    return frames


def _own_clause(text: str, frame: Claim, statement: Claim, bound: Binding) -> bool:
    """Whether the statement belongs to a clause or a figure of its own, not to the frame (see the
    module doc)."""
    if bound is not Binding.PHRASE and _OWN_BASE.match(text, statement.span.end):
        return True  # "and up 27 pct from the previous record": a base of its own
    if statement.span.end <= frame.span.start:
        before = text[max(0, statement.span.start - 40):statement.span.start]
        if _FIGURE_BEFORE.search(before):
            return True  # "1,198, down 50 pct, Volkswagen 2,145, down from 3,342"
        gap = text[statement.span.end:frame.span.start]
    else:
        gap = text[frame.span.end:statement.span.start]
    if bound.rank < Binding.SENTENCE.rank or bound is Binding.NEXT_SENTENCE:
        return False
    return bool(_OWN_CLAUSE.search(gap) or _amount_in(gap))


def _amount_in(gap: str) -> bool:
    """Whether ``gap`` holds a figure other than a year or a day of a month."""
    return any(not (_MONTH_AFTER.match(gap, m.end()) or _MONTH_BEFORE.search(gap, 0, m.start()))
               for m in _AMOUNT_IN_GAP.finditer(gap))


def _reaches_bare(text: str, frame: Claim, statement: Claim, bound: Binding, agree: tuple[str, ...]) -> bool:
    """Whether a statement may join a frame that lacks a field it should agree on: two levels with no
    word of change ("10,480 against 8,400") say nothing of their own that a statement about something
    else would contradict, so only one right after them (", a rise of 25%") or opening the next
    sentence ("That is a rise of 25%") is theirs, not "..., the report forecast a 2.75 pct rise in
    exports" or "The company said the 37.6 pct increase in profit ..."; before them, only a change
    whose levels ", with" opens ("a 12% decline in fly-tipping, with 2,210 reports against 2,600")."""
    if not agree or all(frame.fields.get(name) is not None for name in agree):
        return True
    if statement.span.start < frame.span.end:
        # the levels told after the change, ", with" opening them: "a 12 per cent decline in
        # fly-tipping, with 2,210 reports in 2024-25 against 2,600 in 2023-24"
        return _WITH_LEVELS.fullmatch(text, statement.span.end, frame.span.start) is not None
    if bound is Binding.PHRASE:
        return True
    return bound is Binding.NEXT_SENTENCE and text[:statement.span.start].rstrip().endswith((".", "!", "?"))


def _completes(frame: Claim, fills: frozenset[str]) -> bool:
    return all(frame.fields.get(name) is None for name in fills)


def _agrees(frame: Claim, statement: Claim, agree: tuple[str, ...]) -> bool:
    for name in agree:
        mine, theirs = frame.fields.get(name), statement.fields.get(name)
        if mine is not None and theirs is not None and mine != theirs:
            return False
    return True


def joined(text: str, frame: Claim, statement: Claim, fills: frozenset[str], bound: Binding,
           value: str | None, *, certain: bool) -> Claim:
    """The frame with the statement's fields, spanning both when they are in one sentence."""
    fields = dict(frame.fields)
    for name, stated in statement.fields.items():
        if stated is not None and (name in fills or fields.get(name) is None):
            fields[name] = stated
    start, end = frame.span.start, frame.span.end
    if bound.rank <= Binding.SENTENCE.rank:
        start, end = min(start, statement.span.start), max(end, statement.span.end)
    head = fields.get(value) if value else None
    model = head if isinstance(head, Claim) else frame
    claim = make_claim(text, frame.kind, start, end, model.value, unit=model.unit, hedge=model.hedge,
                       precision=model.precision, fields=fields)
    loosest = max(frame.binding, bound, key=lambda b: b.rank)
    return dataclasses.replace(claim, binding=loosest, certain=frame.certain and certain)


def carry_units(fields: dict[str, Any], groups: list[tuple[str, ...]], text: str = "") -> dict[str, Any]:
    """A unit or scale stated on one figure of a group, carried to a bare figure of the same group:
    "fell to 6.5 mln tonnes from 7.1 mln" reads 7.1 mln as tonnes, "from 7.1 to 6.5 mln tonnes"
    reads 7.1 as 7.1 mln tonnes; among plain numbers the scale alone is carried ("to 4.80 revenue
    passenger miles from 3.50 billion"). In a group with a list (a total and its parts), a currency is not
    carried to a figure that counts a noun of its own or to a fraction ("279 mobile units and 178
    remote units for a total of 101 mln dlrs", "almost a third of"): those are no sums of money."""
    for group in groups:
        _millions_not_metres(fields, group)
        claims = [claim for name in group for claim in _claims(fields.get(name))]
        stated = [c for c in claims if c.kind in ("quantity", "money")]
        listed = bool(text) and any(isinstance(fields.get(n), list) for n in group)
        if not stated and not listed:  # two plain numbers: the scale stated once ("to 4.80 ... from
            stated = [c for c in claims if c.kind == "number" and _scale(c) > 1]  # 3.50 billion")
        if not stated or len({(c.kind, c.unit) for c in stated}) > 1:
            continue  # nothing to carry, or figures in different units: nothing is inferred
        model = max(stated, key=_scale)  # the figure that states its scale, if one does
        for name in group:
            value = fields.get(name)
            if isinstance(value, list):
                fields[name] = [item if listed and _apart(item, model, text) else _carried(item, model)
                                for item in value]
            elif isinstance(value, Claim):
                fields[name] = value if listed and _apart(value, model, text) else _carried(value, model)
    return fields


# Words that may follow a bare figure meant in the currency of its group ("550 mln will come from",
# "78,600 of wheat", "1.79 billion overseas"); any other word is a noun the figure counts.
_AFTER_AMOUNT = frozenset((
    "of", "in", "for", "from", "to", "at", "by", "on", "with", "into", "under", "over", "per", "through",
    "via", "against", "after", "before", "during", "between", "across", "within", "toward", "towards",
    "among", "as", "off", "out", "up", "down", "and", "or", "but", "plus", "nor", "while", "whereas",
    "than", "is", "are", "was", "were", "be", "been", "being", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "has", "have", "had", "do", "does", "did", "came", "come", "comes",
    "went", "go", "goes", "remain", "remains", "make", "makes", "made", "take", "takes", "took", "each",
    "apiece", "overseas", "abroad", "domestically", "locally", "worldwide", "respectively", "previously",
    "earlier", "later", "last", "this", "that", "next", "a", "an", "the", "now", "already", "altogether",
    "combined", "together", "outright", "net", "gross", "only", "mainly", "mostly", "largely", "chiefly",
    "partly",
))
_NEXT_WORD = regexcache.compile(r"\s*([^\W\d_][\w'’-]*)")


def _apart(claim: Any, model: Claim, text: str) -> bool:
    """Whether a bare figure is no amount in the model's unit: a fraction ("almost a third of the
    nation's total"), or, beside a sum of money, a figure that counts a noun of its own ("279 mobile
    units")."""
    if not isinstance(claim, Claim) or claim.kind != "number":
        return False
    if not _FIGURE.search(claim.text):
        value = _decimal(claim.value)
        if value is not None and 0 < value < 1:
            return True
    if model.kind != "money":
        return False  # "1.508 mln barrels a day, of which 658,000 bpd": a unit word, not a noun
    word = _NEXT_WORD.match(text, claim.span.end)
    if word is None:
        return False
    word = word[1]
    if word[0].isupper():
        return True  # "400,400 Calmat common shares"
    lower = word.lower()
    return lower not in _AFTER_AMOUNT and not lower.endswith(("ed", "ly"))


def _millions_not_metres(fields: dict[str, Any], group: tuple[str, ...]) -> None:
    """"100m" beside a figure in millions or more is 100 million, not 100 metres ("100m but this
    represents less than 8% of the country's 1.3 billion people", "fell from $1.2bn to 900m", "from
    1.5 million tonnes to 1.9m"); the currency or unit is then carried to it like any bare figure's."""
    claims = [claim for name in group for claim in _claims(fields.get(name))]
    if not any(c.kind in ("number", "money", "quantity") and _scale(c) >= Decimal(10) ** 6
               and not _metres_as_million(c) for c in claims):
        return
    for name in group:
        value = fields.get(name)
        if isinstance(value, Claim) and _metres_as_million(value):
            million = Decimal(10) ** 6
            precision = _decimal(value.precision)
            fields[name] = dataclasses.replace(
                value, kind="number", unit=None, value=_decimal(value.value) * million,
                precision=precision * million if precision is not None else None)


def _metres_as_million(claim: Claim) -> bool:
    return claim.kind == "quantity" and bool(_METRES_AS_MILLION.fullmatch(claim.text))


def _claims(value: Any) -> list[Claim]:
    if isinstance(value, Claim):
        return [value]
    return [item for item in value if isinstance(item, Claim)] if isinstance(value, list) else []


def _carried(claim: Any, model: Claim) -> Any:
    """``claim`` read in the model's unit (a bare number) or scale (a figure without one)."""
    if not isinstance(claim, Claim) or claim is model or _YEAR.fullmatch(claim.text):
        return claim  # "in fiscal 1988, including 1.8 billion dlrs": a year is no amount
    if claim.kind == "number" and claim.unit is None:
        if model.kind == "number" and not _FIGURE.search(claim.text):
            return claim  # a scale is carried to figures in digits only ("to six from 7.1 mln")
        return _with_unit(claim, model)
    if (claim.kind, claim.unit) == (model.kind, model.unit) and _scale(claim) == 1:
        return _with_unit(claim, model)  # "from 7.1 to 6.5 mln tonnes": 7.1 mln tonnes
    return claim


def _scale(claim: Claim) -> Decimal:
    match = _SCALE_WORD.search(claim.text)
    if match is None:
        return Decimal(1)
    return _SCALES.get((match["word"] or match["suffix"]).lower(), Decimal(1))


def _with_unit(bare: Claim, model: Claim) -> Claim:
    """``bare`` (a plain number) read in the unit, currency and scale of ``model``."""
    value = _decimal(bare.value.amount if isinstance(bare.value, Money) else bare.value)
    precision = _decimal(bare.precision.amount if isinstance(bare.precision, Money) else bare.precision)
    scale = _scale(model)
    if scale > 1 and _scale(bare) == 1 and value is not None and _needs_scale(value, model, scale):
        value, precision = value * scale, precision * scale if precision is not None else None
    if isinstance(model.value, Money):
        currency = model.value.currency
        return dataclasses.replace(bare, kind=model.kind, unit=model.unit, value=Money(value, currency),
                                   precision=Money(precision, currency) if precision is not None else None)
    return dataclasses.replace(bare, kind=model.kind, unit=model.unit, value=value, precision=precision)


def _needs_scale(value: Decimal, model: Claim, scale: Decimal) -> bool:
    """Whether a bare figure is meant in the model's scale: "from 7.1 to 6.5 mln" (7.1 is a thousandth
    of 6.5 mln, 7.1 mln is near it), not "1.508 mln barrels, of which 658,000" (already near it)."""
    other = _decimal(model.value.amount if isinstance(model.value, Money) else model.value)
    if not other or value <= 0:
        return False
    return value / other < Decimal("0.001") and Decimal("0.01") <= value * scale / other <= 100


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else value if isinstance(value, Decimal) else Decimal(str(value))
