"""Verb morphology: whether a word is a past form, a past participle or a present form of some English
verb, regular or irregular ("toured", "swam", "had shipped", "forgave", "has built").

Read from lemminflect's lemma and inflection tables (a maintained, spaCy-free English morphology
dictionary with an out-of-vocabulary model for regular forms), so the tense of any verb is known,
not only of the verbs a word list happens to hold. lemminflect's tables (and the numpy it imports)
take about 80 MiB and a few seconds to load, so the answers for every lower-case word they list
(some 13,000 verb forms and 8,000 base verbs, 2 MiB) are computed once into the runtime cache and
read from there; lemminflect itself is loaded only to build that table, when there is no cache, or
for a word with capitals.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    form = table.forms.get(word)
    return None if form is None else VerbForm(form)


def is_base_verb(word: str) -> bool:
    """Whether ``word`` (lower case) is the base form of some English verb ("resume", "meet")."""
    if len(word) < 2 or not word.isalpha():
        return False
    table = _table() if word.islower() else None
    if table is None:
        return _base_from_lemminflect(word)
    return word in table.base


@dataclass(frozen=True, slots=True)
class _Table:
    """What lemminflect says of every lower-case word it lists as a verb: its form, when it has one
    (:func:`verb_form`), and whether it is a base form (:func:`is_base_verb`); a word may be both
    ("put", "read")."""

    forms: dict[str, str]
    base: frozenset[str]


@cache
def _table() -> _Table | None:
    """The table from the runtime cache (built there on first use); None without a cache, where
    lemminflect answers word by word."""
    from factcheck.startup import cache as runtime_cache
    from factcheck.startup.resources import package_stamp

    key = f"verb forms and base verbs\0{package_stamp('lemminflect')}"
    if runtime_cache.entry_path("verb-forms", key) is None:
        return None
    return runtime_cache.load_or_build("verb-forms", key, _build_table, encode=_encoded,
                                       decode=_checked_table)


def _build_table() -> _Table:
    """Every lower-case word in lemminflect's lemma tables with a verb reading: the only words for
    which ``verb_form`` is not None or ``is_base_verb`` is true."""
    from lemminflect import Lemmatizer

    lemmatizer = Lemmatizer()
    tables = (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
    verbs = {word for table in tables for word, lemmas in table.items() if "VERB" in lemmas}
    words = sorted(word for word in verbs if len(word) >= 2 and word.isalpha() and word.islower())
    found = ((word, _from_lemminflect(word)) for word in words)
    table = _Table({word: form.value for word, form in found if form is not None},
                   frozenset(word for word in words if _base_from_lemminflect(word)))
    _from_lemminflect.cache_clear()  # every word was asked once; nothing more will be
    _base_from_lemminflect.cache_clear()
    _forms.cache_clear()
    return table


def _encoded(table: _Table) -> dict[str, object]:
    return {"forms": table.forms, "base": sorted(table.base)}


def _checked_table(data: object) -> _Table:
    forms = data.get("forms") if isinstance(data, dict) else None
    base = data.get("base") if isinstance(data, dict) else None
    if not isinstance(forms, dict) or not isinstance(base, list) or len(forms) < 1000 or len(base) < 1000 \
            or not set(forms.values()) <= {form.value for form in VerbForm} \
            or not all(isinstance(word, str) for word in base):
        raise ValueError("not a table of verb forms")
    return _Table(forms, frozenset(base))


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


@lru_cache(maxsize=8192)  # bounded: a corpus's vocabulary keeps growing
def _base_from_lemminflect(word: str) -> bool:
    from lemminflect import getAllLemmas

    return word in getAllLemmas(word, upos="VERB").get("VERB", ())
