"""Event mentions with identity: which words of a document name the same event.

An article introduces an event ("the leaders talked for 40 minutes", "a 20-minute call") and later
refers back to it ("the hour-long conversation", "those 45 minutes", "the call"). Rules that compare
what two mentions say (a restated duration, an ordinal) must compare only mentions of one event, and
rules that count a series must count by the kind of event and by who took part.

A mention is an event noun from ``lexicon/events.yaml`` with its noun phrase (determiner, ordinal,
adjectival duration, mode words), or an event verb ("met", "spoke by phone") that carries a duration,
a mode or a count. Each has a **class** (call, meeting, talks, strike, recall, closure, evacuation, …:
"conversation" and "phone call" are calls, "walkout" and "stoppage" strikes), a **mode** ("by phone",
"face-to-face", which makes a conversation a call or a meeting), its date, duration and participants
(the capitalised names of its sentence).

Coreference is read as a careful reader does, and leaves a mention alone when in doubt:

- An indefinite mention ("a 20-minute call"), a verb ("talked for 40 minutes") or a first definite
  one starts a **chain** of its own.
- A definite or demonstrative mention ("the hour-long conversation", "that call", "their meeting")
  joins the one earlier chain of its class that fits: same mode, no other date, no other
  participants, no other ordinal. When several chains fit, it joins none.
- A demonstrative duration with no noun ("those 45 minutes") restates the latest chain that has a
  duration, within the three sentences before it.

Each mention becomes an ``event`` claim whose ``chain`` is the start offset of the chain's first
mention; its binding says how far back its antecedent was (same sentence, the sentence before, or
further: a definite description across paragraphs).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from factcheck.claims import lexicon
from factcheck.claims.base import make_claim
from factcheck.claims.model import Binding, Claim
from factcheck.claims.regexparts import GAP
from factcheck.claims.sentences import headline_end, sentence_starts
from factcheck.startup import regexcache

_TABLE = lexicon.load("events")
_PHRASES = lexicon.event_phrases()
_VERBS: dict[str, str] = _TABLE["verb_forms"]
_CLASSES: dict[str, str] = _TABLE["classes"]
_PHRASE_CLASSES: dict[str, str] = _TABLE["phrase_classes"]
_MODE_CLASSES: dict[str, str] = _TABLE["mode_classes"]
_EXCHANGES = frozenset(_TABLE["exchanges"])
_MODE_OF = {phrase: mode for mode, phrases in _TABLE["modes"].items() for phrase in phrases}
_NOT_PARTICIPANTS = frozenset(_TABLE["not_participants"])
# an event's own words, capitalised where a sentence opens with them ("Meeting for the sixth time,
# the two men ..."): no participant's name
_EVENT_WORDS = frozenset(word for phrase in [*_PHRASES, *_VERBS] for word in phrase.split())
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "their", "his", "her", "its", "our",
                       "my", "your"})
_DEMONSTRATIVE = frozenset({"this", "that", "these", "those"})
_DETERMINERS = _DEFINITE | {"a", "an", "another", "one", "each", "every", "any"}
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")  # a possessive determiner: "Merz's", "the unions'"
_OWNED = ("'s", "’s")  # a name's possessive

_NOUN = regexcache.compile(
    rf"(?<![\w-])(?P<noun>{lexicon.alternation(_PHRASES)})(?![\w-])", re.IGNORECASE
)
_VERB = regexcache.compile(rf"(?<![\w-])(?P<verb>{lexicon.alternation(_VERBS)})(?![\w-])", re.IGNORECASE)
# "a call for calm" is an appeal; "he calls on", "calls off" are the verb, not a phone call.
_APPEAL_AFTER = regexcache.compile(rf"{GAP}(?:for|to{GAP}action)\b")
_CALL_VERB_AFTER = regexcache.compile(rf"{GAP}(?:on|to|off|out|up|it|him|her|them|in)\b")
_WORD_BEFORE = regexcache.compile(rf"(?P<word>[\w’'-]+){GAP}$")
_MODE = regexcache.compile(rf"(?<![\w-])(?P<mode>{lexicon.alternation(_MODE_OF)})(?![\w-])", re.IGNORECASE)
# "met leaders of the British Medical Association for two hours": the verb's object may take a few
# words (the clause's end bounds it)
_FOR_DURATION = regexcache.compile(rf"(?:{GAP}[\w’'-]+){{0,7}}?{GAP}for{GAP}")
_LASTED = regexcache.compile(
    rf"(?:,?{GAP}(?:which|that))?(?:{GAP}[\w’'.-]+){{0,6}}?{GAP}"
    rf"(?:{lexicon.alternation(lexicon.words('duration_verbs'))})(?:{GAP}for)?{GAP}",
)
_INNER_CAPITAL = regexcache.compile(r"(?<=[a-z,])[ \t]+([A-Z][\w’'-]*)")
_OF_DURATION = regexcache.compile(rf"{GAP}of{GAP}")
_CLAUSE_END = regexcache.compile(r"[.;:!?]|,[ \t]+(?:and|but|while|which|who)\b|[ \t]and[ \t]+(?:a|an|the)\b")
_CAPITALISED = r"[A-Z][a-z]+(?:[-’'][A-Za-z]+)*"
_NAME = regexcache.compile(rf"(?<![\w’'-]){_CAPITALISED}(?:[ \t]+{_CAPITALISED})*")
_HEDGE_OR_ARTICLE = regexcache.compile(r"(?:[\w-]+[ \t]+){0,3}$")
_LOWER_WORD = regexcache.compile(r"\b[a-z]+\b")
# A quotation's attribution closing its sentence: '...," said the union's chair, Dr Priya Mahal.',
# '...," Mahal said.' The speaker is no participant of the events the quotation tells of.
_SAYING = rf"(?:{lexicon.alternation(lexicon.load('sentences')['reporting'])}|says|asked)"
_ATTRIBUTION = regexcache.compile(rf"[,!?][\"”’]{GAP}(?:[\w’'.-]+{GAP}){{0,3}}{_SAYING}\b[^\"“”]{{0,120}}$")
# a verb of saying before a mention, and the "that" after it: the mention's participants are the
# reported clause's, not the speaker or the one told ("Reid told the court that the three ...")
_REPORTING = regexcache.compile(rf"\b{_SAYING}\b")
_THAT = regexcache.compile(r"\bthat\b")
# the parties named after an event noun: "with Macron", "between Kyiv and Moscow"
_PARTIES_AFTER = regexcache.compile(
    rf"(?:{GAP}of{GAP}(?:talks|negotiations))?{GAP}(?:with|between|involving|against){GAP}(?P<names>[^,;:.!?()]{{1,60}})")
_LOCATIVE_BEFORE = regexcache.compile(
    rf"(?<![\w-])(?:in|at|near|outside|inside|across|around|throughout|into)(?:{GAP}the)?{GAP}$")
# "times" after a count of events ("have met five times"), not of a multiple ("five times as many",
# "three times more", "ten times faster", "four times the rate": a comparison, an article or a
# comparative follows)
TIMES = r"times\b(?!\s+(?:as|more|less|fewer|than|over|the|that|what|its|his|her|their|our|a|an|[a-z]+er)\b)"
_COUNTED = regexcache.compile(rf"\bfor the \w+ time\b|\b\w+ {TIMES}")  # "for the fifth time", "five times"
_MAX_MODIFIERS = 4
_LOOKBACK_SENTENCES = 3
_RECENT_SENTENCES = 2
_PARAGRAPH_SENTENCES = 3  # how far on in its paragraph a description binds as near as the next sentence
_PARAGRAPH_BREAK = regexcache.compile(r"\n[ \t]*\n")


@dataclass(slots=True)
class Mention:
    """One mention of an event, before it becomes a claim."""

    start: int  # the noun phrase (or verb phrase) as reported
    end: int
    head: int  # where the noun or verb itself starts
    lemma: str
    cls: str
    mode: str | None
    determiner: str | None
    plural: bool
    verb: bool
    sentence: int
    duration: Claim | None = None
    date: Claim | None = None
    ordinal: Claim | None = None
    participants: tuple[str, ...] = ()
    chain: int = -1
    antecedent: int | None = None
    binding: Binding = Binding.PHRASE
    certain: bool = True
    modifiers: list[str] = field(default_factory=list)

    @property
    def definite(self) -> bool:
        return self.determiner in _DEFINITE or (self.determiner or "").endswith(("'s", "’s", "'", "’"))


class Document:
    """The text's sentences and atomic claims, indexed for the lookups mentions need. The sentences
    and the words written in lower case are read on first use: a document without an event noun or
    verb needs neither."""

    def __init__(self, text: str, atoms: list[Claim]) -> None:
        self.text = text
        self.durations = sorted((c for c in atoms if c.kind == "duration"), key=lambda c: c.span.start)
        self.dates = [c for c in atoms if c.kind == "date"]
        self.ordinals = {c.span.end: c for c in atoms if c.kind == "ordinal"}

    @cached_property
    def starts(self) -> list[int]:
        return [0, *sentence_starts(self.text)]

    @cached_property
    def _lower_words(self) -> frozenset[str]:
        return frozenset(_LOWER_WORD.findall(self.text))

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def sentence_span(self, index: int) -> tuple[int, int]:
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.starts[index], end

    def clause_end(self, start: int) -> int:
        limit = self.sentence_span(self.sentence_of(start))[1]
        match = _CLAUSE_END.search(self.text, start, limit)
        return match.start() if match else limit

    def participants(self, sentence: int, mention_start: int) -> tuple[str, ...]:
        """The last word of each run of capitalised words in the sentence that is not a common word
        written with a capital ("Officials", "Monday") nor a place after a preposition of place ("in
        Geneva"): "Chancellor Friedrich Merz" → "Merz"."""
        low, high = self.sentence_span(sentence)
        low = self._reported_start(low, mention_start)
        attribution = _ATTRIBUTION.search(self.text, low, high)
        if attribution:
            high = attribution.start() + 1  # "...," said the union's chair, Dr Priya Mahal: the speaker
        names = []
        for match in _NAME.finditer(self.text, low, high):
            if _LOCATIVE_BEFORE.search(self.text, max(low, match.start() - 12), match.start()):
                continue  # a place the event happened in: "met in Oslo", "talks at Lancaster House"
            single = " " not in match[0] and not match[0].endswith(_OWNED)
            if single and self._opens_sentence(match.start()) and not self._named_inside(match[0]):
                continue  # "Junior doctors walked out", "Union leaders said": a common word, capitalised
                # (not "Merz's call with Macron": a possessive names who the event is of)
            words = [_bare(w) for w in match[0].split()]
            words = [w for w in words if w not in _NOT_PARTICIPANTS]
            if words and words[-1].lower() not in self._lower_words and words[-1].lower() not in _EVENT_WORDS:
                names.append(words[-1])
        return tuple(dict.fromkeys(names))


    def phrase_participants(self, mention: Mention) -> tuple[str, ...]:
        """The names an ordinal's noun phrase gives its event: a possessive before it and a phrase of
        the parties after it ("Merz's third call with Macron", "the fifth round of talks between
        Kyiv and Moscow"). A sentence around a numbered event names much else (the place, the
        operator, the customer: "its fifth closure this winter ... Estuary Crossings Ltd"), which
        would keep one series' ordinals apart."""
        names = []
        owner = self.text[mention.start:mention.start + len(mention.determiner or "")]
        if owner[:1].isupper() and owner.endswith(_OWNED):
            names.append(_bare(owner))
        parties = _PARTIES_AFTER.match(self.text, mention.end, self.clause_end(mention.end))
        if parties:
            names += [_bare(m[0].split()[-1]) for m in _NAME.finditer(parties["names"])]
        return tuple(n for n in dict.fromkeys(names) if n not in _NOT_PARTICIPANTS)

    def _reported_start(self, low: int, mention_start: int) -> int:
        """Where the clause a mention is reported in starts: after the last verb of saying before it
        and its "that" ("His barrister told the court that the three adjournments ..."), else ``low``."""
        saying = next(reversed(list(_REPORTING.finditer(self.text, low, mention_start))), None)
        if saying is None:
            return low
        that = _THAT.search(self.text, saying.end(), min(mention_start, saying.end() + 60))
        return that.end() if that else saying.end()

    def _opens_sentence(self, offset: int) -> bool:
        start = self.starts[self.sentence_of(offset)]
        return not self.text[start:offset].strip(" \t\n\"“‘'(—–-")

    def _named_inside(self, word: str) -> bool:
        """Whether ``word`` is written with its capital inside a sentence somewhere: a name ("Putin")."""
        return word in self._inner_capitals

    @cached_property
    def _inner_capitals(self) -> frozenset[str]:
        """The capitalised words written after a lower-case word or a comma, bare of a possessive."""
        return frozenset(_bare(w) for w in _INNER_CAPITAL.findall(self.text))


def _bare(word: str) -> str:
    """A word without its possessive: "Friday's" is the weekday, "Merz’s" the name."""
    return word.replace("’", "'").removesuffix("'s")


def _class_of(lemma: str, phrase: str, mode: str | None) -> str:
    cls = _PHRASE_CLASSES.get(phrase, _CLASSES.get(lemma, lemma))
    if mode is not None and cls in _EXCHANGES:
        return _MODE_CLASSES[mode]
    return cls


def _noun_phrase(doc: Document, head: int) -> tuple[int, str | None, list[str]]:
    """Where the noun phrase before ``head`` starts, its determiner and its modifier words, read
    backwards over at most four words that may stand in a noun phrase (durations, ordinals, mode words,
    names, possessives)."""
    start, modifiers = head, []
    for _ in range(_MAX_MODIFIERS):
        match = _WORD_BEFORE.search(doc.text, max(0, start - 40), start)
        if match is None:
            break
        word = match["word"]
        lower = word.lower()
        if lower in _DETERMINERS or lower.endswith(_POSSESSIVE_ENDINGS):
            return match.start(), lower, modifiers
        if not _modifier(doc, word, match.start(), match.end("word")):
            compound = _compound(doc, word, match.start())
            if compound is not None:  # "His detention hearing", "the board meeting"
                return compound[0], compound[1], [lower, *modifiers]
            break
        modifiers.insert(0, lower)
        start = match.start()
    return start, None, modifiers


def _compound(doc: Document, word: str, start: int) -> tuple[int, str] | None:
    """A word before the event noun that a determiner opens ("his detention hearing", "the board
    meeting", "a sentencing hearing", "the postponed vote"): where the phrase starts and its
    determiner."""
    if not (word.isalpha() and word.islower()):
        return None
    before = _WORD_BEFORE.search(doc.text, max(0, start - 40), start)
    if before is None:
        return None
    lower = before["word"].lower()
    if lower in _DETERMINERS or lower.endswith(_POSSESSIVE_ENDINGS):
        return before.start(), lower
    return None


def _modifier(doc: Document, word: str, start: int, end: int) -> bool:
    lower = word.lower()
    if lower in _MODE_OF or "-" in word or any(ch.isdigit() for ch in word):
        return True
    if end in doc.ordinals or lower in lexicon.words("determiner_skips") or lower in _TABLE["prior_words"]:
        return True
    return word[0].isupper() and lower not in doc._lower_words


def _mode_near(doc: Document, start: int, end: int) -> str | None:
    match = _MODE.search(doc.text, start, end)
    return _MODE_OF[match["mode"].lower()] if match else None


def _duration_before(doc: Document, np_start: int, head: int) -> Claim | None:
    """An adjectival duration inside the noun phrase: "the hour-long conversation"."""
    for duration in doc.durations:
        if np_start <= duration.span.start and duration.span.end <= head:
            return duration
    return None


def _duration_starting(doc: Document, start: int, limit: int) -> Claim | None:
    """The duration starting at ``start``, or after a hedge or article ("for nearly two hours")."""
    for duration in doc.durations:
        if start <= duration.span.start < limit:
            between = doc.text[start : duration.span.start]
            return duration if _HEDGE_OR_ARTICLE.fullmatch(between) else None
    return None


def _duration_after(doc: Document, end: int, verb: bool) -> Claim | None:
    """"talked by phone for 40 minutes" (a verb), "the meeting lasted 45 minutes", "the hearing,
    which lasted three hours", "a blackout of about 11 hours": a duration in the rest of the clause."""
    limit = doc.clause_end(end) if verb else doc.sentence_span(doc.sentence_of(end))[1]
    pattern = _FOR_DURATION if verb else _LASTED
    match = pattern.match(doc.text, end, limit)
    if match is None and not verb:
        match = _OF_DURATION.match(doc.text, end, limit)
    return _duration_starting(doc, match.end(), limit) if match else None


def _date_near(doc: Document, mention: Mention) -> Claim | None:
    """The date of the mention's clause: after it up to the clause's end, else before it in the
    clause."""
    end = doc.clause_end(mention.end)
    low = doc.sentence_span(mention.sentence)[0]
    after = [d for d in doc.dates if mention.end <= d.span.start < end]
    if after:
        return after[0]
    before = [d for d in doc.dates if low <= d.span.start and d.span.end <= mention.start
              and not _CLAUSE_END.search(doc.text, d.span.end, mention.start)]
    return before[-1] if before else None


def _noun_mentions(doc: Document) -> list[Mention]:
    found = []
    for match in _NOUN.finditer(doc.text):
        phrase = " ".join(match["noun"].lower().split())
        lemma = _PHRASES[phrase]
        head, end = match.span()
        np_start, determiner, modifiers = _noun_phrase(doc, head)
        if determiner is None and not modifiers:
            continue  # a bare noun names a kind of event ("title: x", "calls on"), not one event
        if lemma == "call" and (_APPEAL_AFTER.match(doc.text, end) or (
                _CALL_VERB_AFTER.match(doc.text, end) and not determiner
                and _duration_before(doc, np_start, head) is None)):
            continue  # "a call for calm", "Trump calls on"; not a headline's "hour-long call on trade"
        plural = phrase not in _TABLE["events"][lemma] and lemma != "talk"  # "the talks" are one event
        mode = _mode_near(doc, np_start, end)
        sentence = doc.sentence_of(head)
        mention = Mention(np_start, end, head, lemma, _class_of(lemma, phrase, mode), mode, determiner,
                          plural, False, sentence, modifiers=modifiers)
        mention.duration = _duration_before(doc, np_start, head) or _duration_after(doc, end, verb=False)
        mention.ordinal = next((o for o in doc.ordinals.values() if np_start <= o.span.start < head), None)
        found.append(mention)
    return found


def _verb_mentions(doc: Document) -> list[Mention]:
    """Verbs that state an event: with a mode, a duration, or counted ("met for the fifth time")."""
    found = []
    for match in _VERB.finditer(doc.text):
        form = " ".join(match["verb"].lower().split())
        lemma = _VERBS[form]
        head, end = match.span()
        clause_end = doc.clause_end(end)
        mode = _mode_near(doc, end, clause_end)
        duration = _duration_after(doc, end, verb=True)
        counted = _COUNTED.search(doc.text[end:clause_end]) is not None
        if mode is None and duration is None and not counted:
            continue
        mention = Mention(head, duration.span.end if duration else end, head, lemma,
                          _class_of(lemma, form, mode), mode, None, False, True, doc.sentence_of(head))
        mention.duration = duration
        found.append(mention)
    return found


def _demonstrative_durations(doc: Document, taken: set[int]) -> list[Mention]:
    """"those 45 minutes": a duration after a demonstrative, measuring no noun of its own."""
    found = []
    for duration in doc.durations:
        if duration.span.start in taken or duration["event"] is not None:
            continue
        if duration["determiner"] not in _DEMONSTRATIVE:
            continue
        sentence = doc.sentence_of(duration.span.start)
        before = _WORD_BEFORE.search(doc.text, max(0, duration.span.start - 20), duration.span.start)
        start = before.start() if before and before["word"].lower() in _DEMONSTRATIVE else duration.span.start
        found.append(Mention(start, duration.span.end, duration.span.start, "", "", None,
                             duration["determiner"], False, False, sentence, duration=duration))
    return found


def _fits(doc: Document, mention: Mention, earlier: Mention, numbered: Mention | None) -> bool:
    """Whether ``mention`` may refer back to ``earlier``, the latest mention of its chain; ``numbered``
    is the chain's latest mention with an ordinal, whose number a mention with another must not
    take ("the third game ... raised his game ... the eighth game"), unless it renames it."""
    if earlier.plural or earlier.cls != mention.cls:
        return False
    if mention.mode and earlier.mode and mention.mode != earlier.mode:
        return False
    if mention.date and earlier.date and _date_key(mention.date) != _date_key(earlier.date):
        return False
    if mention.ordinal and numbered is not None and mention.ordinal.value != numbered.ordinal.value:
        return mention.determiner in _DEMONSTRATIVE  # "this third round" names the earlier one anew
    mine, theirs = set(mention.participants), set(earlier.participants)
    return not (mine and theirs and not (mine <= theirs or theirs <= mine))


def _date_key(date: Claim) -> str:
    return " ".join(date.text.lower().split())


def _binding(doc: Document, mention: Mention, antecedent: Mention) -> Binding:
    """How far back the antecedent was. A description a few sentences on in the same paragraph
    ("began a three-week strike ... The council has ... the five-week strike") refers back to the
    event the paragraph tells as surely as one in the next sentence; so does the body's opening to a
    headline's mention. Across paragraphs it is a guess."""
    distance = mention.sentence - antecedent.sentence
    if distance == 0:
        return Binding.SENTENCE
    headline = headline_end(doc.text)
    if distance == 1 or (headline is not None and antecedent.end <= headline and distance <= 3):
        return Binding.NEXT_SENTENCE
    same_paragraph = not _PARAGRAPH_BREAK.search(doc.text, antecedent.end, mention.start)
    if distance <= _PARAGRAPH_SENTENCES and same_paragraph:
        return Binding.NEXT_SENTENCE
    return Binding.DOCUMENT


def _link(doc: Document, mentions: list[Mention]) -> None:
    """Give every mention its chain: its own, or the one earlier chain it refers to."""
    latest: dict[int, Mention] = {}  # chain → its latest mention so far
    timed: dict[int, Mention] = {}  # chain → its latest mention with a duration
    lemmas: set[tuple[int, str]] = set()  # (chain, lemma) of every mention so far
    numbered: dict[int, Mention] = {}  # chain → its latest mention with an ordinal
    for mention in mentions:
        if not mention.lemma:
            _link_duration(doc, mention, timed)
        elif mention.definite and not mention.plural:
            fitting = {m.chain: m for m in latest.values() if _fits(doc, mention, m, numbered.get(m.chain))}
            if len(fitting) > 1:
                fitting = _closest(mention, fitting, lemmas)
                mention.certain = False  # one of competing readings, if it is linked at all
            if len(fitting) == 1 and _dated_among_several(mention, next(iter(fitting.values())), latest):
                fitting = {}
            if len(fitting) == 1:
                antecedent = next(iter(fitting.values()))
                mention.chain, mention.antecedent = antecedent.chain, antecedent.start
                mention.binding = _binding(doc, mention, antecedent)
            else:
                mention.certain = True
        if mention.chain < 0:
            mention.chain = mention.start
        latest[mention.chain] = mention
        lemmas.add((mention.chain, mention.lemma))
        if mention.duration is not None:
            timed[mention.chain] = mention
        if mention.ordinal is not None:
            numbered[mention.chain] = mention


def _dated_among_several(mention: Mention, antecedent: Mention, latest: dict[int, Mention]) -> bool:
    """"The hearing lasted three hours ... a second hearing ... the eight-hour hearing came in May":
    a description that dates an event its one undated candidate never was, in a story of several
    such events, may as well be another of them."""
    if mention.date is None or antecedent.date is not None:
        return False
    return sum(1 for m in latest.values() if m.cls == mention.cls and not m.plural) > 1


def _closest(mention: Mention, fitting: dict[int, Mention],
             lemmas: set[tuple[int, str]]) -> dict[int, Mention]:
    """Among several chains a description fits, the one it names ("the meeting" after "met" and
    "the summit"), else the one just told of when every other is paragraphs back; else none."""
    named = {c: m for c, m in fitting.items() if (c, mention.lemma) in lemmas}
    if len(named) == 1:
        return named
    ranked = sorted(fitting.values(), key=lambda m: mention.sentence - m.sentence)
    near, far = (mention.sentence - m.sentence for m in ranked[:2])
    if near <= _RECENT_SENTENCES and far - near > _RECENT_SENTENCES:
        return {ranked[0].chain: ranked[0]}
    return {}


def _link_duration(doc: Document, mention: Mention, timed: dict[int, Mention]) -> None:
    """"those 45 minutes" restates the latest chain with a duration, a few sentences back at most."""
    recent = [m for m in timed.values() if mention.sentence - m.sentence <= _LOOKBACK_SENTENCES]
    if not recent:
        return
    antecedent = max(recent, key=lambda m: m.start)
    mention.lemma, mention.cls, mention.chain = antecedent.lemma, antecedent.cls, antecedent.chain
    mention.antecedent, mention.binding = antecedent.start, _binding(doc, mention, antecedent)
    mention.certain = len(recent) == 1


def find(text: str, atoms: list[Claim]) -> list[Mention]:
    """Every event mention in ``text``, in order, with its chain."""
    doc = Document(text, atoms)
    mentions = _noun_mentions(doc)
    nouns = {m.head for m in mentions}
    mentions += [m for m in _verb_mentions(doc) if m.head not in nouns]
    taken = {m.duration.span.start for m in mentions if m.duration is not None}
    mentions += _demonstrative_durations(doc, taken)
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        if mention.ordinal is not None and not mention.verb:
            mention.participants = doc.phrase_participants(mention)  # "Merz's third call with Macron"
        else:
            mention.participants = doc.participants(mention.sentence, mention.start)
        mention.date = _date_near(doc, mention)
    _link(doc, mentions)
    return [m for m in mentions if m.lemma]


def claims(text: str, mentions: list[Mention]) -> list[Claim]:
    """``event`` claims, one per mention."""
    found = []
    for m in mentions:
        claim = make_claim(
            text, "event", m.start, m.end, m.cls,
            fields={
                "class": m.cls, "lemma": m.lemma, "mode": m.mode, "chain": m.chain,
                "antecedent": m.antecedent, "duration": m.duration, "date": m.date,
                "ordinal": m.ordinal, "participants": list(m.participants), "plural": m.plural,
                "definite": m.definite, "determiner": m.determiner,
            },
        )
        found.append(replace(claim, binding=m.binding, certain=m.certain))
    return found
