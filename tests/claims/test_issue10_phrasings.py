"""The phrasings issue 10 quotes, each checked by name: the nine paraphrases of one wrong change and
the wire-copy statements the composite layer used to miss.

`rules/tests/composites.md` holds many more phrasings of each family (run by `factcheck test`); this
file keeps the ones the issue promised in one place, so a regression in any of them is named
plainly. Each text is assembled into its composite with the figures it states, and an inconsistent
one raises an error of its family's rule at confidence medium or above.
"""

from __future__ import annotations

import pytest

from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.runner import Engine
from factcheck.facts.loader import load_fact_files
from factcheck.findings import Confidence, Severity
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir

CHANGE = "change-percent-matches-endpoints"
NINE_PARAPHRASES = [  # 8,000 → 10,000 is 25%, not 20%
    "Membership rose from 8,000 to 10,000, a 20% increase.",
    "Membership rose from 8,000 to 10,000 last year, a 20% increase.",
    "Membership has risen from 8,000 to 10,000, a 20% increase.",
    "Every spring membership rises from 8,000 to 10,000, a 20% increase.",
    "Membership went up from 8,000 to 10,000, a 20% increase.",
    "Membership rose 20% from 8,000 to 10,000.",
    "Membership climbed to 10,000 from 8,000, a 20% rise.",
    "Membership increased by 20% from 8,000 to 10,000.",
    "Membership jumped from 8,000 to 10,000 -- an increase of 20%.",
]
# (text, kind, {field: text of the claim it holds}, rule that must flag it or None when consistent)
WIRE_COPY = [
    ("Government revenue is expected to rise 39 pct to 99.9 billion pesos this year from 79.1 billion.",
     "change", {"change": "39 pct", "to": "99.9 billion pesos", "from": "79.1 billion"}, CHANGE),
    ("Domestic car sales rose 21.6 pct to 40,131 units from 35,081 a year earlier.",
     "change", {"change": "21.6 pct", "to": "40,131", "from": "35,081"}, CHANGE),
    ("Sugar output fell 11.4 pct to 6.5 mln tonnes from 7.1 mln.",
     "change", {"change": "11.4 pct", "to": "6.5 mln tonnes", "from": "7.1 mln"}, CHANGE),
    ("Parking income was up 30 pct in the third quarter at 1.2 mln stg, from 1.1 mln stg a year before.",
     "change", {"change": "30 pct", "to": "1.2 mln stg", "from": "1.1 mln stg"}, CHANGE),
    ("Visitor numbers dropped to six thousand from 6,800. That decline of 20 per cent worried the trustees.",
     "change", {"change": "20 per cent", "to": "six thousand", "from": "6,800"}, CHANGE),
    ("Sosnoff holds about 4.1 mln Caesars World shares, or 23.6 pct of the company's 30 mln shares.",
     "part_of_whole", {"part": "4.1 mln", "share": "23.6 pct", "whole": "30 mln"},
     "part-share-matches-ratio"),
    ("In 1985, a total of 71,539 wells were drilled - 36,834 oil wells, 13,036 gas wells and 31,669 dry "
     "holes.",
     "breakdown", {"total": "71,539"}, "breakdown-sums-to-total"),
    ("Lending is expected to total 1.4 billion dlrs, of which 650 mln will come from the IDA and 850 mln "
     "from the World Bank.", "breakdown", {"total": "1.4 billion dlrs"}, "breakdown-sums-to-total"),
    ("The redemption price is 1067.50 dlrs plus accrued interest of 42.81 dlrs for a total of 1100.31 dlrs.",
     "breakdown", {"total": "1100.31 dlrs"}, "breakdown-sums-to-total"),
    ("The Conservatives had the support of 49 pct of the voters, Labour 37 pct and the Alliance 23 pct.",
     "shares", {}, "shares-within-whole"),
    ("Partners are Shell, with a 30 pct stake, BP (30 pct) and Statoil (50 pct).",
     "shares", {}, "shares-within-whole"),
    ("Four banks -- Barclays Bank Plc, Lloyds Bank Plc and Standard Chartered Bank -- will underwrite it.",
     "enumeration", {"count": "Four"}, "enumeration-count-matches"),
    ("ECLAC said the five largest Latin American economies (Argentina, Brazil, Chile, Colombia, Mexico and "
     "Venezuela) grew.", "enumeration", {"count": "five"}, "enumeration-count-matches"),
    ("The committee considered four items:\n\n- the library roof\n- the playground lease\n"
     "- the gritting budget\n",
     "enumeration", {"count": "four"}, "enumeration-count-matches"),
    ("The region has warmed by two degrees Fahrenheit (1.1 degrees Celsius) since 1900.",
     "conversion", {"measure": "two degrees Fahrenheit", "converted": "1.1 degrees Celsius"}, None),
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    pack = load_packs([rules_dir()])
    return Engine(pack.rules, load_fact_files(pack.fact_files), pack.extractor())


def _check(engine: Engine, text: str):
    return engine.check(Document("issue10.md", text, text, OffsetMap.identity(len(text))))


def _errors(result, rule: str) -> list:
    return [f for f in result.findings if f.rule == rule and f.severity is Severity.ERROR
            and f.confidence.rank >= Confidence.MEDIUM.rank]


@pytest.mark.parametrize("text", NINE_PARAPHRASES)
def test_each_paraphrase_of_a_wrong_change_is_an_error(engine: Engine, text: str) -> None:
    result = _check(engine, text)
    (change,) = [c for c in result.claims if c.kind == "change"]
    figures = (change.fields.get(name).text for name in ("from", "to", "change"))
    assert tuple(figures) == ("8,000", "10,000", "20%")
    (finding,) = _errors(result, CHANGE)
    assert "25%" in finding.message


@pytest.mark.parametrize("text,kind,fields,rule", WIRE_COPY, ids=[w[0][:48] for w in WIRE_COPY])
def test_wire_copy_statement_is_assembled_and_checked(engine: Engine, text, kind, fields, rule) -> None:
    result = _check(engine, text)
    claims = [c for c in result.claims if c.kind == kind]
    assert claims, f"no {kind} in {text!r}"
    read = [{name: getattr(c.fields.get(name), "text", None) for name in fields} for c in claims]
    assert fields in read, read
    if rule is None:
        assert not [f for f in result.findings if f.severity is Severity.ERROR], result.findings
    else:
        assert _errors(result, rule), f"{rule} did not flag {text!r}"
