"""Verb morphology: whether a word is a past form, a past participle or a present form of some English
verb, regular or irregular ("toured", "swam", "had shipped", "forgave", "has built").

Read from lemminflect's lemma and inflection tables (a maintained, spaCy-free English morphology
dictionary with an out-of-vocabulary model for regular forms), so the tense of any verb is known,
not only of the verbs a word list happens to hold. The tables load on the first question (a few
hundred milliseconds, once per process); answers are cached per word, for the most recent words
(bounded, so a corpus's growing vocabulary does not grow the process).
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache


class VerbForm(StrEnum):
    PAST = "past"  # a simple past that is no participle: "swam", "went", "was"
    PAST_OR_PARTICIPLE = "past_or_participle"  # "toured", "held", "built": past verb or participle
    PARTICIPLE = "participle"  # only a participle: "swum", "gone", "been"
    PRESENT = "present"  # a third-person present: "says", "tours"


@lru_cache(maxsize=8192)
def _forms(lemma: str) -> dict[str, tuple[str, ...]]:
    """A verb's inflections by Penn tag; a verb the table lists without a participle is regular, its
    participle its past ("toured")."""
    from lemminflect import getAllInflections

    forms = dict(getAllInflections(lemma, upos="VERB"))
    forms.setdefault("VBN", forms.get("VBD", ()))
    return forms


@lru_cache(maxsize=32768)
def verb_form(word: str) -> VerbForm | None:
    """The form ``word`` (lower case) has as a verb, or None for a base form, a gerund or no verb."""
    if len(word) < 2 or not word.isalpha():
        return None
    from lemminflect import getAllLemmas

    found: set[VerbForm] = set()
    for lemma in getAllLemmas(word, upos="VERB").get("VERB", ()):
        forms = _forms(lemma)
        past, participle = set(forms.get("VBD", ())), set(forms.get("VBN", ()))
        if word in past and word in participle:
            found.add(VerbForm.PAST_OR_PARTICIPLE)
        elif word in past:
            found.add(VerbForm.PAST)
        elif word in participle:
            found.add(VerbForm.PARTICIPLE)
        elif word in forms.get("VBZ", ()) and word != lemma:
            found.add(VerbForm.PRESENT)
    for form in VerbForm:  # the most telling form first
        if form in found:
            return form
    return None
