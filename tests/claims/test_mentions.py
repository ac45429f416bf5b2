"""Event mentions with identity: classes, modes, chains, and the series event counts belong to."""

from __future__ import annotations

from factcheck.claims import extract_claims
from factcheck.claims.model import Binding


def _events(text: str) -> list:
    return extract_claims(text).of_kind("event")


def _counts(text: str) -> dict:
    return {c.text: c for c in extract_claims(text).of_kind("event_count")}


def test_verb_and_definite_description_are_one_event():
    first, later = _events("The leaders talked for 40 minutes. Aides said the hour-long conversation "
                           "went well.")
    assert first["class"] == later["class"] == "call"
    assert later["chain"] == first["chain"] == first.span.start
    assert later["antecedent"] == first.span.start
    assert later.binding is Binding.NEXT_SENTENCE
    assert later["duration"].text == "hour-long"


def test_demonstrative_duration_restates_the_latest_timed_event():
    call, restated = _events("She held a 20-minute call on Friday. During those 45 minutes, they talked.")
    assert restated.text == "those 45 minutes" and restated["chain"] == call["chain"]


def test_several_candidates_leave_a_description_unlinked():
    events = _events("A 20-minute call in May and a 45-minute call in June. The two-hour call came later.")
    assert len({e["chain"] for e in events}) == 3


def test_other_date_or_participants_start_another_event():
    events = _events("Merz held a call with Macron on Monday. The call with Starmer on Friday was short.")
    assert events[0]["chain"] != events[1]["chain"]


def test_mode_makes_talks_a_meeting_and_a_conversation_a_call():
    (talks,) = _events("They held their first face-to-face talks since 2019.")
    assert talks["class"] == "meeting" and talks["mode"] == "in person"
    (spoke,) = _events("Merz and Macron spoke by phone on Monday.")
    assert spoke["class"] == "call" and spoke["mode"] == "phone"


def test_an_appeal_is_no_call():
    assert _events("The minister renewed a call for calm.") == []


def test_series_identity_of_counts():
    counts = _counts("The ninth walkout this season began. The union counted seven earlier stoppages "
                     "this season.")
    ninth, seven = counts["ninth walkout"], counts["seven earlier stoppages"]
    assert ninth["series"] == seven["series"] and ninth["class"] == "strike"
    assert seven["prior"] and not ninth["prior"]


def test_ordinal_time_reads_the_verb_after_it():
    counts = _counts("It was only the second time the two leaders had spoken by phone this month.")
    (count,) = counts.values()
    assert count["class"] == "call" and count["scope"] == "this month" and count["current"]


def test_first_in_years_is_a_gap_not_a_span():
    (count,) = _counts("Putin and Trump had their first face-to-face meeting in six years.").values()
    assert count["period"] is None and count["since"] == "six years"


def test_ordinal_of_a_count_is_no_event_count():
    assert "first two games" not in _counts("They won their first two games.")


def test_times_of_day_in_words():
    times = extract_claims("It began at half past eight in the evening, not at a quarter to nine in the "
                           "morning or at eleven at night.").of_kind("time")
    assert [(t.value.hour, t.value.minute) for t in times] == [(20, 30), (8, 45), (23, 0)]


def test_range_length_in_the_next_sentence_needs_a_definite_description():
    claims = extract_claims("The hearing ran from 9 a.m. to 11 a.m. The three-hour hearing heard ten "
                            "witnesses.").of_kind("range_length")
    assert [c.text for c in claims] == ["three-hour"] and claims[0].binding is Binding.NEXT_SENTENCE
    assert not extract_claims("The office is open from 9 a.m. to 5 p.m. A two-hour lunch break was "
                              "common.").of_kind("range_length")


def test_range_length_is_no_offset_rate_or_change():
    for text in ("Sales from 3 August to 24 December were up 2.9% on a year earlier.",
                 "Imports rise by 9,000 tonnes a year from March 31, 1985, to March 31, 1988.",
                 "The company changed its year end from Aug 31 to Dec 31, two more weeks."):
        assert not extract_claims(text).of_kind("range_length"), text


def test_age_tied_to_a_birth_year_in_another_sentence():
    (pair,) = extract_claims("Maria Keller, who was born in 1958, founded it. Keller, 60, still runs "
                             "it.").of_kind("age_birth")
    assert pair["born"].text == "1958" and pair["name"] == "Maria Keller"
    assert pair.binding is Binding.NEXT_SENTENCE
    (now,) = extract_claims("Born in the winter of 1984, she left. Now 50, she leads.").of_kind("age_birth")
    assert now["age"].text == "50"


def test_years_after_an_event_dated_in_another_paragraph():
    text = ("The society was founded in 1990.\n\nIn 2010, a quarter of a century after it was founded, "
            "it grew.")
    (claim,) = extract_claims(text).of_kind("years_from")
    assert claim["anchor"].text == "1990" and claim["target"].text == "2010" and not claim.certain


def test_a_weekday_or_month_in_the_possessive_is_no_participant():
    (event,) = _events("Friday's walkout closed the port.")
    assert event["participants"] == []
    (event,) = _events("Merz's call with Macron was brief.")
    assert event["participants"] == ["Merz", "Macron"]


def test_an_ordinal_without_its_noun_counts_the_event_its_subject_names():
    counts = _counts("Sunday's tremor was the island's sixth since March, officials said.")
    (count,) = counts.values()
    assert count.value == 6 and count["event"] == "earthquake" and count["since"] == "March"
    assert not _counts("The tremor was the sixth-strongest on record.")
