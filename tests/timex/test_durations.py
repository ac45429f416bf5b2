"""Lengths of time as TIMEX3 durations: ranges of lengths, lengths without a count written as
adjectives or as one end of a period, and the names that only look like lengths. Each family is
written as different reporters write it (wire copy, features, minutes, numbers in words)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.claims import extract_claims
from factcheck.timex import resolve_claims

MAY_2_2019 = dt.date(2019, 5, 2)
LENGTHS = ("duration", "vague_duration")


def lengths(text: str) -> dict[str, str | None]:
    return {c.text: c["timex"] for c in resolve_claims(text, extract_claims(text), MAY_2_2019)
            if c.kind in LENGTHS}


@pytest.mark.parametrize(("text", "expected"), [
    # both ends of a range of lengths are lengths, the low end in the unit written after the high end
    ("Repairs should take two to three weeks, the utility said.", {"two": "P2W", "three weeks": "P3W"}),
    ("Patients wait between 10 and 15 minutes.", {"10": "PT10M", "15 minutes": "PT15M"}),
    ("The deal is expected to close in the next 12-18 months.", {"12": "P12M", "18 months": "P18M"}),
    ("Sentences ranged from three to five years.", {"three": "P3Y", "five years": "P5Y"}),
    ("Recovery takes from 6 to 8 weeks and costs $2,000.", {"6": "P6W", "8 weeks": "P8W"}),
])
def test_both_ends_of_a_range_of_lengths(text: str, expected: dict[str, str]) -> None:
    assert lengths(text) == expected


def test_a_range_of_lengths_is_one_range_claim() -> None:
    claims = extract_claims("The strike lasted four to six days.")
    (found,) = [c for c in claims if c.kind == "range"]
    assert found["of"] == "duration"
    assert (found["low"].text, found["high"].text) == ("four", "six days")


@pytest.mark.parametrize("text", [
    "The robbery happened 3 to 5 years ago.",  # a range of dates, not of lengths
    "The score went from 2 to 3 goals in minutes.",
    "Turnout rose from 40 to 55 percent over two years.",
])
def test_what_is_no_range_of_lengths(text: str) -> None:
    claims = extract_claims(text)
    assert not [c for c in claims if c.kind == "duration" and c.text[-1].isdigit()]


@pytest.mark.parametrize(("text", "span", "value"), [
    # lengths without a count, written as adjectives
    ("The decades-long dispute over the river ended on Tuesday.", "decades-long", "PXY"),
    ("A months-long strike shut the port.", "months-long", "PXM"),
    ("Dockers ended their weeks-long walkout.", "weeks-long", "PXW"),
    ("Villagers keep a centuries-old harvest rite.", "centuries-old", "PXC"),
    ("Tourism is recovering from a years-old slump.", "years-old", "PXY"),
    ("She follows a several-year stint as editor.", "several-year", "PXY"),
    ("The club signed him to a multiyear contract.", "multiyear", "PXY"),
    ("Council approved a multi-year paving plan.", "multi-year", "PXY"),
    # one end of a period
    ("Five hundred soldiers surrendered in the first hours of the offensive.", "the first hours", "PTXH"),
    ("In the early years, the charity struggled to pay rent.", "the early years", "PXY"),
    ("He spent the final months of his term abroad.", "the final months", "PXM"),
    ("During the opening days of the trial, jurors heard from police.", "the opening days", "PXD"),
])
def test_lengths_without_a_count(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


@pytest.mark.parametrize("text", [
    "Police arrested him in the early hours of Thursday.",  # a part of the night
    "Her 30-year-old son and a 5-year-old girl were unhurt.",  # ages
    "The multicolored banners hung for the multitude.",
])
def test_no_length_without_a_count_here(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "vague_duration"]


@pytest.mark.parametrize("text", [
    "The mayor told CBS's \"60 Minutes\" that he would not resign.",
    "She told “48 Hours” the case was closed.",
    "He appeared on the show ''20 Minutes'' last week.",
])
def test_a_programme_named_by_a_length_is_no_length(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind == "duration"]


@pytest.mark.parametrize(("text", "span"), [
    ("Talks Last 12 Hours As Strike Looms", "12 Hours"),  # a headline in title case
    ("Sixty Minutes later, the doors opened.", "Sixty Minutes"),
    ("The talks lasted 12 hours.", "12 hours"),
])
def test_capitals_that_are_still_lengths(text: str, span: str) -> None:
    assert span in lengths(text)


@pytest.mark.parametrize(("text", "span", "value"), [
    # a unit TIMEX3 has no letter for is written in the one it is made of
    ("The bridge will reopen within a fortnight.", "a fortnight", "P2W"),
    ("Talks could take three fortnights.", "three fortnights", "P6W"),
    # a part of a unit, written with or without "of"
    ("The regime marked a quarter century in power.", "a quarter century", "P25Y"),
    ("A quarter-century after the flood, the town is rebuilt.", "A quarter-century", "P25Y"),
    ("Delegates waited a quarter hour for the chair.", "a quarter hour", "PT15M"),
    # a matter of days: a length without a count
    ("Prices doubled in a matter of weeks.", "a matter of weeks", "PXW"),
    ("In a matter of hours, the square had emptied.", "a matter of hours", "PTXH"),
])
def test_fortnights_quarters_of_a_unit_and_matters_of_days(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


def kinds_at(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for claim in resolve_claims(text, extract_claims(text), MAY_2_2019):
        found.setdefault(claim.text, set()).add(claim.kind)
    return found


@pytest.mark.parametrize(("text", "span", "value"), [
    # the length before "later"/"earlier" is a length (TimeML: a DURATION and a signal word), as
    # "two days before the attack" is; the relative date over the same words keeps its day
    ("Three weeks later, the board voted to sell the mill.", "Three weeks", "P3W"),
    ("Police arrived 20 minutes later, witnesses said.", "20 minutes", "PT20M"),
    ("The plant closed a year later, costing 300 jobs.", "a year", "P1Y"),
    ("A day earlier, crowds had blocked the bridge.", "A day", "P1D"),
    ("The council met again two months later and reversed itself.", "two months", "P2M"),
    ("She returned to the club nine seasons and 12 years later.", "12 years", "P12Y"),
    ("A few hours later, rescuers reached the mine.", "A few hours", "PTXH"),
    ("The band split up several years later.", "several years", "PXY"),
    # a bare plural before a signal word, opening its sentence or after "just", "only", "mere"
    ("Hours later, the fire was under control.", "Hours", "PTXH"),
    ("The polls closed. Days later, the count was still going on.", "Days", "PXD"),
    ("The army shut the airport just hours after it reopened.", "hours", "PTXH"),
    ("The ruling comes only weeks before the deadline.", "weeks", "PXW"),
    ("He filed the papers mere minutes before the office closed.", "minutes", "PTXM"),
    ("Within days of the crash, the airline cut its fares.", "days", "PXD"),
])
def test_lengths_before_a_signal_word(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


def test_the_relative_date_stays_beside_its_length() -> None:
    found = kinds_at("Three weeks later, the board voted to sell the mill.")
    assert found["Three weeks later"] == {"date"}
    assert found["Three weeks"] == {"duration"}


@pytest.mark.parametrize("text", [
    # a comparison with the period a year back names that period (a DATE), not a length
    "Net income rose to $5 million from $4 million a year earlier.",
    "A year earlier, the company had earned $2.1 million.",
    "Sales were up 12% from 12 months earlier.",
    "Revenue fell to $80 million from $95 million a quarter earlier.",
    # "ago" counts back from the document's date: a DATE in TimeML
    "The mine closed three years ago.",
    # a bare plural named by an event, or a noun
    "In the days before the vote, crowds gathered outside the court.",
    "The years after the war were hard on the town.",
    "After weeks of talks, the deal was signed.",
])
def test_no_length_before_these_signal_words(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind in LENGTHS]


@pytest.mark.parametrize("text", [
    "Crews worked 24 hours a day, seven days a week, to clear the line.",
    "The shelter is open 365 days a year.",
    "The plant runs 52 weeks a year.",
])
def test_every_hour_of_every_day_is_no_length(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind in LENGTHS]


def test_a_part_of_each_day_is_still_a_length() -> None:
    assert lengths("Nurses there work 12 hours a day.") == {"12 hours": "PT12H"}


@pytest.mark.parametrize(("text", "span", "value"), [
    # a length stated in several units is written in each of them, as TimeML writes it
    ("The hearing lasted an hour and 20 minutes.", "an hour and 20 minutes", "PT1H20M"),
    ("He served 2 years and 3 months of the sentence.", "2 years and 3 months", "P2Y3M"),
    ("The call went on for 1 hour fifteen.", "1 hour fifteen", "PT1H15M"),
    ("The flight took five and a half hours.", "five and a half hours", "PT5H30M"),
    # one unit stays in that unit
    ("It was a 90-minute call.", "90-minute", "PT90M"),
    ("The talks ran 36 hours.", "36 hours", "PT36H"),
    # decades are written in years, counted or not
    ("Two decades of war have emptied the valley.", "Two decades", "P20Y"),
    ("The country has been divided for decades.", "decades", "PXY"),
])
def test_timex3_values_of_lengths(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


@pytest.mark.parametrize(("text", "span", "mod"), [
    # a hedged length keeps its hedge as TIMEX3's mod
    ("The vote took about two hours.", "two hours", "APPROX"),
    ("The siege lasted more than a year.", "a year", "MORE_THAN"),
    ("Repairs took less than a week.", "a week", "LESS_THAN"),
    ("Appeals must be filed within at most 30 days.", "30 days", "EQUAL_OR_LESS"),
    ("The trial will last at least three months.", "three months", "EQUAL_OR_MORE"),
    ("The trial will last three months.", "three months", None),
])
def test_a_hedged_length_keeps_its_hedge_as_mod(text: str, span: str, mod: str | None) -> None:
    found = {c.text: c["timex_mod"] for c in resolve_claims(text, extract_claims(text), MAY_2_2019)
             if c.kind == "duration"}
    assert found[span] == mod


@pytest.mark.parametrize("text", [
    # the unit after an amount and the words it counts is a rate, not a length
    "The airport will carry more than 70 million passengers a year.",
    "The field pumps close to a million barrels of oil a day.",
    "The plan would provide an extra $50bn (£26.69bn) a year in aid.",
    "Exports should grow by at least 8 pct a year.",
    "About three million people a week watched the final.",
    "Workers earning less than 35,000 rand a year pay no tax.",
    "Pupils get two hours of sport a week.",
    # a comparison with the period a year back names that period
    "Orders rose to 174.6 mln dlrs from 150.3 mln dlrs a year before.",
    # a year's number before "year" names the year
    "NOTE: 1986 year net includes a gain of 4 mln dlrs.",
])
def test_rates_and_named_years_are_no_lengths(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind in LENGTHS and "hour" not in c.text]


@pytest.mark.parametrize(("text", "span"), [
    ("The charity raised $5 million in a year.", "a year"),
    ("He joined the board in 1997, a year before he was named chairman.", "a year"),
    ("The chain will grow to 65 stores within a year.", "a year"),
    ("I remember spending many an hour on the game.", "an hour"),
    ("The town has stood for 1000 years.", "1000 years"),
    ("Figures for 2004 show a year of slowing growth.", "a year"),  # a year's number is no amount
])
def test_lengths_beside_amounts_and_years(text: str, span: str) -> None:
    assert span in lengths(text)


@pytest.mark.parametrize("text", [
    # a comparison of each period with the one before is a basis of measurement, no length
    "Retail prices rose 3.1% on a year-on-year basis in April.",
    "Factory output slipped 0.4 pct on a month-on-month basis.",
    "On a year on year basis, broad money grew 16 pct.",
    "Shipments showed a year-over-year gain of 9%.",
    "Sales can swing widely on a week-to-week basis.",
    "The fund is nursing a year-to-date loss of 3%.",
    # four digits read on a 24-hour clock are a time of day (TimeML: a TIME)
    "The quake struck at 0620 hrs (0920 GMT) on Sunday.",
    "Bids are due by 1100 hrs EST on March 24.",
    "Ministers will reconvene at 2130 hours local time.",
    "A full council session is set for 1900 hours.",
    # a letter opening an abbreviation is no unit
    "Shr loss 17.4 H.K. cents vs profit 3.2 H.K. cents.",
    # a spelled count before the unit is a rate: "four a month"
    "Deliveries have doubled to four a month and should reach six a month by June.",
    "The label released one a week through the summer.",
    # the leftmost amount may hold a function word; the amount nearer the unit still counts it
    "Banks will need three to four billion dlrs a day in extra reserves.",
    # "quarters" for circles of people
    "The plan drew fierce criticism in some quarters.",
    "The club has had offers from several quarters since the relegation.",
])
def test_comparisons_clock_times_rates_and_circles_are_no_lengths(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind in LENGTHS]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Volunteers logged 1200 hours of community service.", "1200 hours", "PT1200H"),
    ("The crossing took 2 h 15 min in rough seas.", "2 h 15 min", "PT2H15M"),
    ("The notes have an average life of 7.11 years.", "7.11 years", "P7.11Y"),
    ("A two-and-a-half-week strike shut the yards.", "two-and-a-half-week", "P2.5W"),
    ("The new battery runs 2.5 hours on a charge.", "2.5 hours", "PT2H30M"),
    ("Stocks cover 5.9 months of sales.", "5.9 months", "P5.9M"),
    ("The accord came after eight long years of talks.", "eight long years", "P8Y"),
    ("Rovers led after half-an-hour through a header.", "half-an-hour", "PT30M"),
    ("She finished half-a-second clear of the field.", "half-a-second", "PT0.5S"),
    ("The hosts scored with a quarter-of-an-hour left.", "a quarter-of-an-hour", "PT15M"),
    ("Voters had three short weeks to decide.", "three short weeks", "P3W"),
    ("The minaret has dominated the old town for centuries.", "centuries", "PXC"),
    ("Losses narrowed after several quarters of decline.", "several quarters", "PXQ"),
    ("Analysts expect margins to recover over the next several quarters.", "the next several quarters",
     "PXQ"),
])
def test_lengths_beside_those_forms(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


def timexes(text: str) -> dict[str, tuple[str, str | None]]:
    """Every temporal claim's text, with its kind and TIMEX3 value."""
    return {c.text: (c.kind, c["timex"]) for c in resolve_claims(text, extract_claims(text), MAY_2_2019)
            if c.kind in ("date", "time", *LENGTHS)}


@pytest.mark.parametrize(("text", "span", "value"), [
    # a length that repeats is a set (TimeML SET, valued as the length between its members)
    ("The summit is held every four years in a different capital.", "every four years", "P4Y"),
    ("Trains run once every 10 minutes at peak times, the operator said.", "every 10 minutes", "PT10M"),
    ("Under the rules the board must re-elect its chair every two years.", "every two years", "P2Y"),
    ("Residents are billed every 3 months.", "every 3 months", "P3M"),
    ("A new blog is created every 5.8 seconds, the study found.", "every 5.8 seconds", "PT5.8S"),
    ("Each two weeks the panel reviews the files.", "Each two weeks", "P2W"),
    ("The census is repeated every two decades.", "every two decades", "P20Y"),
    # a range of counts: the set of the low one, as the low end of a range of lengths
    ("Elections fall every two or three years.", "every two or three years", "P2Y"),
    ("Servers were hit every four to five days at the height of the attacks.", "every four to five days",
     "P4D"),
    ("The reservoir is tested every 6-8 weeks.", "every 6-8 weeks", "P6W"),
    # without a count, as the vague length is written
    ("Only 29% of users check their settings every few weeks.", "every few weeks", "PXW"),
    ("The river floods every several decades.", "every several decades", "PXY"),
])
def test_a_length_after_every_is_a_set(text: str, span: str, value: str) -> None:
    found = timexes(text)
    assert found[span] == ("date", value)
    assert not [c for c in extract_claims(text) if c.kind in LENGTHS]


def test_a_set_of_lengths_says_its_count_and_grain() -> None:
    (claim,) = [c for c in extract_claims("Inspectors call every six months.") if c.kind == "date"]
    assert (claim["every"], claim["grain"], claim["count"]) == (True, "month", 6)
    (claim,) = [c for c in extract_claims("Inspectors call every few months.") if c.kind == "date"]
    assert (claim["every"], claim["grain"], claim["count"]) == (True, "month", None)


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The plant shut for six months, every worker laid off.", "six months", "P6M"),
    ("Every 10-minute slot was booked.", "10-minute", "PT10M"),  # an adjective: the slot's length
])
def test_lengths_beside_every_that_do_not_repeat(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # the stretch after (or before) a time the story named
    ("In the years that followed, the mill town lost half its people.", "the years", "PXY"),
    ("Prices climbed in the weeks that followed the flood.", "the weeks", "PXW"),
    ("The ensuing months brought more strikes.", "The ensuing months", "PXM"),
    ("He spent the intervening years in exile in Paris.", "the intervening years", "PXY"),
    ("In subsequent years, the firm opened offices in Lagos and Lima.", "subsequent years", "PXY"),
    ("Police searched the area in the following days.", "the following days", "PXD"),
    ("Shares had drifted lower in the preceding weeks.", "the preceding weeks", "PXW"),
])
def test_the_stretch_after_a_time(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # "one day" opening a sentence with a modal after it is "someday"
    ('"One day you will be able to tell your grandchildren," she told the crowd.', "One day",
     "FUTURE_REF"),
    ("One day, we'll look back on this season and laugh.", "One day", "FUTURE_REF"),
    ("Some day it could be the busiest port in Africa.", "Some day", "FUTURE_REF"),
])
def test_one_day_as_someday(text: str, span: str, value: str) -> None:
    assert timexes(text)[span] == ("date", value)


@pytest.mark.parametrize("text", [
    # a story's indefinite day, and a date counted back: no length
    "One day, he simply walked out of the office and never came back.",
    "One night in May the roof fell in.",
    "A couple of years ago, the club was nearly bankrupt.",
    "Quentin came in a couple of weeks ago to pitch it.",
])
def test_indefinite_days_and_dates_counted_back_are_no_lengths(text: str) -> None:
    assert not [c for c in extract_claims(text) if c.kind in LENGTHS]


@pytest.mark.parametrize(("text", "span", "value"), [
    ("One day is not enough to see the city.", "One day", "P1D"),
    ("One day later, the bridge reopened.", "One day", "P1D"),
    ("The talks followed by one day the minister's visit.", "one day", "P1D"),
    ("A couple of years later, she returned to Lagos.", "A couple of years", "P2Y"),
])
def test_one_day_and_a_couple_still_lengths(text: str, span: str, value: str) -> None:
    assert lengths(text)[span] == value


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The first half-hour of the debate was tense.", "half-hour", "PT30M"),
    ("In the first half-century of its life the club won nothing.", "half-century", "P50Y"),
])
def test_the_first_half_of_a_unit_is_no_half_year(text: str, span: str, value: str) -> None:
    found = timexes(text)
    assert found[span] == ("duration", value)
    assert not [v for kind, v in found.values() if v and v.endswith("-H1")]
