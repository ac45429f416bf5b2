"""The extractors' word lists, loaded once from the YAML files in ``lexicon/``.

Vocabulary is declared data so that adding an event noun or a hedge phrase is a one-line change in
one place, never an edit scattered over several regexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache
from factcheck.startup.built import Artefact
from factcheck.values import Hedge

_DIR = Path(__file__).resolve().parent / "lexicon"


def path(name: str) -> Path:
    """The file ``lexicon/<name>.yaml``."""
    return _DIR / f"{name}.yaml"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed YAML file ``lexicon/<name>.yaml``, read once per process when first needed: from
    the data generated with the package (:data:`PREBUILT`) when it matches the files, else from
    the file."""
    prebuilt = _prebuilt()
    if name in prebuilt and isinstance(prebuilt[name], dict):
        return prebuilt[name]
    return _read(name)


def _read(name: str) -> dict[str, Any]:
    import yaml

    text = path(name).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's loader where it is built
    return yaml.load(text, Loader=loader)


def _files() -> list[Path]:
    return sorted(_DIR.glob("*.yaml"))


@cache
def _prebuilt() -> dict[str, Any]:
    from factcheck.startup import built

    data = built.load(PREBUILT)
    return data if isinstance(data, dict) else {}


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the literal phrases, the longest first so that "just under" beats
    "just", shaped as a trie (see :func:`trie`). Spaces in a phrase match any run of spaces or tabs
    (never a newline)."""
    return _build_trie(tuple(sorted(set(phrases))), GAP)


def plural(noun: str, irregular: dict[str, str] | None = None) -> str:
    """English plural of a (last word of a) noun phrase: call → calls, speech → speeches."""
    head = noun.rsplit(" ", 1)[-1]
    if irregular and head in irregular:
        return noun[: len(noun) - len(head)] + irregular[head]
    if re.search(r"(s|sh|ch|x|z)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, shaped as a trie ("s(?:even(?:teen|ty)?|ix)").

    Python's regex engine tries the branches of a flat alternation one by one at every position; a
    trie decides on each character once, which makes a scan over number words several times faster.
    Longer words are tried first, so a following ``\\b`` settles "seventeen" against "seven". The
    phrases that can match at one place are prefixes of one another, so this is the order of a flat
    alternation sorted longest first, and a match is the same, backtracking included."""
    return _build_trie(tuple(sorted(set(words))))


@cache
def _build_trie(words: tuple[str, ...], space: str | None = None) -> str:
    """The trie regex of ``words``; ``space`` is the regex for a space when not a literal space.
    Built with the package for the word lists a run of the default pack uses (the same for any
    input, derived once in the build: ``regexcache.derived``)."""
    key = regexcache.input_key(words, space)
    built = regexcache.derived("tries", key)
    if not isinstance(built, str):
        built = _trie_source(words, space)
        regexcache.keep("tries", key, built)
    return built


def _trie_source(words: tuple[str, ...], space: str | None) -> str:
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    escaped: dict[str, str] = {}  # re.escape once per character: a start-up cost of every extractor

    def emit(node: dict[str, dict]) -> str:
        branches = []
        for char in sorted(node):
            if char:
                if char not in escaped:
                    escaped[char] = space if char == " " and space else re.escape(char)
                branches.append(escaped[char] + emit(node[char]))
        if not branches:
            return ""
        end = "" in node
        body = branches[0] if len(branches) == 1 and not end else f"(?:{'|'.join(branches)})"
        return body + "?" if end else body

    return emit(root)


def with_capitals(words: Iterable[str]) -> list[str]:
    """Each word as written in running text and at the start of a sentence: "two", "Two"."""
    return [variant for word in words for variant in (word, word[:1].upper() + word[1:])]


@cache
def hedge_phrases() -> dict[str, Hedge]:
    """Each hedge phrase (lower case) mapped to the hedge it expresses."""
    table = load("hedges")
    return {phrase: Hedge(name) for name in Hedge._value2member_map_ for phrase in table.get(name, [])}


@cache
def event_phrases() -> dict[str, str]:
    """Each event phrase, singular and plural, lower case, mapped to its lemma."""
    table = load("events")
    irregular = table.get("plural", {})
    phrases: dict[str, str] = {}
    for lemma, names in table["events"].items():
        for name in names:
            phrases[name] = lemma
            phrases[plural(name, irregular)] = lemma
    return phrases


@cache
def unit_names() -> dict[str, str]:
    """Each duration unit word (singular, plural, abbreviation) mapped to its singular unit."""
    words = load("words")
    plurals = words.get("unit_plurals", {})
    names: dict[str, str] = {}
    for unit in words["units"]:
        names[unit] = unit
        names[plurals.get(unit, unit + "s")] = unit
    names.update(words.get("unit_abbreviations", {}))
    return names


@cache
def month_names() -> dict[str, int]:
    """Each month name or abbreviation (as written, capitalized) mapped to its number."""
    return {name: index for index, names in enumerate(load("words")["months"], 1) for name in names}


def words(key: str) -> list[str]:
    """A plain word list from ``lexicon/words.yaml``."""
    return list(load("words")[key])


def _read_all() -> dict[str, Any]:
    return {file.stem: _read(file.stem) for file in _files()}


# Every lexicon file as parsed data, generated by the build hook (factcheck.startup.built): reading
# nine YAML files was a twentieth of a one-article run.
PREBUILT = Artefact("lexicons", _files, _read_all)
