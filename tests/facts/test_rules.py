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


TITLES = [
    ("Russian President Vladimir Putin spoke.", "Russian President Vladimir Putin", "Vladimir Putin",
     "Russian President", 0),
    ("U.S. President Donald Trump spoke.", "U.S. President Donald Trump", "Donald Trump",
     "U.S. President", 0),
    ("German Chancellor Olaf Scholz spoke.", "German Chancellor Olaf Scholz", "Olaf Scholz",
     "German Chancellor", 1),
    ("Ukrainian President Vladimir Putin spoke.", "Ukrainian President Vladimir Putin", "Vladimir Putin",
     "Ukrainian President", 1),
    ("Former Chancellor Olaf Scholz spoke.", "Former Chancellor Olaf Scholz", "Olaf Scholz",
     "Former Chancellor", 0),
    ("Prime Minister Emmanuel Macron spoke.", "Prime Minister Emmanuel Macron", "Emmanuel Macron",
     "Prime Minister", 1),
]


@pytest.mark.parametrize("text,part,name,title,expected", TITLES)
def test_titles_with_builtin_facts(builtin, text, part, name, title, expected):
    found = evaluate(RULES["person-title-matches-office"], text, [person(text, part, name, title)], builtin)
    assert len(found) == expected, found
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


PLACES = [("Budapest", "Hungary", 0), ("Kyiv", "Ukrainian", 0), ("Anchorage", "U.S.", 0),
          ("Budapest", "Romania", 1), ("Kyiv", "Russia", 1), ("Anchorage", "Canada", 1)]


@pytest.mark.parametrize("city,country,expected", PLACES)
def test_places_with_builtin_facts(builtin, city, country, expected):
    text = f"They met in {city}, {country}."
    claims = [place(text, f"{city}, {country}", city, country)]
    assert len(evaluate(RULES["city-in-named-country"], text, claims, builtin)) == expected


def test_place_with_own_facts(own):
    rule = RULES["city-in-named-country"]
    text = "In Fredville, Freedonia and Fredville, Sylvania."
    claims = [place(text, "Fredville, Freedonia", "Fredville", "Freedonia"),
              place(text, "Fredville, Sylvania", "Fredville", "Sylvania")]
    [finding] = evaluate(rule, text, claims, own)
    assert finding.span.start == text.index("Fredville, Sylvania")


AGES = [("Vladimir Putin", 73, dt.date(2025, 10, 16), 0), ("Donald Trump", 78, dt.date(2025, 6, 13), 0),
        ("Emmanuel Macron", 47, dt.date(2025, 10, 16), 0), ("Vladimir Putin", 72, dt.date(2025, 10, 16), 1),
        ("Donald Trump", 78, dt.date(2025, 6, 15), 1), ("Emmanuel Macron", 52, dt.date(2025, 10, 16), 1)]


@pytest.mark.parametrize("who,years,date,expected", AGES)
def test_ages_with_builtin_facts(builtin, who, years, date, expected):
    text = f"{who}, {years}, spoke."
    claims = [age(text, str(years), years, who)]
    assert len(evaluate(RULES["age-matches-birth-date"], text, claims, builtin, date)) == expected


def test_age_with_own_facts(own):
    text = "Lovelace, 36, wrote."
    rule = RULES["age-matches-birth-date"]
    assert evaluate(rule, text, [age(text, "36", 36, "Lovelace")], own, dt.date(1852, 1, 1)) == []
    assert len(evaluate(rule, text, [age(text, "36", 36, "Lovelace")], own, dt.date(1853, 1, 1))) == 1


def _elapsed(text: str, months: int) -> list:
    span = claim(text, f"{months} months", "duration", Duration.of(Decimal(months), "month"))
    span = span.__class__(**{**{f: getattr(span, f) for f in span.__dataclass_fields__},
                             "precision": Duration.of(Decimal(1), "month")})
    return [claim(text, f"past {months} months of Trump's second term", "elapsed", span.value,
                  period=span, of="Trump's second term", relation="past")]


@pytest.mark.parametrize("months,expected", [(9, 0), (6, 1), (12, 1)])
def test_elapsed_with_builtin_facts(builtin, months, expected):
    text = f"The past {months} months of Trump's second term were hard."
    rule = PACK["elapsed-period-matches-interval"]
    assert len(evaluate(rule, text, _elapsed(text, months), builtin)) == expected


@pytest.mark.parametrize("ordinal,expected", [(8, 0), (5, 1), (9, 1)])
def test_event_count_with_builtin_facts(builtin, ordinal, expected):
    text = f"Trump and Putin held their {ordinal}th conversation."
    o = claim(text, f"{ordinal}th", "ordinal", Decimal(ordinal))
    c = claim(text, f"{ordinal}th conversation", "event_count", Decimal(ordinal), event="conversation",
              ordinal=o, count=None, period=None)
    found = evaluate(PACK["event-count-matches-timeline"], text, [c], builtin)
    assert len(found) == expected
    if found:
        assert found[0].evidence["facts"][0]["id"] == "trump-putin-calls-2025"
