"""``factcheck claims`` output: spans into the original, normalized values, nested sub-claims."""

from __future__ import annotations

import json

from factcheck.reporters import render_claims

from .conftest import Fixture


def claims_json(fixture: Fixture) -> dict:
    return json.loads(render_claims("json", fixture.claims))


def test_spans_slice_the_original(fixture: Fixture) -> None:
    documents = claims_json(fixture)["documents"]
    for document, source in zip(documents, (fixture.markdown, fixture.record), strict=True):
        for claim in document["claims"]:
            span = claim["span"]
            assert source.original[span["start"] : span["end"]].replace("*", "") == claim["text"]


def test_values_and_sub_claims(fixture: Fixture) -> None:
    claims = claims_json(fixture)["documents"][0]["claims"]
    by_text = {claim["text"]: claim for claim in claims}
    assert by_text["eight months"]["value"] == "P8M"
    assert by_text["nearly 90 minutes"]["hedge"] == "approx"
    assert by_text["$1.2 million"]["value"] == {"amount": 1200000, "currency": "USD"}
    assert by_text["25%"]["value"] == 25
    assert by_text["October 2025"]["value"] == "2025-10"
    assert by_text["14:30"]["value"] == "14:30"
    composite = by_text["eighth conversation in just eight months"]
    assert composite["ordinal"]["kind"] == "ordinal" and composite["ordinal"]["value"] == 8
    assert composite["period"]["span"]["column"] == 50
    assert composite["count"] is None


def test_record_and_empty(fixture: Fixture) -> None:
    assert claims_json(fixture)["documents"][1]["record"] == "r-42"
    assert render_claims("table", []) == ""
    assert json.loads(render_claims("json", []))["documents"] == []
