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


def test_every_temporal_claim_has_a_value_or_a_reason(tmp_path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(SAMPLE, encoding="utf-8")
    out = subprocess.run([str(FACTCHECK), "claims", "--format", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    [document] = json.loads(out)["documents"]
    temporal = [c for c in document["claims"] if c["kind"] in TEMPORAL]
    assert len(temporal) >= 35  # the sample's expressions are found, not skipped
    for claim in temporal:
        assert claim["timex"] or claim["unresolved"], claim
    kinds = {c["timex_type"] for c in temporal}
    assert {"DATE", "TIME", "DURATION", "SET"} <= kinds


def test_without_a_document_date_each_claim_says_so(tmp_path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("The vote was held on April 7, last week, and again on Friday.", encoding="utf-8")
    out = subprocess.run([str(FACTCHECK), "claims", "--format", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    [document] = json.loads(out)["documents"]
    for claim in document["claims"]:
        if claim["kind"] in TEMPORAL:
            assert claim["timex"] is None and "no document date" in claim["unresolved"], claim


def test_a_time_alone_takes_the_narrative_day_where_it_stands(tmp_path) -> None:
    path = tmp_path / "day.md"
    path.write_text("---\ndate: 2019-05-08\n---\nOn May 2 the vote opened at noon. On May 6 it closed.\n",
                    encoding="utf-8")
    out = subprocess.run([str(FACTCHECK), "claims", "--format", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    [noon] = [c for c in json.loads(out)["documents"][0]["claims"] if c["kind"] == "time"]
    assert noon["timex"] == "2019-05-02T12:00"
