"""The period an event count is reckoned over, whatever words stand between the joiner and it."""

import pytest

from factcheck.claims import extract_claims

CASES = [
    ("The union has called six strikes over the past year.", "the past year"),
    ("Workers staged four walkouts in the past decade.", "the past decade"),
    ("They held five calls over the past three months.", "three months"),
    ("It was their eighth conversation in just eight months.", "eight months"),
    ("The union has called six strikes, the most since 2019.", None),
]


@pytest.mark.parametrize("text,period", CASES, ids=[c[0][:40] for c in CASES])
def test_period_of_count(text, period):
    (count,) = extract_claims(text).of_kind("event_count")
    found = count.fields["period"]
    assert (found.text if found is not None else None) == period
