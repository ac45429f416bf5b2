"""Verb morphology: whether a word is a past form, a past participle or a present form of some English
verb, regular or irregular ("toured", "swam", "had shipped", "forgave", "has built").

Read from lemminflect's lemma and inflection tables (a maintained, spaCy-free English morphology
dictionary with an out-of-vocabulary model for regular forms), so the tense of any verb is known,
not only of the verbs a word list happens to hold. The tables load on the first question (a few
hundred milliseconds, once per process); answers are cached per word.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache


class VerbForm(StrEnum):
    PAST = "past"  # a simple past that is no participle: "swam", "went", "was"
    PAST_OR_PARTICIPLE = "past_or_participle"  # "toured", "held", "built": past verb or participle
    PARTICIPLE = "participle"  # only a participle: "swum", "gone", "been"
    PRESENT = "present"  # a third-person present: "says", "tours"


@cache
def verb_form(word: str) -> VerbForm | None:
    """The form ``word`` (lower case) has as a verb, or None for a base form, a gerund or no verb."""
    if len(word) < 2 or not word.isalpha():
        return None
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    found: set[VerbForm] = set()
    for lemma in lemmas:
        past = set(getInflection(lemma, tag="VBD") or ()) | ({"was", "were"} if lemma == "be" else set())
        participle = set(getInflection(lemma, tag="VBN") or ())
        if word in past and word in participle:
            found.add(VerbForm.PAST_OR_PARTICIPLE)
        elif word in past:
            found.add(VerbForm.PAST)
        elif word in participle:
            found.add(VerbForm.PARTICIPLE)
        elif word in set(getInflection(lemma, tag="VBZ") or ()) and word != lemma:
            found.add(VerbForm.PRESENT)
    for form in VerbForm:  # the most telling form first
        if form in found:
            return form
    return None
