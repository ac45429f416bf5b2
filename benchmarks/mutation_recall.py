"""Recall of the composite layer on real news, by planted errors.

Over ``$FACTCHECK_DATA/news/news.jsonl``, loose expressions of this benchmark's own (deliberately
independent of the extractor, so the count does not depend on what the extractor sees) find candidate
statements of each composite family in one sentence; the benchmark's own arithmetic keeps those whose
figures are consistent; each kept statement gets one clearly inconsistent mutant (a percentage ×1.5, a
part doubled (for shares, the smallest), the count word +1, a conversion ×1.5, a restated amount
doubled). The default pack then
runs on the original article and on each mutant article. Per family:

- candidates: consistent statements found (each with a mutant that is clearly inconsistent);
- coverage: share of candidates whose key figures are all parts of one composite claim of the family;
- recall: share of mutants with a finding of the family's rules over the statement, at error level
  with confidence >= medium (``recall@error``), and at any severity (``recall@any``);
- false errors: error-level findings (confidence >= medium) of the family's rules over originals.

    FACTCHECK_DATA=../shared/data python benchmarks/mutation_recall.py [--limit N] [--show FAMILY]

A second section runs the event families of issue 12 (ages beside birth years, restated event
durations, ranges with their length), whose candidates come from
``benchmarks/mutation_families_events.py``.

Targets (issue 10, and issue 12 for the event families): coverage and recall@error >= 90% for
every family with >= 20 candidates, and no false error on the originals.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from false_alarms import corpus_path
from mutation_families_events import EVENT_FAMILIES, EVENT_RULES, event_candidates, event_covered

from factcheck.claims.model import Claim
from factcheck.documents import InputFailure, load_documents
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.runner import Engine
from factcheck.facts.loader import load_fact_files
from factcheck.findings import Confidence, Severity
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir

# --- the benchmark's own reading of figures (not the extractor's) -------------------------------

NUM = r"(?<![\w.,:/+-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.,]?\d|[:/+-]\d|-year)"
SCALES = {"thousand": 1e3, "k": 1e3, "mln": 1e6, "million": 1e6, "m": 1e6, "mn": 1e6, "bln": 1e9,
          "billion": 1e9, "bn": 1e9, "trillion": 1e12, "trn": 1e12}
SCALE = r"(?:\s?(?P<scale>thousand|mln|million|bln|billion|trillion|trn|bn|mn|m|k)\b)?"
AMOUNT = re.compile(rf"(?P<cur>[$£€]\s?)?(?P<num>{NUM}){SCALE}")
PCT_WORD = r"\s?(?:%|pct\b|per\s?cent\b|percent\b)"
PERCENT = re.compile(rf"(?P<num>{NUM}){PCT_WORD}")
SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?!\s|$))+(?:[.!?]|\n|$)")
COUNT_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
               "twelve"]
UP = (r"\b(?:ris\w*|rose|grow\w*|grew|gain\w*|increas\w*|climb\w*|jump\w*|soar\w*|surg\w*|up|higher|"
      r"rais\w*|boost\w*|expand\w*|advanc\w*|improv\w*)\b")
DOWN = (r"\b(?:fell|fall\w*|drop\w*|declin\w*|decreas\w*|slip\w*|slid\w*|plung\w*|shr[aiu]nk\w*|down|"
        r"lower\w*|cut\w*|reduc\w*|los[ets]\w*|dipp\w*|dip|tumbl\w*|slump\w*)\b")


def number(text: str) -> float:
    return float(text.replace(",", ""))


def amount(match: re.Match[str]) -> float:
    scale = (match["scale"] or "").lower()
    return number(match["num"]) * SCALES.get(scale, 1.0)


def interval(match: re.Match[str]) -> tuple[float, float]:
    """What a written amount may stand for: its value ± half its last digit's step."""
    scale = SCALES.get((match["scale"] or "").lower(), 1.0)
    half = 10 ** -decimals(match["num"]) * scale / 2
    return amount(match) - half, amount(match) + half


def decimals(text: str) -> int:
    return len(text.partition(".")[2])


def is_year(match: re.Match[str]) -> bool:
    text = match["num"]
    return re.fullmatch(r"(19|20)\d\d", text) is not None and not match["cur"] and not match["scale"]


def scaled(text: str, factor: float) -> str:
    """``text`` (a figure as written) times ``factor``, written like it (decimals, thousands commas)."""
    value = number(text) * factor
    places = decimals(text)
    out = f"{value:,.{places}f}" if "," in text else f"{value:.{places}f}"
    return out


# --- candidates ----------------------------------------------------------------------------------

@dataclass
class Candidate:
    family: str
    sentence: str
    keys: list[tuple[int, int]]  # document spans of the figures the composite must join
    mutation: tuple[int, int, str]  # the span to replace and its replacement
    mutated: str = ""  # the mutated statement, for display

    @property
    def region(self) -> tuple[int, int]:
        return min(s for s, _ in self.keys), max(e for _, e in self.keys)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    for match in SENTENCE.finditer(text):
        if match[0].strip():
            yield match.start(), match[0]


def amounts(sentence: str) -> list[re.Match[str]]:
    """Amounts that are not percentages, years or parts of dates."""
    found = []
    for match in AMOUNT.finditer(sentence):
        after = sentence[match.end():match.end() + 9]
        if re.match(PCT_WORD, after) or is_year(match):
            continue
        found.append(match)
    return found


def within(low: float, high: float, value: float) -> bool:
    return low <= value <= high


def change_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A change with both endpoints and its percentage in one sentence: "rose 21.6 pct to 40,131
    units from 35,081", "from 8,000 to 10,000, a 25% increase"."""
    percents = list(PERCENT.finditer(sentence))
    froms = [m for m in re.finditer(rf"\bfrom\s+(?:a\s+|an\s+)?(?:\w+\s+)?{AMOUNT.pattern}", sentence)]
    tos = [m for m in re.finditer(rf"\bto\s+(?:a\s+|an\s+)?(?:\w+\s+)?{AMOUNT.pattern}", sentence)]
    if len(percents) != 1 or len(froms) != 1 or len(tos) != 1:
        return
    up, down = re.search(UP, sentence, re.I), re.search(DOWN, sentence, re.I)
    if bool(up) == bool(down):
        return
    pct, start, end = percents[0], froms[0], tos[0]
    for endpoint in (start, end):
        if re.match(PCT_WORD, sentence[endpoint.end():endpoint.end() + 9]) or is_year(endpoint):
            return
    factors = _unit_factors(sentence, start, end)
    if factors and _consistent_change(pct, start, end, bool(up), factors):
        yield Candidate("change", sentence, [_span(base, pct, "num"), _span(base, start, "num"),
                                             _span(base, end, "num")],
                        (*_span(base, pct, "num"), scaled(pct["num"], 1.5)))


# units an endpoint of a change may be stated in, beside those of a conversion: "from 2.5 kg to 1,800
# grams", "from 1.8 km to 2,400 metres"
ENDPOINT_UNITS = {"grams": ("mass", 0.001), "g": ("mass", 0.001), "kilogrammes": ("mass", 1),
                  "centimetres": ("length", 0.01), "cm": ("length", 0.01), "millilitres": ("volume", 0.001),
                  "ml": ("volume", 0.001), "tons": ("mass", 1000)}
UNIT_AFTER = re.compile(r"\s?(?P<unit>square \w+|[a-z]+)\b")


def _unit_factors(sentence: str, start: re.Match[str], end: re.Match[str]) -> tuple[float, float] | None:
    """The factors that bring two endpoints to one unit: (1, 1) unless both name units of one dimension
    that differ ("from 2.5 kg to 1,800 grams": 1,000 and 1); None for units of two dimensions."""
    units = []
    for endpoint in (start, end):
        word = UNIT_AFTER.match(sentence, endpoint.end())
        units.append((CONVERSIONS | ENDPOINT_UNITS).get(word["unit"].lower()) if word else None)
    one, two = units
    if one is None or two is None or one[1] == two[1]:
        return (1.0, 1.0)
    return (one[1], two[1]) if one[0] == two[0] else None


def _consistent_change(pct: re.Match[str], start: re.Match[str], end: re.Match[str], up: bool,
                       factors: tuple[float, float] = (1.0, 1.0)) -> bool:
    """Whether the stated percentage rounds or truncates a change the endpoints' rounding allows, in
    the direction stated, and its mutant (×1.5) is clearly outside it; ``factors`` bring the two
    endpoints to one unit."""
    old, new = amount(start) * factors[0], amount(end) * factors[1]
    currencies = {(start["cur"] or "").strip(), (end["cur"] or "").strip()} - {""}
    if old <= 0 or len(currencies) > 1:
        return False
    stated = number(pct["num"])
    if (new > old) != up or stated < 2:
        return False
    step = 10 ** -decimals(pct["num"])
    low_old, high_old = (bound * factors[0] for bound in interval(start))
    low_new, high_new = (bound * factors[1] for bound in interval(end))
    changes = [abs(n - o) / o * 100 for n in (low_new, high_new) for o in (low_old, high_old)]
    least, most = min(changes), max(changes)
    if stated + step < least or stated - step / 2 > most:
        return False
    return stated * 1.5 - step / 2 > most * 1.05  # else ×1.5 would still be within the rounding


# the sentence after a level that refers back to it and states its change against a base: "That was
# 30% more than the £3.5m collected in 2022", "This was 5.19 pct up from 49.98 billion", "The figure
# is up 50 per cent from 48"
REFERS_BACK = re.compile(r"\s*(?:That|This|It|The\s+(?:figure|total|amount|sum|number))\b")
AGAINST = re.compile(rf"\b(?:than|on|from|over|against|compared\s+(?:with|to))\s+(?:the\s+|a\s+)?"
                     rf"(?:[a-z]+\s+)?{AMOUNT.pattern}")


def next_sentence_change_candidates(text: str) -> Iterator[Candidate]:
    """A level, and in the next sentence, which opens by referring back to it, its percentage change
    against a base that sentence names; the level is the first sentence's last amount, and must not
    itself be a base ("from 128.41 billion a month earlier. It rose 13.35 pct from 124.27 billion")."""
    pairs = list(sentences(text))
    for (base, first), (next_base, second) in itertools.pairwise(pairs):
        if not REFERS_BACK.match(second) or next_base - base - len(first) > 2:
            continue
        levels, percents = amounts(first), list(PERCENT.finditer(second))
        bases = [m for m in AGAINST.finditer(second) if not is_year(m)]
        if not levels or len(percents) != 1 or len(bases) != 1 or len(amounts(second)) != 1:
            continue
        level, pct, start = levels[-1], percents[0], bases[0]
        if re.search(r"\b(?:from|against|with|than|versus)\s+(?:\w+\s+)?$", first[:level.start()]):
            continue
        if pct.start() > start.start() or re.match(PCT_WORD, second[start.end():start.end() + 9]):
            continue
        up = re.search(UP + r"|\b(?:more|greater|above)\b", second, re.I)
        down = re.search(DOWN + r"|\b(?:less|fewer|below)\b", second, re.I)
        if bool(up) == bool(down) or not _consistent_change(pct, start, level, bool(up)):
            continue
        keys = [_span(base, level, "num"), _span(next_base, pct, "num"), _span(next_base, start, "num")]
        mutation = (*_span(next_base, pct, "num"), scaled(pct["num"], 1.5))
        yield Candidate("change", first + second, keys, mutation)


# the opening of a sentence that takes up the last figure of the sentence before and gives the new
# level with its change: "It has since ...", "Membership now stands at ...", "This year the festival ...",
# "By 2023 that number had ..."; ``words`` are what names the thing, matched against the sentence before
TAKES_UP = re.compile(r"\s*(?:(?:In|By|For|Last|This|Since|Now|Today)\b[^,.\d]{0,20}?"
                      r"(?:\d{4}(?:/\d\d)?)?,?\s+)?"
                      r"(?:(?P<pronoun>[Ii]t|[Tt]hey|[Tt]his|[Tt]hat(?:\s+(?:figure|number|total))?|"
                      r"[Tt]he\s+(?:figure|total|number))\s+"
                      r"|(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+)?(?P<words>(?:[A-Za-z][\w'’-]*\s+){1,3}?))"
                      r"(?:has|have|had|is|are|was|were|now|since|reached|hit|stands|stood|totals|totalled)\b")
LEVEL_CHANGE = re.compile(rf"\b(?:{UP}|{DOWN}|more|higher|greater|less|fewer)", re.I)


def earlier_sentence_change_candidates(text: str) -> Iterator[Candidate]:
    """A level, and in the next sentence, which takes it up (a pronoun, or a noun that the first sentence
    names), the new level and its percentage change with no base of its own: "The charity had 1,200
    volunteers in 2020. It has since grown to 1,500, a 25% increase", "Membership stood at 4,200 last
    year. Membership now stands at 5,100, up 21 per cent"."""
    pairs = list(sentences(text))
    for (base, first), (next_base, second) in itertools.pairwise(pairs):
        opening = TAKES_UP.match(second)
        if not opening or next_base - base - len(first) > 2:
            continue
        levels, percents, news = amounts(first), list(PERCENT.finditer(second)), amounts(second)
        if not levels or len(percents) != 1 or len(news) != 1 or news[0].start() < opening.end():
            continue
        level, pct, new = levels[-1], percents[0], news[0]
        if is_year(level) or re.search(r"\b(?:from|against|with|than|versus|by)\s+(?:\w+\s+)?$",
                                       first[:level.start()]):
            continue
        if re.search(r"\b(?:from|against|compared|than|versus|on)\s+(?:the\s+|a\s+)?[$£€]?\d", second):
            continue  # a base of its own
        if any(re.search(r"\bbetween\s+$", sentence[:figure.start()]) or re.match(r"\s*(?:and|to|-)\s*\d",
                                                                               sentence[figure.end():])
               for sentence, figure in ((first, level), (second, new))):
            continue  # a range: "to between 16 and 18 pct"
        if opening["words"] is not None and not _named_before(opening["words"], first[:level.end() + 30]):
            continue
        up = re.search(UP + r"|\b(?:more|greater|higher)\b", second[opening.start():], re.I)
        down = re.search(DOWN + r"|\b(?:less|fewer|lower)\b", second[opening.start():], re.I)
        if bool(up) == bool(down) or not LEVEL_CHANGE.search(second):
            continue
        if not _consistent_change(pct, level, new, bool(up)):
            continue
        keys = [_span(base, level, "num"), _span(next_base, pct, "num"), _span(next_base, new, "num")]
        mutation = (*_span(next_base, pct, "num"), scaled(pct["num"], 1.5))
        yield Candidate("change", first + second, keys, mutation)


def _named_before(words: str, before: str) -> bool:
    """Whether a word of the later subject (four letters or more) opens a word of the sentence before,
    or the other way round ("Membership" and "members", "visitor numbers" and "visitors")."""
    def long_words(text: str) -> list[str]:
        return [w.lower() for w in re.findall(r"[A-Za-z][\w'’-]{3,}", text)]

    earlier = long_words(before)
    return any(w.startswith(s) or s.startswith(w) for s in long_words(words) for w in earlier)


MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5,
             "twofold": 2.0, "threefold": 3.0, "fourfold": 4.0, "fell by half": 0.5, "cut by half": 0.5,
             "cut in half": 0.5,
             "dropped by half": 0.5, "fell by a third": 2 / 3, "rose by a third": 4 / 3}
MULTIPLE = re.compile(r"(?P<hedge>\b(?:nearly|almost|about|roughly|more than|over)\s+)?"
                      r"\b(?P<word>" + "|".join(sorted(MULTIPLES, key=len, reverse=True)).replace(" ", r"\s+")
                      + r")\b", re.I)


def multiple_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A change stated as a multiple with both endpoints in one sentence: "doubled to 4.1 mln dlrs
    from two mln", "halved from 10,000 to 5,000"; the mutant's new figure is ×1.5."""
    multiples = list(MULTIPLE.finditer(sentence))
    froms = [m for m in re.finditer(rf"\bfrom\s+(?:a\s+|an\s+)?(?:about\s+)?{AMOUNT.pattern}", sentence)]
    tos = [m for m in re.finditer(rf"\bto\s+(?:a\s+|an\s+)?(?:about\s+)?{AMOUNT.pattern}", sentence)]
    if len(multiples) != 1 or len(froms) != 1 or len(tos) != 1 or PERCENT.search(sentence):
        return
    multiple, start, end = multiples[0], froms[0], tos[0]
    if is_year(start) or is_year(end) or multiple.start() > min(start.start(), end.start()):
        return
    if _consistent_multiple(multiple, start, end):
        yield Candidate("multiple", sentence, [_span(base, start, "num"), _span(base, end, "num")],
                        (*_span(base, end, "num"), scaled(end["num"], 1.5)))


def _consistent_multiple(multiple: re.Match[str], start: re.Match[str], end: re.Match[str]) -> bool:
    """Whether the endpoints' ratio is what the multiple and its hedge allow, and the mutant's (the
    new figure ×1.5) clearly is not."""
    factor = MULTIPLES[re.sub(r"\s+", " ", multiple["word"].lower())]
    hedge = (multiple["hedge"] or "").strip().lower()
    low_old, high_old = interval(start)
    low_new, high_new = interval(end)
    if low_old <= 0:
        return False
    least, most = low_new / high_old, high_new / low_old
    below = 0.8 if hedge in ("nearly", "almost", "about", "roughly") else 0.95
    above = (float("inf") if hedge in ("more than", "over")
             else 1.15 if hedge in ("about", "roughly") else 1.05)
    if factor * above < least or factor * below > most:
        return False  # inconsistent as written (or the figures are not the change's)
    return least * 1.5 > factor * above * 1.1  # else the mutant would still be within the words


# after a multiple, a dash, colon or comma and two endpoints each with its time: "more than doubled --
# from 1,400 in 2020 to 3,100 in 2024", "were cut in half: 820 reports in April, 400 in September"
DATED_OPEN = re.compile(r"[^.:;—–\d]{0,40}?(?:\s*(?::|—|–|--|-)\s*|,\s+)(?:from\s+)?")
DATED_BETWEEN = re.compile(r"(?:\s+[a-z]+){0,3}?\s+(?:in|at|by|during|for)\s+[^,\d]{0,24}?(?:\d{4}\s*)?"
                           r"\s*(?:,|to|and|against)\s+(?:about\s+)?")


def dated_multiple_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A multiple whose endpoints follow it after a dash, a colon or a comma, each with its date."""
    multiples = list(MULTIPLE.finditer(sentence))
    if len(multiples) != 1 or PERCENT.search(sentence):
        return
    multiple = multiples[0]
    opening = DATED_OPEN.match(sentence, multiple.end())
    if opening is None:
        return
    figures = [m for m in amounts(sentence) if m.start() >= opening.end()]
    if len(figures) != 2 or figures[0].start() != opening.end():
        return
    start, end = figures
    if DATED_BETWEEN.fullmatch(sentence, start.end(), end.start()) and _consistent_multiple(
            multiple, start, end):
        yield Candidate("multiple", sentence, [_span(base, start, "num"), _span(base, end, "num")],
                        (*_span(base, end, "num"), scaled(end["num"], 1.5)))


# a change stated as a fraction in words beside its endpoints: "from 48 to 64, a rise of a third",
# "fell from 12,000 to 9,000, down by a quarter", "an increase of nearly a half"
FRACTION_CHANGE = re.compile(
    r"\b(?:(?:a|an)\s+(?P<noun>rise|increase|gain|jump|climb|growth|fall|drop|decline|decrease|cut|reduction|"
    r"slump|dip)\s+of|(?P<adverb>up|down)(?:\s+by)?|(?P<verb>ris\w*|rose|grew|grow\w*|increas\w*|climb\w*|"
    r"fell|fall\w*|drop\w*|declin\w*|cut|reduc\w*)\s+by)\s+"
    r"(?P<hedge>(?:nearly|almost|about|roughly|around)\s+)?(?P<frac>half|a half|a third|one third|one-third|"
    r"two-thirds|two thirds|a quarter|one quarter|three-quarters|three quarters|a fifth|one fifth|a tenth)\b",
    re.I)
CHANGE_FRACTIONS = {"half": 1 / 2, "a half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
                    "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4,
                    "three-quarters": 3 / 4, "three quarters": 3 / 4, "a fifth": 1 / 5, "one fifth": 1 / 5,
                    "a tenth": 1 / 10}


def fraction_change_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A change with both endpoints stated as a fraction in words after them, consistent within five
    points of the fraction (eight with a hedge), by the benchmark's own arithmetic; the mutant's new
    figure is ×1.5 (a fall) or the old figure ×1.5 (a rise), kept only when that moves the change at
    least ten points beyond what the words allow."""
    fractions = list(FRACTION_CHANGE.finditer(sentence))
    froms = list(re.finditer(rf"\bfrom\s+(?:a\s+|an\s+)?(?:about\s+)?{AMOUNT.pattern}", sentence))
    tos = list(re.finditer(rf"\bto\s+(?:a\s+|an\s+)?(?:about\s+)?{AMOUNT.pattern}", sentence))
    if len(fractions) != 1 or len(froms) != 1 or len(tos) != 1 or PERCENT.search(sentence):
        return
    fraction, start, end = fractions[0], froms[0], tos[0]
    if is_year(start) or is_year(end) or fraction.start() < max(start.end(), end.end()):
        return
    old, new = amount(start), amount(end)
    if old <= 0 or new <= 0 or old == new:
        return
    share = CHANGE_FRACTIONS[re.sub(r"\s+", " ", fraction["frac"].lower())]
    slack = 0.08 if fraction["hedge"] else 0.05
    if abs(abs(new - old) / old - share) > slack:
        return
    mutant = (start, old * 1.5) if new > old else (end, new * 1.5)
    changed = abs(new - mutant[1]) / mutant[1] if new > old else abs(mutant[1] - old) / old
    if abs(changed - share) < slack + 0.1:
        return
    target = mutant[0]
    yield Candidate("multiple", sentence, [_span(base, start, "num"), _span(base, end, "num")],
                    (*_span(base, target, "num"), scaled(target["num"], 1.5)))


PART, WHOLE = AMOUNT.pattern.replace("(?P<", "(?P<p_"), AMOUNT.pattern.replace("(?P<", "(?P<w_")
ABOUT = r"(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+|around\s+|approximately\s+)?"
HEDGES = (r"(?:(?:about|some|nearly|almost|roughly|around|approximately|only|just|just over|just under|"
          r"more than|less than|over|under|or|or about|or nearly|or almost|or just over|or just under|"
          r"representing|accounting for|amounting to|equal to|equivalent to)\s+)*")
DETERMINER = r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+|a total of\s+|all\s+)?"
POSSESSOR = r"(?:[\w-]+(?:'s|’s)\s+)?"  # "of the town's 4,800"
SHARE_OF = [
    # the whole, then the share: "45 of the 150 seats, or 30 pct", "45 out of 150 (30%)"
    re.compile(rf"(?P<part>{PART})(?:\s+[\w'’-]+){{0,4}}?\s+(?:of|out of)\s+"
               rf"{DETERMINER}{POSSESSOR}(?P<whole>{WHOLE})"
               rf"[^.;]{{0,60}}?(?:,\s*|\(\s*|\s-+\s*|\s—\s*)(?:or\s+)?{ABOUT}(?P<pct>{NUM}){PCT_WORD}"),
    # the share of the whole after the part: "4.1 mln shares, or 13.6 pct of the company's 30 mln",
    # "100m but this represents less than 8% of the country's 1.3 billion people", "42 pct of
    # Outokumpu's group turnover of 7.58 billion"
    re.compile(rf"(?P<part>{PART})[^.;()]{{0,60}}?(?:,\s*|\(\s*|\s-+\s*|\s—\s*|\s)(?:{HEDGES})"
               rf"(?P<pct>{NUM}){PCT_WORD}\)?\s+of\s+(?:[\w'’-]+\s+){{0,5}}?{HEDGES}(?P<whole>{WHOLE})"),
    # the whole, then its part "of them" in the next clause: "240 delegates attended; 60 of them, or
    # 25 pct, were women", "1,500 households, 600 of whom (40 pct) ..."
    re.compile(rf"(?P<whole>{WHOLE})(?:\s+[\w'’-]+){{0,6}}?\s*[;,:]\s+(?P<part>{PART})\s+(?:of|among)\s+"
               rf"(?:them|those|whom|which|these),?\s+(?:\(\s*|-+\s*|—\s*)?{HEDGES}(?P<pct>{NUM}){PCT_WORD}"),
    # the share first: "60 pct, or 60 mln of the 100 mln shares"
    re.compile(rf"(?P<pct>{NUM}){PCT_WORD},?\s+(?:or\s+)?{HEDGES}(?P<part>{PART})(?:\s+[\w'’-]+){{0,3}}?"
               rf"\s+(?:of|out of)\s+{DETERMINER}{HEDGES}(?P<whole>{WHOLE})"),
]
# the whole first, then the part, what it did and its share after a colon, a dash or a comma: "Of 1,200
# applicants, 300 were admitted: 25 pct", "Of the 640 households, 160 had no access -- 25 pct"
WHOLE_FIRST = re.compile(rf"\b(?:[Oo]f|[Oo]ut of)\s+{DETERMINER}(?P<whole>{WHOLE})[^.;:\d%]{{0,60}}?,\s+"
                         rf"(?P<part>{PART})\s[^.;:\d%]{{1,60}}?(?::\s*|\s[–—-]+\s*|,\s*)"
                         rf"(?:or\s+|that is\s+)?{HEDGES}(?P<pct>{NUM}){PCT_WORD}")
# the same with the subject and verb of the part's clause before it: "Of its 160 aircraft, the airline
# has grounded 40, roughly 25 pct", "Out of their 300 members, the association says 180 ... (60%)"
WHOLE_FIRST_LATE = re.compile(rf"\b(?:[Oo]f|[Oo]ut of)\s+{DETERMINER}(?P<whole>{WHOLE})[^.;:\d%]{{0,60}}?,\s+"
                              rf"(?:[A-Za-z][\w'’-]*\s+){{1,6}}?(?P<part>{PART})(?:\s[^.;:\d%]{{1,60}}?)?"
                              rf"(?:,\s*|\s\(\s*|\s[–—-]+\s*)(?:or\s+)?{HEDGES}(?P<pct>{NUM}){PCT_WORD}")
# a whole that opens the sentence with a long noun phrase (a relative clause, a participle, a time),
# the part, what it did and its share: "Of the 1,600 tenants who answered the survey in May, 520 said
# ..., or 32.5 pct", "Among the 84 schools inspected this term, 21 were rated good (25 pct)"
WHOLE_FIRST_LONG = re.compile(rf"(?:^|[.;]\s+)(?:Of|Out of|Among|Amongst)\s+{DETERMINER}"
                              rf"(?P<whole>{WHOLE})[^.;:\d%]{{0,140}}?,\s+(?:[A-Za-z][\w'’-]*\s+){{0,4}}?"
                              rf"(?P<part>{PART})(?:\s[^.;:\d%]{{1,100}}?)?"
                              rf"(?:,\s*|\s\(\s*|\s[–—-]+\s*|:\s*)(?:or\s+|that is\s+)?{HEDGES}"
                              rf"(?P<pct>{NUM}){PCT_WORD}")
CHANGE_BEFORE = re.compile(rf"(?:{UP}|{DOWN}|\bby)\s+(?:a\s+)?(?:revised\s+)?(?:about\s+)?[$£€]?\s?$", re.I)


def part_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A part with its share of a whole: "45 of 150, or 30 pct", "1.2 mln shares, or 5.1 pct of the
    company's 23.5 mln outstanding shares", "45 out of 150 (30%)", "60 pct, or 60 mln of the 100 mln",
    "240 delegates attended; 60 of them, or 25 pct"."""
    for expression in [*SHARE_OF, WHOLE_FIRST, WHOLE_FIRST_LATE, WHOLE_FIRST_LONG]:
        starts = (expression.match(sentence, m.start()) for m in re.finditer(NUM, sentence))
        if expression in (WHOLE_FIRST, WHOLE_FIRST_LATE, WHOLE_FIRST_LONG):
            starts = expression.finditer(sentence)
        for match in filter(None, starts):
            if CHANGE_BEFORE.search(sentence[:match.start("part")]):
                continue  # "rose 3.6 billion dlrs, or 1.0 pct": a change, not a part
            if _figure_between(sentence, match):
                continue  # the nearest figure to the share is another one
            if any(is_year(m) or re.match(PCT_WORD, sentence[m.end():m.end() + 9])
                   for m in (AMOUNT.match(sentence, match.start("part")),
                             AMOUNT.match(sentence, match.start("whole")))):
                continue
            part = _amount(match, "p_")
            whole = _amount(match, "w_")
            stated = number(match["pct"])
            step = 10 ** -decimals(match["pct"])
            if whole <= part or part <= 0 or stated < 1:
                continue
            if abs(part / whole * 100 - stated) > max(step, 0.02 * stated):
                continue
            yield Candidate("part", sentence, [_span(base, match, "pct"), _span(base, match, "p_num"),
                                               _span(base, match, "w_num")],
                            (*_span(base, match, "p_num"), scaled(match["p_num"], 2)))
            return


FRACTIONS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3, "two-thirds": 2 / 3,
             "two thirds": 2 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4, "three-quarters": 3 / 4,
             "three quarters": 3 / 4, "a fifth": 1 / 5, "one fifth": 1 / 5, "a tenth": 1 / 10}
FRACTION = "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))
FRACTION_HEDGE = (r"(?P<hedge>(?:about|some|nearly|almost|roughly|around|approximately|just over|just under)"
                  r"\s+)?")
# a part with its share in words: "400 of the 1,300 staff, almost a third,", "2.5 mln shares, or
# nearly half of the 10 mln it held"
FRACTION_OF = [
    re.compile(rf"(?P<part>{PART})(?:\s+[\w'’-]+){{0,4}}?\s+(?:of|out of)\s+{DETERMINER}{POSSESSOR}"
               rf"(?P<whole>{WHOLE})[^.;\d%]{{0,60}}?(?:,\s*(?:or\s+)?|\(\s*|\s-+\s*|\s[—–]\s*(?:or\s+)?)"
               rf"{FRACTION_HEDGE}(?P<frac>{FRACTION})\b", re.I),
    re.compile(rf"(?P<part>{PART})[^.;()\d%]{{0,40}}?,\s*or\s+{FRACTION_HEDGE}(?P<frac>{FRACTION})\s+of\s+"
               rf"(?:[\w'’-]+\s+){{0,4}}?(?P<whole>{WHOLE})", re.I),
]


def fraction_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A part with its share as a fraction in words, consistent within five points (eight with a
    hedge): "Roughly 400 of the 1,300 workers, almost a third, ..."; the part doubled is the mutant,
    kept only when it moves the ratio at least ten points from the fraction."""
    for expression in FRACTION_OF:
        for match in expression.finditer(sentence):
            if CHANGE_BEFORE.search(sentence[:match.start("part")]):
                continue
            if any(is_year(m) or re.match(PCT_WORD, sentence[m.end():m.end() + 9])
                   for m in (AMOUNT.match(sentence, match.start("part")),
                             AMOUNT.match(sentence, match.start("whole")))):
                continue
            part, whole = _amount(match, "p_"), _amount(match, "w_")
            fraction = FRACTIONS[match["frac"].lower()]
            slack = 0.08 if match["hedge"] else 0.05
            if whole <= part or part <= 0 or abs(part / whole - fraction) > slack:
                continue
            yield Candidate("part", sentence, [_span(base, match, "frac"), _span(base, match, "p_num"),
                                               _span(base, match, "w_num")],
                            (*_span(base, match, "p_num"), scaled(match["p_num"], 2)))
            return


# the rest of a whole named as such: "the remaining 70", "the other 12", "the rest, 16,"
REST = re.compile(r"\bthe\s+(?:remaining|other)\s+(?=[$£€]?\d)|\bthe\s+(?:rest|remainder|others|balance)"
                  r"(?:\s+of\s+(?:them|those|these))?\s*[,—–-]*\s*(?:(?:were|was|are|is)\s+)?(?=[$£€]?\d)",
                  re.I)
WHOLE_CUE = re.compile(r"\b(?:of|out of|all|total of)\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def rest_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A whole, a part of it and the rest named as such, adding up within rounding: "Of the 450 wells
    tested, 380 passed and the remaining 70 failed", "20 of the 36 members said yes; the rest, 16,
    said no". The rest doubled is the mutant (the part and the rest then exceed the whole)."""
    for cue in REST.finditer(sentence):
        rest = AMOUNT.match(sentence, cue.end())
        if rest is None or is_year(rest) or re.match(PCT_WORD, sentence[rest.end():rest.end() + 9]):
            continue
        before = [m for m in amounts(sentence[:cue.start()]) if amount(m) > 0 and not _day(sentence, m)]
        if len(before) != 2:
            continue
        first, second = before
        if WHOLE_CUE.search(sentence[:second.start()]) and not WHOLE_CUE.search(sentence[:first.start()]):
            whole, part = second, first  # "20 of the 36 members"
        elif WHOLE_CUE.search(sentence[:first.start()]):
            whole, part = first, second  # "Of the 450 wells, 380 ..."
        else:
            continue
        values = [amount(m) for m in (whole, part, rest)]
        if not (0 < values[1] < values[0] and 0 < values[2] < values[0]):
            continue
        if len({_currency(sentence, m) for m in (whole, part, rest)} - {""}) > 1:
            continue
        step = max(interval(m)[1] - interval(m)[0] for m in (whole, part, rest))
        if abs(values[1] + values[2] - values[0]) > step * 1.5 + 1e-9:
            continue
        yield Candidate("rest", sentence, [_span(base, m, "num") for m in (whole, part, rest)],
                        (*_span(base, rest, "num"), scaled(rest["num"], 2)))
        return


# two outcomes of one whole that exclude each other, after the whole and its noun phrase (perhaps
# long) or a verb of division: "Of the 900 votes cast by members, 520 backed the motion and 380 opposed
# it", "The 2,300 applications received last year split 1,400 approved, 900 refused"
PASS = (r"(?:passed|backed|supported|approved|accepted|carried|granted|upheld|won|voted\s+(?:for|yes)|"
        r"said\s+yes|were\s+(?:approved|accepted|carried|granted|upheld|admitted|rescued|in\s+favou?r))")
FAIL = (r"(?:failed|opposed|rejected|refused|defeated|dismissed|lost|voted\s+(?:against|no)|said\s+no|"
        r"against|were\s+(?:rejected|refused|defeated|dismissed|turned\s+(?:down|away)|killed))")
OUTCOMES = re.compile(
    rf"(?:\b(?:[Oo]f|[Oo]ut of)\s+{DETERMINER}(?P<whole>{WHOLE})[^.;:\d%]{{0,140}}?,\s+"
    rf"|(?P<whole2>{WHOLE.replace('(?P<w_', '(?P<v_')})[^.;:\d%]{{0,140}}?\s"
    rf"(?P<split>split|divided|were\s+divided|broke\s+down)(?:\s+(?:as|into|between))?:?\s+)"
    rf"(?P<part>{PART})\s+(?P<one>{PASS}|{FAIL})\b[^.;:\d%]{{0,40}}?(?:,\s+and|,|\s+and|;)\s+"
    rf"(?P<rest>{AMOUNT.pattern.replace('(?P<', '(?P<r_')})\s+(?P<two>{PASS}|{FAIL})\b")


def outcome_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A whole and two opposite outcomes of it ("backed" and "opposed", "approved" and "refused"):
    they cannot exceed the whole, and after a verb of division they make it (within rounding). The
    larger outcome doubled is the mutant, kept only when it then exceeds the whole."""
    for match in OUTCOMES.finditer(sentence):
        one, two = (re.match(PASS + r"\b", match[g]) is not None for g in ("one", "two"))
        if one == two:
            continue  # two outcomes of one side ("passed ... and carried")
        prefix = "w_" if match["whole"] else "v_"
        if re.fullmatch(r"(?:19|20)\d\d", match[prefix + "num"]):
            continue  # a year, no whole
        whole = number(match[prefix + "num"]) * SCALES.get((match[prefix + "scale"] or "").lower(), 1.0)
        part, rest = _amount(match, "p_"), _amount(match, "r_")
        if whole <= 0 or part <= 0 or rest <= 0 or part + rest > whole + 1e-9:
            continue
        if match["split"] and abs(part + rest - whole) > 1.5:
            continue  # a division makes its whole
        larger = "p_num" if part >= rest else "r_num"
        if 2 * max(part, rest) + min(part, rest) <= whole:
            continue
        numbers = [match.start(prefix + "num"), match.start("p_num"), match.start("r_num")]
        if len({m for m in numbers}) != 3:
            continue
        yield Candidate("rest", sentence, [_span(base, match, g) for g in (prefix + "num", "p_num", "r_num")],
                        (*_span(base, match, larger), scaled(match[larger], 2)))
        return


def _figure_between(sentence: str, match: re.Match[str]) -> bool:
    """Whether another figure stands between the part (or the share) and what follows it."""
    spans = sorted((match.start(g), match.end(g)) for g in ("part", "whole", "pct"))
    return any(re.search(r"\d", sentence[end:start]) for (_, end), (start, _) in itertools.pairwise(spans))


def _amount(match: re.Match[str], prefix: str) -> float:
    scale = (match[prefix + "scale"] or "").lower()
    return number(match[prefix + "num"]) * SCALES.get(scale, 1.0)


TOTAL_CUE = re.compile(r"\b(?:total\w*|of which|of whom|including|comprising|consist\w*|made up of|"
                       r"broken down|breaks? down|split\w*|divided?|shared|distributed|allocated)\b|:|--|—",
                       re.I)
# a total stated after its parts, by the words after it: "..., 23 in all", "2,000 altogether"
IN_ALL_ANYWHERE = re.compile(r"\b(?:in all|altogether|in total|combined|all told)\b", re.I)
IN_ALL = re.compile(r"^\s?(?:[a-z]+\s){0,2}?(?:in all|altogether|in total|combined|all told)\b", re.I)


RANGE = re.compile(rf"\bbetween\s+{NUM}|\bfrom\s+\S*{NUM}\S*\s+to\b|\b(?:vs|versus|against|compared with)\b|"
                   rf"{NUM}\s+to\s+{NUM}", re.I)
CHANGED_BY = re.compile(r"\b(?:(?:increase|decrease|rise|decline|drop|fall|jump)\s+of|(?:up|down|rose|fell|"
                        r"increased|decreased|declined)(?:\s+by)?)\s+(?:about\s+)?[$£€]?\s?$", re.I)
UNBOUNDED = re.compile(r"\b(?:over|more than|at least|upwards of|minimum|in excess of)\s+$", re.I)
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)
CURRENCY = re.compile(r"\s*(?P<name>(?:[A-Z][a-z]+\s+){0,2}(?:dlrs|dollars?|stg|sterling|pounds?|francs?|yen|"
                      r"marks?|lire|pesos?|rupees?|euros?|guilders?|crowns?|riyals?|rand|yuan|won)\b)")


def _day(sentence: str, match: re.Match[str]) -> bool:
    """A day of the month ("April 1", "July 1, 1988"): part of a date, no amount."""
    return (not match["cur"] and not match["scale"] and "." not in match["num"]
            and 1 <= number(match["num"]) <= 31 and MONTH.search(sentence[:match.start()]) is not None)


def _currency(sentence: str, match: re.Match[str]) -> str:
    """The currency an amount states, by symbol or by name after it ("50 mln Australian dlrs")."""
    if match["cur"]:
        return match["cur"].strip()
    name = CURRENCY.match(sentence, match.end())
    return " ".join(name["name"].lower().split()) if name else ""


def _announced(sentence: str, total: re.Match[str], parts: list[re.Match[str]]) -> bool:
    """A cue for a breakdown next to its total: "total" just before it, a word or mark between the
    total and its first part ("of which", "including", ":", "--"), "in all" after a total stated
    after its parts, or every part in parentheses after its label ("Leeds (180), Hull (110)")."""
    first = parts[0]
    before = sentence[max(0, total.start() - 30):total.start()]
    between = sentence[total.end():first.start()] if first.start() > total.end() else ""
    after = sentence[total.end():total.end() + 30] if first.start() < total.start() else ""
    bracketed = all(re.search(r"[A-Za-z]\s\($", sentence[:p.start()]) and sentence[p.end():p.end() + 1] == ")"
                    for p in parts)
    return bool(re.search(r"\btotal\w*\b", before, re.I) or TOTAL_CUE.search(between)
                or IN_ALL.search(after) or (bracketed and first.start() > total.end()))


def breakdown_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A total and its breakdown, in either order: "a total of 42, of which 30 ... and 12 ...",
    "totals 1,200: 600 ..., 400 ... and 200 ...", "30 ... and 12 ..., a total of 42".

    Not a breakdown a reader would see, or no mutant that contradicts it, so not a candidate:

    - a figure run into a word ("quiet 1 (Total 1) lots cash nil 3months");
    - a day of the month ("a 2.7 pct rise from April 1 ... and another 1.5 pct from July 1");
    - a part as large as its total ("3.5 billion francs ... and 3.5 billion francs", "13-week");
    - figures in different currencies ("50 mln Australian dlrs and 50 mln New Zealand dlrs ... 100
      mln U.S.");
    - a change told as a sum ("a total of 1,413,674 shares ..., an increase of 102,486 shares from
      ... a restated total of 1,311,188");
    - a total with no upper bound ("over 25 mln tonnes ..., including 14 mln tonnes wheat and 12
      mln"), which a doubled part does not contradict.
    """
    if not (TOTAL_CUE.search(sentence) or IN_ALL_ANYWHERE.search(sentence) or "(" in sentence) \
            or RANGE.search(sentence):
        return
    figures = [m for m in amounts(sentence) if amount(m) > 0 and not _day(sentence, m)
               and not re.match(r"-?[a-z]", sentence[m.end():], re.I)]  # "3months", "13-week": no amounts
    if len(figures) < 3 or len(figures) > 8:
        return
    values = [amount(m) for m in figures]
    for i, total in enumerate(values):
        for parts in (range(i + 1, len(values)), range(0, i)):
            parts = list(parts)
            if len(parts) < 2 or any(values[j] >= total for j in parts):
                continue
            if any(CHANGED_BY.search(sentence[:figures[j].start()]) for j in parts):
                continue
            if UNBOUNDED.search(sentence[:figures[i].start()]):
                continue
            step = max(10 ** -decimals(figures[j]["num"]) * SCALES.get((figures[j]["scale"] or "").lower(), 1)
                       for j in parts)
            if not _announced(sentence, figures[i], [figures[j] for j in parts]):
                continue
            if abs(sum(values[j] for j in parts) - total) <= step * len(parts) / 2 + 1e-9:
                if len({_currency(sentence, figures[j]) for j in [*parts, i]} - {""}) > 1:
                    continue
                first = figures[parts[0]]
                yield Candidate("breakdown", sentence,
                                [_span(base, figures[j], "num") for j in [i, *parts]],
                                (*_span(base, first, "num"), scaled(first["num"], 2)))
                return


# the second of two sentences divides the figure the first ends with ("... treated 4,300 patients over
# the holiday. Of these, 2,900 ... and 1,400 ..."), or sums the figures the first states ("... 14 on
# Friday and 9 on Saturday. That made 23 in all", "The total was 14,700")
DIVIDES_BEFORE = re.compile(r"^\s*(?:Of|Out of)\s+(?:these|them|this|that|those|the total),")
SUMS_BEFORE = re.compile(r"^\s*(?:(?:That|This|It)\s+(?:made|makes|brings|brought|took|takes|came to"
                         r"|comes to)(?:\s+(?:the|a))?(?:\s+total)?(?:\s+(?:to|of))?"
                         r"|(?:The|Their|The combined|The overall)"
                         r"\s+total\s+(?:was|is|came to|comes to|stood at|reached)|Together,?\s+they\s+"
                         r"(?:made|make|accounted for|account for|totalled|came to|numbered))\s+")


def two_sentence_breakdown_candidates(text: str) -> Iterator[Candidate]:
    """A total in one sentence and its parts in the next, or parts and then their sum, by the
    benchmark's own arithmetic; the mutant doubles the first part."""
    spans = list(sentences(text))
    for (base, first), (after, second) in itertools.pairwise(spans):
        if text[base + len(first):after].count("\n") > 1:
            continue  # another paragraph
        if DIVIDES_BEFORE.match(second):
            wholes, parts = amounts(first)[-1:], amounts(second)
        elif (opening := SUMS_BEFORE.match(second)) is not None:
            wholes, parts = [m for m in amounts(second) if m.start() == opening.end()], amounts(first)
        else:
            continue
        if not wholes or not 2 <= len(parts) <= 6 or any(_day(first, m) or _day(second, m) for m in parts):
            continue
        total = amount(wholes[0])
        values = [amount(m) for m in parts]
        step = max(10 ** -decimals(m["num"]) * SCALES.get((m["scale"] or "").lower(), 1) for m in parts)
        if any(v >= total for v in values) or abs(sum(values) - total) > step * len(values) / 2 + 1e-9:
            continue
        whole_base, part_base = (base, after) if DIVIDES_BEFORE.match(second) else (after, base)
        part_text = second if part_base == after else first
        if CHANGED_BY.search(part_text) or RANGE.search(part_text):
            continue
        first_part = parts[0]
        yield Candidate("breakdown", first + second,
                        [_span(whole_base, wholes[0], "num"), *(_span(part_base, m, "num") for m in parts)],
                        (*_span(part_base, first_part, "num"), scaled(first_part["num"], 2)))


UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORDED = rf"(?:(?:{'|'.join(TENS)})(?:-(?:{'|'.join(UNITS[1:10])}))?|{'|'.join(UNITS[2:])}|\d{{1,2}})"
# a total in words, a clause of at most eight words, a colon, a long dash or a dash set apart by spaces,
# and two counts joined by "and": "Eleven people were taken to hospital: seven with minor injuries and
# four with burns", "Sixty volunteers turned out – thirty-five from the town and fifteen from ..."
WORDED_BREAKDOWN = re.compile(rf"\b(?P<total>{WORDED})\s+(?:[a-z][\w'’-]*\s+){{0,8}}?[a-z][\w'’-]*\s*"
                              rf"(?::|--|—|\s[-–]\s)\s*(?P<a>{WORDED})\s+[^,;:.\d]{{1,40}}?,?\s+and\s+(?P<b>{WORDED})\b",
                              re.I)


def worded(text: str) -> int:
    """The value of a whole number below 100 written in words or digits ("twenty-three", "7")."""
    text = text.lower()
    if text.isdigit():
        return int(text)
    tens, _, unit = text.partition("-")
    if tens in TENS:
        return 20 + 10 * TENS.index(tens) + (UNITS.index(unit) if unit else 0)
    return UNITS.index(text)


def in_words(value: int) -> str:
    if value < 20:
        return UNITS[value]
    tens, unit = divmod(value, 10)
    return TENS[tens - 2] + (f"-{UNITS[unit]}" if unit else "")


def worded_breakdown_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A count in words split into two after a colon or a long dash, the parts in words or digits and
    their nouns perhaps not the total's: "Nine people were hurt: five passengers and four pedestrians".
    The finder of digits (`breakdown_candidates`) reads no number written in words."""
    for match in WORDED_BREAKDOWN.finditer(sentence):
        if match["total"].isdigit():
            continue  # digits are the other finder's
        total, a, b = (worded(match[g]) for g in ("total", "a", "b"))
        if a + b != total or not a or not b:
            continue
        doubled = str(2 * a) if match["a"].isdigit() else in_words(2 * a) if 2 * a < 100 else str(2 * a)
        if match["a"][0].isupper():
            doubled = doubled.capitalize()
        keys = [(base + match.start(g), base + match.end(g)) for g in ("total", "a", "b")]
        mutation = (base + match.start("a"), base + match.end("a"), doubled)
        yield Candidate("breakdown", sentence, keys, mutation)
        return


# a percentage and the percentages or points it is made of: "a 6.8% rise, made up of 3.9 points from
# food and 1.7 points from energy", "the 7.5 per cent levy comprises 6 per cent for ... and 1.5 per cent
# for ..."
POINTS_PART = rf"(?:{NUM}{PCT_WORD}(?:\s?points?)?|{NUM}\s(?:percentage\s)?points?\b)"
PERCENT_SPLIT = re.compile(
    rf"(?P<total>{NUM}){PCT_WORD}[^.;:\d%]{{0,50}}?\b(?:made up of|compris\w*|consist\w* of|of which|"
    rf"split (?:between|into)|breaks? down (?:as|into)|broken down (?:as|into)|divided (?:between|into))\s+"
    rf"(?P<parts>(?:(?:an?|the)\s+)?{POINTS_PART}[^.;:\d%]{{0,40}}?(?:(?:,|,? and)\s+(?:an?\s+)?"
    rf"{POINTS_PART}[^.;:\d%]{{0,40}}?){{1,5}})(?:[.;]|$)", re.I)


def percent_split_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A percentage total and the percentages or percentage points it is made of, by the benchmark's
    own sum; the mutant doubles the first part."""
    for match in PERCENT_SPLIT.finditer(sentence):
        parts = list(re.finditer(NUM, match["parts"]))
        values = [number(m[0]) for m in parts]
        step = max(10 ** -decimals(m[0]) for m in parts)
        if abs(sum(values) - number(match["total"])) > step * len(parts) / 2 + 1e-9:
            continue
        offset = base + match.start("parts")
        keys = [(base + match.start("total"), base + match.end("total")),
                *((offset + m.start(), offset + m.end()) for m in parts)]
        first = parts[0]
        yield Candidate("breakdown", sentence, keys, (offset + first.start(), offset + first.end(),
                                                      scaled(first[0], 2)))
        return


# a whole in words and its parts in words, each with what it did, perhaps the last "the remaining":
# "Of the thirty-six councillors present, fifteen backed the budget, fourteen opposed it and the
# remaining seven abstained"
REMAINING = r"(?:the (?:remaining|other) )?"
WORDED_WHOLE = re.compile(
    rf"\b(?:[Oo]f|[Oo]ut of) (?:the |all )?(?P<whole>{WORDED})(?:\s+[a-z][\w'’-]*){{1,4}},\s+"
    rf"(?P<parts>(?:{WORDED})\b[^,;:.\d]{{0,50}}?(?:,\s+{REMAINING}(?:{WORDED})\b[^,;:.\d]{{0,50}}?){{0,3}}"
    rf",?\s+and\s+{REMAINING}(?:{WORDED})\b)", re.I)


def worded_whole_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A whole in words and the parts in words it splits into, adding up to it exactly; the mutant
    doubles the first part (the digits are ``part``'s and ``breakdown``'s other finders')."""
    for match in WORDED_WHOLE.finditer(sentence):
        if match["whole"].isdigit():
            continue
        offset = base + match.start("parts")
        parts = [m for m in re.finditer(rf"\b{WORDED}\b", match["parts"], re.I) if not m[0].isdigit()]
        if len(parts) < 2 or worded(match["whole"]) != sum(worded(m[0]) for m in parts):
            continue
        first = parts[0]
        doubled = in_words(2 * worded(first[0])) if 2 * worded(first[0]) < 100 else str(2 * worded(first[0]))
        keys = [(base + match.start("whole"), base + match.end("whole")),
                *((offset + m.start(), offset + m.end()) for m in parts)]
        doubled = doubled.capitalize() if first[0][0].isupper() else doubled
        yield Candidate("breakdown", sentence, keys, (offset + first.start(), offset + first.end(), doubled))
        return


CHANGED = re.compile(rf"(?:{UP}|{DOWN}|\bby|\bat|\bto|\bfrom)\s+(?:about\s+)?$", re.I)
PRO = re.compile(r"\b(?:for|in favou?r|yes|back\w*|support\w*|approv\w*|agree\w*|endors\w*)\b", re.I)
CON = re.compile(r"\b(?:against|no|oppos\w*|reject\w*|disapprov\w*|disagree\w*|object\w*)\b", re.I)


# a share sent somewhere, the second after its verb dropped: "65 pct will go to the provinces and 45
# pct to Ottawa", "70% of revenue goes to the club and 30% to the players"
SENT_TO = re.compile(r"^(?:\s+[\w'’-]+){0,5}?\s+(?:go|goes|went|going|gone|flows?|paid|allocated|given|"
                     r"spent)\s+(?:to|into)\b", re.I)


def shares_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """Three or more shares of one whole that add up to 100: "Labour 37 pct, Conservatives 33 pct,
    Liberal Democrats 22 pct and others 8 pct"."""
    if len(list(PERCENT.finditer(sentence))) == 2:
        yield from two_way_candidates(base, sentence)
        return
    percents = [m for m in PERCENT.finditer(sentence)
                if not CHANGED.search(sentence[:m.start()])]
    if len(percents) < 3 or len(percents) != len(list(PERCENT.finditer(sentence))):
        return
    total = sum(number(m["num"]) for m in percents)
    step = max(10 ** -decimals(m["num"]) for m in percents)
    if abs(total - 100) > step * len(percents) / 2:
        return
    smallest = min(percents, key=lambda m: number(m["num"]))  # doubled, the list stays shares-like
    yield Candidate("shares", sentence, [_span(base, m, "num") for m in percents],
                    (*_span(base, smallest, "num"), scaled(smallest["num"], 2)))


PRO_NOUN = re.compile(r"\b(?:approval|support|backing)\b", re.I)
CON_NOUN = re.compile(r"\b(?:disapproval|opposition)\b", re.I)
# the second of two answers in a sentence of its own, opening with its share: "Another 44 per cent
# opposed them", "Thirty-four pct voted against it" (not a time or a group: "In 2024, 47% ...")
SECOND_ANSWER = re.compile(rf"^\s*(?:(?:Another|A further|Only|Just|Some|But|And)\s+)?(?P<num>{NUM}|"
                           rf"(?:{'|'.join(TENS)})(?:-(?:{'|'.join(UNITS[1:10])}))?){PCT_WORD}", re.I)


def next_sentence_two_way_candidates(text: str) -> Iterator[Candidate]:
    """Two answers of one question in two sentences, the first with one share and its answer, the
    second opening with its share and the opposite answer; kept when the smallest doubled takes the
    pair clearly past 100%."""
    for (base, first), (after, second) in itertools.pairwise(list(sentences(text))):
        if text[base + len(first):after].count("\n") > 1:
            continue
        percents, opening = list(PERCENT.finditer(first)), SECOND_ANSWER.match(second)
        if len(percents) != 1 or not opening or len(list(PERCENT.finditer(second))) > 1:
            continue
        said_first = first[max(0, percents[0].start() - 30):percents[0].end() + 60]
        said_second = second[opening.end():opening.end() + 40]
        if not ((PRO.search(said_first) and CON.search(said_second))
                or (CON.search(said_first) and PRO.search(said_second))):
            continue
        word = opening["num"].lower()
        values = [number(percents[0]["num"]), number(word) if word[0].isdigit() else worded(word)]
        step = max(10 ** -decimals(percents[0]["num"]), 10 ** -decimals(word) if word[0].isdigit() else 1)
        if sum(values) > 100 + step or sum(values) + min(values) <= 100 + 2 * step:
            continue
        keys = [_span(base, percents[0], "num"), _span(after, opening, "num")]
        if values[0] <= values[1]:
            mutation = (*keys[0], scaled(percents[0]["num"], 2))
        else:
            doubled = str(2 * int(values[1])) if word[0].isdigit() else in_words(2 * int(values[1]))
            mutation = (*keys[1], doubled.capitalize() if opening["num"][0].isupper() else doubled)
        yield Candidate("shares", first + second, keys, mutation)


REST_SHARE = re.compile(r"\b(?:the remaining|the other|the rest of the|the balance of)\s*$", re.I)


def two_way_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """Two shares of one vote or poll, one for and one against: "56 pct in favour and 41 pct
    against", "58% said yes, while 42% said no"; or a share and the rest of its whole ("20 pct of the
    new company and Thomson-CSF the remaining 80 pct"). Kept when the smallest doubled takes the pair
    clearly past 100%."""
    percents = list(PERCENT.finditer(sentence))
    if len(percents) != 2:
        return
    first, second = percents
    between, after = sentence[first.end():second.start()], sentence[second.end():second.end() + 40]
    before = sentence[max(0, first.start() - 50):first.start()]
    # the answers as nouns before their shares: "Approval stood at 57 percent, with disapproval at 48"
    nouns = PRO_NOUN.search(before) and CON_NOUN.search(between)
    level = re.compile(rf"(?:{UP}|{DOWN})\s+(?:to\s+|by\s+)?$", re.I) if nouns else CHANGED
    if any(level.search(sentence[:m.start()]) for m in percents):
        return
    sent = SENT_TO.search(between) and re.match(r"\s+(?:to|into)\b", after)
    # the rest of the whole named before the second share: "20 pct of the new company and
    # Thomson-CSF the remaining 80 pct"
    rest = REST_SHARE.search(between)
    # the whole the first share is of ("70% of revenue goes to ..."); an "of" later names another
    checked = re.sub(r"^\s+of\b", "", between) if sent or rest else between
    contrast = re.search(r"\b(?:but|than|compared|whereas|of)\b|;", checked, re.I)
    if len(between) > (120 if rest else 80) or contrast:
        return
    answers = ((PRO.search(between) and CON.search(after)) or (CON.search(between) and PRO.search(after))
               or nouns)
    if not (answers or sent or rest):
        return
    values = [number(m["num"]) for m in percents]
    step = max(10 ** -decimals(m["num"]) for m in percents)
    if sum(values) > 100 + step or sum(values) + min(values) <= 100 + 2 * step:
        return
    smallest = min(percents, key=lambda m: number(m["num"]))
    yield Candidate("shares", sentence, [_span(base, m, "num") for m in percents],
                    (*_span(base, smallest, "num"), scaled(smallest["num"], 2)))


# --- lists one item a line, after a line that ends in a colon --------------------------------------

MARKER = re.compile(r"[ \t]*(?:--|[-*•—–]|\d{1,2}[.)])[ \t]+(?=\S)")
ANNOUNCED = re.compile(rf"\b(?P<count>{'|'.join(COUNT_WORDS)})\s+(?:[a-z][\w-]*\s+){{0,3}}?"
                       r"(?P<noun>[a-z][\w-]*s)\b(?:\s+[\w'’-]+){0,8}?\s*:\s*$", re.I)


def bulleted_lists(text: str) -> Iterator[tuple[int, str, list[tuple[int, str]]]]:
    """Each list of at least two marked lines ("- ", "-- ", "* ", "1) ") after a line ending in a
    colon, with blank lines between items allowed: the last sentence of the colon's line (its offset
    and text) and the items (offset and text, marker dropped). The list ends at the first line without
    a marker, so its length is known."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    for i, (start, line) in enumerate(lines):
        if not line.rstrip().endswith(":"):
            continue
        items = []
        for item_start, item in lines[i + 1:i + 40]:
            if not item.strip():
                continue
            marker = MARKER.match(item)
            if not marker:
                break
            items.append((item_start + marker.end(), item[marker.end():]))
        if len(items) >= 2:
            last = [(base, sentence) for base, sentence in sentences(line)][-1]
            yield start + last[0], last[1], items


# a line of a table: a label, a colon or a dash, and one figure ("Highways: £3.4m", "- Friday: 12,400",
# "2. Science – 480"); a line giving the table's total ("Total: £6.1m", "In all: 72", "Overall 1,730")
TABLE_LINE = re.compile(r"^[ \t]*(?:(?:--|[-*•]|\d{1,2}[.)])[ \t]+)?(?P<label>[A-Za-z][^:\d\n]{0,40}?)"
                        r"\s*(?::|[-–—=])\s*(?P<figure>[^\n]*)$")
TOTAL_WORDS = "total|totals|grand total|in all|in total|overall|altogether|all told|combined"
TOTAL_LINE = re.compile(rf"^(?:{TOTAL_WORDS})$", re.I)


def table_candidates(text: str) -> Iterator[Candidate]:
    """A table of labelled figures, one a line (blank lines and list markers allowed), with a line
    giving their total after the parts or before them: "Highways: £3.4m" ... "Total: £6.1m". Each
    line holds one figure, the total line's label is a total word, and the parts add up to it by the
    benchmark's own rounding."""
    rows: list[tuple[int, str, re.Match[str]]] = []  # the current run of table lines
    offset = 0
    for line in [*text.split("\n"), ""]:
        match = TABLE_LINE.match(line)
        figures = [m for m in amounts(match["figure"]) if amount(m) > 0] if match else []
        if match and len(figures) == 1 and not PERCENT.search(line) \
                and match["figure"][:figures[0].start()].strip(" $£€") == "":
            rows.append((offset + match.start("figure"), match["label"].strip(), figures[0]))
        elif line.strip() or not rows:
            yield from _table(rows)
            rows = []
        offset += len(line) + 1
    yield from _table(rows)


def _table(rows: list[tuple[int, str, re.Match[str]]]) -> Iterator[Candidate]:
    totals = [i for i, (_, label, _) in enumerate(rows) if TOTAL_LINE.match(label)]
    if len(totals) != 1 or totals[0] not in (0, len(rows) - 1) or len(rows) < 3:
        return
    base, _, total = rows[totals[0]]
    parts = [(b, m) for i, (b, _, m) in enumerate(rows) if i != totals[0]]
    if len({_currency(total.string, total), *(_currency(m.string, m) for _, m in parts)} - {""}) > 1:
        return
    step = max(10 ** -decimals(m["num"]) * SCALES.get((m["scale"] or "").lower(), 1) for _, m in parts)
    if abs(sum(amount(m) for _, m in parts) - amount(total)) > step * len(parts) / 2 + 1e-9:
        return
    first_base, first = parts[0]
    keys = [_span(base, total, "num"), *(_span(b, m, "num") for b, m in parts)]
    mutation = (*_span(first_base, first, "num"), scaled(first["num"], 2))
    yield Candidate("breakdown", total.string, keys, mutation)


def list_candidates(text: str) -> Iterator[Candidate]:
    """A total or a count announced before a bulleted list, and bulleted shares: "The $2.4 million
    raised went to:" and one amount a line adding up to it; "They give three key reasons:" and
    three items; three or more lines of one percentage each adding up to 100."""
    for base, intro, items in bulleted_lists(text):
        yield from _bulleted_breakdown(base, intro, items)
        yield from _bulleted_enumeration(base, intro, items)
        yield from _bulleted_shares(base, intro, items)


def _bulleted_breakdown(base: int, intro: str, items: list[tuple[int, str]]) -> Iterator[Candidate]:
    totals = [m for m in amounts(intro) if amount(m) > 0 and not _day(intro, m)]
    if len(totals) != 1 or UNBOUNDED.search(intro[:totals[0].start()]):
        return
    total, parts = totals[0], []
    for start, item in items:
        figures = [m for m in amounts(item) if amount(m) > 0 and not _day(item, m)]
        if len(figures) != 1 or PERCENT.search(item) or amount(figures[0]) >= amount(total):
            return
        parts.append((start, item, figures[0]))
    if len({_currency(intro, total), *(_currency(item, m) for _, item, m in parts)} - {""}) > 1:
        return
    step = max(10 ** -decimals(m["num"]) * SCALES.get((m["scale"] or "").lower(), 1) for _, _, m in parts)
    if abs(sum(amount(m) for _, _, m in parts) - amount(total)) > step * len(parts) / 2 + 1e-9:
        return
    first_start, _, first = parts[0]
    keys = [_span(base, total, "num"), *(_span(b, m, "num") for b, _, m in parts)]
    yield Candidate("breakdown", intro, keys, (*_span(first_start, first, "num"), scaled(first["num"], 2)))


def _bulleted_enumeration(base: int, intro: str, items: list[tuple[int, str]]) -> Iterator[Candidate]:
    match = ANNOUNCED.search(intro)
    if not match or match["noun"].lower() in PERIOD_NOUNS:
        return
    count = COUNT_WORDS.index(match["count"].lower()) + 2
    if count != len(items):
        return
    word = COUNT_WORDS[count - 1] if count - 1 < len(COUNT_WORDS) else str(count + 1)
    word = word.capitalize() if match["count"][0].isupper() else word
    (first, _), (last, text) = items[0], items[-1]
    yield Candidate("enumeration", intro, [(base + match.start("count"), base + match.end("count")),
                                           (first, last + len(text))],
                    (base + match.start("count"), base + match.end("count"), word))


def _bulleted_shares(base: int, intro: str, items: list[tuple[int, str]]) -> Iterator[Candidate]:
    """One percentage a line adding up to 100; two lines are enough ("- Accept: 58%", "- Reject: 42%")."""
    if len(items) < 2:
        return
    shares = []
    for start, item in items:
        percents = list(PERCENT.finditer(item))
        if len(percents) != 1 or CHANGED.search(item[:percents[0].start()]):
            return
        shares.append((start, percents[0]))
    total = sum(number(m["num"]) for _, m in shares)
    step = max(10 ** -decimals(m["num"]) for _, m in shares)
    if abs(total - 100) > step * len(shares) / 2:
        return
    start, smallest = min(shares, key=lambda share: number(share[1]["num"]))
    yield Candidate("shares", intro, [_span(b, m, "num") for b, m in shares],
                    (*_span(start, smallest, "num"), scaled(smallest["num"], 2)))


# up to seven capitalised words, so that a title before a name is one item ("Deputy Prime Minister
# Ahmet Kaya")
ITEM = r"(?:[A-Z][\w.&'’-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.&'’-]*){0,6})"
ENUMERATION = re.compile(
    rf"\b(?P<count>{'|'.join(COUNT_WORDS)})\s+(?:[a-z][\w-]*\s+){{0,3}}?(?P<noun>[a-z][\w-]*s)\s*"
    rf"(?:,|:|--|—|\(|\s-\s|,?\s+(?:namely|including)\s+)\s*"
    rf"(?P<items>{ITEM}(?:\s*,\s*{ITEM})*,?\s+and\s+{ITEM})", re.I)


# items holding a figure, a date, a time or an address, beside short names: "three sites: 14 Mill
# Lane, the Corn Exchange and 2 Bridge Street", "two dates: 9 March and 20 April", "three services
# were cancelled: BA 286, EZY 2141 and FR 8813"
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
FIGURE_ITEM = (rf"(?:\d{{1,4}}(?:-\d{{1,4}})?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}|\d{{1,2}}\s+{MONTHS}"
               rf"|{MONTHS}\s+\d{{1,2}}|[A-Z]{{2,3}}\s?\d{{2,4}}|\d{{1,2}}(?::\d\d)?\s?[ap]m(?:\s+[a-z]+){{1,4}}"
               rf"|(?:the\s+)?(?:[a-z]+\s+){{0,2}}[A-Z][\w'’-]*(?:\s+(?:on\s+)?[A-Z][\w'’-]*){{0,3}})")
FIGURE_LIST = re.compile(
    rf"\b(?P<count>(?i:{'|'.join(COUNT_WORDS)}))\s+(?:[a-z][\w-]*\s+){{0,3}}?(?P<noun>[a-z][\w-]*s)\b"
    rf"(?:\s+[\w'’-]+){{0,6}}?\s*(?::|--|—)\s*"
    rf"(?P<items>{FIGURE_ITEM}(?:\s*,\s*{FIGURE_ITEM})*,?\s+and\s+{FIGURE_ITEM})\s*(?:[.;]|$)")


def figure_list_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A count and items of which one at least holds a figure (an address, a date, a flight), after a
    colon or a dash, the list ending the sentence."""
    for match in FIGURE_LIST.finditer(sentence):
        if match["noun"].lower() in PERIOD_NOUNS:
            continue
        items = re.split(r"\s*,\s*(?:and\s+)?|,?\s+and\s+", match["items"])
        if not any(re.search(r"\d", item) for item in items):
            continue
        yield from _announced_list(base, sentence, match, len(items))


PERIOD_NOUNS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
                "quarters", "seasons", "sessions"}


def _announced_list(base: int, sentence: str, match: re.Match[str], items: int) -> Iterator[Candidate]:
    """The candidate of a count word announcing ``items`` items, when the two agree; its mutant says
    one more."""
    count = COUNT_WORDS.index(match["count"].lower()) + 2
    if count != items:
        return
    word = COUNT_WORDS[count - 1] if count - 1 < len(COUNT_WORDS) else str(count + 1)
    if match["count"][0].isupper():
        word = word.capitalize()
    yield Candidate("enumeration", sentence,
                    [(base + match.start("count"), base + match.end("count")),
                     (base + match.start("items"), base + match.end("items"))],
                    (base + match.start("count"), base + match.end("count"), word))


def enumeration_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A count announcing the items it counts: "four countries -- France, Germany, Italy and Spain".
    A count of a period ("In the past two weeks, Citicorp added ... and Chase Manhattan ...") is no
    announcement of a list, so not a candidate."""
    for match in ENUMERATION.finditer(sentence):
        if match["noun"].lower() in PERIOD_NOUNS:
            continue
        if re.search(r"including|among them|such as", sentence[match.end("noun"):match.start("items")], re.I):
            continue  # "including", "among them", "such as" announce a partial list
        items = re.split(r"\s*,\s*(?:and\s+)?|,?\s+and\s+", match["items"])
        if not all(item and item[0].isupper() for item in items):
            continue
        yield from _announced_list(base, sentence, match, len(items))


# people named with a role before each name, the role lower-case words the benchmark knows nothing
# about: "four new signings: goalkeeper Tom Hale, winger Ade Bello and centre-back Sam Price", "Six
# riders were selected for the road race, sprinter Luca Ferri, ..."
ROLE = r"(?:[a-z][\w'’-]*\s+){1,3}"
PERSON = rf"{ROLE}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}"
ROLE_LIST = re.compile(
    rf"\b(?P<count>(?i:{'|'.join(COUNT_WORDS)}))\s+(?:[a-z][\w-]*\s+){{0,3}}?(?P<noun>[a-z][\w-]*s)\b"
    rf"(?:\s+[a-z][\w'’-]*){{0,8}}?\s*(?:,|:|--|—|\s-\s)\s*"
    rf"(?P<items>{PERSON}(?:\s*,\s*{PERSON})*,?\s+and\s+{PERSON})")
FUNCTION_WORDS = {"the", "a", "an", "of", "on", "in", "at", "to", "for", "with", "from", "by", "and", "or",
                  "but", "as", "is", "are", "was", "were", "be", "has", "have", "had", "who", "which", "that",
                  "its", "their", "his", "her", "including", "among", "such", "like", "plus", "than", "said"}


def role_list_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A count and the people it counts, each named with a role of lower-case words before the name
    (a job, a position, any role); a "role" holding a function word is a clause ("five MPs are
    calling on the Department of Trade and Industry"), so not a candidate."""
    for match in ROLE_LIST.finditer(sentence):
        items = re.split(r"\s*,\s*(?:and\s+)?|,?\s+and\s+", match["items"])
        roles = [re.match(r"(?:[a-z][\w'’-]*\s+)+", item) for item in items]
        if any(role is None or set(role[0].split()) & FUNCTION_WORDS for role in roles):
            continue
        yield from _announced_list(base, sentence, match, len(items))


# lower-case items after a colon, each a few words, the last after "and": "five recommendations:
# earlier screening, more specialist nurses, a single waiting list and better follow-up care."
PHRASE = r"(?:[a-z][\w'’-]*(?:\s+[a-z0-9][\w'’-]*){0,5})"
PHRASE_LIST = re.compile(
    rf"\b(?P<count>(?i:{'|'.join(COUNT_WORDS)}))\s+(?:[a-z][\w-]*\s+){{0,3}}?(?P<noun>[a-z][\w-]*s)\s*:\s*"
    rf"(?P<items>{PHRASE}(?:\s*,\s*{PHRASE})*,?\s+and\s+{PHRASE})\s*(?:[.;]|$)")


def phrase_list_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """A count and its lower-case items after a colon, the list ending the sentence; an item holding
    "and" would make the count a guess, so the items are split at commas and the last "and" only."""
    for match in PHRASE_LIST.finditer(sentence):
        if match["noun"].lower() in PERIOD_NOUNS:
            continue
        *heads, last = re.split(r"\s*,\s*", match["items"])
        tail = re.split(r",?\s+and\s+", last)
        if len(tail) != 2 or any(" and " in item for item in heads):
            continue
        items = [*heads, *tail]
        yield from _announced_list(base, sentence, match, len(items))


CONVERSIONS = {  # unit → (dimension, factor to the base unit)
    "km": ("length", 1000), "kilometres": ("length", 1000), "kilometers": ("length", 1000),
    "miles": ("length", 1609.344), "mile": ("length", 1609.344), "metres": ("length", 1),
    "meters": ("length", 1), "m": ("length", 1), "feet": ("length", 0.3048), "ft": ("length", 0.3048),
    "kg": ("mass", 1), "kilograms": ("mass", 1), "kilos": ("mass", 1), "pounds": ("mass", 0.45359237),
    "lb": ("mass", 0.45359237), "lbs": ("mass", 0.45359237), "tonnes": ("mass", 1000),
    "hectares": ("area", 10000), "acres": ("area", 4046.8564), "litres": ("volume", 1),
    "liters": ("volume", 1), "gallons": ("volume", 3.785411784),
    "square kilometres": ("area", 1e6), "square miles": ("area", 2589988.11),
}
CONVERSION = re.compile(
    rf"(?P<a>{NUM})\s?(?:-\s?)?(?P<u1>square \w+|[a-z]+)\s*\(\s*(?:around\s+|roughly\s+)?{ABOUT}"
    rf"(?P<b>{NUM})\s?(?P<u2>square \w+|[a-z]+)\s*\)", re.I)


def conversion_candidates(base: int, sentence: str) -> Iterator[Candidate]:
    """An amount with its conversion in parentheses: "120 km (75 miles)"."""
    for match in CONVERSION.finditer(sentence):
        one, two = CONVERSIONS.get(match["u1"].lower()), CONVERSIONS.get(match["u2"].lower())
        if not one or not two or one[0] != two[0] or one[1] == two[1]:
            continue
        a, b = number(match["a"]) * one[1], number(match["b"]) * two[1]
        if b <= 0 or abs(a - b) / b > 0.06:
            continue
        yield Candidate("conversion", sentence, [(base + match.start("a"), base + match.end("a")),
                                                 (base + match.start("b"), base + match.end("b"))],
                        (base + match.start("b"), base + match.end("b"), scaled(match["b"], 1.5)))


CURRENCY_WORDS = (r"dlrs?|dollars?|stg|sterling|pounds?|yen|francs?|marks?|lire|lira|pesos?|rupees?|"
                  r"guilders?|crowns?|kronor|kroner|schillings?|riyals?|rand|yuan|euros?")
RESTATED = re.compile(rf"\b(?P<det>an?|the|this|that)\s+(?P<cur>[$£€]\s?)?(?P<num>{NUM}){SCALE}"
                      rf"(?:\s?(?:-|\s)(?P<unit>{CURRENCY_WORDS}|pct|per\s?cent|percent|tonnes?|"
                      rf"km|kilometres?|miles?|metres?|acres?|hectares?|barrels?|bpd|ounces?)"
                      rf"|-(?P<count>[a-z]{{3,}}))?"
                      rf"\s+(?P<noun>[a-z]{{3,}})\b", re.I)
# a count or measure restated after its noun: "the theatre's 450 seats", "the pipeline, 15 km long"
RESTATED_PLAIN = re.compile(rf"\b(?P<det>the|this|that)\s+(?P<noun>[a-z]{{3,}})(?:['’]s|,(?:\s+(?:is|was))?)"
                            rf"\s+(?P<cur>)(?P<num>{NUM})(?P<scale>)\s(?P<count>[a-z]{{3,}})"
                            rf"(?P<extent>\s(?:long|wide|high|deep|tall)\b)?", re.I)
# the amount after its noun: "a five-year deal worth $40 million", "a fine of 2.5 mln dlrs", "the deal,
# valued at $30 million", "the contract is worth $35 million"
RESTATED_AFTER = re.compile(rf"\b(?P<det>an?|the|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>[a-z]{{3,}}),?\s+"
                            rf"(?:(?:is|was|are|were)\s+)?(?:worth|valued\s+at|costing|of)\s+(?:about\s+)?"
                            rf"(?P<cur>[$£€]\s?)?(?P<num>{NUM}){SCALE}"
                            rf"(?:\s?(?:-|\s)(?P<unit>{CURRENCY_WORDS}|tonnes?|km|kilometres?|miles?|acres?|"
                            rf"hectares?))?(?!\s?(?:pct|per\s?cent|percent|%|a\s+year|per\b|"
                            rf"an?\s+(?:share|tonne|ounce)))", re.I)
DURATION_UNIT = re.compile(r"(?:second|minute|hour|day|week|month|year|decade|century|night|season)")
NOT_NOUNS = {"per", "and", "for", "from", "with", "the", "than", "share", "shares", "each", "year", "years",
             "total", "average", "rate", "rise", "increase", "fall", "decline", "loss", "profit", "gain",
             "drop", "dividend", "payout", "price", "stake", "sum", "group", "number", "value", "cost",
             "amount"}


def _unit(match: re.Match[str]) -> str:
    """The unit of a restated amount, as a reader compares it ("dlr" and "dlrs" are one)."""
    groups = match.groupdict()
    unit = (groups.get("unit") or groups.get("count") or "").lower().replace(" ", "")
    return unit[:-1] if unit.endswith("s") else unit


def restated_candidates(text: str) -> Iterator[Candidate]:
    """An amount introduced with "a" and restated with "the" for the same noun: "a $5 million grant
    ... The $5 million grant", either of them possibly with the amount after its noun ("a deal worth
    $40 million ... The $40 million deal", "the deal, valued at $40 million"). A year is no amount
    ("a 1986 net loss ... The 1986 net loss"), a
    currency or unit word belongs to the amount, not the noun ("the 400,000 lire limit"), and the two
    mentions must state the amount in the same unit ("a 1.25 billion loan" is not "the 1.25 billion
    dlr loan")."""
    first: dict[str, list[re.Match[str]]] = {}
    plain = [m for m in RESTATED_PLAIN.finditer(text) if "," not in m[0] or m["extent"]]
    mentions = sorted([*RESTATED.finditer(text), *RESTATED_AFTER.finditer(text), *plain],
                      key=lambda m: m.start("num"))
    for match in mentions:
        noun = match["noun"].lower()
        if match.re is RESTATED and match["count"] and (_unit(match) in ("odd", "plu", "strong")
                                                         or DURATION_UNIT.fullmatch(_unit(match))):
            continue  # "the 80-odd resorts": no count noun; "a 35-hour week": a duration (its own rule)
        if match.re is RESTATED_AFTER and not (match["cur"] or match["unit"] or match["scale"]):
            continue  # "a retirement age of 65": no amount
        if is_year(match) or noun in NOT_NOUNS or re.match(CURRENCY_WORDS + r"$", noun, re.I):
            continue
        if match["det"].lower() in ("a", "an"):
            first.setdefault(noun, []).append(match)
        elif len(first.get(noun, [])) == 1:
            intro = first[noun][0]
            if (amount(intro) == amount(match) and (intro["cur"] or "") == (match["cur"] or "")
                    and _unit(intro) == _unit(match)):
                yield Candidate("restated", match[0], [(intro.start("num"), intro.end("num")),
                                                       (match.start("num"), match.end("num"))],
                                (match.start("num"), match.end("num"), scaled(match["num"], 2)))
            first[noun].append(match)  # restated once: later ones are not counted


# a bare count of a plural noun ("laid off 340 workers") and a later mention of the same count and
# noun that refers back to the group ("Of the 340 workers", "All 340 workers", "these 340 workers",
# "the same 340 workers"), perhaps with one word between ("Of the 340 laid-off workers")
BARE_COUNT = re.compile(rf"(?<!\bthe )(?<!\ball )(?<!\bthese )(?<!\bthose )(?<!\bto )"
                        rf"(?<!\bfrom )(?<!\bby )(?P<num>{NUM})\s+(?P<noun>[a-z]{{3,}}s)\b", re.I)
GROUP_COUNT = re.compile(rf"\b(?:of the|all|all the|the same|these|those)\s+(?P<num>{NUM})\s+"
                         rf"(?:(?P<mod>[a-z][a-z-]*)\s+)?(?P<noun>[a-z]{{3,}}s)\b(?P<after>\s+\w+|[,.;])?",
                         re.I)
SUBSET_AFTER = re.compile(r"\s+(?:who|that|which|at|in|on|from|with|for|by|under|over|to|of|aged)$", re.I)


def count_candidates(text: str) -> Iterator[Candidate]:
    """A group counted without an article and referred back to by the same count: "The plant laid
    off 340 workers ... Of the 340 workers, half were nurses". The first mention must be the only
    bare count of that noun before the restatement, and a word after the restatement that names a
    subset ("the 120 workers at the Leeds plant") or a modifier between ("Of the 340 Leeds
    workers") that the first mention's sentence lacks leaves it out; the mutant doubles the later
    count."""
    bare: dict[str, list[re.Match[str]]] = {}
    mentions = [*BARE_COUNT.finditer(text), *GROUP_COUNT.finditer(text)]
    for match in sorted(mentions, key=lambda m: m.start("num")):
        noun = match["noun"].lower()
        if match.re is BARE_COUNT:
            bare.setdefault(noun, []).append(match)
            continue
        firsts = [m for m in bare.get(noun, []) if m.end() <= match.start()]
        if len(firsts) != 1 or number(firsts[0]["num"]) != number(match["num"]) or number(match["num"]) < 2:
            continue
        first = firsts[0]
        if is_year(match) or SUBSET_AFTER.search(match["after"] or ""):
            continue
        start = text.rfind(".", 0, first.start()) + 1
        context = text[start:first.end() + 60].lower()
        if match["mod"] and match["mod"].lower().split("-")[0] not in context:
            continue
        yield Candidate("count", match[0], [(first.start("num"), first.end("num")),
                                            (match.start("num"), match.end("num"))],
                        (match.start("num"), match.end("num"), scaled(match["num"], 2)))


def _span(base: int, match: re.Match[str], group: str) -> tuple[int, int]:
    return base + match.start(group), base + match.end(group)


PER_SENTENCE: dict[str, Callable[[int, str], Iterator[Candidate]]] = {
    "change": change_candidates,
    "multiple": lambda base, sentence: itertools.chain(multiple_candidates(base, sentence),
                                                       dated_multiple_candidates(base, sentence),
                                                       fraction_change_candidates(base, sentence)),
    "part": lambda base, sentence: itertools.chain(part_candidates(base, sentence),
                                                   fraction_candidates(base, sentence)),
    "breakdown": lambda base, sentence: itertools.chain(breakdown_candidates(base, sentence),
                                                        worded_breakdown_candidates(base, sentence),
                                                        percent_split_candidates(base, sentence),
                                                        worded_whole_candidates(base, sentence)),
    "rest": lambda base, sentence: itertools.chain(rest_candidates(base, sentence),
                                                   outcome_candidates(base, sentence)),
    "shares": shares_candidates,
    "enumeration": lambda base, sentence: itertools.chain(enumeration_candidates(base, sentence),
                                                          phrase_list_candidates(base, sentence),
                                                          role_list_candidates(base, sentence),
                                                          figure_list_candidates(base, sentence)),
    "conversion": conversion_candidates,
}
FAMILIES = [*PER_SENTENCE, "restated", "count"]
KINDS = {"change": {"change"}, "multiple": {"change"}, "part": {"part_of_whole"},
         "breakdown": {"breakdown", "whole_parts"}, "rest": {"part_rest", "whole_parts"},
         "shares": {"shares"}, "enumeration": {"enumeration"}, "conversion": {"conversion"},
         "restated": {"measured"}, "count": {"group_count"}}
RULES = {"change": {"change-percent-matches-endpoints"},
         "multiple": {"change-multiple-matches-endpoints"},
         "part": {"part-share-matches-ratio", "parts-within-whole"},
         "breakdown": {"breakdown-sums-to-total", "parts-within-whole"},
         "rest": {"part-and-rest-make-whole", "parts-within-whole"},
         "shares": {"shares-add-up-to-whole", "shares-within-whole", "shares-with-remainder-add-up"},
         "enumeration": {"enumeration-count-matches"}, "conversion": {"conversion-matches"},
         "restated": {"restated-amount-agrees"}, "count": {"restated-count-agrees"}}


def candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for base, sentence in sentences(text):
        for family in PER_SENTENCE.values():
            found += family(base, sentence)
    found += next_sentence_change_candidates(text)
    found += two_sentence_breakdown_candidates(text)
    found += next_sentence_two_way_candidates(text)
    found += earlier_sentence_change_candidates(text)
    found += restated_candidates(text)
    found += count_candidates(text)
    found += list_candidates(text)
    found += table_candidates(text)
    taken: list[Candidate] = []
    for candidate in found:  # one family per statement: the first that reads it
        if not any(_overlaps(candidate.region, other.region) for other in taken):
            taken.append(candidate)
    return taken


# --- running the pack ----------------------------------------------------------------------------

def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def covered(candidate: Candidate, claims: list[Claim]) -> bool:
    """One composite of the family has every key figure among its parts (a restatement and its first
    mention are two ``measured`` claims: each key in one of them)."""
    if candidate.family in EVENT_FAMILIES:  # the events section: benchmarks/mutation_families_events.py
        return event_covered(candidate, claims)
    if candidate.family in ("restated", "count"):
        return all(any(c.kind in KINDS[candidate.family] and _overlaps((c.span.start, c.span.end), key)
                       for c in claims) for key in candidate.keys)
    for claim in claims:
        if claim.kind not in KINDS[candidate.family]:
            continue
        spans = [(part.span.start, part.span.end) for part in claim.parts()]
        spans += [(claim.span.start, claim.span.end)] if candidate.family == "enumeration" else []
        if all(any(_overlaps((s, e), (k0, k1)) for s, e in spans)
               for k0, k1 in candidate.keys):
            return True
    return False


@dataclass
class Tally:
    candidates: int = 0
    covered: int = 0
    recalled_error: int = 0
    recalled_any: int = 0
    false_errors: int = 0
    misses: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)


def hits(result, candidate: Candidate, region: tuple[int, int]) -> tuple[bool, bool]:
    """Whether a finding of the family's rules lies over ``region``: at error level with confidence
    >= medium, and at any level."""
    error = any_level = False
    for finding in result.findings:
        rules = RULES.get(candidate.family) or EVENT_RULES[candidate.family]
        if finding.rule not in rules or finding.span is None:
            continue
        spans = [finding.span, *finding.related]
        if not any(_overlaps((s.start, s.end), region) for s in spans):
            continue
        any_level = True
        if finding.severity is Severity.ERROR and finding.confidence.rank >= Confidence.MEDIUM.rank:
            error = True
    return error, any_level


def mutate(document: Document, candidate: Candidate) -> tuple[Document, tuple[int, int]]:
    start, end, replacement = candidate.mutation
    text = document.text[:start] + replacement + document.text[end:]
    shift = len(replacement) - (end - start)
    low, high = candidate.region
    region = (low if low < start else low + shift, high + shift if high >= end else high)
    candidate.mutated = text[max(0, low - 60): region[1] + 60].replace("\n", " ")
    return dataclasses.replace(document, text=text, original=text, offsets=OffsetMap.identity(len(text)),
                               _lines=None), region


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0: all)")
    parser.add_argument("--show", default="", help="print misses of this family (or 'all')")
    args = parser.parse_args()

    pack = load_packs([rules_dir()])
    engine = Engine(pack.rules, load_fact_files(pack.fact_files))
    tallies = {family: Tally() for family in [*FAMILIES, *EVENT_FAMILIES]}
    articles = 0
    for item in load_documents([str(corpus_path())]):
        if isinstance(item, InputFailure) or item.metadata.get("duplicate_of"):
            continue
        articles += 1
        if args.limit and articles > args.limit:
            break
        found = candidates(item.text) + event_candidates(item.text, item.date)
        if not found:
            continue
        original = engine.check(item)
        claims = list(original.claims)
        for candidate in found:
            tally = tallies[candidate.family]
            tally.candidates += 1
            context = candidate.sentence.strip().replace("\n", " ")
            if covered(candidate, claims):
                tally.covered += 1
            else:
                tally.uncovered.append(context)
            error, _ = hits(original, candidate, candidate.region)
            if error:
                tally.false_errors += 1
                tally.false.append(context)
            mutant, region = mutate(item, candidate)
            error, any_level = hits(engine.check(mutant), candidate, region)
            tally.recalled_error += error
            tally.recalled_any += any_level
            if not any_level:
                tally.misses.append(candidate.mutated)
    report(articles, tallies, args.show)


def _share(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "-"


def report(articles: int, tallies: dict[str, Tally], show: str) -> None:
    print(f"{articles} articles")
    print(f"{'family':<17} {'candidates':>10} {'coverage':>9} {'recall@error':>13} {'recall@any':>11} "
          f"{'false errors':>13}")
    for family, t in tallies.items():
        if family == EVENT_FAMILIES[0]:
            print("event families (issue 12: benchmarks/mutation_families_events.py)")
        cells = [_share(n, t.candidates) for n in (t.covered, t.recalled_error, t.recalled_any)]
        print(f"{family:<17} {t.candidates:>10} {cells[0]:>9} {cells[1]:>13} {cells[2]:>11} "
              f"{t.false_errors:>13}")
    for family, t in tallies.items():
        if show not in (family, "all"):
            continue
        for title, lines in (("not covered", t.uncovered), ("mutant not flagged", t.misses),
                             ("false error", t.false)):
            if lines:
                print(f"\n{family}: {title} ({len(lines)})")
                for line in lines[:40]:
                    print(f"  - {line}")


if __name__ == "__main__":
    main()
