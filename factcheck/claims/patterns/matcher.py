"""Matching compiled patterns over a document: the masked text, captures, composite claims.

The masked text is built once per document: each atomic claim is replaced by ``\\x00kind#i\\x01``
(``i`` its index in the atom list), so every pattern is one regex scan of one string, and a claim
element's match names its claim directly. Offsets map back to the text through the placeholders'
positions (a bisection), never by searching the text again.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, reduce
from operator import and_, or_
from typing import Any

from factcheck.claims.base import make_claim
from factcheck.claims.model import Binding, Claim
from factcheck.claims.patterns.attach import Sentences, attach, carry_units, inner_binding
from factcheck.claims.patterns.compiler import CaptureSlot, Compiled, Level
from factcheck.claims.patterns.loader import PatternKind
from factcheck.claims.patterns.starts import (
    ANY,
    BULLET,
    OPENING,
    OPENINGS,
    STOP,
    Need,
    Scanner,
    folded_text,
    start_forms,
)
from factcheck.startup import regexcache

_INDEX = regexcache.compile(r"#([0-9]+)\x01")
_RUN = regexcache.compile(r"\S+")
_STOP = regexcache.compile(STOP)
_OPENINGS = regexcache.compile(OPENINGS)
_HSPACE = " \t\u00a0"  # regexparts.HSPACE


class Masked:
    """A document's text with its atomic claims replaced by placeholders."""

    def __init__(self, text: str, atoms: list[Claim]) -> None:
        self.text = text
        self.atoms = atoms
        self.kinds = frozenset(claim.kind for claim in atoms)
        pieces: list[str] = []
        self._starts: list[int] = []  # placeholder start in the masked text
        self._ends: list[int] = []  # placeholder end in the masked text
        self._spans: list[tuple[int, int]] = []  # the claim's span in the text
        self._kinds: list[tuple[str, int]] = []  # the claim's kind and index
        last = masked = 0
        for index, claim in enumerate(atoms):
            start, end = claim.span.start, claim.span.end
            if start < last:
                continue
            holder = f"\x00{claim.kind}#{index}\x01"
            pieces += (text[last:start], holder)
            masked += start - last
            self._starts.append(masked)
            masked += len(holder)
            self._ends.append(masked)
            self._spans.append((start, end))
            self._kinds.append((claim.kind, index))
            last = end
        pieces.append(text[last:])
        self.masked = "".join(pieces)
        self.sentences = Sentences(text)
        self.at: dict[tuple[str, str], list[int]] = {}  # starter → its places in the masked text
        for start, (kind, _) in zip(self._starts, self._kinds, strict=True):
            self.at.setdefault(("claim", kind), []).append(start)
        self.words: dict[str, list[int]] | None = None  # word → its places in any case, once scanned
        self._needs: dict[Need, tuple[list[int], list[int]]] = {}
        self._started: dict[frozenset[tuple[str, str]], list[int]] = {}
        self._runs: list[int] | None = None
        self._stops: list[int] | None = None
        # the patterns (by id) whose every need occurs in the document, once scanned (see Needs)
        self.viable: frozenset[int] | None = None
        # of the one-sentence patterns among them, the sentences holding all their matches hold, as
        # bits (see Needs.viable): a place elsewhere cannot start a match
        self.held: dict[int, int] = {}

    def scan(self, scanner: Scanner | None) -> None:
        """The one combined search for every pattern's starting and needed words and punctuation."""
        self.words = {}
        if scanner is None:
            return
        text, at = self.masked, self.at
        if scanner.bullets:  # a list item may begin at the text's start and at each place of a run of
            places: list[int] = [0]  # spaces ending a line
            last, end = 0, text.find("\n")
            while end >= 0:
                start = end
                while start > last and text[start - 1] in _HSPACE:
                    start -= 1
                places += range(max(start, 1), end + 1)
                last, end = end + 1, text.find("\n", end + 1)
            if places:
                at.setdefault(BULLET, []).extend(places)
        if scanner.puncts is not None:
            for match in scanner.puncts.finditer(text):
                at.setdefault(("punct", match[0]), []).append(match.start())
        if scanner.folded is None:
            return
        lower = folded_text(text) if scanner.words is not None else None
        words = self.words
        if lower is not None:
            for match in scanner.words.finditer(lower):  # type: ignore[union-attr]
                words.setdefault(match[0], []).append(match.start())
        else:
            for match in scanner.folded.finditer(text):
                words.setdefault(match[0].lower(), []).append(match.start())
        for word, found in words.items():
            if word in scanner.starting:  # as written in a pattern, capitalised or in capitals
                size, forms = len(word), start_forms(word)
                at[("word", word)] = [place for place in found if text[place:place + size] in forms]

    def started(self, starts: frozenset[tuple[str, str]]) -> list[int]:
        """The places of any of ``starts``, in order. Kept per set of starters (the verbs of a
        change frame open several of its patterns), and read from whichever is smaller, the
        starters or what the document holds: a frame may open with hundreds of word forms."""
        places = self._started.get(starts)
        if places is None:
            if OPENING in starts and OPENING not in self.at:  # searched for only when asked
                self.at[OPENING] = sorted({place for match in _OPENINGS.finditer(self.masked)
                                           for place in match.span(1)})
            if len(starts) < len(self.at):
                found = [place for starter in starts for place in self.at.get(starter, ())]
            else:
                found = [place for key, at in self.at.items() if key in starts for place in at]
            places = self._started[starts] = sorted(set(found))
        return places

    def plausible(self, compiled: Compiled, place: int) -> bool:
        """Whether a match of ``compiled`` at ``place`` can hold what it needs (see :meth:`sift`)."""
        return bool(self.sift(compiled, [place]))

    def needed(self, compiled: Compiled) -> list[tuple[tuple[list[int], list[int]], int]] | None:
        """Each of ``compiled``'s needs as its occurrences (see :meth:`_places`) with its reach;
        None when the document holds none of one of them: then no place can match."""
        found = []
        for need, reach in zip(compiled.needs, compiled.reach, strict=True):
            entry = self._places(need)
            if not entry[0]:
                return None
            found.append((entry, reach))
        return found

    def sift(self, compiled: Compiled, places: list[int],
             found: list[tuple[tuple[list[int], list[int]], int]] | None = None) -> list[int]:
        """The ``places`` where a match of ``compiled`` can hold what it needs: for each of its
        needs, the nearest place after it of a claim, word or punctuation of that need lies within
        the need's reach, counted in runs of non-space characters (see :func:`.starts.reached`), and
        the claims every match holds lie before the next sentence stop when the pattern reads none
        (see :func:`.starts.crosses`). Exact: a match holds an occurrence of each need no further
        from its start than that reach, and ends before a stop it cannot read, so it starts in a
        sentence that holds all it holds (``held``, see :meth:`Needs.viable`). ``found`` is
        :meth:`needed`, when already read.

        The need with the fewest occurrences is read first, from its side (see :meth:`_near`): the
        places within its reach before each of its occurrences, instead of each place looked up
        among its occurrences; the places left are then checked against the other needs."""
        if self.words is None or not places:
            return places  # not scanned (tests match unscanned texts): every place is tried
        if found is None:
            found = self.needed(compiled)
            if found is None:
                return []
        if found:
            rarest = min(found, key=_occurrences)
            (at, counts), reach = rarest
            runs = self.runs()
            if len(at) < len(places):
                places = self._near(places, at, counts, reach)
                found = [entry for entry in found if entry is not rarest]
            for (at, counts), reach in found:
                if not places:
                    return places
                places = [place for place in places
                          if (i := bisect_left(at, place)) < len(at)
                          and counts[i] - bisect_left(runs, place) <= reach]
        held = self.held.get(id(compiled))
        if held is not None and places:  # the sentences that hold all a one-sentence match holds
            stops = self.stops()
            places = [place for place in places if held >> bisect_right(stops, place) & 1]
        for need, count in compiled.before_stop:
            if not places:
                return places
            at, stops, more = self._places(need)[0], self.stops(), count - 1
            places = [place for place in places
                      if (i := bisect_left(at, place) + more) < len(at)
                      and at[i] < stops[bisect_right(stops, place)]]
        return places

    def _near(self, places: list[int], found: list[int], counts: list[int], reach: int) -> list[int]:
        """The ``places`` some occurrence of a need (at ``found``, ``counts`` runs beginning up to
        each) lies within ``reach`` runs of: a place ``p`` no later than the occurrence ``o`` after
        which fewer than ``counts(o) - reach`` runs begin before ``p``. Each occurrence's interval of
        places is read with a bisection, the overlapping ones merged, so the cost is the need's
        occurrences, not the places."""
        runs, kept = self.runs(), []
        low, high = 0, -1  # the interval being merged
        for place, count in zip(found, counts, strict=True):
            first = runs[count - reach - 1] + 1 if count > reach else 0
            if first > high + 1:
                kept += places[bisect_left(places, low):bisect_right(places, high)]
                low = first
            high = place
        return kept + places[bisect_left(places, low):bisect_right(places, high)]

    def stops(self) -> list[int]:
        """Where the masked text's sentence stops are (see :data:`.starts.STOP`), its end last."""
        if self._stops is None:
            self._stops = [match.start() for match in _STOP.finditer(self.masked)] + [len(self.masked)]
        return self._stops

    def may_hold(self, compiled: Compiled, low: int, place: int) -> bool:
        """Whether a match of ``compiled`` starting anywhere in ``low..place`` can hold what it
        needs (see :meth:`sift`): an anchored pattern's claim at ``place`` is searched back from
        only then. Exact: the nearest occurrence of a need after ``low`` either lies before
        ``place`` or is at least as many runs from every such start as from ``place``."""
        if self.words is None or not compiled.needs:
            return True
        runs = self.runs()
        first = bisect_left(runs, place)
        for need, reach in zip(compiled.needs, compiled.reach, strict=True):
            found, counts = self._places(need)
            i = bisect_left(found, low)
            if i == len(found) or (found[i] >= place and counts[i] - first > reach):
                return False
        return True

    def runs(self) -> list[int]:
        """Where each run of non-space characters of the masked text begins."""
        if self._runs is None:
            self._runs = [match.start() for match in _RUN.finditer(self.masked)]
        return self._runs

    def lacks(self, compiled: Compiled) -> bool:
        """Whether the document holds no occurrence at all of one of ``compiled``'s needs: then no
        place can match, and not even its candidates need finding."""
        return self.words is not None and self.needed(compiled) is None

    def _places(self, need: Need) -> tuple[list[int], list[int]]:
        """Where the claims, words or punctuation of ``need`` are, in order, and how many runs begin
        up to each (gathered once per document; of a need's words, only those the scan found)."""
        found = self._needs.get(need)
        if found is None:
            words, kinds, marks = _parts(need)
            scanned = self.words or {}
            lists = [scanned[word] for word in words.intersection(scanned)] if words else []
            lists += [at for kind in kinds if (at := self.at.get(("claim", kind)))]
            lists += [at for mark in marks if (at := self._punct(mark))]
            places = lists[0] if len(lists) == 1 else sorted(place for at in lists for place in at)
            runs = self.runs()
            found = self._needs[need] = (places, [bisect_right(runs, place) for place in places])
        return found

    def _punct(self, mark: str) -> list[int]:
        """Every place of a punctuation literal in the masked text, overlapping ones included."""
        text, places = self.masked, []
        place = text.find(mark)
        while place >= 0:
            places.append(place)
            place = text.find(mark, place + 1)
        return places

    def offset(self, position: int, *, end: bool = False) -> int:
        """The text offset of a masked-text offset (inside a placeholder: the claim's start or end)."""
        i = bisect_right(self._starts, position) - 1
        if i < 0:
            return position
        if position >= self._ends[i]:
            return position - self._ends[i] + self._spans[i][1]
        return self._spans[i][1] if end and position > self._starts[i] else self._spans[i][0]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The text span of a masked span, without surrounding white space."""
        first, last = self.offset(start), self.offset(end, end=True)
        while first < last and self.text[first].isspace():
            first += 1
        while last > first and self.text[last - 1].isspace():
            last -= 1
        return first, last

    def claim(self, start: int) -> Claim:
        return self.atoms[int(_INDEX.search(self.masked, start)[1])]  # type: ignore[index]


class Needs:
    """The needs of a stage's patterns, told apart once, so that after its scan a document rules out
    every pattern one of whose needs it lacks in one pass over the words it holds and a bit test per
    pattern, instead of gathering the occurrences of each pattern's needs in turn (most patterns are
    ruled out so: a document holds no "from", no percent, no colon).

    A pattern whose matches never hold a sentence stop (``Compiled.in_sentence``) is then ruled out
    unless one sentence holds all of it at once: an occurrence of each need, of one of its starters,
    and as many claims of each of its counted kinds (``before_stop``) as every match holds. Exact: such
    a match, with all it holds, lies before the first stop after its start. Each of these is a
    *column*: the set of sentences that hold it, as the bits of an integer; a pattern is kept when
    the columns of all it holds share a sentence."""

    def __init__(self, patterns: Iterable[Compiled]) -> None:
        bits: dict[Need, int] = {}  # each distinct need, with its bit
        columns: dict[Any, int] = {}  # each need, starter set or counted need of a one-sentence pattern

        def column(need: Any) -> int:
            return columns.setdefault(need, len(columns))

        self.masks: list[tuple[int, int]] = []  # per pattern: its id and the bits of its needs
        self.sentence: list[tuple[int, tuple[int, ...], int]] = []  # per one-sentence pattern: its columns
        for compiled in patterns:
            mask = 0
            for need in (*compiled.needs, *compiled.held):
                mask |= 1 << bits.setdefault(need, len(bits))
            self.masks.append((id(compiled), mask))
            if compiled.in_sentence:
                held = {column(need) for need in (*compiled.needs, *compiled.held)}
                if not compiled.starts & {ANY, OPENING}:  # one of its starters opens every match
                    held.add(column(compiled.starts))
                held.update(column((need, count) if count > 1 else need)
                            for need, count in compiled.before_stop)
                if held:
                    bits_held = sum(1 << index for index in held)
                    self.sentence.append((id(compiled), tuple(sorted(held)), bits_held))
        meets: dict[tuple[str, str], int] = {}  # a word, claim kind or mark: the needs it meets
        for need, bit in bits.items():
            for key in need:
                meets[key] = meets.get(key, 0) | 1 << bit
        self.words = {word: met for (key, word), met in meets.items() if key == "word"}
        self.others = [(key, met) for key, met in meets.items() if key[0] != "word"]
        filled: dict[tuple[str, str], list[int]] = {}  # a word, claim kind or mark: the columns it fills
        self.counted: list[tuple[tuple[str, ...], int, int]] = []  # claim kinds, how many, column
        for need, index in columns.items():
            if isinstance(need, tuple):
                self.counted.append((tuple(sorted(name for _, name in need[0])), need[1], index))
                continue
            for key in need:
                filled.setdefault(key, []).append(index)
        self.columns = len(columns)
        # each with the columns it fills, as a tuple and as bits
        self.word_columns = {word: (tuple(found), sum(1 << index for index in found))
                             for (key, word), found in filled.items() if key == "word"}
        self.other_columns = [(key, tuple(found), sum(1 << index for index in found))
                              for key, found in filled.items() if key[0] != "word"]

    def viable(self, masked: Masked) -> frozenset[int]:
        """The ids of the patterns each of whose needs has an occurrence in ``masked`` (scanned): a
        word the scan found, a claim kind masked, a mark the masked text holds (see
        :meth:`Masked._places`); of the one-sentence patterns, those one sentence holds whole."""
        met = reduce(or_, map(self.words.get, masked.words or (), itertools.repeat(0)), 0)
        for key, bits in self.others:
            if bits & ~met and (key in masked.at if key[0] == "claim" else key[1] in masked.masked):
                met |= bits
        viable = {ident for ident, mask in self.masks if mask & met == mask}
        held = [(ident, found, bits) for ident, found, bits in self.sentence if ident in viable]
        if held:
            columns = self._columns(masked, reduce(or_, [bits for _, _, bits in held]))
            for ident, found, _ in held:
                sentences = reduce(and_, map(columns.__getitem__, found))
                if sentences:
                    masked.held[ident] = sentences
                else:
                    viable.discard(ident)
        return frozenset(viable)

    def _columns(self, masked: Masked, wanted: int) -> list[int]:
        """Each column's sentences in ``masked`` (of the columns whose bits ``wanted`` sets; the
        others are left empty): sentence ``i`` is bit ``i``, the places before the ``i``-th stop and
        after the one before (see :meth:`Masked.stops`)."""
        stops = masked.stops()
        columns = [0] * self.columns
        word_columns = self.word_columns
        for word, places in (masked.words or {}).items():
            filled = word_columns.get(word)
            if filled and filled[1] & wanted:
                sentences = reduce(or_, [1 << bisect_right(stops, place) for place in places])
                for index in filled[0]:
                    columns[index] |= sentences
        of_kind: dict[str, list[int]] = {}  # a claim kind: the sentence of each of its claims

        def sentences_of(kind: str) -> list[int]:
            found = of_kind.get(kind)
            if found is None:
                places = masked.at.get(("claim", kind), ())
                found = of_kind[kind] = [bisect_right(stops, place) for place in places]
            return found

        for key, filled, bits in self.other_columns:
            if not bits & wanted:
                continue
            if key[0] == "claim":
                sentences = reduce(or_, [1 << sentence for sentence in sentences_of(key[1])], 0)
            else:
                places = masked._punct(key[1])
                sentences = reduce(or_, [1 << bisect_right(stops, place) for place in places], 0)
            if sentences:
                for index in filled:
                    columns[index] |= sentences
        for kinds, count, index in self.counted:
            if not wanted >> index & 1:
                continue
            held = sorted(sentence for kind in kinds for sentence in sentences_of(kind))
            # a sentence holding ``count`` of them is one whose first and ``count``-th are both in it
            pairs = zip(held, held[count - 1:], strict=False)
            columns[index] = reduce(or_, [1 << sentence for sentence, later in pairs if sentence == later], 0)
        return columns


def _collect(masked: Masked, match: re.Match[str], level: Level, out: dict[str, list[Any]],
             gaps: list[tuple[int, int]]) -> None:
    for group in level.gaps:
        if match.start(group) < match.end(group):
            gaps.append(match.span(group))
    for slot in level.captures:
        if match.start(slot.group) < 0:
            continue
        value = _value(masked, match, slot)
        if slot.path is not None:  # a field of an earlier stage's composite; a list is spliced in
            value = value.fields.get(slot.path)
            if isinstance(value, list):
                out.setdefault(slot.field, []).extend((match.start(slot.group), item) for item in value)
                continue
        out.setdefault(slot.field, []).append((match.start(slot.group), value))
    for repeat in level.repeats:
        position, stop = match.span(repeat.group)
        while 0 <= position < stop:
            step = repeat.body.match(masked.masked, position, stop)
            if step is None or step.end() == position:
                break
            _collect(masked, step, repeat.level, out, gaps)
            position = step.end()


def _value(masked: Masked, match: re.Match[str], slot: CaptureSlot) -> Any:
    if slot.kind is not None:
        return masked.claim(match.start(slot.group))
    start, end = masked.span(*match.span(slot.group))
    return " ".join(masked.text[start:end].split())


def _fields(pattern: PatternKind, found: dict[str, list[Any]], text: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in pattern.kind.fields:
        values = [value for _, value in sorted(found.get(name, []), key=lambda pair: pair[0])]
        table = pattern.normalize.get(name)
        if table:
            values = [table.get(" ".join(value.lower().split()), value) for value in values]
        fields[name] = values if name in pattern.lists else (values[-1] if values else None)
    return carry_units(fields, pattern.carry, text) if pattern.carry else fields


def _composite(masked: Masked, pattern: PatternKind, match: re.Match[str], level: Level) -> Claim | None:
    found: dict[str, list[Any]] = {}
    gaps: list[tuple[int, int]] = []
    _collect(masked, match, level, found, gaps)
    fields = _fields(pattern, found, masked.text)
    start, end = masked.span(match.start(), match.end())
    if start >= end:
        return None
    head = fields.get(pattern.value) if pattern.value else None
    if not isinstance(head, Claim):
        claim = make_claim(masked.text, pattern.kind.name, start, end, None, fields=fields)
    else:
        claim = make_claim(masked.text, pattern.kind.name, start, end, head.value, unit=head.unit,
                           hedge=head.hedge, precision=head.precision, fields=fields)
    parts = [(part.span.start, part.span.end) for part in _captured(fields)]
    bound = (inner_binding(masked.text, [masked.span(*gap) for gap in gaps], parts)
             if gaps or len(parts) > 1 else Binding.PHRASE)
    return claim if bound is Binding.PHRASE else dataclasses.replace(claim, binding=bound)


def _captured(fields: dict[str, Any]) -> list[Claim]:
    """The claims a composite captured, its list fields' included."""
    return [item for value in fields.values() for item in (value if isinstance(value, list) else [value])
            if isinstance(item, Claim)]


def match_kind(masked: Masked, pattern: PatternKind, *, brute: bool = False) -> list[Claim]:
    """The claims of one composite kind: every pattern's matches, a match inside a longer one of the
    same kind dropped. ``brute`` is the reference the tests compare with: every pattern is searched
    for over the whole masked text, at every position, and none is skipped for a missing claim kind."""
    found: list[Claim] = []
    for compiled, requires in zip(pattern.patterns, pattern.requires, strict=True):
        if not brute and _skipped(masked, compiled, requires):
            continue
        matches = compiled.regex.finditer(masked.masked) if brute else _matches(masked, compiled)
        for match in matches:
            claim = _composite(masked, pattern, match, compiled.level)
            if claim is not None:
                found.append(claim)
    kept = _longest(found)
    for attachment in pattern.attachments:
        compiled = attachment.pattern
        if not brute and _skipped(masked, compiled, attachment.requires):
            continue
        matches = compiled.regex.finditer(masked.masked) if brute else _matches(masked, compiled)
        statements = _longest([claim for match in matches
                               if (claim := _composite(masked, pattern, match, compiled.level))])
        kept = attach(masked.text, masked.sentences, kept, statements, attachment.fills,
                      Binding(attachment.within), attachment.agree, pattern.value)
    return kept


def _skipped(masked: Masked, compiled: Compiled, requires: frozenset[str]) -> bool:
    """Whether ``compiled`` cannot match in ``masked``: a claim kind every match holds, or an
    occurrence of one of its needs (see :class:`Needs`), is missing from the document."""
    return not requires <= masked.kinds or (masked.viable is not None and id(compiled) not in masked.viable)


def _longest(found: list[Claim]) -> list[Claim]:
    """The claims in text order, each one lying inside an earlier, longer one dropped, unless it is
    a reading of a list item's nested content (see :func:`_nested_in`)."""
    found.sort(key=lambda c: (c.span.start, -c.span.end))
    kept: list[Claim] = []
    outer: Claim | None = None
    inner: Claim | None = None
    for claim in found:
        if outer is None or claim.span.end > outer.span.end:
            kept.append(claim)
            outer, inner = claim, None
        elif _nested_in(outer, claim) and (inner is None or claim.span.end > inner.span.end):
            kept.append(claim)
            inner = claim
    return kept


def _nested_in(outer: Claim, claim: Claim) -> bool:
    """Whether ``claim``, inside ``outer``, reads the nested content of one of its list items (a
    line break then a tab, as the Markdown reader writes a nested list): a list announced inside an
    item ("- Housing, in three parts:" over its sub-list) is a claim of its own, not part of the
    outer list's reading, which takes the whole sub-list as one item."""
    return "\n\t" in claim.text and claim.span.start > outer.span.start + outer.text.find("\n")


def _candidates(masked: Masked, compiled: Compiled) -> list[int]:
    """The places a match of ``compiled`` may start, in order (see :mod:`.starts`)."""
    if ANY not in compiled.starts:
        return masked.started(compiled.starts)
    if compiled.anchor is None:
        return list(range(len(masked.masked)))  # no anchor: every place, as finditer would
    places = []
    text, before, width = masked.masked, compiled.before, compiled.anchor.width
    last = compiled.anchor.last
    for kind in compiled.anchor.kinds:
        for end in masked.at.get(("claim", kind), ()):
            if last and not text[max(0, end - len(last) - 4):end].rstrip().lower().endswith(last):
                continue
            if not masked.may_hold(compiled, max(0, end - width), end):
                continue
            found = before.search(text, max(0, end - width), end)
            if found is not None:
                places.append(found.start())
    return sorted(set(places))


def _matches(masked: Masked, compiled: Compiled) -> Iterator[re.Match[str]]:
    """What ``compiled.regex.finditer`` yields over the masked text, trying only the candidates."""
    found = masked.needed(compiled) if masked.words is not None else []
    if found is None:
        return
    regex, text, done = compiled.regex, masked.masked, 0
    for place in masked.sift(compiled, _candidates(masked, compiled), found):
        if place < done:
            continue
        match = regex.match(text, place)
        if match is not None:
            done = match.end() if match.end() > place else place + 1
            yield match


@cache
def _parts(need: Need) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """A need's words, claim kinds and punctuation, apart."""
    return (frozenset(name for key, name in need if key == "word"),
            tuple(name for key, name in need if key == "claim"),
            tuple(name for key, name in need if key == "punct"))


def _occurrences(entry: tuple[tuple[list[int], list[int]], int]) -> int:
    return len(entry[0][0])
