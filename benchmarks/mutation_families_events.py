"""Mutation recall for the event families: plant one error where real news is consistent, count how
often the family's rule finds it.

Families (each a site the extractors read in an unmodified article, whose rule is silent there):

- ``event_series``: two counts or ordinals of one series (``event_count`` claims with one ``series``
  that states a scope, period or starting point) that agree; the later one is raised by three.
- ``restated_duration``: an event mention restating the duration of an earlier mention of the same
  event (``event`` claims of one ``chain``); the restated number is tripled.
- ``range_length``: a range of times or of dates with days, with its stated length; the length's
  number is changed by half again.
- ``age_birth``: a stated age beside a birth year; the age is raised by seven.

The module exposes ``FAMILIES`` (family → rule id) and ``mutations(text, claims)`` for a benchmark
that runs many families (``benchmarks/mutation_recall.py``), and runs standalone:

    FACTCHECK_DATA=../shared/data python benchmarks/mutation_families_events.py [--limit N]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

FAMILIES = {
    "event_series": ("ordinal-series-agrees", "event-counts-agree", "event-count-matches-timeline"),
    "restated_duration": ("restated-duration-agrees",),
    "range_length": ("range-length-matches", "duration-matches-endpoints"),
    "age_birth": ("age-matches-stated-birth",),
}

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90}
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_NUMBER = re.compile(rf"\d+|\b(?:{'|'.join(_WORDS)})\b", re.IGNORECASE)
_ORDINAL = re.compile(rf"\d+(?:st|nd|rd|th)\b|\b(?:{'|'.join(_ORDINALS)})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mutation:
    family: str
    text: str  # the article with one planted error
    start: int  # where the changed words are, in ``text``
    end: int


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _replace_number(text: str, start: int, end: int, change, pattern=_NUMBER, ordinal=False):
    """``text`` with the first number in ``text[start:end]`` changed by ``change``, or None."""
    match = pattern.search(text, start, end)
    if match is None:
        return None
    word = match[0].lower()
    if ordinal:
        value = int(re.match(r"\d+", word)[0]) if word[0].isdigit() else _ORDINALS[word]
        new_value = change(value)
        new = f"{new_value}{_suffix(new_value)}"
    else:
        value = int(word) if word.isdigit() else _WORDS[word]
        new = str(change(value))
    return text[: match.start()] + new + text[match.end():], match.start(), match.start() + len(new)


def _checkable(endpoint) -> bool:
    return endpoint.kind == "time" or endpoint["day"] is not None


def mutations(text: str, claims) -> Iterator[Mutation]:
    """One mutation per consistent site of each family in ``text`` (its claims given)."""
    counts = claims.of_kind("event_count")
    by_series: dict[str, list] = {}
    for count in counts:
        by_series.setdefault(count["series"], []).append(count)
    for key, series in by_series.items():
        bounded = any(key.split("/")[1:])  # a scope, period or starting point: the rules compare these
        if bounded and len(series) >= 2 and len({c.value for c in series}) == 1:
            later = series[-1]
            ordinal = later["ordinal"] is not None
            done = _replace_number(text, later.span.start, later.span.end, lambda n: n + 3,
                                   _ORDINAL if ordinal else _NUMBER, ordinal)
            if done:
                yield Mutation("event_series", *done)
    events = claims.of_kind("event")
    for mention in events:
        if mention["antecedent"] is None or mention["duration"] is None:
            continue
        earlier = [e for e in events if e["chain"] == mention["chain"] and e.span.start < mention.span.start
                   and e["duration"] is not None]
        if earlier and earlier[-1]["duration"].value == mention["duration"].value:
            span = mention["duration"].span
            done = _replace_number(text, span.start, span.end, lambda n: n * 3)
            if done:
                yield Mutation("restated_duration", *done)
    for length in claims.of_kind("range_length"):
        if not all(_checkable(length[end]) for end in ("begin", "finish")):
            continue  # "between 1989 and 2003": years alone are not measured in days
        span = length["duration"].span
        done = _replace_number(text, span.start, span.end, lambda n: n + max(2, n // 2))
        if done:
            yield Mutation("range_length", *done)
    for pair in claims.of_kind("age_birth"):
        age = pair["age"]
        if isinstance(age, type(pair)) and isinstance(age.value, Decimal):
            done = _replace_number(text, age.span.start, age.span.end, lambda n: n + 7)
            if done:
                yield Mutation("age_birth", *done)


def _found(result, mutation: Mutation) -> bool:
    rules = FAMILIES[mutation.family]
    return any(f.rule in rules and f.span is not None and f.span.start < mutation.end + 40
               and mutation.start - 40 < f.span.end for f in result.findings)


def main() -> None:
    from dataclasses import replace

    from factcheck.documents import InputFailure, OffsetMap, load_documents
    from factcheck.engine.runner import Engine
    from factcheck.facts.loader import load_fact_files
    from factcheck.rules.loader import load_packs
    from factcheck.startup.resources import rules_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0: all)")
    parser.add_argument("--verbose", action="store_true", help="print every site")
    args = parser.parse_args()
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        sys.exit("FACTCHECK_DATA is not set: point it at the shared data directory (../shared/data)")
    pack = load_packs([rules_dir()])
    engine = Engine(pack.rules, load_fact_files(pack.fact_files))
    extractor = pack.extractor()
    sites, found, articles = Counter(), Counter(), 0
    for item in load_documents([str(Path(data) / "news" / "news.jsonl")]):
        if isinstance(item, InputFailure) or item.metadata.get("duplicate_of"):
            continue
        articles += 1
        for mutation in mutations(item.text, extractor.extract(item.text)):
            mutated = replace(item, text=mutation.text, original=mutation.text,
                              offsets=OffsetMap.identity(len(mutation.text)), _lines=None)
            sites[mutation.family] += 1
            hit = _found(engine.check(mutated), mutation)
            found[mutation.family] += hit
            if args.verbose:
                print("found" if hit else "MISSED", mutation.family,
                      repr(mutation.text[max(0, mutation.start - 120) : mutation.end + 40]))
        if args.limit and articles >= args.limit:
            break
    print(f"{articles} articles")
    print(f"{'family':<20} {'sites':>6} {'found':>6} {'recall':>7}")
    for family in FAMILIES:
        n = sites[family]
        print(f"{family:<20} {n:>6} {found[family]:>6} {found[family] / n if n else 0:>7.2f}")


if __name__ == "__main__":
    main()
