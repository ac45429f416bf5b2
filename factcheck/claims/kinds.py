"""The built-in claim kinds: what the extractors produce and the rule language type-checks against.
Adding a kind means adding it here and writing its extractor. A pack's pattern files declare more
kinds; those live in the loaded pack (:attr:`factcheck.rules.pack.Pack.kinds`), never here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from factcheck.claims.model import ClaimKind

# Set by resolution (factcheck/timex) on every date, time and duration claim.
_RESOLVED = {"timex": "string?", "timex_type": "string?", "timex_mod": "string?", "anchor": "string?",
             "resolved": "date?", "resolved_year": "number?", "unresolved": "string?"}
_RESOLVED_DOC = (" Resolution against the document date sets `timex` (the TIMEX3 value: '2013-03-22', "
                 "'2013-Q1', 'P3M', 'PRESENT_REF'), `timex_type` (DATE, TIME, DURATION, SET), `timex_mod` "
                 "(START, MID, END, APPROX, ...), `anchor` (text, document, narrative), `resolved` (the "
                 "first day named) and `resolved_year`, or `unresolved` (why there is no value); the claim's "
                 "`certain` is false when a part was inferred (a year from the document date).")

_KINDS = [
    ClaimKind("number", "number", "A cardinal number in digits or words: '1,000', 'two-and-a-half'."),
    ClaimKind("ordinal", "number", "An ordinal: 'eighth', '8th', 'twenty-first'."),
    ClaimKind(
        "duration",
        "duration",
        "A length of time: 'eight months', 'a 90-minute call', 'nearly two-and-a-half-hour'. "
        "`event` is the noun it measures ('call'); `determiner` the article or demonstrative before "
        "the phrase ('a', 'the', 'this'), which tells a restatement from a first mention; `direction` "
        "'past' for a length counted back from the document's date ('the past three months', 'the last "
        "month'), 'future' for one counted on from it ('the next two weeks'); resolution anchors such a "
        "length at the document's date (`anchor` document) and sets its ends, `begins` and `ends`."
        + _RESOLVED_DOC,
        {"event": "string?", "determiner": "string?", "direction": "string?", "begins": "date?",
         "ends": "date?", **_RESOLVED},
    ),
    ClaimKind(
        "date",
        "date?",
        "A calendar date, possibly partial ('March 12', 'October 2025'); value is null when a part "
        "is missing. A relative date ('yesterday', 'last Thursday', 'three years ago') has value null, "
        "`relative` its signed offset and `grain` its unit (day, week, month, year, decade, weekend, "
        "or weekday with the day in `weekday`, quarter; century, hour, minute for a length before 'ago': "
        "'three centuries ago', 'an hour ago'). `part` a named part of the year or day (SP, SU, FA, "
        "WI, Q1-Q4, H1, H2, MO, AF, EV, NI, WE), `mod` the modifier stated ('early May': START), "
        "`anaphoric` true for a date counted from the narrative's last date ('the next day', 'that "
        "morning'), `vague` a vague reference (PRESENT_REF, PAST_REF, FUTURE_REF), `decade` the decade "
        "('the 1990s': 199), `century` the century ('the 20th century': 19), `fiscal` a fiscal year, "
        "`every` a set ('every Friday', 'daily'; `count` the units between its members, 'every four "
        "years': 4, null for 'every few weeks'), `story` a quarter counted from the one the story "
        "reports ('the quarter', 'the year-ago period'; `year_back` a year before it), `holiday` a "
        "holiday ('Thanksgiving Day': thanksgiving; one of several days, 'Ramadan', 'Hanukkah', is "
        "valued as its first day, and `ends` is its last), `nth` a weekday's count in its "
        "month ('the first Monday of October': 1, 'the last Friday in May': -1), `length` the duration "
        "a period counted back from the document's date spans ('in the last month': the date last "
        "month names, and one month). Resolution sets `begins` and `ends`, the first and last day the "
        "value names ('next week': its Monday and Sunday; 'early next month': the first half of it; a "
        "day: that day), and `with_time` on the day of a time written beside it ('10 p.m. Wednesday': "
        "the time claim carries the value of both); `weekday_year` true when a year-less date's year is one "
        "its stated weekday confirms, whatever the tense pointed to ('approved on Tuesday 19 March' "
        "written on 5 March 2024: 2024, the Tuesday)." + _RESOLVED_DOC,
        {"year": "number?", "month": "number?", "day": "number?", "weekday": "string?",
         "relative": "number?", "grain": "string?", "part": "string?", "mod": "string?",
         "anaphoric": "bool?", "vague": "string?", "decade": "number?", "century": "number?",
         "fiscal": "bool?", "every": "bool?", "story": "bool?", "year_back": "bool?",
         "with_time": "bool?", "holiday": "string?", "count": "number?", "nth": "number?",
         "length": "claim<duration>?", "begins": "date?", "ends": "date?", "weekday_year": "bool?",
         **_RESOLVED},
    ),
    ClaimKind(
        "vague_duration",
        "null",
        "A length of time stated without an amount: 'several years', 'a few days', 'for weeks', 'in "
        "recent months'; `grain` its unit (year, month, week, day, hour, minute, decade, century)."
        + _RESOLVED_DOC,
        {"grain": "string", **_RESOLVED},
    ),
    ClaimKind(
        "event_count",
        "number",
        "A count of events in a series, by ordinal or cardinal, optionally over a period: "
        "'their eighth conversation in just eight months', 'for the third time this month', 'seven "
        "earlier stoppages'. The series it counts: `class` (call, meeting, strike, …, as for `event` "
        "claims), `scope` the stretch of calendar ('this month', '2025', \"trump's second term\"), "
        "`since` what it is reckoned from ('2019'; also the gap in 'the first meeting in six years'), "
        "`participants` the names in its sentence; `series` joins class, scope, period and since, so "
        "two counts of one series have one `series`. `prior` marks a count of the events before this "
        "one ('seven earlier stoppages'), `current` an ordinal of the event being reported ('for the "
        "third time', 'it was their fifth meeting'), `streak` a run of consecutive events ('her ninth "
        "win in a row', 'a third straight strike'), `chain` the event mention it counts.",
        {
            "event": "string",
            "ordinal": "claim<ordinal>?",
            "count": "claim<number>?",
            "period": "claim<duration>?",
            "class": "string",
            "mode": "string?",
            "scope": "string?",
            "since": "string?",
            "prior": "bool",
            "current": "bool",
            "streak": "bool",
            "participants": "list<string>",
            "chain": "number?",
            "series": "string",
        },
        composite=True,
    ),
    ClaimKind(
        "event",
        "string",
        "A mention of an event, with its identity: 'a 20-minute call', 'the hour-long conversation', "
        "'talked by phone for 40 minutes', 'those 45 minutes'. Value and `class` the kind of event "
        "(call, meeting, talks, strike, recall, …), `lemma` the noun or verb as a lemma, `mode` 'phone' "
        "or 'in person'; `chain` the start offset of the first mention of the same event (mentions with "
        "one chain are one event), `antecedent` the start of the mention it refers back to (null for a "
        "first mention); `duration`, `date` and `ordinal` as stated with it; `participants` the names "
        "in its sentence.",
        {"class": "string", "lemma": "string", "mode": "string?", "chain": "number",
         "antecedent": "number?", "duration": "claim<duration>?", "date": "claim<date>?",
         "ordinal": "claim<ordinal>?", "participants": "list<string>", "plural": "bool",
         "definite": "bool", "determiner": "string?"},
        composite=True,
    ),
    ClaimKind(
        "range_length",
        "duration",
        "A range of two times or two dates with the length stated for it, in its sentence or the next: "
        "'between 2 p.m. and 6 p.m., a three-hour sitting', 'from April 11 to April 14, a week-long "
        "festival'. `begin` and `finish` are the endpoints, `duration` the stated length (also the "
        "value).",
        {"duration": "claim<duration>", "begin": "claim<any>", "finish": "claim<any>"},
        composite=True,
    ),
    ClaimKind(
        "elapsed",
        "duration",
        "A stated part of a named interval: 'the past nine months of Trump's second term'.",
        {"period": "claim<duration>", "of": "string", "relation": "string"},
        composite=True,
    ),
    ClaimKind(
        "term_elapsed",
        "duration",
        "Time elapsed in a person's term of office: 'Four months into his second term', 'the roughly "
        "seven months since his swearing-in', '100 days after taking office'. `name` the person (a "
        "pronoun read as the one person named in its sentence or the nearest earlier one), `title` "
        "null, `relation` into | since | after, `ordinal` the term's ('second') or null, `tenure` true "
        "when counted from taking office, `now` true when the time runs to the article's date.",
        {"period": "claim<duration>", "name": "string", "title": "null", "relation": "string",
         "ordinal": "string?", "tenure": "bool", "now": "bool"},
        composite=True,
    ),
    ClaimKind("percent", "percent",
              "A percentage, value in percent units: '10%', 'ten per cent'; unit '%' or 'pp' for "
              "percentage points ('3 percentage points', '50 basis points' = 0.5 pp)."),
    ClaimKind("money", "money",
              "An amount of money with its ISO 4217 currency: '$1.2 billion', '€300m', '10 billion "
              "rubles'; unit is the currency code."),
    ClaimKind("quantity", "number",
              "An amount with a unit of measure: '120 kilometres', '30°C', '60 mph'; value in the stated "
              "unit, unit its canonical name ('kilometre'), `dimension` e.g. 'length'.",
              {"dimension": "string"}),
    ClaimKind("time", "time", "A time of day: '9 a.m.', '11:30', 'noon'; `zone` as written after it ('ET'); "
              "`day` the day written beside it, which the claim's span takes too ('10 p.m. Wednesday', "
              "'tomorrow at noon': one claim, its value the TIME of both)."
              + _RESOLVED_DOC, {"zone": "string?", "day": "claim<date>?", **_RESOLVED}),
    ClaimKind("age", "number",
              "A person's age in years: 'Maria Santos, 52,', 'the 79-year-old president'; `person` the "
              "name attached, if any.",
              {"person": "string?"}),
    ClaimKind("range", "null",
              "Two claims of one kind stated as a range: '10 to 15 percent', 'between 10 and 15', "
              "'from 9 a.m. to 11:30 a.m.'; both ends are claims of their own kind too.",
              {"low": "claim<any>", "high": "claim<any>", "of": "string"}, composite=True),
    ClaimKind("person", "string?",
              "A person named with a title ('Russian President Vladimir Putin'), a title alone after "
              "'the' ('the Russian president', `name` null), or a later mention of a titled name "
              "('Putin'). `name` the full name, `title` as stated ('U.S. President'), `first_mention` the "
              "start of the first titled mention of the name; value is the name. A title may also follow "
              "the name in an apposition or a present relative clause ('Keir Starmer, the chancellor of "
              "the exchequer,', 'Friedrich Merz, who has served as Germany's chancellor').",
              {"name": "string?", "title": "string?", "first_mention": "number?"}),
    ClaimKind("place", "string",
              "A city and its country or region: 'Budapest, Hungary', 'Anchorage, Alaska'. `country` as "
              "written, or null when the second part is a US state or Canadian province (then in "
              "`region`); value is the city.",
              {"city": "string", "country": "string?", "region": "string?"}),
]



class DuplicateKind(ValueError):
    """A claim kind declared twice; ``name`` is the kind."""

    def __init__(self, name: str) -> None:
        super().__init__(f"claim kind {name!r} is already declared")
        self.name = name


def with_kinds(base: Mapping[str, ClaimKind], extra: Iterable[ClaimKind]) -> Mapping[str, ClaimKind]:
    """A new read-only mapping of ``base`` and ``extra``; a name declared twice raises
    :class:`DuplicateKind`."""
    kinds = dict(base)
    for kind in extra:
        if kind.name in kinds:
            raise DuplicateKind(kind.name)
        kinds[kind.name] = kind
    return MappingProxyType(kinds)


BUILTIN_KINDS: Mapping[str, ClaimKind] = with_kinds({}, _KINDS)
