"""Fact-based rules fire on wrong titles, countries, ages, elapsed periods and event counts, and stay
silent on correct ones: with the built-in facts, a fact file of the test's own, and SQLite."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from factcheck.facts.loader import load_facts
from factcheck.facts.sqlite import SqliteFactBase, import_facts
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir
from factcheck.values import Duration

from .helpers import age, claim, evaluate, person, place

PACK = {r.id: r for r in load_packs([rules_dir()]).rules}
RULES = PACK
BUILTIN = load_facts([rules_dir() / "facts"])

OWN = """facts:
  entities:
    - id: ada
      type: person
      name: Ada Lovelace
      aliases: [Lovelace]
      born: 1815-12-10
      roles: [{title: Prime Minister, of: Freedonia, start: 2020-01-01, end: 2025-06-01}]
      source: test registry
    - {id: freedonia, type: country, name: Freedonia, demonyms: [Freedonian], code: FD, source: test}
    - {id: sylvania, type: country, name: Sylvania, demonyms: [Sylvanian], source: test}
    - {id: fredville, type: city, name: Fredville, country: Freedonia, source: test atlas}
"""


def reported(found: list, text: str) -> list[tuple[str, str, str]]:
    """Each finding as (rule id, the text its span covers, message): which finding, where, saying what."""
    return [(f.rule, text[f.span.start : f.span.end], f.message) for f in found]


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    path = tmp_path_factory.mktemp("facts") / "own.yaml"
    path.write_text(OWN, encoding="utf-8")
    return load_facts([path])


@pytest.fixture(scope="module", params=["yaml", "sqlite"])
def builtin(request, tmp_path_factory):
    if request.param == "yaml":
        return BUILTIN
    db = tmp_path_factory.mktemp("db") / "facts.sqlite"
    import_facts(BUILTIN.facts(), db)
    return SqliteFactBase(db)


TITLES = [  # the finding's message, or None when the title is right (or does not claim an office)
    ("Russian President Vladimir Putin", "Vladimir Putin", "Russian President", None),
    ("U.S. President Donald Trump", "Donald Trump", "U.S. President", None),
    ("German Chancellor Olaf Scholz", "Olaf Scholz", "German Chancellor",
     "on 2025-10-16 Olaf Scholz was in no office the facts record"),
    ("Ukrainian President Vladimir Putin", "Vladimir Putin", "Ukrainian President",
     "on 2025-10-16 Vladimir Putin was President of Russia"),
    ("Former Chancellor Olaf Scholz", "Olaf Scholz", "Former Chancellor", None),
    ("Prime Minister Emmanuel Macron", "Emmanuel Macron", "Prime Minister",
     "on 2025-10-16 Emmanuel Macron was President of France"),
]


@pytest.mark.parametrize("part,name,title,message", TITLES)
def test_titles_with_builtin_facts(builtin, part, name, title, message):
    text = f"{part} spoke."
    rule = "person-title-matches-office"
    found = evaluate(RULES[rule], text, [person(text, part, name, title)], builtin)
    assert reported(found, text) == ([(rule, part, f'"{part}": {message}')] if message else [])
    if found:
        assert any(f["source"].startswith("https://en.wikipedia.org/") for f in found[0].evidence["facts"])


def test_title_with_own_facts(own):
    text = "Freedonian Prime Minister Ada Lovelace spoke."
    title = "Freedonian Prime Minister"
    claims = [person(text, f"{title} Ada Lovelace", "Ada Lovelace", title)]
    rule = RULES["person-title-matches-office"]
    assert evaluate(rule, text, claims, own, dt.date(2024, 1, 1)) == []
    [finding] = evaluate(rule, text, claims, own, dt.date(2025, 7, 1))
    assert finding.evidence["facts"][0]["source"] == "test registry"


PLACES = [("Budapest", "Hungary", None), ("Kyiv", "Ukrainian", None), ("Anchorage", "U.S.", None),
          ("Budapest", "Romania", "Hungary"), ("Kyiv", "Russia", "Ukraine"),
          ("Anchorage", "Canada", "United States")]


@pytest.mark.parametrize("city,country,really_in", PLACES)
def test_places_with_builtin_facts(builtin, city, country, really_in):
    text = f"They met in {city}, {country}."
    part = f"{city}, {country}"
    rule = "city-in-named-country"
    found = evaluate(RULES[rule], text, [place(text, part, city, country)], builtin)
    message = f'"{part}": {city} is in {really_in}, not in {country}'
    assert reported(found, text) == ([(rule, part, message)] if really_in else [])


def test_place_with_own_facts(own):
    rule = RULES["city-in-named-country"]
    text = "In Fredville, Freedonia and Fredville, Sylvania."
    claims = [place(text, "Fredville, Freedonia", "Fredville", "Freedonia"),
              place(text, "Fredville, Sylvania", "Fredville", "Sylvania")]
    [finding] = evaluate(rule, text, claims, own)
    assert finding.span.start == text.index("Fredville, Sylvania")


AGES = [  # the person's birth date and real age when the stated one is wrong
    ("Vladimir Putin", 73, dt.date(2025, 10, 16), None), ("Donald Trump", 78, dt.date(2025, 6, 13), None),
    ("Emmanuel Macron", 47, dt.date(2025, 10, 16), None),
    ("Vladimir Putin", 72, dt.date(2025, 10, 16), ("1952-10-07", 73)),
    ("Donald Trump", 78, dt.date(2025, 6, 15), ("1946-06-14", 79)),  # his birthday was the day before
    ("Emmanuel Macron", 52, dt.date(2025, 10, 16), ("1977-12-21", 47)),
]


@pytest.mark.parametrize("who,years,date,actual", AGES)
def test_ages_with_builtin_facts(builtin, who, years, date, actual):
    text = f"{who}, {years}, spoke."
    rule = "age-matches-birth-date"
    found = evaluate(RULES[rule], text, [age(text, str(years), years, who)], builtin, date)
    if actual is None:
        assert found == []
        return
    born, real = actual
    message = f'"{years}": {who}, born {born}, was {real} on {date} (suggested: "{years}" → "{real}")'
    assert reported(found, text) == [(rule, str(years), message)]


def test_age_with_own_facts(own):
    text = "Lovelace, 36, wrote."
    rule = RULES["age-matches-birth-date"]
    assert evaluate(rule, text, [age(text, "36", 36, "Lovelace")], own, dt.date(1852, 1, 1)) == []
    found = evaluate(rule, text, [age(text, "36", 36, "Lovelace")], own, dt.date(1853, 1, 1))
    message = '"36": Ada Lovelace, born 1815-12-10, was 37 on 1853-01-01 (suggested: "36" → "37")'
    assert reported(found, text) == [("age-matches-birth-date", "36", message)]


def _elapsed(text: str, months: int) -> list:
    span = claim(text, f"{months} months", "duration", Duration.of(Decimal(months), "month"))
    span = span.__class__(**{**{f: getattr(span, f) for f in span.__dataclass_fields__},
                             "precision": Duration.of(Decimal(1), "month")})
    return [claim(text, f"past {months} months of Trump's second term", "elapsed", span.value,
                  period=span, of="Trump's second term", relation="past")]


@pytest.mark.parametrize("months,flagged", [(9, False), (6, True), (12, True)])
def test_elapsed_with_builtin_facts(builtin, months, flagged):
    text = f"The past {months} months of Trump's second term were hard."
    rule = "elapsed-period-matches-interval"
    found = evaluate(PACK[rule], text, _elapsed(text, months), builtin)
    part = f"past {months} months of Trump's second term"
    message = (f'"{part}": Trump\'s second term began on 2025-01-20, 8 months 26 days before 2025-10-16'
               f' (suggested: "{months} months" → "9 months")')
    assert reported(found, text) == ([(rule, part, message)] if flagged else [])


@pytest.mark.parametrize("ordinal,flagged", [(8, False), (5, True), (9, True)])
def test_event_count_with_builtin_facts(builtin, ordinal, flagged):
    text = f"Trump and Putin held their {ordinal}th conversation."
    o = claim(text, f"{ordinal}th", "ordinal", Decimal(ordinal))
    c = claim(text, f"{ordinal}th conversation", "event_count", Decimal(ordinal), event="conversation",
              ordinal=o, count=None, period=None)
    rule = "event-count-matches-timeline"
    found = evaluate(PACK[rule], text, [c], builtin)
    part = f"{ordinal}th conversation"
    message = (f'"{part}" counts {ordinal}, but the reference timeline (Phone calls between Donald Trump'
               " and Vladimir Putin in 2025) has 8 up to 2025-10-16, the first on 2025-02-12,"
               " 8 months 4 days earlier")
    assert reported(found, text) == ([(rule, part, message)] if flagged else [])
    if found:
        assert found[0].evidence["facts"][0]["id"] == "trump-putin-calls-2025"
