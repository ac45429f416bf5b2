"""Every temporal claim `factcheck claims --format json` prints has a TIMEX3 value or says why it has
none, over a document that mixes the ways reporters write time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FACTCHECK = Path(sys.executable).with_name("factcheck")
TEMPORAL = {"date", "time", "duration", "vague_duration"}

SAMPLE = """\
---
date: 2019-05-08
---
# Council notes

WASHINGTON (Reuters) - The vote was delayed until Friday, April 1, officials said on Tuesday. Talks
resume at 10 p.m. Wednesday and are set to run through the weekend; a decision is due as soon as
Thursday, 9 May. The plant closed on 3 June 2021, and had already shipped its stock by early May.

Acme earned $5 million in the third quarter, up from $3 million a year earlier. In the year-ago
quarter it lost money; for the fiscal year ended March 31 sales rose 4%, and fiscal 2018 was flat.
Quarterly figures are published daily at noon, every Friday, and each month.

It happened in nineteen ninety-six. Last February, and again late last June, the board met
the day before the vote; that morning it had waited two and a half hours, and for a couple of years
before that it met monthly. The festival runs March 20 – 2, 2018. Now, in the 1990s manner, recent
years and the next few days matter; the 20th century is over. See you Thu, 9 May 2019, or on
Tuesday, 14/05/2019, or Friday the fourth of July. October's figures rose; this past Saturday too.
"""


def _claims(path: Path, text: str) -> list[dict]:
    """The claims `factcheck claims --format json` prints for one document."""
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([str(FACTCHECK), "claims", "--format", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    [document] = json.loads(out)["documents"]
    return document["claims"]


def test_every_temporal_claim_has_a_value_or_a_reason(tmp_path) -> None:
    temporal = [c for c in _claims(tmp_path / "notes.md", SAMPLE) if c["kind"] in TEMPORAL]
    assert len(temporal) >= 35  # the sample's expressions are found, not skipped
    for claim in temporal:
        assert claim["timex"] or claim["unresolved"], claim
    kinds = {c["timex_type"] for c in temporal}
    assert {"DATE", "TIME", "DURATION", "SET"} <= kinds


def test_without_a_document_date_each_claim_says_so(tmp_path) -> None:
    text = "The vote was held on April 7, last week, and again on Friday."
    for claim in _claims(tmp_path / "undated.txt", text):
        if claim["kind"] in TEMPORAL:
            assert claim["timex"] is None and "no document date" in claim["unresolved"], claim


def test_a_time_alone_takes_the_narrative_day_where_it_stands(tmp_path) -> None:
    text = "---\ndate: 2019-05-08\n---\nOn May 2 the vote opened at noon. On May 6 it closed.\n"
    [noon] = [c for c in _claims(tmp_path / "day.md", text) if c["kind"] == "time"]
    assert noon["timex"] == "2019-05-02T12:00"


def _nested(value: object, top: bool = True) -> list[dict]:
    """The temporal claims inside composites (a time's day, a range's ends, a duration's endpoints)."""
    found: list[dict] = []
    if isinstance(value, dict):
        if not top and value.get("kind") in TEMPORAL and "span" in value:
            found.append(value)
        for key, item in value.items():
            found += [] if key == "span" else _nested(item, False)
    elif isinstance(value, list):
        for item in value:
            found += _nested(item, top)
    return found


def test_claims_inside_composites_keep_their_resolution(tmp_path) -> None:
    """A nested claim is the same reading as the top-level one: it shows the same value or reason, with
    or without a document date ("midday on Monday" in an undated article keeps Monday's reason)."""
    text = ("The hearing ran from 9 a.m. to 11:30 a.m. on Monday, lasting two and a half hours. The strike "
            "lasted four days, starting on June 2 and ending on June 9. Trading halts at noon on Friday.")
    for date in ("---\ndate: 2019-05-08\n---\n", ""):
        claims = _claims(tmp_path / "nested.md", date + text)
        nested = [c for claim in claims for c in _nested(claim)]
        assert {c["kind"] for c in nested} >= {"date", "time", "duration"}
        top = {(c["kind"], c["span"]["start"]): c for c in claims if c["kind"] in TEMPORAL}
        for claim in nested:
            assert claim["timex"] or claim["unresolved"], claim
            same = top.get((claim["kind"], claim["span"]["start"]))
            if same is not None:
                assert (same["timex"], same["unresolved"]) == (claim["timex"], claim["unresolved"])


def test_an_impossible_day_has_no_value_and_says_why(tmp_path) -> None:
    """"31 June" is read as written (so `date-exists` can report it) but names no day: no TIMEX3 value."""
    text = "---\ndate: 2026-05-01\n---\nApplications close on 31 June 2026, or 30 June at the latest.\n"
    dates = {c["text"]: c for c in _claims(tmp_path / "june.md", text) if c["kind"] == "date"}
    assert dates["31 June 2026"]["timex"] is None
    assert dates["31 June 2026"]["unresolved"] == "2026-06 has no day 31"
    assert dates["31 June 2026"]["certain"] is True
    assert dates["30 June"]["timex"] == "2026-06-30"
