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
  Any other determiner or clause word ("the", "which", "and") ends the search undecided (None), as
  does a date right after "was" ("the original date was April 15" names a date, it does not place
  an event) or more than two words of unknown class.
- ``sentence_tense`` is the coarser reading resolution needs (which Friday, which year): the nearest
  finite verb of the sentence, before the claim or else after it; prepositions ("by", "until") do not
  count.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from factcheck.claims import lexicon
from factcheck.claims.morphology import VerbForm, verb_form
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
_ABBREVIATIONS = frozenset(_TABLE["abbreviations"])
_END = regexcache.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n[ \t]*\n")
_WORD = regexcache.compile(r"[A-Za-z]+(?:[’'.-][A-Za-z]+)*[.]?|[’'](?:ll|s|re|ve)\b|n[’']t\b|[,;:()\"“”]")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    if match[0].startswith("\n"):
        return True
    if text[match.start()] != ".":
        return True
    word = re.search(r"([A-Za-z.]+)$", text[max(0, match.start() - 12):match.start()])
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


def sentence(text: str, start: int, end: int) -> str:
    """The text of the sentence containing ``text[start:end]``, without surrounding space."""
    first, last = sentence_bounds(text, start, end)
    return text[first:last].strip()


def _is_past(word: str) -> bool:
    return word in _PAST or (verb_form(word) is VerbForm.PAST and word not in _FUTURE)


def _may_be_participle(word: str) -> bool:
    return word not in _FUTURE and verb_form(word) in (VerbForm.PAST_OR_PARTICIPLE, VerbForm.PARTICIPLE)


def _adverb(word: str) -> bool:
    return word in _SKIP or (word.endswith("ly") and len(word) > 4)


def _participle_tense(words: list[str], raw: list[str]) -> str | None:
    """The tense of a participle ("held", "signed") from the words before it (nearest first): an
    auxiliary decides ("will be held", "is expected", "had signed"); a pronoun or a capitalised name
    makes it a past verb ("he met", "Smith resigned"); anything else leaves it a noun phrase's
    participle ("the year ended June 30"), undecided. "dated and delivered" reads through the "and"."""
    for word, written in zip(words, raw, strict=False):
        if word in _PAST_AUXILIARIES:
            return "past"
        if word in _BE or _adverb(word) or word in ("and", "or") or _may_be_participle(word):
            continue
        if word in _FUTURE:
            return "future"
        if word in ("is", "are", "am", "'re", "’re"):
            return "present"
        if word in _PAST_AUXILIARIES or word in _PRONOUNS:
            return "past"
        if written[:1].isupper() and word not in _STOP:
            return "past"
        return None
    return None


def tense_before(text: str, position: int) -> str | None:
    """``"past"``, ``"present"``, ``"future"`` or None: the tense of the verb group that governs
    what starts at ``position``, read backwards in its sentence."""
    first, _ = sentence_bounds(text, position, position)
    raw = _WORD.findall(text, first, position)[::-1]
    words = [w.lower().rstrip(".") for w in raw]
    lead = 0
    while lead < len(words) and words[lead] in _LEAD:
        lead += 1
    if lead == 0 and words and (words[0] in _BE or words[0] in _COPULAS):
        return None  # "the original date was April 15": the date is what is named, not when
    unknown = 0
    for index in range(lead, min(len(words), lead + _WORDS)):
        word = words[index]
        if _adverb(word):
            continue
        if word in _FUTURE:
            return "future"
        if word in _PRESENT:
            return "present"
        if word in _DETERMINERS and index + 1 < len(words) and _governs_object(words[index + 1]):
            continue  # "toured the plant on": the verb before the object decides
        if word in _STOP or not word[0].isalpha():
            return None
        if _is_past(word):
            return "past"
        if _may_be_participle(word):
            return _participle_tense(words[index + 1:index + 6], raw[index + 1:index + 6])
        unknown += 1
        if unknown > _UNKNOWN:
            return None
    return None


def _governs_object(word: str) -> bool:
    return word not in _REPORTING and (_is_past(word) or _may_be_participle(word))


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


def sentence_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the nearest finite verb to ``text[start:end]`` in its sentence (before it, else
    after it): ``"past"``, ``"present"``, ``"future"`` (a modal: "will", "would", "is going to",
    "plans to") or None."""
    first, last = sentence_bounds(text, start, end)
    before = [w.lower().rstrip(".") for w in _WORD.findall(text, first, start)]
    after = [w.lower().rstrip(".") for w in _WORD.findall(text, end, last)]
    for index in range(len(before) - 1, max(-1, len(before) - 13), -1):
        found = _finite_tense(before[index], before[index - 1] if index else None)
        if found == "past" and verb_form(before[index]) is not VerbForm.PAST:
            group = before[max(0, index - 3):index]  # "will be held", "is expected", "has been moved"
            found = next((_finite_tense(w, None) for w in reversed(group) if w in _MODALS or w in _PRESENT),
                         found)
        if found:
            return found
    for index, word in enumerate(after[:8]):
        found = _finite_tense(word, after[index - 1] if index else None)
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
    that relate claims sentences apart."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *sentence_starts(text)]

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1
