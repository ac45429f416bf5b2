"""Verb forms by morphology, and the tenses read from them: any regular or irregular verb."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factcheck.claims import sentences
from factcheck.claims.morphology import VerbForm, verb_form


@pytest.mark.parametrize(("word", "form"), [
    ("swam", VerbForm.PAST), ("forgave", VerbForm.PAST), ("went", VerbForm.PAST),
    ("toured", VerbForm.PAST_OR_PARTICIPLE), ("built", VerbForm.PAST_OR_PARTICIPLE),
    ("forgiven", VerbForm.PARTICIPLE), ("says", VerbForm.PRESENT),
    ("plant", None), ("the", None), ("Tuesday", None),
])
def test_verb_forms(word: str, form: VerbForm | None) -> None:
    assert verb_form(word) == form


@pytest.mark.parametrize(("text", "at", "tense"), [
    ("We toured the plant on 3 June 2021.", "3 June", "past"),
    ("The supplier had already shipped the parts on Feb. 14, 2023.", "Feb. 14", "past"),
    ("She swam the Channel in August 2020.", "August", "past"),
    ("Smith resigned on May 3.", "May 3", "past"),
    ("The vote will be held on May 3.", "May 3", "future"),
    ("The mayor said the bridge opens on 3 June 2021.", "3 June", "present"),  # a timetable's "-s" verb
    ("The talks on March 3, 2026 matter.", "March 3", None),
])
def test_tense_before(text: str, at: str, tense: str | None) -> None:
    assert sentences.tense_before(text, text.index(at)) == tense


@pytest.mark.parametrize(("text", "at", "reading"), [
    ("The minister flew to Brussels on March 3, 2026.", "March 3, 2026", ("past", "form")),
    ("The bridge was inspected on 12 October 2021.", "12 October 2021", ("past", "auxiliary")),
    ("The company said it shipped the units on May 3, 2026.", "May 3, 2026", ("past", "pronoun")),
    ("Police arrested two men on Saturday.", "Saturday", ("past", "name")),
    ("The two sides met in Geneva on 3 March 2026.", "3 March 2026", ("past", "noun")),
    ("It said payment would have been on April 15, 1987.", "April 15, 1987", ("future", "auxiliary")),
    ("The first unit is due to start in 1988 and be completed in 1990.", "1990", ("future", "auxiliary")),
    ("The plant was to open on May 3, 2026.", "May 3, 2026", ("future", "auxiliary")),
    # a date that names a thing, not when something happened
    ("The governor had backed a January 1, 1989, start date.", "January 1, 1989", (None, None)),
    ("It raised its 1988 forecast to 2.10 dlrs.", "1988", (None, None)),
    ("The bank said it holds 200 mln dlrs of 1995 notes.", "1995", (None, None)),
    ("The put option on June 2, 1992 has been set at 120 pct.", "June 2, 1992", (None, None)),
    # a participle inside a noun phrase, not a verb of the clause
    ("It will launch a satellite for Texas-based Maxwell in 1988.", "1988", (None, None)),
    ("Net income for the fiscal year ended June 30, 1987 rose.", "June 30, 1987", (None, None)),
    ("It expects total Malaysian output during Jan/Sept 1987 to fall.", "Sept 1987", (None, None)),
    ("The major event was the opening in 1991 of the mine.", "1991", (None, None)),
    # a day after a long object, a gerund's object, a date before its clause's verb (round 9)
    ("The port authority dredged the inner harbour and both locks on 9 May 2026.", "9 May 2026",
     ("past", "object")),
    ("Volunteers stopped clearing the footpath near the weir on 9 May 2026.", "9 May 2026",
     ("past", "object")),
    ("In a late change, the organisers on 9 May 2026 dropped the closing race.", "9 May 2026",
     ("past", "noun")),
    ("The depot, which on 9 May 2026 flooded for a second time, is shut.", "9 May 2026", ("past", "noun")),
    ("The port authority will dredge the inner harbour and both locks on 9 May 2026.", "9 May 2026",
     (None, None)),
    ("The port authority announced a public inquiry on 9 May 2026.", "9 May 2026", (None, None)),
    ("The club booked a coach for the supporters on 9 May 2026.", "9 May 2026", (None, None)),
    # a date that opens its sentence: the verb after the subject decides
    ("On 9 May 2026, the regional director opened the new depot.", "9 May 2026", ("past", "noun")),
    ("In March 2026 hundreds of fans queued outside the stadium.", "March 2026", ("past", "noun")),
    ("By July 2026 the contractor had laid 40 km of track.", "July 2026", ("past", "auxiliary")),
    ("On 9 May 2026, the recently appointed director will open the depot.", "9 May 2026",
     ("future", "auxiliary")),
    ("By July 2026 the contractor will have laid the track.", "July 2026", ("future", "auxiliary")),
    ("On 9 May 2026 the depot was due to open.", "9 May 2026", ("future", "auxiliary")),
    ("In 1988, the chairman said profit should double.", "1988", (None, None)),
    # phrases between the verb and its date, a relative clause, a deadline reached before it
    ("Commuters walked across the park in heavy rain on 9 May 2026.", "9 May 2026", ("past", "name")),
    ("They queued near the stadium in huge crowds on 9 May 2026.", "9 May 2026", ("past", "pronoun")),
    ("Fans flocked to the park in huge numbers on 9 May 2026.", "9 May 2026", ("past", "name")),
    ("The ferry sank off the coast near Dover on 9 May 2026.", "9 May 2026", ("past", "form")),
    # ... but not a phrase of purpose or of the date's own noun
    ("It requested $312 billion for defense in 1988.", "1988", (None, None)),
    ("The firm has called for redemption on May 4, 1987.", "May 4, 1987", (None, None)),
    ("It sold 3 billion of 8.50 pct November 2002 stock.", "November 2002", (None, None)),
    ("March 1997 paper was 13.09 pct, down from 13.11.", "March 1997", (None, None)),
    ("The coach, who quit on 9 May 2026, has joined a rival club.", "9 May 2026", ("past", "pronoun")),
    ("Output had already tripled by July 2026.", "July 2026", ("past", "auxiliary")),
    ("Tickets sold out for the final on 9 May 2026.", "9 May 2026", (None, None)),
    ("Leases signed in 2019 expire on 9 May 2026.", "9 May 2026", (None, None)),
    # a subject with an "of" phrase, and a participle inside a noun phrase that only looks like one
    ("Sales of electric vans doubled in May 2025.", "May 2025", ("past", "noun")),
    ("It raised Hechinger Co's 86 mln dlrs of convertible subordinated debentures of 2009.", "2009",
     (None, None)),
    ("Jane Ortiz, the founder of Ortiz Bakery, retired on 2 May 2026.", "2 May 2026", ("past", "noun")),
    # "for" and "with" after a past verb head its phrase; elsewhere they still end the reading
    ("The company filed for bankruptcy in September 2022.", "September 2022", ("past", "noun")),
    ("The board voted for the merger on 3 June 2027.", "3 June 2027", ("past", "noun")),
    ("Results for the quarter in March 2027 were weak.", "March 2027", (None, None)),
    # a timetable's "-s" verb after its subject, and a plural noun after a determiner
    ("The strike ballot closes on Thursday 21 March, the union said.", "Thursday 21 March",
     ("present", "noun")),
    ("Divers inspected the harbour and both locks on 9 May 2026.", "9 May 2026", ("past", "object")),
])
def test_tense_reading_and_its_cue(text: str, at: str, reading: tuple[str | None, str | None]) -> None:
    start = text.index(at)
    assert sentences.tense_reading(text, start, start + len(at)) == reading


def test_words_around_a_position() -> None:
    text = "Treasury balances fell on March 10 to 2.842 billion dlrs. Next sentence."
    start, end = text.index("March"), text.index(" to 2")
    assert sentences.words_before(text, start, 2) == ["fell", "on"]
    assert sentences.words_after(text, end, 3) == ["to", "2.842", "billion"]
    assert sentences.words_after(text, text.index("dlrs") + 4, 3) == ["."]
    assert sentences.words_before(text, 0, 3) == [] and sentences.words_before(text, start, 0) == []


@pytest.mark.parametrize(("text", "at", "tense"), [
    ("Truckloads of goods rolled into Iraq from Jordan on Tuesday.", "Tuesday", "past"),
    ("The parade will be held on Friday the fourth of July.", "Friday", "future"),
    ("Volume was up from 443 million shares Thursday.", "Thursday", "past"),
    ("The vote was delayed until Friday, April 1.", "Friday", "future"),
    # an aside between commas after an opening date does not use up the reach to the main verb
    ("In March, two weeks after the close of the annual general meeting of the regional water "
     "authority, a burst main in the old town flooded the square.", "March", "past"),
    ("On Tuesday, barely a day after the end of the flood season along the river bank, the council of "
     "the county will meet again.", "Tuesday", "future"),
])
def test_sentence_tense(text: str, at: str, tense: str) -> None:
    start = text.index(at)
    assert sentences.sentence_tense(text, start, start + len(at)) == tense


def test_the_cached_table_agrees_with_lemminflect_word_by_word() -> None:
    """The runtime-cache table (what a corpus run reads instead of lemminflect's 80 MiB) gives the
    answers lemminflect gives, for the words it lists and for words it does not."""
    from factcheck.claims import morphology

    table = morphology._table()
    if table is None:
        pytest.skip("the runtime cache is off here")
    listed = sorted(table.forms)[::97] + sorted(table.base)[::97]  # samples across the alphabet
    unlisted = ["plant", "the", "walking", "tour", "quickly", "zzzz", "governments", "be", "put", "resume"]
    for word in listed + unlisted:
        assert morphology.verb_form(word) == morphology._from_lemminflect(word), word
        assert morphology.is_base_verb(word) == morphology._base_from_lemminflect(word), word
    assert len(table.forms) > 10_000 and "swam" in table.forms and "plant" not in table.forms
    assert {"resume", "put", "meet"} <= table.base and "swam" not in table.base and "the" not in table.base


def test_a_process_with_the_table_cached_does_not_load_lemminflect(tmp_path) -> None:
    script = ("import sys; from factcheck.claims.morphology import is_base_verb, verb_form; "
              "assert verb_form('toured') == 'past_or_participle' and verb_form('plant') is None; "
              "assert is_base_verb('resume') and not is_base_verb('resumed'); "
              "print('lemminflect' in sys.modules)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-c", script]
    runs = [subprocess.run(command, env=env, capture_output=True, text=True, check=True) for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]  # built once, then only read
