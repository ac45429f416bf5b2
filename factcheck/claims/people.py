"""People with titles: "Russian President Vladimir Putin", "U.S. President Donald Trump", "German
Chancellor Friedrich Merz", "the Russian president", and later mentions by surname ("Putin said").

A ``person`` claim is found from its *title*, never from capitalisation alone, so "White House",
"Kremlin" or a capitalised sentence start never become people. A title is an office word from
``lexicon/people.yaml`` ("President", "Prime Minister", "foreign minister"), with the words written
before it kept in the title as stated: a qualifier ("former", "acting", "then-"), a country name or
adjective ("U.S.", "Russian") or a body ("European Commission"). Then:

- a name right after the title (1-5 capitalised words, with particles such as "da", "von") gives a
  claim over title and name, ``name`` the name as written;
- no name, but "the" before the title ("the Russian president said") gives a claim over the title
  with ``name`` null. An office in lower case counts only after a country or body ("the Russian
  president", "Russian foreign minister Sergei Lavrov"): a bare "the president" is not read, and
  both searches open on a capital letter, which keeps the scan fast;
- once a name was introduced with a title, each later mention of its last word ("Putin"), or of the
  full name again, is a claim with the full ``name``, ``title`` null and ``first_mention`` the start
  of the first titled mention. A surname preceded or followed by another capitalised word ("Melania
  Trump", "Trump Tower") is someone or something else and is skipped.

- a title in an apposition or a relative clause after a name of two or more words ("Keir Starmer,
  the chancellor of the exchequer, said", "Friedrich Merz, who has served as Germany's president
  since May"): a claim over name and title, ``title`` the office phrase without "the" ("Germany's
  president"). An apposition ends at a comma, a full stop or a closing bracket; a relative clause
  claims a title held now only with a present verb (``holding_verbs``: "who is", "who has served
  as"), so "who served as" or "who was" gives nothing.

The value is the name (null for a title alone). The extractor only reads the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factcheck.claims.base import make_claim
from factcheck.claims.lexicon import load, trie
from factcheck.claims.model import Claim
from factcheck.claims.regexparts import GAP, UPPER
from factcheck.spans import Span
from factcheck.startup import regexcache

_CAPWORD = rf"(?:[{UPPER}][\w'’\-]*[^\W\d_]|[A-Z]\.)"
_WINDOW = 60  # characters read before an office word for its qualifier and country


def _variants(phrase: str) -> set[str]:
    return {phrase, phrase.lower(), phrase[:1].upper() + phrase[1:].lower()}


class _Lexicon:
    """The compiled regexes, built on first use."""

    def __init__(self) -> None:
        people, places = load("people"), load("places")
        offices = {v for office in people["offices"] for v in _variants(office)}
        where = set(places["countries"]) | set(places["demonyms"]) | set(people["bodies"])
        # Both searches open on a capital letter, which lets the regex engine skip ahead: an office
        # written in lower case is read only after a country or body ("Russian foreign minister").
        capitalised = trie(o for o in offices if o[0].isupper())
        lower = trie(o for o in offices if o[0].islower())
        self.office = regexcache.compile(rf"(?:{capitalised})(?:-elect)?(?![\w\-])")
        self.lower_office = regexcache.compile(
            rf"(?:{trie(where)}){GAP}(?P<office>(?:{lower})(?:-elect)?)(?![\w\-])"
        )
        qualifier = trie(people["qualifiers"])
        self.before = regexcache.compile(
            rf"(?:(?<![\w'’.\-])(?P<the>[Tt]he){GAP})?"
            rf"(?P<title>(?:(?<![\w'’.\-])(?:{qualifier})(?:{GAP}|-))?"
            rf"(?:(?<![\w'’.\-])(?:{trie(where)}){GAP})?)$"
        )
        particle = trie(people["particles"])
        more = rf"(?:{GAP}(?:(?:{particle}){GAP})*{_CAPWORD}){{0,4}}"
        self.name = regexcache.compile(rf"{GAP}(?P<name>{_CAPWORD}{more})")
        self.not_names = frozenset(people["not_names"])
        # "Starmer, the chancellor of the exchequer," / "Merz, who has served as Germany's president"
        every_office = trie(offices)
        holding = trie(people["holding_verbs"])
        self.apposition = regexcache.compile(
            rf",{GAP}(?:who{GAP}(?P<verb>{holding}){GAP})?(?P<the>the{GAP})?"
            rf"(?P<title>(?:(?:{trie(where)})(?:['’]s)?{GAP})?(?:{every_office})"
            rf"(?:{GAP}of{GAP}(?:the{GAP})?(?:{trie(where)}))?)(?![\w'’\-])"
        )
        self.name_before = regexcache.compile(
            rf"(?<![\w'’.\-])(?P<name>{_CAPWORD}(?:{GAP}(?:(?:{particle}){GAP})*{_CAPWORD}){{1,3}})$"
        )
        self.surname_before = regexcache.compile(rf"(?<![\w'’.\-]){_CAPWORD}$")
        self.places = where


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


def _name(lex: _Lexicon, text: str, end: int) -> tuple[int, int] | None:
    """The span of the name right after a title ending at ``end``: capitalised words, cut before a
    word that ends names ("Tuesday", "Said") and after a possessive ("Trump's")."""
    match = lex.name.match(text, end)
    if match is None:
        return None
    start = match.start("name")
    last = None
    for word in re.finditer(r"\S+", match["name"]):
        if word[0] in lex.not_names:
            break
        possessive = re.search(r"['’]s$", word[0])
        last = start + word.end() - (2 if possessive else 0)
        if possessive:
            break
    if last is None:
        return None
    while text[last - 1] in "'’-" or text[start:last].split()[-1].islower():
        last = start + text[start:last].rstrip("'’-").rfind(" ")
        if last <= start:
            return None
    return start, last


def _titled(text: str) -> list[Claim]:
    lex = _lexicon()
    found: list[Claim] = []
    spans = {match.span() for match in lex.office.finditer(text)}
    spans.update(match.span("office") for match in lex.lower_office.finditer(text))
    for start, end in sorted(spans):
        if start and (text[start - 1].isalnum() or text[start - 1] in "'’-."):
            continue
        before = lex.before.search(text, max(0, start - _WINDOW), start)
        title_start = before.start("title") if before and before["title"] else start
        title = " ".join(text[title_start:end].split())
        span = _name(lex, text, end)
        if span is not None:
            name = " ".join(text[span[0]:span[1]].split())
            found.append(make_claim(text, "person", title_start, span[1], name,
                                    fields={"name": name, "title": title, "first_mention": None}))
        elif before is not None and before["the"] and not re.match(rf"{GAP}of\b|['’]", text[end:end + 4]):
            found.append(make_claim(text, "person", title_start, end, None,
                                    fields={"name": None, "title": title, "first_mention": None}))
    return found


_CLOSES_APPOSITION = regexcache.compile(r"[ \t]*(?:[,.;:)]|$)")


def _appositions(text: str, taken: list[Claim]) -> list[Claim]:
    """Names with a title after them: "Keir Starmer, the chancellor of the exchequer," and
    "Friedrich Merz, who has served as Germany's president"."""
    lex = _lexicon()
    found = []
    for match in lex.apposition.finditer(text):
        if match["verb"] is None and not (match["the"] or match["title"][0].isupper()):
            continue  # ", president of ..." without "the" or a capital is a list or a clause
        if match["verb"] is None and not _CLOSES_APPOSITION.match(text, match.end()):
            continue
        name = lex.name_before.search(text, max(0, match.start() - 60), match.start())
        written = " ".join(name["name"].split()) if name else None
        if name is None:  # one word: the surname of someone already named ("Merz, who is ...")
            name = lex.surname_before.search(text, max(0, match.start() - 30), match.start())
            earlier = name and [c.fields["name"] for c in (*taken, *found) if c.span.end <= name.start()
                                and c.fields["name"] and c.fields["name"].split()[-1] == name[0]]
            written = earlier[-1] if earlier else (name and _full_name_before(lex, text, name))
        if name is None or written is None or _not_a_name(lex, name[0]):
            continue
        if any(c.span.start < match.start() and name.start() < c.span.end for c in taken):
            continue  # the name is itself part of a titled mention ("President Donald Trump, the ...")
        title = " ".join(match["title"].split())
        found.append(make_claim(text, "person", name.start(), match.end(), written,
                                fields={"name": written, "title": title, "first_mention": None}))
    return found


def _full_name_before(lex: _Lexicon, text: str, surname: re.Match) -> str | None:
    """The full name a surname stands for: the last "Given Surname" written before it."""
    pattern = regexcache.compile(
        rf"(?<![\w'’.\-])(?:{_CAPWORD}{GAP}){{1,3}}{re.escape(surname[0])}(?![\w'’\-])"
    )
    found = [m[0] for m in pattern.finditer(text, 0, surname.start()) if not _not_a_name(lex, m[0])]
    return " ".join(found[-1].split()) if found else None


def _not_a_name(lex: _Lexicon, name: str) -> bool:
    words = name.split()
    return words[0] in lex.not_names or name in lex.places or any(w in lex.places for w in words[-1:])


def extract(text: str) -> list[Claim]:
    """``person`` claims: titled names, titles after "the", names with a title in apposition, and
    later mentions of titled names."""
    titled = _titled(text)
    appositions = _appositions(text, titled)
    if appositions:  # "the British finance minister" inside an apposition is not a mention of its own
        titled = [c for c in titled if c.fields["name"] is not None
                  or not any(a.span.start < c.span.start < a.span.end for a in appositions)]
        titled = sorted(titled + appositions, key=lambda c: c.span.start)
    first: dict[str, int] = {}
    for claim in titled:
        name = claim.fields["name"]
        if name is not None:
            first.setdefault(name, claim.span.start)
    claims = [_with_first(claim, first) for claim in titled]
    if not any(w not in _SUFFIXES for name in first for w in name.split()):
        return claims
    return sorted(claims + _later(text, claims, first), key=lambda c: c.span.start)


def _with_first(claim: Claim, first: dict[str, int]) -> Claim:
    name = claim.fields["name"]
    if name is None:
        return claim
    return replace(claim, fields={**claim.fields, "first_mention": first[name]})


def _later(text: str, titled: list[Claim], first: dict[str, int]) -> list[Claim]:
    """Later mentions of titled names: the surname alone, or the full name again."""
    by_surname: dict[str, str] = {}
    for name in first:
        words = [w for w in name.split() if w not in _SUFFIXES]
        if words:  # "Pope Leo XIV", not "King III"
            by_surname.setdefault(words[-1], name)
    taken = [claim.span for claim in titled]
    if not any(_written_again(text, surname, first[name], taken) for surname, name in by_surname.items()):
        return []  # the regex below would find nothing to keep: not compiled for this document
    found: list[Claim] = []
    # this document's names: re's own bounded cache, not the persistent one of the fixed patterns
    pattern = re.compile(rf"(?<![\w'’.\-])(?:{trie(by_surname)})(?![\w\-]|['’](?!s\b))")
    for match in pattern.finditer(text):
        name = by_surname[match[0]]
        start, end = match.span()
        if first[name] >= start or any(s.start <= start < s.end for s in taken):
            continue
        given = name[: len(name) - len(match[0])]
        if given and text[max(0, start - len(given)):start] == given:
            start -= len(given)
        elif _capitalised_before(text, start) or _capitalised_after(text, end):
            continue
        found.append(make_claim(text, "person", start, end, name,
                                fields={"name": name, "title": None, "first_mention": first[name]}))
    return found


def _written_again(text: str, surname: str, first: int, taken: list[Span]) -> bool:
    """Whether ``surname`` is written after ``first`` outside the titled mentions (``taken``): where
    no surname is, :func:`_later` finds nothing, and its per-document regex is not compiled (it was
    most of the cost of the documents naming a titled person)."""
    start = text.find(surname, first + 1)
    while start >= 0:
        if not any(span.start <= start < span.end for span in taken):
            return True
        start = text.find(surname, start + 1)
    return False


_SUFFIXES = {"Jr.", "Jr", "Sr.", "II", "III", "IV"}
_BEFORE = regexcache.compile(rf"[{UPPER}][\w'’\-]*{GAP}$")
_AFTER = regexcache.compile(rf"{GAP}[{UPPER}][\w\-]*")


def _capitalised_before(text: str, start: int) -> bool:
    """Whether a capitalised word that is not a sentence start stands right before ``start``."""
    match = _BEFORE.search(text, max(0, start - 30), start)
    if match is None:
        return False
    return match[0].split()[0] not in _lexicon().not_names


def _capitalised_after(text: str, end: int) -> bool:
    match = _AFTER.match(text, end)
    return match is not None and match[0].split()[0] not in _lexicon().not_names
