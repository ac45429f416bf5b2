"""Readings added in round 16 from fresh paraphrase corpora (rules/tests/round16-*.md): who takes
part in an event (not a place, a speaker or a common word opening a sentence), how near a
description in the same paragraph binds, ordinals as noun-phrase words, "such" series, runs,
tallies, compound nouns, durations after "of", years in parentheses and the tense over a name."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import api
from factcheck.claims import extract_claims
from factcheck.claims.model import Binding
from factcheck.claims.sentences import tense_reading


def _events(text: str) -> list:
    return extract_claims(text).of_kind("event")


def _counts(text: str) -> dict:
    return {c.text: c for c in extract_claims(text).of_kind("event_count")}


@pytest.mark.parametrize(("text", "expected"), [
    ("The two foreign ministers met in Oslo for two hours.", []),
    ("Junior doctors began a 48-hour strike on Monday.", []),
    ("Merz's call with Macron was brief.", ["Merz", "Macron"]),
    ('"The strike has cost us dearly," said the union\'s chair, Dr Priya Mahal.', []),
    ("His barrister, Fiona Reid, told Bristol Crown Court that the three adjournments had cost him.", []),
])
def test_participants_are_who_took_part(text: str, expected: list) -> None:
    assert _events(text)[-1]["participants"] == expected


def test_a_description_later_in_its_paragraph_binds_as_the_next_sentence() -> None:
    text = ("Bin collectors will begin a three-week strike on Monday. The council has opened two tips. "
            "The union said its members had voted for the five-week strike.")
    assert _events(text)[-1].binding is Binding.NEXT_SENTENCE
    apart = text.replace("tips. ", "tips.\n\n")
    assert _events(apart)[-1].binding is Binding.DOCUMENT


def test_an_ordinal_opens_a_noun_phrase() -> None:
    (first, second) = _events("The seventh round of talks ended. Officials said this fifth round was hard.")
    assert (first["ordinal"].value, first["determiner"]) == (7, "the")
    assert second["chain"] == first["chain"]  # a demonstrative renames the round


def test_such_counts_the_series_just_told_of() -> None:
    counts = _counts("Cleaners walked out on Monday, their fifth walkout since January. "
                     "The union said the fourth such walkout would be followed by an overtime ban.")
    assert counts["fourth such walkout"]["since"] == "January"
    dated = _counts("Cleaners walked out on Monday, their fifth walkout since January. "
                    "The fourth such walkout, in May, had closed the terminal.")
    assert dated["fourth such walkout"]["since"] is None


def test_a_runs_ordinal_is_the_event_told_of() -> None:
    assert _counts("The Hawks beat the Rapids on Friday for their fifth straight win.")[
        "fifth straight win"]["current"] is True


@pytest.mark.parametrize("text", ["She survived the vote by 19 votes to 14.",
                                  "The government survived by four votes."])
def test_tallies_and_margins_count_no_votes(text: str) -> None:
    assert _counts(text) == {}


def test_a_compound_noun_and_a_duration_after_of() -> None:
    (hearing,) = _events("His detention hearing ran for almost three hours on Tuesday.")
    assert (hearing.text, hearing["duration"].text) == ("His detention hearing", "three hours")
    (blackout,) = _events("It was a blackout of about 11 hours.")
    assert blackout["duration"].text == "11 hours"


def test_years_in_parentheses_are_a_span_of_years() -> None:
    claims = extract_claims("The Whitlock era (2016–2011) brought three titles.")
    assert [c.text for c in claims.of_kind("date")] == ["2016", "2011"]


@pytest.mark.parametrize("text", [
    "Cabinet adopted the Cycling and Walking Plan on 14 May 2026.",
    "The council adopted the plan on 14 May 2026.",
])
def test_a_past_verb_over_a_named_or_issued_object(text: str) -> None:
    start = text.index("14 May")
    assert tense_reading(text, start, start + len("14 May 2026"))[0] == "past"


def test_a_person_is_found_past_a_title() -> None:
    result = api.check("Brazilian President Luiz Inácio Lula da Silva, 78, spoke on Tuesday.",
                   date=dt.date(2026, 3, 10))
    assert [f.rule for f in result.findings] == ["age-matches-birth-date"]


def test_an_ordinals_participants_are_its_phrases_parties() -> None:
    (call,) = [e for e in _events("Merz's third call with Macron this month went well.") if e["ordinal"]]
    assert call["participants"] == ["Merz", "Macron"]
    text = ("The Ardcarne Bridge was shut on Wednesday, its fifth closure this winter, the operator, "
            "Estuary Crossings Ltd, said.")
    (closure,) = [e for e in _events(text) if e["ordinal"]]
    assert closure["participants"] == []


def test_a_chain_numbered_once_takes_no_other_number() -> None:
    text = ("He turned his ankle in the third game of the fourth set. Safin raised his game to win. "
            "Hrbaty took a decisive advantage in the eighth game of the final set.")
    games = [e for e in _events(text) if e["lemma"] == "game"]
    assert [e.text for e in games] == ["the third game", "his game", "the eighth game"]
    assert games[2]["chain"] != games[0]["chain"]
