"""Verb morphology: whether a word is a past form, a past participle or a present form of some English
verb, regular or irregular ("toured", "swam", "had shipped", "forgave", "has built").

Read from lemminflect's lemma and inflection tables (a maintained, spaCy-free English morphology
dictionary with an out-of-vocabulary model for regular forms), so the tense of any verb is known,
not only of the verbs a word list happens to hold. lemminflect's tables take about 50 MiB and a few
seconds to load, so the answer for every lower-case word they list as a verb form (some 13,000
words, 2 MiB) is computed once into the runtime cache and read from there; lemminflect itself is
loaded only to build that table, when there is no cache, or for a word with capitals.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache, lru_cache


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


def verb_form(word: str) -> VerbForm | None:
    """The form ``word`` (lower case) has as a verb, or None for a base form, a gerund or no verb."""
    if len(word) < 2 or not word.isalpha():
        return None
    table = _table() if word.islower() else None
    if table is None:
        return _from_lemminflect(word)
    form = table.get(word)
    return None if form is None else VerbForm(form)


@cache
def _table() -> dict[str, str] | None:
    """Every lower-case word lemminflect gives a verb form, with that form, from the runtime cache
    (built there on first use); None without a cache, where lemminflect answers word by word."""
    from factcheck.startup import cache as runtime_cache
    from factcheck.startup.resources import package_stamp

    key = f"verb forms\0{package_stamp('lemminflect')}"
    if runtime_cache.entry_path("verb-forms", key) is None:
        return None
    return runtime_cache.load_or_build("verb-forms", key, _build_table, decode=_checked_table)


def _build_table() -> dict[str, str]:
    """``verb_form`` of every lower-case word in lemminflect's lemma tables with a verb reading: the
    only words for which it is not None."""
    from lemminflect import Lemmatizer

    lemmatizer = Lemmatizer()
    tables = (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
    words = {word for table in tables for word, lemmas in table.items() if "VERB" in lemmas}
    found = ((word, _from_lemminflect(word)) for word in sorted(words)
             if len(word) >= 2 and word.isalpha() and word.islower())
    table = {word: form.value for word, form in found if form is not None}
    _from_lemminflect.cache_clear()  # every word was asked once; nothing more will be
    _forms.cache_clear()
    return table


def _checked_table(data: object) -> dict[str, str]:
    forms = {form.value for form in VerbForm}
    if not isinstance(data, dict) or len(data) < 1000 or not set(data.values()) <= forms:
        raise ValueError("not a table of verb forms")
    return data


@lru_cache(maxsize=32768)  # bounded: a corpus's vocabulary keeps growing
def _from_lemminflect(word: str) -> VerbForm | None:
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


@cache
def is_base_verb(word: str) -> bool:
    """Whether ``word`` (lower case) is the base form of some English verb ("resume", "meet")."""
    if len(word) < 2 or not word.isalpha():
        return False
    from lemminflect import getAllLemmas

    return word in getAllLemmas(word, upos="VERB").get("VERB", ())
