"""End to end: a weekday beside a year-less date is an error either way; the finding's confidence
says whether the document fixed the year or the year was inferred."""

from __future__ import annotations

import json

from factcheck.cli.main import main


def _findings(tmp_path, capsys, body: str) -> list[dict]:
    article = tmp_path / "article.md"
    article.write_text(f"---\ndate: 2016-03-24\n---\n{body}\n", encoding="utf-8")
    main(["run", str(article), "--format", "json"])
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    return [f for f in document["findings"] if f["rule"] == "weekday-matches-partial-date"]


def test_a_year_the_document_fixes_gives_a_confident_error(tmp_path, capsys) -> None:
    text = "The committee postponed its vote. It now meets on Thursday, April 1."
    (finding,) = _findings(tmp_path, capsys, text)
    assert (finding["severity"], finding["confidence"]) == ("error", "high")


def test_an_inferred_year_lowers_the_confidence(tmp_path, capsys) -> None:
    (finding,) = _findings(tmp_path, capsys, "A ceremony was held on Tuesday, Aug. 14.")
    assert finding["severity"] == "error" and finding["confidence"] != "high"
    assert "2015-08-14" in finding["message"]
