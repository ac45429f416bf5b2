"""Named parts of the calendar and of the day, vague and anaphoric references, and sets: the temporal
expressions that are no calendar date and no count of units.

- seasons: "last summer", "the winter of 2012", "early spring", "this past fall" (``part`` SU, WI, ...);
- quarters and halves: "the fourth quarter", "third-quarter", "Q1 2013", "the first half of 1990";
- fiscal years: "fiscal 1990", "fiscal year 2013", "FY2013", "FY13";
- parts of a month or year: "early May", "late last June", "mid-March", "the end of the year",
  "the start of next month", "late 2012" (``mod`` START, MID, END: TIMEX3 writes "early" START and
  "late" END); weeks of a month: "the last week of March", "the second week of next month";
- parts of the day: "Tuesday night", "this morning", "yesterday afternoon", "last night";
- decades: "the 1990s", "the early '80s", "the nineties" (``decade`` 199, 198);
- vague references: "now", "currently", "the past", "recently", "the future" (``vague``);
- anaphora, counted from the narrative's last date: "the next day", "the following week", "that
  morning", "the same day", "that Sunday" (``anaphoric``); "that year", "the following month" from
  the last year or month the text named; "the year", "the full year" (``narrative_year``), "by
  year-end";
- sets: "every Friday", "each week", "every winter", "each July" (``every``); a counted length that
  repeats ("every four years", ``count`` 4) is made by durations.py with :func:`calendar_claim`.

Matched, never resolved: each is a ``date`` claim with value None whose fields say what was written;
``factcheck.timex`` resolves it against the document date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from factcheck.claims import lexicon, literals
from factcheck.claims.base import Taken, make_claim
from factcheck.claims.dates import SPELLED_YEAR, spelled_year
from factcheck.claims.hedges import hedge_before
from factcheck.claims.model import Claim
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache
from factcheck.values import Hedge

_MONTHS = lexicon.month_names()
_WEEKDAYS = lexicon.words("weekdays")
_MONTH = lexicon.alternation(m for m in _MONTHS if len(m) > 3 or m == "May")
_WEEKDAY = lexicon.alternation(_WEEKDAYS)
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_DIRECTIONS = {"last": -1, "this past": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0,
               "the": None}
# TIMEX3's modifiers: "early" is the START of a period and "late" its END (TimeML 1.2.1 has no EARLY or
# LATE; the TimeBank gold writes "early next year" START, "late November" END).
_MODS = {"early": "START", "mid": "MID", "middle": "MID", "late": "END", "end": "END", "start": "START",
         "beginning": "START", "close": "END"}
_DIRECTION = r"(?P<dir>[Tt]his past|[Ll]ast|[Pp]ast|[Pp]revious|[Nn]ext|[Cc]oming|[Tt]his|[Tt]he)"
_MOD = r"(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)(?:-|" + GAP + ")"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d%])"

_SEASON = regexcache.compile(
    rf"(?<![\w-])(?:{_MOD})?(?:{_DIRECTION}{GAP})?(?:{_MOD.replace('mod', 'mod2')})?"
    rf"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
    rf"(?:{GAP}(?:of{GAP})?{_YEAR}|{GAP}of{GAP}{SPELLED_YEAR})?\b"  # "the winter of nineteen ninety-four"
)
_QUARTER = regexcache.compile(
    rf"(?<![\w-])(?:(?P<the>[Tt]he){GAP})?(?:{_YEAR}{GAP}|(?P<yeardir>[Ll]ast|[Nn]ext|[Tt]his){GAP}year['’]s{GAP})?"
    rf"(?:(?P<dir>[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious){GAP})?(?:fiscal(?:-|{GAP}))?"
    rf"(?P<ord>(?i:first|second|third|fourth|final)|1st|2nd|3rd|4th|(?P<two>first|last){GAP}two|last(?={GAP}half)"
    rf"|last(?={GAP}quarter{GAP}of{GAP}(?:(?:fiscal|the{GAP}year){GAP})?(?:(?:1[89]|20)\d\d|(?:next|last|this){GAP}year)))"
    rf"(?:-|{GAP})(?P<unit>quarter|half)(?(two)s)\b(?!-(?:hour|century|minute|dozen)s?\b)"  # not "half-hour"
    rf"(?:{GAP}of{GAP}(?:(?:fiscal|the{GAP}year){GAP})?(?P<year2>(?:1[89]|20)\d\d)\b"
    rf"|{GAP}of{GAP}(?P<ofdir>next|last|this){GAP}year\b(?![-'’])"  # "the second quarter of next year"
    rf"|{GAP}of{GAP}the{GAP}(?P<theyear>year)\b(?![-'’]|{GAP}(?:\d|two|ended|ending|ago|earlier|before)\b))?"
    # "4th quarter 2018"
    rf"(?:{GAP}(?P<year5>(?:1[89]|20)\d\d)(?![\d%,.]\d|{GAP}(?:percent|per{GAP}cent)\b))?"
    rf"|(?<![\w-])(?P<qh>[QqHh])(?P<q>[1-4])(?:{GAP}|-|')(?P<year3>(?:1[89]|20)\d\d|\d\d)\b"
    # the year first, as spreadsheets and filings write it: "2019 Q1", "2018Q4", "2019-H2"
    rf"|(?<![\w-])(?P<year4>(?:1[89]|20)\d\d)(?:{GAP}|-)?(?P<qh2>[QqHh])(?P<q2>[1-4])\b"
)
_FISCAL = regexcache.compile(
    rf"(?<![\w-])(?:[Ff]iscal(?:{GAP}year)?{GAP}(?P<year>(?:1[89]|20)\d\d)|FY(?:{GAP})?(?P<short>(?:19|20)?\d\d))\b"
)
_MONTH_PART = regexcache.compile(
    rf"(?<![\w-])(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)(?:-|{GAP})(?:(?P<dir>last|next|this){GAP})?"
    rf"(?P<month>{_MONTH})\b(?!{GAP}\d{{1,2}}\b)(?:,?{GAP}{_YEAR})?"
)
_EDGE = regexcache.compile(
    rf"(?<![\w-])(?:(?:[Tt]he|[Aa]n?){GAP}|(?=(?:end|beginning){GAP}of{GAP}))"
    rf"(?P<mod>end|start|beginning|middle|close)(?:{GAP}of)?{GAP}"
    rf"(?:(?P<dir>the|this|last|next){GAP})?(?P<grain>year|month|week|quarter|decade)\b"
    rf"|(?<![\w-])(?P<mod2>[Ee]arly|[Ll]ate|[Mm]id)(?:-|{GAP})(?P<year>(?:1[89]|20)\d\d)(?![\d%s'’])"
    # a part of a period counted from the document date: "late next week", "early next month",
    # "mid-next year", "later this year", "earlier this month" (TimeBank: START, END)
    rf"|(?<![\w-])(?P<mod3>[Ee]arly|[Ll]ate|[Mm]id|[Ll]ater|[Ee]arlier)(?:-|{GAP})(?P<dir3>this|last|next)"
    rf"{GAP}(?P<grain3>year|month|week|quarter|decade)\b(?![-'’])"
)
# A week of a month by its place: "the last week of March", "the first full week of June 2027", "the
# second week of next month" (the ISO week holding that seven days' middle day).
_WEEK_OF_MONTH = regexcache.compile(
    rf"(?<![\w-])[Tt]he{GAP}(?P<ord>first|second|third|fourth|last|final)(?P<full>{GAP}full)?{GAP}week{GAP}(?:of|in){GAP}"
    rf"(?:(?P<month>{_MONTH})\b(?!{GAP}\d{{1,2}}\b)(?:,?{GAP}{_YEAR})?|(?P<dir>next|last|this){GAP}month\b)"
)
_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}
_DAY_PART = regexcache.compile(
    rf"(?<![\w-])(?:(?P<dmod>[Ee]arly|[Mm]id|[Ll]ate)(?:-|{GAP}))?"
    rf"(?:(?P<word>[Tt]his|[Yy]esterday|[Tt]omorrow|[Ll]ast|(?:(?P<wdir>[Nn]ext|[Ll]ast|[Tt]his){GAP})?"
    rf"(?P<weekday>{_WEEKDAY}|{_WEEKDAY.lower()})|[Tt]hat(?:{GAP}same)?|[Tt]he{GAP}same|"
    rf"[Tt]he{GAP}(?:next|following|previous))"
    rf"{GAP})(?P<part>morning|afternoon|evening|night)(?P<plural>s)?\b"
    rf"|(?<![\w-])(?P<tonight>[Tt]onight|[Oo]vernight)\b"
    rf"|(?<![\w-])(?P<mod2>[Ee]arly|[Mm]id|[Ll]ate)(?:-|{GAP})(?P<part2>morning|afternoon|evening)\b(?!-)"
    rf"(?:{GAP}(?P<after>yesterday|today|tomorrow|{_WEEKDAY})\b)?"
)
# Days as a set: "on Sundays", "Tuesdays and Thursdays".
_PLURAL_WEEKDAY = regexcache.compile(rf"(?P<day>{_WEEKDAY})s\b(?![-'’])")
# A weekday sharing the plural of the last one in its list: "on Monday and Tuesday nights", "Monday,
# Wednesday or Friday mornings", "Tuesday and Thursdays" are each a set.
_SHARED_PLURAL = regexcache.compile(
    rf"(?<![\w-])(?P<day>{_WEEKDAY})(?=(?:,{GAP}{_WEEKDAY})*,?{GAP}(?:and|or){GAP}{_WEEKDAY}"
    rf"(?:s\b|{GAP}(?P<part>morning|afternoon|evening|night)s\b))"
)
_DECADE = regexcache.compile(
    rf"(?<![\w-])(?:(?P<the>[Tt]he){GAP})?(?:(?P<mod>early|mid|late)(?:-|{GAP}))?"
    rf"(?:(?P<century>1[89]|20)?(?P<tens>\d)0['’]?s|['’](?P<short>\d)0s|(?P<word>twenties|thirties|forties|"
    rf"fifties|sixties|seventies|eighties|nineties))\b"
)
_TENS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
         "eighties": 8, "nineties": 9}
# Adverbs that name a time: "previously", "soon", "eventually" qualify a verb instead ("a previously
# announced plan", "will soon move") and TimeML leaves them unmarked, so they are no claims.
_VAGUE_WORDS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
                "at present": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF"}
# "the past" as a time, not "the past nine months" or "the future tense", and "the near future", "the
# near term", "the short term" (not "the short term rate"), "at a later date": only before punctuation or a
# word that starts a new phrase ("the future of the plant" is its fate, not a time).
_VAGUE_NOUNS = {"the past": "PAST_REF", "the present": "PRESENT_REF", "the future": "FUTURE_REF",
                "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
                "the short term": "FUTURE_REF", "a later date": "FUTURE_REF", "a future date": "FUTURE_REF"}
_ADVERBS = lexicon.alternation(lexicon.with_capitals(_VAGUE_WORDS))
_VAGUE_WORDS.update(_VAGUE_NOUNS)
# "will one day be", "hopes he one day follows": "someday", the future, not a length of one day.
_SOMEDAY = regexcache.compile(
    r"(?:[Oo]ne day|[Ss]omeday|[Ss]ome day)\b(?=,?[ \t]+(?!soon|later|earlier|after|before|ago)[A-Za-z]+\b)"
)
_SOMEDAY_BEFORE = regexcache.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|must|he|she|they|we|you|it|I)[ \t]+$"
)
# What opens a sentence, read before a word (also by durations.py: "One day, he walked out").
SENTENCE_OPENS = regexcache.compile(r"(?:^|[.!?:;]['’\"”]?[ \t]+|\n[ \t]*|[\"“‘'][ \t]*)$")
# "every four years", "every few weeks": a length that repeats, a set (durations.py, vague.py).
EVERY_BEFORE = regexcache.compile(r"(?<![\w-])(?:[Ee]very|[Ee]ach)[ \t]+$")
# "One day you will be able to tell your children", "Some day, we'll look back": opening its sentence,
# with a modal in the clause after it.
_MODAL_AFTER = regexcache.compile(
    r",?[ \t]+(?:[A-Za-z]+[ \t]+){0,2}?(?:[A-Za-z]+['’]ll|will|would|could|might|may|can|shall)\b"
)
_VAGUE = regexcache.compile(
    rf"(?<![\w-])(?<!from )(?P<word>{_ADVERBS})"
    rf"\b(?![-'’])|(?<![\w-])(?P<noun>[Tt]he{GAP}(?:past|present|future|near{GAP}(?:future|term)|short{GAP}term)"
    rf"|[Aa]{GAP}(?:later|future){GAP}date"
    rf"|(?<=[Aa]t )the{GAP}moment"
    rf"|[Tt]his{GAP}(?:(?:crucial|critical|difficult|decisive|historic|very){GAP})?moment)"
    rf"(?!(?<=future){GAP}of\b)"
    rf"(?=[ \t]*(?:[.,;:!?)\n]|$)"
    rf"|{GAP}(?:and|or|but|in|of|to|when|if|unless|as|is|was|will|would|at|for|that|it|he|she|they|we|"
    rf"there)\b)"
)
# "the current weakness", "its current share": the adjective is the present ("the then-current price":
# the past). ("recent" is left out: in news it is as often no reference at all, "his recent
# accomplishments".)
_VAGUE_ADJECTIVE = regexcache.compile(
    r"(?<![\w-])(?P<then>then[ \t-])?(?P<adj>current)"
    r"(?=[ \t]+(?!years|months|weeks|days|decades|times|quarters)[a-z])"
)
# "the current quarter", "its current fiscal year": the period in progress at the document date, not
# the one the story reports ("the current quarter having begun extremely well").
_CURRENT = regexcache.compile(
    rf"(?<![\w-])[Cc]urrent{GAP}(?P<fiscal>fiscal(?:-|{GAP}))?(?P<grain>year|quarter|month|week)\b(?![-'’])"
)
_CURRENT_BEFORE = regexcache.compile(rf"(?<![\w-])(?P<det>[Tt]he|[Tt]his|[Ii]ts|[Tt]heir){GAP}$")
# "the year", "the full year", "earlier in the year": the narrative's current year (not "the year ended
# March 31", a length, nor "the year before", "the year two thousand", nor the year as a subject, "the
# year was long", nor before a colon: "four priorities for the year:" introduces a list).
_THE_YEAR = regexcache.compile(
    rf"[Tt]he{GAP}(?:(?:full|entire|whole){GAP})?year\b(?![-'’])"
    rf"(?!{GAP}(?:two|ended|ending|ago|earlier|before|after|to|of{GAP}the|in|that|when|which|he|she|it|they|"
    rf"was|is|has|had|will|would|\d)|[ \t]*:)"
)
# "earlier in the week", "later in the month", "late in the year": a part of the narrative's week, month
# or year (START, END as "earlier this month" is).
_IN_THE_PERIOD = regexcache.compile(
    rf"(?<![\w-])(?P<mod>[Ee]arl(?:y|ier)|[Ll]ater?){GAP}in{GAP}the{GAP}(?P<grain>week|month|year)\b(?![-'’])")
# "by year-end", "around year end", "by year's end": the end of the document's year ("since year-end":
# of the last one).
_YEAR_END = regexcache.compile(rf"year(?:-|{GAP})end\b(?!-)|year['’]s{GAP}end\b")
_YEAR_END_BEFORE = regexcache.compile(
    rf"(?<![\w-])(?P<before>by|at|around|before|until|through|since|after|near|toward|towards){GAP}$"
)
_ANAPHOR = regexcache.compile(
    rf"(?<![\w-])(?:[Tt]he{GAP}(?P<dir>next|following|previous|preceding|same|prior){GAP}"
    rf"(?P<grain>day|week|month|year|weekend)"
    rf"|[Tt]hat{GAP}(?:same{GAP})?(?P<that>day|week|month|year|weekend|{_WEEKDAY})"
    # not "later in the day before returning home": a preposition before a gerund
    rf"|[Tt]he{GAP}day{GAP}(?P<shift>before|after)\b(?!{GAP}(?:yesterday|tomorrow|today|[a-z]+ing)\b)"
    # "up from $3 million the year before.", "a rise over the week before,", "the month before last":
    # a period counted from the narrative's, where the phrase ends (not "the year before taxes", "the
    # week after open market operations": a period told by what follows)
    rf"|[Tt]he{GAP}(?P<unit>week|month|year){GAP}(?P<unit_shift>before|after|earlier|later)"
    rf"(?P<last>{GAP}last)?(?=[ \t]*(?:[,.;:)!?\"”]|$)|{GAP}(?:and|but|when|while|as)\b))\b"
)
# A day named by its place in a run of days, said of today or of the narrative's day: "Today is the
# eighth day of the strike" (the document's day), "It was the second day of talks" (the narrative's).
_NTH_DAY = regexcache.compile(
    rf"(?<![\w-])(?:[Tt]oday|[Ii]t|[Tt]his)(?:{GAP}(?P<verb>is|was|marks|marked)|['’]s){GAP}"
    rf"(?P<span>the{GAP}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    rf"\d{{1,2}}(?:st|nd|rd|th))(?:{GAP}(?:straight|consecutive|successive))?{GAP}day)\b(?![-'’])"
)
# A day written right after a date, in apposition: "Oct. 12, the day before the plunge", "on Tuesday,
# the day after the vote", "last seen Nov. 3, the day before police issued a warrant": the day named.
_APPOSITION_BEFORE = regexcache.compile(
    rf"(?:(?:{_MONTH}|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?{GAP}[1-3]?\d(?:,{GAP}(?:1[89]|20)\d\d)?"
    rf"|\b{_WEEKDAY}),{GAP}$")
# The day the shift counts from, written after it: "the day before last Tuesday's hearing", "the day
# after Friday's vote", "the day before Oct. 12": that day, one day on.
_SHIFTED_FROM = regexcache.compile(
    rf"{GAP}(?:(?P<dir>last|next|this){GAP})?(?P<weekday>{_WEEKDAY})\b(?!,?{GAP}(?:{_MONTH}|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b)"
    rf"|{GAP}(?P<month>{_MONTH}|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?{GAP}(?P<day>[1-3]?\d)\b(?!\.\d|:)"
    rf"(?:,{GAP}(?P<year>(?:1[89]|20)\d\d)\b)?"
)
_EVERY = regexcache.compile(
    rf"(?<![\w-])(?:(?:every|each){GAP}(?P<day>day)\b|(?:[Ee]very|[Ee]ach){GAP}(?P<what>{_WEEKDAY}|{_MONTH}|week|month|year|quarter|"
    rf"spring|summer|autumn|fall|winter|morning|evening|night)\b)"
)
# Frequencies as adverbs or adjectives: "daily flights", "updated weekly"; capitalized only before a
# lower-case word ("Daily output", not "the Daily Telegraph").
# "quarterly" and "annually" mostly qualify a payment ("a quarterly dividend"), which TimeML leaves
# unmarked, so they are no claims.
_FREQUENCY_GRAIN = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month"}
_FREQUENCY = regexcache.compile(
    rf"(?<![\w-])(?:(?P<word>{lexicon.alternation(_FREQUENCY_GRAIN)})|"
    rf"(?P<capital>{lexicon.alternation(w.title() for w in _FREQUENCY_GRAIN)})(?={GAP}[a-z]))\b(?!-)"
    rf"(?!{GAP}[A-Z])"  # "the Communist Party daily Granma": a newspaper
)
# A month named alone after a preposition or a direction: "in October", "since March", "last June",
# or as an adjective after a determiner: "a June accord", "the October robbery" (not "the May
# Department Stores", "a March 1 deadline"). "May" only after a preposition ("in May"; "May rise" is a
# verb).
_MONTH_NOT_MAY = lexicon.alternation(m for m in _MONTHS if len(m) > 3)
_BARE_MONTH = regexcache.compile(
    rf"(?<![\w-])(?P<before>(?i:in|since|until|till|by|through|during|from|to|of|for|before|after|last|this|"
    rf"next)){GAP}(?P<month>{_MONTH})\b(?!{GAP}\d|[-'’]\w|\.\w)"
    rf"|(?<![\w-])(?P<possessive>{_MONTH})['’]s{GAP}(?=[a-z])"
    rf"|(?P<adjective>{_MONTH_NOT_MAY})(?={GAP}(?!(?:half|year|period|term)\b)[a-z]{{3,}}\b)"
)
# The determiner before a month used as an adjective, read back from the month (the scan opens on the
# month's name, not on "the").
_MONTH_DETERMINER = regexcache.compile(
    rf"(?<![\w-])(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur){GAP}$")
_MONTH_QUARTER = regexcache.compile(rf"{GAP}quarter\b(?![-'’])")
# "January this year", "July last year", "March of next year".
_MONTH_OF_YEAR = regexcache.compile(
    rf"(?<![\w-])(?P<month>{_MONTH}){GAP}(?:of{GAP})?(?P<dir>this|last|next){GAP}year\b"
)
# "the latest quarter", "the most recent quarter", "the weekend".
_LATEST = regexcache.compile(
    rf"(?<![\w-])[Tt]he{GAP}(?:(?P<latest>latest|most{GAP}recent|just-ended|just{GAP}ended|past|last|"
    rf"previous){GAP}(?P<grain>quarter|period)|(?P<weekend>weekend))\b(?!-)"
)
# Earnings copy counts quarters from the one the story reports: "the quarter", "the latest period", "the
# year-ago quarter", "the year-earlier third quarter", "the 1988 period", "the quarter a year ago", "the
# corresponding period last year", "last year's quarter", and the bare adjective ("a year-earlier loss");
# "rose 4% in the quarter to $2.3 billion" too, but not "a quarter to five".
_YEAR_BACK = (rf"(?:a{GAP}year{GAP}(?:ago|earlier|before)|(?:of{GAP})?last{GAP}year"
              rf"|(?:of{GAP})?the{GAP}previous{GAP}year)")
_STORY_QUARTER = regexcache.compile(
    rf"(?<![\w-])(?:[Tt]he|[Tt]hat|[Ll]ast{GAP}year['’]s(?P<lastyear>))"
    rf"(?:{GAP}(?P<same>same|comparable|corresponding|year-ago|year-earlier|"
    rf"(?P<year>(?:19|20)\d\d)))*"
    rf"(?:{GAP}(?:(?P<ord>first|second|third|fourth)|fiscal(?:-|{GAP})(?P<ford>first|second|third|fourth)))?"
    rf"(?:-|{GAP})(?P<unit>quarter|period)\b(?![-'’])(?!{GAP}(?:of|point){GAP})(?!{GAP}to{GAP}(?![$£€\d]))"
    rf"(?:{GAP}(?P<back>{_YEAR_BACK})\b)?"
    rf"|(?<![\w-])(?P<adjective>[Yy]ear-(?:ago|earlier))\b(?!{GAP}(?:quarter|period)\b)"
)
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "the quarter ended Sept. 30", "the period ending July 31": the quarter is named by its last day.
_ENDED_AFTER = regexcache.compile(
    rf"{GAP}(?:that{GAP}|which{GAP})?(?:ended|ending|ends){GAP}(?P<month>{lexicon.alternation(_MONTHS)})\.?"
    rf"{GAP}(?P<day>[1-3]?\d)\b"
)
_ANAPHOR_SHIFT = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0}


def _claim(text: str, match: re.Match[str], start: int | None = None, end: int | None = None,
           **fields: Any) -> Claim:
    return calendar_claim(text, match.start() if start is None else start,
                          match.end() if end is None else end, **fields)


def calendar_claim(text: str, start: int, end: int, **fields: Any) -> Claim:
    """A ``date`` claim over ``text[start:end]`` with the fields written (the others null); also made
    by durations.py for a length that repeats ("every four years", a set)."""
    hedge, _ = hedge_before(text, start)
    hedge = hedge if hedge is Hedge.APPROX else Hedge.EXACT  # "over the weekend" is no "more than"
    base = {"year": None, "month": None, "day": None, "weekday": None, "relative": None, "grain": None}
    base.update(fields)
    return make_claim(text, "date", start, end, None, hedge=hedge, fields=base)


def _inside_word(text: str, start: int) -> bool:
    """For scans that open on a literal rather than a look-behind (which stops the regex engine's
    fast skip): whether the match starts inside a word."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-")


def _direction(word: str | None) -> int | None:
    return _DIRECTIONS.get(word.lower()) if word else None


# "fall" and "spring" are nouns too ("the fall in prices", "a spring of water", "the last fall in
# rates"): without a year, "the fall" is the season only after a preposition of time ("in the fall",
# "by the spring"), never after an article ("an early fall"), nor with a noun's complement after it.
_SEASON_HOMONYMS = frozenset(("fall", "spring"))
_TIME_PREPOSITION_BEFORE = regexcache.compile(
    r"(?<![\w-])(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Tt]hrough(?:out)?|[Oo]ver|[Bb]efore|[Aa]fter"
    r"|[Ii]nto|[Ff]or|[Ff]rom|[Aa]round|[Tt]owards?|[Ee]arly|[Ll]ate)[ \t]+$")
_ARTICLE_BEFORE = regexcache.compile(
    r"(?<![\w-])(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]nother)[ \t]+$")
_SEASON_AFTER = regexcache.compile(
    r"[ \t]+(?:and|or|to)[ \t]+(?:the[ \t]+)?(?:spring|summer|autumn|fall|winter)\b")
_COMPLEMENT_AFTER = regexcache.compile(
    r"[ \t]+(?:of|from)[ \t]+(?!(?:the[ \t]+)?year\b)|[ \t]+in[ \t]+[a-z]")


def _noun_not_season(text: str, m: re.Match[str]) -> bool:
    """Whether a "fall" or "spring" without its year is the noun, not the season (see above)."""
    if m["season"].lower() not in _SEASON_HOMONYMS or m["year"] or m["century"]:
        return False
    before, after = text[max(0, m.start() - 16):m.start()], text[m.end():m.end() + 24]
    complement = _COMPLEMENT_AFTER.match(after)
    if (m["dir"] or "").lower() == "the":  # "in the fall", "the fall and winter"; not "The fall in prices"
        placed = m["mod"] or m["mod2"] or _TIME_PREPOSITION_BEFORE.search(before) \
            or _SEASON_AFTER.match(after)
        return complement is not None or not placed
    if complement is None:
        return False  # "a late spring would require", "last fall"
    # "this spring of hope", "an early fall in shares", "the last fall in rates"; "last fall in Paris"
    return not complement.group().lstrip().startswith("in") or bool(_ARTICLE_BEFORE.search(before))


def _season(text: str, m: re.Match[str]) -> Claim | None:
    mod = m["mod"] or m["mod2"]
    offset = _direction(m["dir"])
    if m["dir"] is None and m["year"] is None and mod is None:
        return None  # a bare "spring" or "fall" is too often no season ("prices fall")
    if _noun_not_season(text, m):
        return None
    fields: dict[str, Any] = {"part": _SEASONS[m["season"].lower()],
                              "mod": _MODS[mod.lower()] if mod else None}
    if m["year"] or m["century"]:
        fields["year"] = int(m["year"]) if m["year"] else spelled_year(m)
    elif offset is not None:
        fields.update(relative=offset, grain="year")
    return _claim(text, m, **fields)


def _quarter(text: str, m: re.Match[str]) -> Claim | None:
    if m["q"] or m["q2"]:
        raw, letter, number = m["year3"] or m["year4"], (m["qh"] or m["qh2"]).upper(), m["q"] or m["q2"]
        if letter == "H" and number not in "12":
            return None  # "H3" is no half
        year = int(raw) if len(raw) == 4 else 2000 + int(raw)
        return _claim(text, m, year=year, part=f"{letter}{number}")
    unit = m["unit"]
    year = m["year"] or m["year2"] or m["year5"]
    if m["two"] and unit == "quarter":  # "the first two quarters of 1990": its first half
        unit, ordinal = "half", 1 if m["two"] == "first" else 2
    elif m["two"] or m["ord"] == "last":
        # "the last half of 1989", "the last quarter of next year"; "the last two halves", "last half"
        # without its year: no such part
        if m["two"] or not (year or m["ofdir"] or m["theyear"]):
            return None
        ordinal = 2 if unit == "half" else 4
    else:
        ordinal = _ORDINALS.get(m["ord"].lower(), 4 if unit == "quarter" else 2)
    part = f"Q{ordinal}" if unit == "quarter" else f"H{min(ordinal, 2)}"
    if m["theyear"]:  # "the first half of the year": of the narrative's current year
        return _claim(text, m, relative=0, grain="year", part=part, narrative_year=True)
    if m["yeardir"] or m["ofdir"]:  # "next year's first quarter", "the second half of last year"
        return _claim(text, m, relative=_direction(m["yeardir"] or m["ofdir"]), grain="year", part=part)
    if m["dir"] and not year:
        return None  # "last third quarter": leave to the relative reading
    return _claim(text, m, year=int(year) if year else None, part=part)


def _fiscal(text: str, m: re.Match[str]) -> Claim:
    digits = m["year"] or m["short"]
    year = int(digits) if len(digits) == 4 else (1900 if int(digits) > 50 else 2000) + int(digits)
    return _claim(text, m, year=year, fiscal=True)


def _month_part(text: str, m: re.Match[str]) -> Claim:
    month = _MONTHS[m["month"]]
    fields: dict[str, Any] = {"month": month, "mod": _MODS[m["mod"].lower()]}
    if m["year"]:
        fields["year"] = int(m["year"])
    elif m["dir"]:
        fields.update(relative=_direction(m["dir"]), grain="month_of_year")
    return _claim(text, m, **fields)


def _week_of_month(text: str, m: re.Match[str]) -> Claim:
    week = _WEEK_ORDINALS[m["ord"].lower()]
    full = {"full_week": True} if m["full"] else {}
    if m["dir"]:
        return _claim(text, m, relative=_direction(m["dir"]), grain="month", week_in_month=week, **full)
    fields: dict[str, Any] = {"month": _MONTHS[m["month"]], "week_in_month": week, **full}
    if m["year"]:
        fields["year"] = int(m["year"])
    return _claim(text, m, **fields)


def _edge(text: str, m: re.Match[str]) -> Claim:
    if m["mod3"]:
        mod = {"later": "END", "earlier": "START"}.get(m["mod3"].lower()) or _MODS[m["mod3"].lower()]
        return _claim(text, m, relative=_direction(m["dir3"]), grain=m["grain3"], mod=mod)
    if m["year"]:
        return _claim(text, m, start=m.start("year"), year=int(m["year"]), mod=_MODS[m["mod2"].lower()])
    offset = _direction(m["dir"]) or 0
    return _claim(text, m, relative=offset, grain=m["grain"], mod=_MODS[m["mod"].lower()])


def _day_part(text: str, m: re.Match[str]) -> Claim | None:
    if m["tonight"] in ("overnight", "Overnight"):
        # "shares fell on overnight losses in New York": the night before the narrative's day (when the
        # story's day is recent; see timex.resolve)
        return _claim(text, m, relative=-1, grain="day", part="NI", anaphoric=True, recent=True)
    if m["tonight"]:
        return _claim(text, m, relative=0, grain="day", part="NI")
    if m["part2"]:  # "mid-afternoon", "early morning Tuesday": the narrative's day unless one is named
        part, mod, after = _DAY_PARTS[m["part2"]], _MODS[m["mod2"].lower()], m["after"]
        if after in _WEEKDAYS:
            return _claim(text, m, relative=0, grain="weekday", weekday=after, part=part, mod=mod)
        offset = {"yesterday": -1, "tomorrow": 1}.get(after or "", 0)
        return _claim(text, m, relative=offset, grain="day", part=part, mod=mod, anaphoric=after is None)
    word, part = " ".join(m["word"].lower().split()), _DAY_PARTS[m["part"]]
    if m["plural"]:
        if m["weekday"] is None or m["wdir"]:
            return None  # "this mornings"
        return _claim(text, m, weekday=m["weekday"].capitalize(), part=part, every=True)  # "Tuesday nights"
    return _day_part_claim(text, m, word, part, _MODS[m["dmod"].lower()] if m["dmod"] else None)


def _plural_weekday(text: str, m: re.Match[str]) -> Claim | None:
    if _inside_word(text, m.start()):
        return None
    return _claim(text, m, weekday=m["day"], every=True)


def _shared_plural(text: str, m: re.Match[str]) -> Claim:
    return _claim(text, m, weekday=m["day"], part=_DAY_PARTS.get(m["part"] or ""), every=True)


def _day_part_claim(text: str, m: re.Match[str], word: str, part: str, mod: str | None) -> Claim:
    if word in ("yesterday", "tomorrow"):
        return _claim(text, m, relative=-1 if word == "yesterday" else 1, grain="day", part=part, mod=mod)
    if word == "last":
        return _claim(text, m, relative=-1 if part == "NI" else 0, grain="day", part=part, mod=mod)
    if word in ("that", "the same", "that same"):
        return _claim(text, m, relative=0, grain="day", part=part, mod=mod, anaphoric=True)
    if word.startswith("the"):  # "the next morning", "the previous evening"
        return _claim(text, m, relative=-1 if word.endswith("previous") else 1, grain="day", part=part,
                      mod=mod, anaphoric=True)
    if word == "this":
        return _claim(text, m, relative=0, grain="day", part=part, mod=mod)
    # "Tuesday night", "next Monday morning", "last friday evening"
    offset = _direction(m["wdir"]) or 0
    return _claim(text, m, relative=offset, grain="weekday", weekday=m["weekday"].capitalize(), part=part,
                  mod=mod)


def _decade(text: str, m: re.Match[str]) -> Claim | None:
    """"the 1990s", "the '80s", "the nineties", and without the article only with the century ("in
    1990s Britain", "the late 1980s and early 1990s"): "in her 80s" is an age."""
    if not m["the"] and not m["century"]:
        return None
    if m["word"]:
        century, tens = 19, _TENS[m["word"]]
    else:
        century, tens = int(m["century"] or 19), int(m["tens"] or m["short"])
    return _claim(text, m, decade=century * 10 + tens, mod=_MODS[m["mod"]] if m["mod"] else None)


def _bare_month(text: str, m: re.Match[str]) -> Claim | None:
    if m["possessive"]:  # "October's sales": the month alone, without its "'s"
        return _claim(text, m, end=m.end("possessive"), month=_MONTHS[m["possessive"]])
    if m["adjective"]:  # "the October robbery": the month alone, without the determiner
        det = _MONTH_DETERMINER.search(text, max(0, m.start() - 7), m.start())
        if det is None or _inside_word(text, m.start()):
            return None
        month = _MONTHS[m["adjective"]]
        quarter = _MONTH_QUARTER.match(text, m.end())
        if quarter is not None:
            # "the March quarter", "its December quarter": the quarter named by its last month, the
            # calendar quarter holding most of its three months (as for "the quarter ended March 31")
            start = det.start() if det["det"].lower() == "the" else m.start()
            return _claim(text, m, start=start, end=quarter.end(), part=f"Q{(month - 2) % 12 // 3 + 1}")
        return _claim(text, m, month=month)
    month = _MONTHS[m["month"]]
    offset = {"last": -1, "this": 0, "next": 1}.get(m["before"].lower())
    if offset is None:
        return _claim(text, m, start=m.start("month"), month=month)
    return _claim(text, m, month=month, relative=offset, grain="month_of_year")


def _month_of_year(text: str, m: re.Match[str]) -> Claim:
    offset = {"last": -1, "this": 0, "next": 1}[m["dir"]]
    return _claim(text, m, month=_MONTHS[m["month"]], relative=offset, grain="month_in_year")


def _latest(text: str, m: re.Match[str]) -> Claim:
    if m["weekend"]:
        return _claim(text, m, relative=0, grain="weekend")
    if m["latest"] and not m["latest"].lower().startswith(("past", "last", "previous")):
        # "the latest quarter", "the most recent period": the quarter the story reports (else the
        # last one ended before the document date)
        return _claim(text, m, grain="quarter", story=True, year_back=False)
    return _claim(text, m, relative=-1, grain="quarter")


def _story_quarter(text: str, m: re.Match[str]) -> Claim | None:
    """A quarter counted from the one the story is about; ``year_back`` when it is a year before it.
    "The period" needs a word that makes it a reporting period ("the latest period", "the 1988
    period"); "the quarter" alone is one."""
    if m["adjective"]:
        return _claim(text, m, grain="quarter", story=True, year_back=True)
    words = m[0].lower()
    year_back = bool(m["lastyear"] is not None or m["back"] or "year-ago" in words or "year-earlier" in words)
    if m["unit"] == "period" and not (m["same"] or year_back):
        return None
    ordinal = m["ord"] or m["ford"]
    if ordinal and not (m["same"] or year_back):
        return None  # "the third quarter": a quarter of the year, read by _QUARTER
    fields: dict[str, Any] = {"grain": "quarter", "story": True, "year_back": year_back,
                              "part": f"Q{_QUARTER_WORDS[ordinal]}" if ordinal else None}
    if m["year"]:
        fields.update(year=int(m["year"]), year_back=False)
    ended = _ENDED_AFTER.match(text, m.end())
    if ended is not None and not ordinal:
        fields.update(ended_month=_MONTHS[ended["month"]], ended_day=int(ended["day"]))
    return _claim(text, m, **fields)


def _current(text: str, m: re.Match[str]) -> Claim | None:
    """"the current year", "its current quarter", and without a determiner, "current-week sales" aside:
    "for current year results", "Current quarter sales fell" (the bare adjective was read as the vague
    present, "current", and the period dropped)."""
    det = _CURRENT_BEFORE.search(text, max(0, m.start() - 7), m.start())
    start = det.start() if det is not None and det["det"][0] in "Tt" else m.start()  # not "its"
    fields: dict[str, Any] = {"relative": 0, "grain": m["grain"]}
    if m["fiscal"]:
        fields["fiscal"] = True
    return _claim(text, m, start=start, **fields)


def _the_year(text: str, m: re.Match[str]) -> Claim | None:
    if _inside_word(text, m.start()):
        return None
    return _claim(text, m, relative=0, grain="year", narrative_year=True)


def _in_the_period(text: str, m: re.Match[str]) -> Claim:
    mod = "START" if m["mod"].lower().startswith("earl") else "END"
    if m["grain"] == "year":
        return _claim(text, m, relative=0, grain="year", narrative_year=True, mod=mod)
    return _claim(text, m, relative=0, grain=m["grain"], anaphoric=True, mod=mod)


def _year_end(text: str, m: re.Match[str]) -> Claim | None:
    before = _YEAR_END_BEFORE.search(text, max(0, m.start() - 10), m.start())
    if before is None:
        return None  # "year-end bonuses": an adjective
    offset = -1 if before["before"] == "since" else 0
    return _claim(text, m, relative=offset, grain="year", mod="END")


def _vague_adjective(text: str, m: re.Match[str]) -> Claim:
    return _claim(text, m, vague="PAST_REF" if m["then"] else "PRESENT_REF")  # "the then-current price"


def _frequency(text: str, m: re.Match[str]) -> Claim:
    return _claim(text, m, grain=_FREQUENCY_GRAIN[(m["word"] or m["capital"]).lower()], every=True)


def _someday(text: str, m: re.Match[str]) -> Claim | None:
    if m[0][0].isupper():  # "One day you will ...": opening its sentence, before a modal
        if SENTENCE_OPENS.search(text, max(0, m.start() - 4), m.start()) is None \
                or _MODAL_AFTER.match(text, m.end()) is None:
            return None
    elif _SOMEDAY_BEFORE.search(text, max(0, m.start() - 8), m.start()) is None:
        return None
    return _claim(text, m, vague="FUTURE_REF")


def _vague(text: str, m: re.Match[str]) -> Claim:
    word = m["word"] or " ".join(m["noun"].lower().split())
    if word.endswith("moment"):  # "at the moment", "at this crucial moment": the present
        return _claim(text, m, vague="PRESENT_REF")
    return _claim(text, m, vague=_VAGUE_WORDS[word.lower()])


def _anaphor(text: str, m: re.Match[str]) -> Claim:
    if m["shift"]:
        step = -1 if m["shift"] == "before" else 1
        if _APPOSITION_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            # "after Oct. 12, the day before the plunge": the day named, told by what followed it
            return _claim(text, m, relative=0, grain="day", anaphoric=True)
        counted = _SHIFTED_FROM.match(text, m.end())
        if counted is not None:
            return _shifted_day(text, m, counted, step)
        return _claim(text, m, relative=step, grain="day", anaphoric=True)
    if m["unit"]:
        back = m["unit_shift"] in ("before", "earlier")
        return _claim(text, m, relative=(-2 if m["last"] else -1) if back else 1, grain=m["unit"],
                      anaphoric=True)
    if m["that"]:
        that = m["that"]
        if that in _WEEKDAYS:
            return _claim(text, m, relative=0, grain="weekday", weekday=that, anaphoric=True)
        return _claim(text, m, relative=0, grain=that, anaphoric=True)
    return _claim(text, m, relative=_ANAPHOR_SHIFT[m["dir"]], grain=m["grain"], anaphoric=True)


def _shifted_day(text: str, m: re.Match[str], counted: re.Match[str], step: int) -> Claim:
    """"the day before last Tuesday", "the day after Oct. 12": the day written, resolved as it would be
    alone, then moved one day (``day_shift``); one claim, as TimeML marks it."""
    if counted["weekday"]:
        return _claim(text, m, end=counted.end(), relative=_direction(counted["dir"]) or 0, grain="weekday",
                      weekday=counted["weekday"], day_shift=step)
    return _claim(text, m, end=counted.end(), year=int(counted["year"]) if counted["year"] else None,
                  month=_MONTHS[counted["month"]], day=int(counted["day"]), day_shift=step)


def _nth_day(text: str, m: re.Match[str]) -> Claim:
    told_before = m["verb"] in ("was", "marked")
    return _claim(text, m, start=m.start("span"), relative=0, grain="day", anaphoric=told_before)


def _every(text: str, m: re.Match[str]) -> Claim:
    """"every Friday", "each month", "every winter"; "every day" only within a sentence ("Every day
    counts" is a saying, "prays every day" a set)."""
    what = m["what"] or m["day"]
    if what in _WEEKDAYS:
        return _claim(text, m, weekday=what, every=True)
    if what in _MONTHS:  # "each July"
        return _claim(text, m, month=_MONTHS[what], every=True)
    if what.lower() in _SEASONS:
        return _claim(text, m, part=_SEASONS[what.lower()], every=True)
    if what in _DAY_PARTS:
        return _claim(text, m, part=_DAY_PARTS[what], grain="day", every=True)
    return _claim(text, m, grain=what, every=True)


# Most specific first: each takes its characters before the next looks.
_SCANS: list[tuple[re.Pattern[str], Callable[[str, re.Match[str]], Claim | None]]] = [
    (_FISCAL, _fiscal), (_CURRENT, _current), (_STORY_QUARTER, _story_quarter),
    (_QUARTER, _quarter),
    (_MONTH_OF_YEAR, _month_of_year), (_LATEST, _latest), (_WEEK_OF_MONTH, _week_of_month),
    (_MONTH_PART, _month_part), (_EDGE, _edge),
    (_SEASON, _season), (_SHARED_PLURAL, _shared_plural), (_DAY_PART, _day_part),
    (_PLURAL_WEEKDAY, _plural_weekday), (_DECADE, _decade),
    (_EVERY, _every),
    (_NTH_DAY, _nth_day), (_ANAPHOR, _anaphor), (_IN_THE_PERIOD, _in_the_period), (_THE_YEAR, _the_year),
    (_YEAR_END, _year_end),
    (_SOMEDAY, _someday), (_VAGUE, _vague), (_VAGUE_ADJECTIVE, _vague_adjective), (_FREQUENCY, _frequency),
]


def extract(text: str, taken: Taken,
            scans: list[tuple[re.Pattern[str], Callable[[str, re.Match[str]], Claim | None]]] = _SCANS,
            ) -> list[Claim]:
    """Period, part-of-day, vague, anaphoric and set ``date`` claims over characters still free. A
    scan is skipped when the text lacks a word each of its matches holds (see :mod:`.literals`)."""
    claims = []
    for pattern, build in scans:
        for match in literals.finditer(pattern, text):
            claim = build(text, match)
            if claim is not None and not taken.overlaps(claim.span.start, claim.span.end):
                claims.append(claim)
                taken.mark(claim.span.start, claim.span.end)
    return claims


def extract_months(text: str, taken: Taken) -> list[Claim]:
    """Months named alone ("in October", "last June"), read after the calendar dates have taken
    "the fourth of July" and "May 5"."""
    return extract(text, taken, [(_BARE_MONTH, _bare_month)])
