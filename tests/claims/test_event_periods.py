"""Event counts: the period a count is reckoned over, whatever words stand between the joiner and it,
and counts of the events a verb names ("have met five times")."""

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


TIMES = [
    ("The two leaders have met five times this year.", 5, "meeting"),
    ("Residents have been evacuated seven times since 2020.", 7, "evacuation"),
    ("Merz and Macron have spoken by phone four times this month.", 4, "call"),
]
MULTIPLES = [
    "Prices rose three times faster than wages.",
    "They met three times as often as last year.",
    "The board has voted four times the number of motions.",
    "They met, five times over, in Geneva.",
]


@pytest.mark.parametrize("text,value,cls", TIMES, ids=[c[0][:40] for c in TIMES])
def test_a_verb_counted_in_times_is_an_event_count(text, value, cls):
    (count,) = extract_claims(text).of_kind("event_count")
    assert (count.value, count.fields["class"]) == (value, cls)


@pytest.mark.parametrize("text", MULTIPLES, ids=[c[:40] for c in MULTIPLES])
def test_a_multiple_in_times_counts_no_events(text):
    assert extract_claims(text).of_kind("event_count") == []
