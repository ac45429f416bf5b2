"""Sentences and the tense of the verb group before a claim: the context a rule may need beyond a
claim's own words ("said on March 3, 2026" is past; "will meet on March 3, 2026" is not).

Both are pure functions of the text and a character offset, computed when a rule asks for them
(``sentence(c)`` and ``tense(c)`` in the rule language), never stored on the claim.

- A sentence ends at ``.``, ``!`` or ``?`` followed by a space and a capital letter, a digit or a
  quote, unless the word before the full stop is an abbreviation ("Oct.", "U.S.", "Mr.") or a single
  letter; a blank line ends a sentence too. Sentences are read at most ``_WINDOW`` characters either
  side of the claim.
- The tense is read backwards from the claim over at most ``_WORDS`` words of its sentence, with the
  lexicon ``lexicon/sentences.yaml`` and verb morphology (``morphology.py``: any regular or irregular
  verb): leading prepositions ("on", "in early") are passed over; the first auxiliary or marker of the
  future ("will", "would", "to", "scheduled", "by") makes it ``future``; a present form of "be" or
  "have" makes it ``present``; a past form that is no participle ("swam", "was", "forgave", and
  "said", "told") makes it ``past``. A form that may be a participle ("held", "toured", "built") is
  past only with an auxiliary ("was held", "had already shipped"; "will be held" is future) or right
  after a pronoun or a capitalised name ("Smith resigned on"); "the fiscal year ended June 30" is a
  noun phrase. A past verb right before its object ("We toured the plant on 3 June") governs the
  date too, unless it is a verb of saying ("said the talks on ..." places the talks, not the saying).
  Up to two phrases of place or manner between the verb and the date are passed over ("went to the
  polls in large numbers on", "sank off the coast near Dover on"; not "for", "of", "with"), but not
  the noun right before the date
  ("tickets sold out for the final on": the final's date). Any other determiner or clause word
  ("the", "which", "and") ends the search undecided (None), as does a date right after "was" ("the
  original date was April 15" names a date, it does not place an event) or more than two words of
  unknown class. A date that opens its sentence ("On 3 June, the minister toured", "By May the
  firm had shipped") is read forward instead, over its subject to its verb; one in a participial
  phrase takes the main verb after it ("The chairman, writing on 3 June, warned"); "on the night of",
  "in the early hours of" lead to a date as "on" does; after "since" only a perfect decides ("have
  doubled since June"). A date before its clause's verb is read forward as well: after a fronted phrase
  and a comma ("Last year, on 3 June, the firm hired"), between a subject and its verb ("the board on 4
  May sacked"), after a relative or subordinating word ("which on 12 March voted"), in a phrase set off
  by commas ("The minister, in a letter dated 4 March, admitted"). A day after a long object is its past
  verb's ("completed its purchase of the bus operator and two depots on", "finished building the stand
  on"; cue ``object``), unless the noun before the day names an event ("announced a hearing on"), the
  object holds a schedule or a booking ("a timetable of closures on"), or the verb arranges ("booked",
  "called a strike on"): word classes in the lexicon.
- ``sentence_tense`` is the coarser reading resolution needs (which Friday, which year): the nearest
  finite verb of the sentence, before the claim or else after it; prepositions ("by", "until") do not
  count.
"""

from __future__ import annotations

import bisect
import functools
import re
from functools import cached_property, lru_cache

from factcheck.claims import lexicon
from factcheck.claims.morphology import VerbForm, is_base_verb, verb_form
from factcheck.startup import regexcache

_WINDOW = 600
_WORDS = 6
_UNKNOWN = 2  # words of unknown class (objects, base forms) passed over before the verb
_TABLE = lexicon.load("sentences")
_FUTURE = frozenset(_TABLE["future"])
_PRESENT = frozenset(_TABLE["present"])
_PAST = frozenset(_TABLE["past"])
_REPORTING = frozenset(_TABLE["reporting"])
_MODALS = frozenset(_TABLE["modal_future"])
_AUXILIARY_MODALS = frozenset(("will", "'ll", "’ll", "shall", "would"))  # never a noun after "that"
_PAST_AUXILIARIES = frozenset(_TABLE["past_auxiliaries"])
_PRONOUNS = frozenset(_TABLE["pronouns"])
_COPULAS = frozenset(("was", "were", "is", "are", "am", "'s", "’s", "remains", "remained"))
_BE = frozenset(_TABLE["be"])
_STOP = frozenset(_TABLE["stop"])
_SKIP = frozenset(_TABLE["skip"])
_LEAD = frozenset(_TABLE["lead"])
_DETERMINERS = frozenset(_TABLE["determiners"])
_PERFECT = frozenset(("have", "'ve", "’ve"))
_MODALS_OF_PERFECT = frozenset(("would", "could", "should", "might", "may", "must", "will", "shall", "'d",
                                "’d"))
_PREPOSITIONS = frozenset(_TABLE["prepositions"]) - _FUTURE  # "by", "until", "from" mark the future
_CONJUNCTIONS = frozenset(_TABLE["conjunctions"])
_NUMBER_WORDS = frozenset(("two", "three", "four", "five", "six", "both", "several", "many", "some", "most",
                           "all"))
_FUNCTION_WORDS = _STOP | _LEAD | _SKIP | _FUTURE | _PRESENT | _BE | _PAST_AUXILIARIES | _COPULAS \
    | _PREPOSITIONS | _CONJUNCTIONS
_CALENDAR_WORDS = frozenset(_TABLE["calendar"])
_FINITE_AUXILIARIES = frozenset(("has", "have", "had", "is", "are", "was", "were", "will", "would", "could",
                                 "should", "may", "might", "can", "must", "shall"))
_VERB_PAST_FORMS = (VerbForm.PAST, VerbForm.PAST_OR_PARTICIPLE, VerbForm.PARTICIPLE)
# Tokens for words_before/words_after: numbers ("2.842", "3-1/4" as "3", "-", "1/4"), words, marks.
_TOKEN = regexcache.compile(r"\d+(?:[.,/:]\d+)*|[A-Za-z]+(?:[’'.-][A-Za-z]+)*|[^\w\s]")
_NEXT_WORD = regexcache.compile(r"[ \t]+([a-z]+)\b")
_ABBREVIATIONS = frozenset(_TABLE["abbreviations"])
_END = regexcache.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n[ \t]*\n")
# (A comma between digits, "40,000", is no mark: numbers are no words here.)
_WORD = regexcache.compile(
    r"[A-Za-z]+(?:[’'.-][A-Za-z]+)*[.]?|[’'](?:ll|s|re|ve)\b|n[’']t\b|(?<!\d),|,(?!\d)|[;:()\"“”]")


_WORD_BEFORE_STOP = regexcache.compile(r"([A-Za-z.]+)$")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    """Whether the stop ``match`` found ends a sentence: a decision of the text and the stop's offset
    alone, kept per text (the windows of neighbouring claims' sentences read the same stops)."""
    known = _decided(text)
    start = match.start()
    boundary = known.get(start)
    if boundary is None:
        boundary = known[start] = _ends_sentence(text, start)
    return boundary


@lru_cache(maxsize=4)  # by text: the last few documents'
def _decided(text: str) -> dict[int, bool]:
    return {}


def _ends_sentence(text: str, start: int) -> bool:
    """Whether the stop at ``start`` (a blank line, or ``.``, ``!``, ``?`` before a capital) ends a
    sentence: not after an abbreviation ("Oct.", "U.S.") or a single letter."""
    if text[start] != ".":
        return True  # a blank line, "!" or "?"
    word = _WORD_BEFORE_STOP.search(text[max(0, start - 12):start])
    if word is None:
        return True
    token = word[1].lower().strip(".")
    return len(token) > 1 and token not in _ABBREVIATIONS


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end offsets of the sentence containing ``text[start:end]``."""
    low, high = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    first, last = low, high
    for match in _END.finditer(text, low, high):
        if not _is_boundary(text, match):
            continue
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.end() if not match[0].startswith("\n") else match.start()
            break
    while first < start and text[first].isspace():
        first += 1
    return first, last


_BLANK_AFTER = regexcache.compile(r"[ \t]*(?:\n[ \t]*\n|\Z)")  # a blank line or the text's end


@functools.lru_cache(maxsize=64)
def headline_end(text: str) -> int | None:
    """Where the text's headline ends: its first block, when that is one line of at most 20 words
    that no full stop, colon or comma closes ("Council backs £4.2m library plan", a Markdown
    heading); None when the text opens with a sentence. A headline names the story's figures and
    events without an article, as first mentions the body then refers back to."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip()
    if not line or len(line.split()) > 20 or line.endswith((".", ":", ",", ";")):
        return None
    return end if _BLANK_AFTER.match(text, end) and end < len(text) else None


def sentence(text: str, start: int, end: int) -> str:
    """The text of the sentence containing ``text[start:end]``, without surrounding space."""
    first, last = sentence_bounds(text, start, end)
    return text[first:last].strip()


def _is_past(word: str) -> bool:
    return word in _PAST or (verb_form(word) is VerbForm.PAST and word not in _FUTURE)


def _may_be_participle(word: str) -> bool:
    return word not in _FUTURE and verb_form(word) in (VerbForm.PAST_OR_PARTICIPLE, VerbForm.PARTICIPLE)


def _past_form(word: str) -> bool:
    """A simple past or a form that may be a participle: the verb of a phrase read back from a date."""
    return _is_past(word) or _may_be_participle(word)


def _adverb(word: str) -> bool:
    return word in _SKIP or (word.endswith("ly") and len(word) > 4)


def _participle_tense(words: list[str], raw: list[str],
                      rest: tuple[list[str], list[str]] | None = None) -> tuple[str | None, str | None]:
    """The tense of a participle ("held", "signed") from the words before it (nearest first), and
    what decided it: an auxiliary ("will be held", "is expected", "had signed": ``auxiliary``, but
    "would have been" is a conditional, "be held" an infinitive); a pronoun or a capitalised name as
    its subject makes it a past verb ("he met": ``pronoun``, "Smith resigned": ``name``), unless the name is
    the object of a preposition ("for New York-based Terasat"), a possessive or a month; anything
    else leaves it a noun phrase's participle ("the year ended June 30"), undecided. "dated and
    delivered" reads through the "and". ``rest``: the words and their written forms from the same
    place to the sentence's start, where a subject's noun phrase is read to its end."""
    for index, (word, written) in enumerate(zip(words, raw, strict=False)):
        if word in _PAST_AUXILIARIES:
            if word in _PERFECT and index + 1 < len(words) and words[index + 1] in _MODALS_OF_PERFECT:
                return "future", "auxiliary"  # "would have been", "will have shipped": no fixed past
            return "past", "auxiliary"
        if word == "be":
            return "future", "auxiliary"  # "to be completed", "must be held": not a past
        if word in _BE or _adverb(word) or word in ("and", "or") or _may_be_participle(word):
            continue
        if word in _FUTURE:
            return "future", "auxiliary"
        if word in ("is", "are", "am", "'re", "’re"):
            return "present", "auxiliary"
        if word in _PRONOUNS:
            return "past", "pronoun"
        if written[:1].isupper() and word not in _STOP and word not in _CALENDAR_WORDS:
            return ("past", "name") if _opens_clause(words, raw, index) else (None, None)
        if word not in _FUNCTION_WORDS and verb_form(word) in (None, VerbForm.PRESENT):
            return ("past", "noun") if _noun_subject(words, raw, index, rest) else (None, None)
        return None, None
    return None, None


def _opens_clause(words: list[str], raw: list[str], index: int) -> bool:
    """Whether the capitalised name at ``index`` (of words read backwards) opens its clause, as a
    subject does: the sentence starts there, or a comma, a conjunction or a verb of saying comes
    before it ("said Smith resigned"). Not a possessive, nor a name inside a noun phrase or after a
    preposition ("for New-York based Terasat", "total Malaysian output", "of Macao formally ended")."""
    if words[index].endswith(("'s", "’s")):
        return False
    before = index + 1
    while before < len(raw) and raw[before][:1].isupper() and words[before] not in _STOP:
        before += 1  # the rest of the name: "New York", "Diamond Bathurst"
    return before >= len(words) or _clause_opener(words[before])


def _noun_subject(words: list[str], raw: list[str], index: int,
                  rest: tuple[list[str], list[str]] | None = None) -> bool:
    """Whether the lower-case words from ``index`` back (at most three: "the city council", "two
    sides", "engineers") are a noun phrase opening its clause, the subject of the verb after them;
    "for the fiscal year ended June 30" is a noun phrase after a preposition, no subject. A subject
    may hold one phrase of "of" ("sales of electric vans doubled in"), unless a period noun comes
    before the verb ("the results of the year ended June 30": a participle). The phrase after "of"
    is read in ``rest`` (the words to the sentence's start) when given, so that it ends where the
    sentence says, not where the words given stop: "Co's 86 mln dlrs of convertible subordinated
    debentures" is no subject, "the longtime owner of Beck's Hardware, died" is."""
    end = _noun_phrase(words, raw, index)
    if end >= len(words) or words[end] != "of":
        named = _noun_phrase(words, raw, index, names=True)  # "imports of Chinese steel surged"
        if named < len(words) - 1 and words[named] == "of":
            end = named
    if end < len(words) - 1 and words[end] == "of" and words[index] not in _PERIOD_NOUNS:
        words, raw = rest or (words, raw)
        end = _noun_phrase(words, raw, end + 1, names=True)  # "imports of Chinese steel"
    return end >= len(words) or _clause_opener(words[end])


_PERIOD_NOUNS = frozenset(("year", "years", "quarter", "quarters", "period", "periods", "month", "months",
                           "week", "weeks", "half", "day", "days", "session", "term"))


def _noun_phrase(words: list[str], raw: list[str], index: int, names: bool = False) -> int:
    """Where the lower-case noun phrase read back from ``index`` (at most three words and a determiner
    or a number word; capitalised ones too with ``names``) ends, in words read backwards."""
    end = index
    while end < min(len(words), index + 3) and words[end] not in _FUNCTION_WORDS \
            and (names or raw[end][:1].islower() or end == len(words) - 1) \
            and verb_form(words[end]) in (None, VerbForm.PRESENT):
        end += 1  # the sentence's first word is capitalised: "Sales of electric vans"
    if end < len(words) and (words[end] in _DETERMINERS or words[end] in _NUMBER_WORDS):
        end += 1
    return end


def _clause_opener(word: str) -> bool:
    return word in _CONJUNCTIONS or word in _REPORTING or not word[0].isalpha()


def tense_before(text: str, position: int, end: int | None = None) -> str | None:
    """``"past"``, ``"present"``, ``"future"`` or None: the tense of the verb group that governs
    what starts at ``position`` (and ends at ``end``), read backwards in its sentence."""
    return tense_reading(text, position, end)[0]


def tense_reading(text: str, position: int, end: int | None = None) -> tuple[str | None, str | None]:
    """The tense of the verb group that governs what starts at ``position``, and the cue that decided
    it: ``"form"`` (a form that is only a past: "swam", "was", "said"), ``"auxiliary"`` ("was held",
    "had shipped", "will meet"), ``"pronoun"``, ``"name"`` or ``"noun"`` (a form that may be a
    participle, taken as a verb from the subject before it: "we toured", "Smith resigned", "the two
    sides met") or ``"object"`` (such a form before its object: "the engineers inspected the bridge
    on"). A claim right after a determiner, a bare year right before a noun, or a claim followed by
    an auxiliary modifies a noun ("a July 1, 1988, date", "its 1988 projection", "of 1990 bonds",
    "the option on May 7 has been fixed") and has no tense of its own: (None, None). A claim that
    opens its sentence ("On 3 June, the minister toured ...", "By May the firm had shipped ...") is
    read forward, over its subject: see :func:`_reading_after`."""
    first, _ = sentence_bounds(text, position, position)
    raw = _WORD.findall(text, first, position)[::-1]
    words = [w.lower().rstrip(".") for w in raw]
    lead = _lead(words)
    if words[:1] == ["since"] and end is not None:
        return _since(words, raw)
    if lead < len(words) and _gerund(words[lead]) and end is not None:
        participle = _participle_phrase(text, words, lead, end)
        if participle[0] is not None:
            return participle
    if lead == 0 and words and (words[0] in _BE or words[0] in _COPULAS or words[0] in _DETERMINERS):
        return None, None  # "the original date was April 15", "a July 1 date": a date named, not a time
    if end is not None and _modifies_noun(text, position, end, after_preposition=lead > 0):
        return None, None
    if end is not None and words and all(w in _LEAD or w in _OPENING for w in words):
        after = _reading_after(text, end)
        if after[0] is not None:
            return after
    on_day = end is not None and words[:lead] == ["on"] and bool(_DAY_WRITTEN.search(text, position, end))
    if on_day and lead < len(words) and words[lead] in _CLAUSE_WORDS:
        after = _clause_verb_after(text, words, lead, end)  # "when on 19 April the bank announced"
        if after[0] is not None:
            return after
    found = _reading_before(words, raw, lead)
    if end is not None and _verb_follows(text, end) and not _relative_clause(words, lead):
        return None, None
    if found[0] is None and end is not None and (on_day or (lead == 0 and words[:1] == ["dated"]
                                                            and _DAY_WRITTEN.search(text, position, end))):
        # a day ("on 14 May 2027", "dated 4 March 2027"): a month or a year in these shapes is as often a
        # noun's ("bonds of 2016 closed", "before he leaves office in 1989, said", "Stocks, May 31, 1987,
        # projected at")
        found = _clause_verb_after(text, words, lead, end) if on_day else (None, None)
        if found[0] is None:
            found = _parenthetical(text, words, lead, end)
        if found[0] is None and on_day:
            found = _verb_over_object(words, raw, lead)
    if found[0] == "past" and _arranged(words, lead):
        return None, None
    return found


_ARRANGING = frozenset(_TABLE["arranging_verbs"])
_INFINITIVE_VERBS = frozenset(_TABLE["infinitive_verbs"])


def _phrase_after(words: list[str], index: int) -> bool:
    """Whether the "to" read at ``index - 1`` (words read backwards) follows a past form that takes no
    infinitive, so opens a phrase: "was reopened to traffic", "were sold to investors"."""
    return index < len(words) and words[index] not in _INFINITIVE_VERBS and _past_form(words[index])


_BOOKED = frozenset(_TABLE["schedule_nouns"])


def _arranged(words: list[str], lead: int) -> bool:
    """Whether the past verb before a date (read backwards over its object) arranged something for that
    day rather than did something on it: a verb of arranging ("booked a table on", "called a strike
    on", "promised a statement on") or a noun of a schedule or a booking in its object ("published a
    timetable of closures on", "sold seats on flights on", "gave residents notice of works on")."""
    for index, word in enumerate(words[lead:lead + _OBJECT_WORDS]):
        if word in _BOOKED or word.rstrip("s") in _BOOKED:
            return True
        if _past_form(word):
            return index > 0 and word in _ARRANGING  # "called on 3 May for calm": the calling's day
        if not word[0].isalpha():
            return False
    return False


# Words that open a clause, read backwards from a date: what stands between them and the date is the
# clause's subject, if anything ("which on 12 March voted", "because on 5 May the river burst").
_CLAUSE_WORDS = frozenset(("which", "who", "that", "because", "when", "while", "although", "though", "as",
                           "after", "before", "once", "since", "where", "whereas"))
_SUBJECT_WORDS = 5  # words of a subject between a clause's opening and its date ("the regional council")


def _clause_verb_after(text: str, words: list[str], lead: int, end: int) -> tuple[str | None, str | None]:
    """A date that stands before its clause's verb, after the clause's opening (a comma, the sentence's
    start, a relative or subordinating word) and at most its subject: "In a surprise move, the board on
    4 May sacked", "which on 12 March voted", "because on 5 May the river burst", "Last year, on 3 June,
    the firm hired". Read forward, as for a date that opens its sentence. Not after a preposition's
    phrase ("tickets for the final on 3 May sold out": the final's date), nor after a verb."""
    subject = 0
    for word in words[lead:lead + _SUBJECT_WORDS + 1]:
        if word in _CLAUSE_WORDS or not word[0].isalpha():
            break
        if word in _FUNCTION_WORDS - _DETERMINERS or _past_form(word) or _gerund(word) or _adverb(word):
            return None, None
        subject += 1
    else:
        if lead + subject < len(words):
            return None, None  # a longer phrase before the date
    if subject and (words[lead] in _EVENT_NOUNS or words[lead].rstrip("s") in _EVENT_NOUNS):
        return None, None  # "the vote on 3 May was"; not by its ending: "the federation on 2 July suspended"
    phrase = words[lead:lead + subject][::-1]  # the subject in text order
    if (phrase and not (phrase[0] in _DETERMINERS or (phrase == [phrase[0]] and phrase[0] in _PRONOUNS))) \
            or any(verb_form(w) is not None and w not in _DETERMINERS for w in phrase[1:-1]):
        return None, None  # "which mature on": a verb, no subject; a subject opens on a determiner
    if not subject and lead < len(words) and words[lead] == "," and (
            text[end:end + 1] != "," or lead + 1 >= len(words) or not words[lead + 1][0].isalpha()
            or words[lead + 1] in _CALENDAR_WORDS):
        # "Stocks, May 31, projected at", "debentures due January 15, 1996 on April 30, 1987, at": no
        # fronted phrase of words closed by a comma after the date
        return None, None
    opened = lead < len(words) and words[lead] in _CLAUSE_WORDS  # "which on 3 May voted": no subject after
    return _reading_after(text, end, subject_read=subject > 0 or opened)


# A date with its day ("on 14 May 2027", "May 14, 2027"): a day told after a verb's object is the
# verb's ("completed its purchase of the bus operator and two depots on 14 May"); a month or a year after
# an object is as often the object's own ("a target of zero emissions in 2050").
_DAY_WRITTEN = regexcache.compile(r"(?<![\d.,])\d{1,2}(?:st|nd|rd|th)?\b(?![.,]?\d)(?!(?<=\d)\d)")
_OBJECT_LEADS = frozenset(("on",))
_OBJECT_WORDS = 12  # words of an object (and its phrases) between a past verb and its day
_EVENT_NOUNS = frozenset(_TABLE["event_nouns"])
_EVENT_ENDINGS = ("tion", "sion", "ment", "ings")
_TIME_UNITS = frozenset(("hour", "day", "week", "minute", "month", "year", "time", "night", "decade",
                         "second"))


def _event_noun(word: str) -> bool:
    """A noun that names an event with a day of its own ("the vote on 3 May", "a consultation on", "the
    hearing on", "its announcement on", "road closures on"): the day may be the event's, not the verb's."""
    return word in _EVENT_NOUNS or word.rstrip("s") in _EVENT_NOUNS or word.endswith(_EVENT_ENDINGS) \
        or (word.endswith("ing") and _gerund(word))


# Modals and plans the object reading stops at (not the prepositions of the future list: "by a wide
# margin", "through the city centre" are phrases of manner and place).
_ALL_PREPOSITIONS = frozenset(_TABLE["prepositions"])
_OBJECT_MODALS = frozenset(("could", "can", "may", "might", "must", "should", "shall", "'d", "’d"))


def _opening_subject(words: list[str]) -> bool:
    """Whether the words before a verb (read backwards, to the sentence's start) are at most three words
    of a noun phrase opening the sentence ("Hospital staff", "Fire crews", "The regional council")."""
    return 0 < len(words) <= 3 and all(
        w[0].isalpha() and (w in _DETERMINERS or w not in _FUNCTION_WORDS)
        and verb_form(w) in (None, VerbForm.PRESENT)
        for w in words)


def _parenthetical(text: str, words: list[str], lead: int, end: int) -> tuple[str | None, str | None]:
    """A date inside a phrase set off by commas, or opening the sentence, before the main verb: "The
    minister, in a letter to MPs dated 4 March, admitted", "Officials, speaking at a press briefing on
    10 May, confirmed", "Speaking at a press briefing on 10 May, the mayor said". The verb after the
    closing comma decides (as for a participial phrase, :func:`_participle_phrase`); the phrase holds no
    finite verb, modal or plan word, and does not follow a noun of an event ("The final, on 3 May, sold
    out" is the final's day)."""
    for index in range(lead, min(len(words), lead + 10)):
        word = words[index]
        if word == "," or index + 1 == len(words):
            opens = word != ","
            noun = words[index + 1] if not opens and index + 1 < len(words) else ""
            if (index == lead and not opens) or _event_noun(noun):
                return None, None
            close = text.find(",", end)
            _, last = sentence_bounds(text, end, end)
            if close < 0 or close >= last or text[end:close].strip():
                return None, None
            if opens:
                return _reading_after(text, close) if words[index][0].isalpha() else (None, None)
            following = [w.lower().rstrip(".") for w in _WORD.findall(text, close + 1, last)[:1]]
            if following and (following[0] in _PAST_FINITE or _is_past(following[0])):
                return "past", "form"
            return ("past", "name") if following and _may_be_participle(following[0]) else (None, None)
        if not word[0].isalpha() or word in _CLAUSE_WORDS or word in _FUTURE - _ALL_PREPOSITIONS \
                or word in _PRESENT or word in _BE or word in _COPULAS or _is_past(word) \
                or (_may_be_participle(word) and index != lead):
            return None, None
    return None, None


def _verb_over_object(words: list[str], raw: list[str], lead: int) -> tuple[str | None, str | None]:
    """A day after a past verb's long object, read backwards over it ("The council completed its purchase
    of the regional bus operator and two depots on", "Workers finished building the new stand on", "The
    airline cancelled 40 flights and stranded thousands of passengers on"): up to :data:`_OBJECT_WORDS`
    words of nouns, adjectives, determiners, numbers, gerunds and phrases of place or manner, to a form
    that is only a past or a participle with its subject ("the council completed"). Undecided when the
    noun before the day names an event with a day of its own ("announced a consultation on"), or at a
    clause's edge (a comma, "which", an infinitive's "to", a modal, a present verb before its object)."""
    if lead >= len(words) or _event_noun(words[lead]) or not words[lead][0].isalpha():
        return None, None
    for index in range(lead, min(len(words), lead + _OBJECT_WORDS)):
        word = words[index]
        before = words[index + 1] if index + 1 < len(words) else ""
        if raw[index][0].isupper() and before and before[0].isalpha() and raw[index] != "I":
            continue  # a word of a name inside the sentence: "adopted the Walking Plan on"
        if not word[0].isalpha() or word in _CLAUSE_WORDS or word in _MODALS or word in _OBJECT_MODALS \
                or word in _PRESENT or word in _BE or word in _COPULAS \
                or word in ("but", "or", "if", "whether", "whichever"):
            return None, None
        if word == "for" and words[lead].rstrip("s") not in _TIME_UNITS:
            return None, None  # "booked a table for two on", "fined it for the spills on": a purpose's day
        if word == "to":
            following = words[index - 1] if index > lead else ""
            if is_base_verb(following) and following not in _DETERMINERS:
                return None, None  # "agreed to sell the plant on": the infinitive's day
            continue
        if _is_past(word):
            return ("past", "object") if word not in _REPORTING else (None, None)
        if _may_be_participle(word):
            if before in _DETERMINERS or before in _NUMBER_WORDS or _adverb(before):
                continue  # "the damaged rail line": an adjective
            tense, _ = _participle_tense(words[index + 1:index + 6], raw[index + 1:index + 6],
                                         rest=(words[index + 1:], raw[index + 1:]))
            if tense is None and _opening_subject(words[index + 1:]):
                tense = "past"  # "Hospital staff treated ...": the sentence's subject before it
            if tense == "past" and word not in _REPORTING:
                return "past", "object"
            if tense is None and before == "and":
                continue  # "cancelled 40 flights and stranded": the first verb of the pair decides
            return None, None
        if verb_form(word) is VerbForm.PRESENT and index > lead and words[index - 1] in _DETERMINERS:
            return None, None  # "the firm that bought the site opens the store on": a present verb
        plural_before = before.endswith("s") and not before.endswith("ss")
        if is_base_verb(word) and (before in _MODALS_OF_PERFECT or before in ("to", "and", "or", "not")
                                   or before in _PRONOUNS
                                   or (index == lead and (before in _ALL_PREPOSITIONS or plural_before))):
            return None, None  # "will open the stand on", "they open the doors on", "leases ... expire on"
    return None, None


# Parts of a day named before the date they belong to: "on the night of 3 June", "in the early hours of".
_DAY_PART_NOUNS = frozenset(("night", "morning", "evening", "afternoon", "eve", "hours"))


def _lead(words: list[str]) -> int:
    """How many words before a claim (read backwards) are its leading prepositions and qualifiers ("on",
    "in early"), a part of its day included ("on the night of", "in the early hours of")."""
    lead = 0
    while lead < len(words) and words[lead] in _LEAD:
        lead += 1
        if lead and words[lead - 1] == "of" and lead < len(words) and words[lead] in _DAY_PART_NOUNS:
            part = lead + 1 + int(lead + 1 < len(words) and words[lead + 1] in ("early", "small"))
            if part < len(words) and words[part] == "the":
                lead = part + 1
    return lead


def _since(words: list[str], raw: list[str]) -> tuple[str | None, str | None]:
    """"have lived there since June 2027", "had been closed since 2027": a perfect before "since" says the
    time has begun; anything else after "since" is left undecided ("the first since 2027")."""
    found = _reading_before(words, raw, 1)
    return found if found == ("past", "auxiliary") else (None, None)


def _gerund(word: str) -> bool:
    """Whether a word is a verb's "-ing" form ("speaking", "closing", "stopping"), by its base form."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    doubled = stem[:-1] if stem[-1:] == stem[-2:-1] else ""  # "stopping"
    return any(is_base_verb(base) for base in (stem, stem + "e", doubled) if base)


def _participle_phrase(text: str, words: list[str], lead: int, end: int) -> tuple[str | None, str | None]:
    """A date in a participial phrase set off by commas takes the tense of the main verb after it ("The
    minister, speaking on 3 June, said ...", "Speaking on 3 June, the minister said ..."): the verb right
    after the closing comma, else, when the phrase opens the sentence, the verb after its subject."""
    rest = words[lead + 1:]
    opens = not rest
    if not opens and rest[0] != ",":
        return None, None
    close = text.find(",", end)
    _, last = sentence_bounds(text, end, end)
    if close < 0 or close >= last:
        return None, None
    if opens:
        return _reading_after(text, close)
    following = [w.lower().rstrip(".") for w in _WORD.findall(text, close + 1, last)[:1]]
    if not following:
        return None, None
    if following[0] in _PAST_FINITE or _is_past(following[0]):
        return "past", "form"
    return ("past", "name") if _may_be_participle(following[0]) else (None, None)  # ", warned"


# Prepositions a sentence may open with before its date, read forward ("By May 2027 the firm had").
_OPENING = frozenset(("by",))
# Words that head a phrase of place or manner passed over between a verb and its date ("went to the
# polls in large numbers on", "overturned on the main road near Perth on"; "to" only before an
# article). Not "for", "of", "with": their phrase often holds the date's own noun or purpose
# ("requested $312 billion for defense in 1988", "called for redemption on May 4", "sold 3 billion of
# 8.50 pct November 2002 stock").
_PHRASE_HEADS = (_PREPOSITIONS | _LEAD) - _FUTURE - frozenset(("since", "to", "of"))
_PHRASES = 2  # prepositional phrases passed over at most
# Words that stop the reading ("results for the quarter ended", "talks with the union on") but head a
# phrase of the verb right before them, which is then the date's: "filed for bankruptcy in September".
_VERB_PHRASE_HEADS = frozenset(("for", "with"))
# Heads of a phrase of place, whose noun right before a date is where the verb's event happened ("sang at
# the festival on", "was arrested outside the ground on"); "on", "to", "about" phrases name a thing
# with a date of its own ("commented on the vote on", "was invited to the summit on").
_PLACE_HEADS = frozenset(("at", "in", "into", "near", "outside", "inside"))


def _reading_before(words: list[str], raw: list[str], lead: int) -> tuple[str | None, str | None]:
    """The backward reading of :func:`tense_reading`: the verb group before the claim, over at most
    ``_WORDS`` words of unknown class or objects and :data:`_PHRASES` prepositional phrases."""
    unknown = 0
    phrases = 0
    through_object = False
    index = lead
    while index < min(len(words), lead + _WORDS + 4 * phrases):
        word = words[index]
        index += 1
        if _adverb(word):
            continue
        if unknown and phrases < _PHRASES \
                and (word in _PHRASE_HEADS or (word == "to" and words[index - 2] in _DETERMINERS)
                     or (word in _VERB_PHRASE_HEADS and index < len(words) and _past_form(words[index]))):
            phrases, unknown = phrases + 1, 0  # "near Perth", "in large numbers", "to the polls", and
            # "for" or "with" right after a past verb: "filed for bankruptcy in", "met with unions on"
            continue
        if word == "to" and index - 1 > lead \
                and (not is_base_verb(words[index - 2]) or _phrase_after(words, index)):
            unknown += 1  # "flew to Brussels on", "was reopened to traffic on": a preposition, no infinitive
            continue
        if word == "by" and "had" in words[index:index + 4] \
                and any(_may_be_participle(w) for w in words[index:index + 3]):
            return "past", "auxiliary"  # "had already shipped by June": a past reached before the date
        if word in _FUTURE:
            return "future", "auxiliary"
        if word in _PRESENT:
            return "present", "auxiliary"
        if word in _DETERMINERS and index < len(words) and _governs_object(words[index]):
            through_object = True
            continue  # "toured the plant on": the verb before the object decides
        if word in _DETERMINERS and unknown and phrases < _PHRASES and index < len(words) \
                and ((phrases and (words[index] in _PHRASE_HEADS or words[index] == "to"))
                     or words[index] in _PLACE_HEADS
                     or (words[index] in _VERB_PHRASE_HEADS and index + 1 < len(words)
                         and _past_form(words[index + 1]))
                     or (words[index] == "to" and index + 1 < len(words) and _is_past(words[index + 1]))):
            continue  # the article of a phrase passed over: "on the main road", "to the polls", and right
            # before the date one of place ("broke out at the warehouse on") or of "to" after a verb that
            # is only a past ("went to the polls on", "wrote to the council on"; not "was invited to the
            # summit on", "objected to the vote on": the date may be the summit's, the vote's)
        if word in _STOP or not word[0].isalpha():
            return None, None
        if _is_past(word):
            return "past", "form"
        if _may_be_participle(word):
            tense, cue = _participle_tense(words[index:index + 5], raw[index:index + 5],
                                           rest=(words[index:], raw[index:]))
            if tense is None and through_object:
                return "past", "object"  # "the engineers inspected the bridge on"
            return tense, cue
        if not unknown and not phrases and is_base_verb(word) and raw[index - 1][:1].islower() \
                and index + 1 < len(words) and words[index] in _PHRASE_HEADS \
                and _past_form(words[index + 1]):
            return None, None  # "the bonds issued in 2019 mature on": a present verb of its own
        if index - 1 == lead and _present_schedule(words, raw, index):
            return "present", "noun"
        unknown += 1
        if unknown > _UNKNOWN:
            return None, None
    return None, None




# Third-person "-s" forms news writes far more often as plural nouns ("sold 1,000 shares on Monday").
_PLURAL_NOUNS = frozenset(("shares", "stocks", "bonds", "prices", "sales", "talks", "notes", "rates",
                           "futures", "earnings", "results", "securities", "units", "funds", "imports",
                           "exports", "profits", "losses", "gains", "returns", "orders", "deliveries"))


def _present_schedule(words: list[str], raw: list[str], index: int) -> bool:
    """Whether the word before a date (``words[index - 1]``) is a present "-s" verb after a noun
    subject: a timetable ("the committee meets on", "the ballot closes on", "Parliament reconvenes
    on"), whatever verb of saying follows ("..., the union said")."""
    word = words[index - 1]
    if not word.endswith("s") or word in _PLURAL_NOUNS or word in _FUNCTION_WORDS \
            or verb_form(word) is not VerbForm.PRESENT:
        return False
    if index < len(words) and (words[index] in _DETERMINERS or words[index] in _NUMBER_WORDS):
        return False  # "both locks on", "its doors on": a determiner comes before a noun, not a verb
    end = _noun_phrase(words, raw, index)
    if end > index and end < len(words) - 1 and words[end] in _SUBJECT_PHRASE_HEADS:
        end = _noun_phrase(words, raw, end + 1, names=True)  # "the ballot on the new pay offer closes on"
    return end > index and (end >= len(words) or _clause_opener(words[end]))


_SUBJECT_PHRASE_HEADS = frozenset(("of", "on", "for", "in", "at"))


def _relative_clause(words: list[str], lead: int) -> bool:
    """Whether the claim ends a relative clause whose verb is before it ("The minister, who resigned on
    16 June, has ...", "the plant, which he toured on 3 June, is ...", "the match that we won on 3 June
    was"): the auxiliary after the claim
    is the main clause's, not a verb of the claim's noun phrase."""
    return any(word in ("who", "which", "that") for word in words[lead:lead + 4])


_AFTER_REACH = 12  # words after a claim that opens its sentence read for its verb (a subject between)
_FUTURE_AFTER = frozenset(("will", "'ll", "’ll", "shall", "would", "could", "can", "may", "might", "must",
                           "should", "going", "gonna"))
_PAST_FINITE = frozenset(("was", "were", "had"))


def _reading_after(text: str, end: int, subject_read: bool = False) -> tuple[str | None, str | None]:
    """The tense of the verb after a claim that opens its sentence, over the subject between ("On 3
    June 2027, the minister toured", "By May the company had shipped"). A modal or a present is no
    past ("will tour", "is"); "was due to", "had been scheduled to" are the future seen from the
    past; a form that may be a participle is a past verb only when no auxiliary follows it ("the
    newly elected council will meet" is future) and not right after a determiner ("the revised
    plan"). A verb of saying before a modal leaves the date to what was said ("In 1988, Douglas
    said sales should rise"): undecided."""
    _, last = sentence_bounds(text, end, end)
    words = [w.lower().rstrip(".") for w in _WORD.findall(text, end, last)[:_AFTER_REACH]]
    for index, word in enumerate(words):
        if word in _FUTURE_AFTER:
            return "future", "auxiliary"
        if word in _PRESENT:
            return "present", "auxiliary"
        if word in _PAST_FINITE:
            if any(w in _FUTURE for w in words[index + 1:index + 3]):
                return "future", "auxiliary"  # "was due to", "had been scheduled to"
            return "past", "auxiliary" if word == "had" else "form"
        if (word in (",", "(") and index == 0) or _adverb(word):
            continue
        if not word[0].isalpha() or (word in _CONJUNCTIONS and index):
            return None, None  # another clause: its verb is not the claim's
        if (index == 0 and not subject_read) or (index and words[index - 1] in _DETERMINERS) \
                or word in _FUTURE:
            continue
        if word in _REPORTING and any(w in _FUTURE_AFTER for w in words[index + 1:]):
            return None, None  # "In 1988, Douglas said Dean should gain": the date is the saying's content's
        if _is_past(word):
            return "past", "form"
        if _may_be_participle(word):
            rest = words[index + 1:]
            if subject_read and "," in rest:
                rest = rest[:rest.index(",")]  # "which on 3 May voted to close it, has appealed"
            if any(w in _FUTURE_AFTER or w in _PRESENT or w in _PAST_FINITE for w in rest):
                continue  # "the newly elected council will meet": a participle in the subject
            return "past", "noun"
    return None, None


def _verb_follows(text: str, end: int) -> bool:
    """Whether an auxiliary follows the claim ("The investor put option on May 7, 1993 has been
    fixed", "The vote on June 3, 2026, was delayed"): the claim sits in the subject's noun phrase,
    and the verbs before it are no verbs of its clause."""
    match = _NEXT_WORD.match(text, end + 1 if text[end:end + 1] == "," else end)
    return match is not None and match[1] in _FINITE_AUXILIARIES


def words_before(text: str, position: int, count: int) -> list[str]:
    """The last ``count`` tokens of the sentence before ``position``, lower case, in text order."""
    first, _ = sentence_bounds(text, position, position)
    return [t.lower() for t in _TOKEN.findall(text, first, position)[-count:]] if count > 0 else []


def words_after(text: str, position: int, count: int) -> list[str]:
    """The first ``count`` tokens of the sentence after ``position``, lower case."""
    _, last = sentence_bounds(text, position, position)
    return [t.lower() for t in _TOKEN.findall(text, position, last)[:count]] if count > 0 else []


_MONTH_YEAR = regexcache.compile(r"[A-Za-z]+\.?[ \t]+\d{4}")


def _modifies_noun(text: str, start: int, end: int, after_preposition: bool = False) -> bool:
    """Whether a bare year, or a month and year not after a preposition ("1990" of "1990 bonds",
    "November 2002 stock"; not "In March 2026 hundreds of fans"), is followed right away by a word
    that is no function word or verb: then it names a kind of thing (bonds due in 1990), not a time."""
    written = text[start:end].strip()
    if not (written.isdigit() or (_MONTH_YEAR.fullmatch(written) and not after_preposition)):
        return False
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return False
    word = match[1]
    return word not in _FUNCTION_WORDS and not _adverb(word) and verb_form(word) not in _VERB_PAST_FORMS


def _governs_object(word: str) -> bool:
    """Whether a verb form may take the object between it and the claim: not a verb of saying, nor
    a copula ("was the opening in 1991" names an event by a noun, with its own time)."""
    return word not in _REPORTING and word not in _COPULAS and _past_form(word)


def _finite_tense(word: str, previous: str | None) -> str | None:
    if previous in _DETERMINERS and word not in _AUXILIARY_MODALS:
        return None  # "the revised plan", "announced the plan Aug. 21": an adjective or a noun
    if word in _MODALS:
        return "future"
    if word in _PRESENT:
        return "present"
    if _is_past(word) or verb_form(word) is VerbForm.PAST_OR_PARTICIPLE:
        return "past"
    return None  # a third-person "-s" form is too often a plural noun ("shares") to decide


# How far after a claim that opens its sentence the main verb is looked for: a long subject may stand
# between ("On Friday, the head of the regional water authority and her deputy will brief ...").
_VERB_AFTER_REACH = 14
# The longest aside between commas right after the claim that does not use up that reach ("In January,
# a week after the 25th anniversary of the court's decision, a bombing killed ...").
_ASIDE_REACH = 16


def _after_reach(after: list[str]) -> int:
    """How many tokens after the claim the main verb is looked for: the reach, past an aside that
    the claim's comma opens and a comma closes."""
    if after[:1] != [","]:
        return _VERB_AFTER_REACH
    close = next((i for i, word in enumerate(after[1:_ASIDE_REACH + 2], 1) if word == ","), None)
    return _VERB_AFTER_REACH if close is None else close + _VERB_AFTER_REACH


def sentence_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the nearest finite verb to ``text[start:end]`` in its sentence (before it, else
    after it): ``"past"``, ``"present"``, ``"future"`` (a modal: "will", "would", "is going to",
    "plans to") or None."""
    first, last = sentence_bounds(text, start, end)
    before = [w.lower().rstrip(".") for w in _WORD.findall(text, first, start)]
    after = [w.lower().rstrip(".") for w in _WORD.findall(text, end, last)]
    for index in range(len(before) - 1, max(-1, len(before) - 13), -1):
        if before[index] == "next" and before[index + 1:index + 2] == ["to"]:
            continue  # "the embassies next to the bank": a preposition, not "next week"
        found = _finite_tense(before[index], before[index - 1] if index else None)
        if found == "past" and verb_form(before[index]) is not VerbForm.PAST:
            group = before[max(0, index - 3):index]  # "will be held", "is expected", "has been moved"
            found = next((_finite_tense(w, None) for w in reversed(group) if w in _MODALS or w in _PRESENT),
                         found)
        if found:
            return found
    for index, word in enumerate(after[:_after_reach(after)]):
        found = _finite_tense(word, after[index - 1] if index else None)
        if found == "future" and word not in _AUXILIARY_MODALS \
                and verb_form(word) in (VerbForm.PAST, VerbForm.PAST_OR_PARTICIPLE):
            # "On Friday, the government planned to pay", "On Monday the vote was delayed": a plan made
            # (or put off) on the day the sentence opens with, a day already gone.
            return "past"
        if found:
            return found
    return None


def sentence_ends(text: str) -> list[int]:
    """The offsets where the sentences of ``text`` end, in order (the same ends as
    :func:`sentence_bounds` finds), for a reader that needs every sentence of a document at once."""
    ends = []
    for match in _END.finditer(text):
        if _is_boundary(text, match):
            ends.append(match.end() if not match[0].startswith("\n") else match.start())
    return ends


@lru_cache(maxsize=4)
def sentence_starts(text: str) -> tuple[int, ...]:
    """The offsets where each sentence of ``text`` after the first begins (the same boundaries as
    :func:`sentence_bounds`, read over the whole text once). Kept for the last few texts: event
    mentions, anchors, lengths and terms each ask for the same document's."""
    found: list[int] = []
    for match in _END.finditer(text):
        if not (_is_boundary(text, match) or _ends_after_clock(text, match)):
            continue
        if text[found[-1] if found else 0 : match.start()].strip():  # no empty sentences
            found.append(match.end())
    return tuple(found)


_OPENERS_AFTER = regexcache.compile(
    r"\s+(?:The|A|An|It|This|That|These|Those|They|He|She|We|Over|But|In|On)\b"
)


def _ends_after_clock(text: str, match: re.Match[str]) -> bool:
    """"ran from 9 a.m. to 11 a.m. The hearing ...": "a.m." or "p.m." before a word that opens
    sentences ends one."""
    return text[max(0, match.start() - 3) : match.start()].lower() in ("a.m", "p.m") and bool(
        _OPENERS_AFTER.match(text, match.end()))


class SentenceIndex:
    """Which sentence of a whole text an offset is in (sentences numbered from 0), for extractors
    that relate claims sentences apart; the sentences are read on first use."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def starts(self) -> list[int]:
        return [0, *sentence_starts(self.text)]

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1
