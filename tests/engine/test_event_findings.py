"""Findings of the event, person and place rules on whole documents: confidence follows how far
apart the two halves were bound, offices declared complete make a title false, regions are places."""

from __future__ import annotations

import datetime as dt
from functools import cache

from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.runner import Engine
from factcheck.facts.loader import load_fact_files
from factcheck.findings import Confidence
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir


@cache
def _engine() -> Engine:
    pack = load_packs([rules_dir()])
    return Engine(pack.rules, load_fact_files(pack.fact_files), extractor=pack.extractor())


def _findings(text: str, rule: str, date: dt.date = dt.date(2025, 10, 16)) -> list:
    document = Document("doc.txt", text, text, OffsetMap.identity(len(text)), date=date)
    return [f for f in _engine().check(document).findings if f.rule == rule]


def test_a_restatement_in_the_same_sentence_is_surer_than_a_description_paragraphs_later():
    near = _findings("The leaders talked for 40 minutes, and the two-hour call ended "
                     "with a handshake.", "restated-duration-agrees")
    far = _findings("The leaders talked for 40 minutes.\n\nMarkets were calm.\n\n"
                    "Oil prices fell.\n\nAides said the two-hour conversation ended with a handshake.",
                    "restated-duration-agrees")
    assert len(near) == len(far) == 1
    assert near[0].confidence.rank > far[0].confidence.rank
    assert far[0].confidence is Confidence.LOW and "confidence" in far[0].evidence


def test_an_age_beside_its_birth_year_is_surer_than_one_paragraphs_later():
    near = _findings("John Smith, 54, born in 1973, said the plan would work.", "age-matches-stated-birth")
    far = _findings("Maria Keller was born in 1958 in Hamburg.\n\nShe moved to Berlin.\n\nKeller, 60, "
                    "still runs the firm.", "age-matches-stated-birth")
    assert len(near) == len(far) == 1
    assert near[0].confidence.rank > far[0].confidence.rank


def test_an_office_beyond_the_heads_is_false_only_where_the_offices_are_complete():
    complete = _findings("Chancellor of the Exchequer Keir Starmer spoke.", "person-title-matches-office")
    assert len(complete) == 1
    (fact,) = complete[0].evidence["facts"]
    assert fact["offices complete"] == "2024-07-05 to the recorded date"
    assert _findings("Chancellor of the Exchequer Keir Starmer spoke.", "person-title-matches-office",
                     dt.date(2024, 3, 1)) == []
    assert _findings("Foreign Minister Emmanuel Macron spoke.", "person-title-matches-office") == []


def test_face_to_face_talks_since_2019_are_not_counted_against_the_calls():
    text = "Trump and Putin held their first face-to-face talks since 2019 in Alaska on Friday."
    assert _findings(text, "event-count-matches-timeline", dt.date(2025, 8, 19)) == []


def test_a_region_or_a_territory_part_of_the_country_is_no_wrong_city():
    for text in ("The winery in Rioja, Spain, was sold.", "The resort in Macau, China, reopened.",
                 "He works in Bavaria, Germany."):
        assert _findings(text, "city-in-named-country") == [], text
    assert len(_findings("The resort in Macau, Japan, reopened.", "city-in-named-country")) == 1


def test_elapsed_term_reads_a_pronoun_only_when_one_person_fits():
    one = _findings("Four months into his second term, U.S. President Donald Trump faces a test.",
                    "elapsed-term-matches-office")
    two = _findings("U.S. President Donald Trump called Russian President Vladimir Putin four months "
                    "into his second term.", "elapsed-term-matches-office")
    assert len(one) == 1 and two == []
