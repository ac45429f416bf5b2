"""Composite claims built on the atomic ones: ``event_count`` and ``elapsed``.

- event_count: "their eighth conversation in just eight months", "the seventh phone call between the
  two presidents in three months", "their five calls over the past three months", "meeting for the
  fourth time". An ordinal or a count, an event noun from ``lexicon/events.yaml`` right after it, and
  optionally the duration the series is counted over, later in the same sentence.
- elapsed: "the past nine months of Trump's second term": a relation word, a duration, "of" and the
  named interval.

Each composite starts from one atomic claim and reads a bounded window around it with anchored
regexes; durations are looked up by their start offset, so there is no pairing of claims.
"""

from __future__ import annotations

import dataclasses
import re

from factcheck.claims import lexicon
from factcheck.claims import mentions as mentions_module
from factcheck.claims.base import make_claim
from factcheck.claims.model import Claim
from factcheck.claims.regexparts import GAP
from factcheck.startup import regexcache

_EVENTS = lexicon.event_phrases()
_VERBS: dict[str, str] = lexicon.load("events").get("verb_forms", {})
_WINDOW = 90

# An optional modifier word, then the event phrase: "eighth conversation", "fifth face-to-face meeting".
_EVENT_AFTER = regexcache.compile(
    rf"{GAP}(?:(?P<mod>[a-z][a-z-]*){GAP})?(?P<event>{lexicon.alternation(_EVENTS)})\b(?!-)"
)
# "met for the fourth time": the event named by a verb or noun before "for the <ordinal> time".
_EVENT_FOR_THE = regexcache.compile(
    rf"\b(?P<event>{lexicon.alternation([*_EVENTS, *_VERBS])}){GAP}for{GAP}the{GAP}$", re.IGNORECASE
)
_TIME_AFTER = regexcache.compile(rf"{GAP}time\b")
_SINGULAR_EVENTS = frozenset(name for names in lexicon.load("events")["events"].values() for name in names)
_NUMBER_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                           "twelve", "dozen", "few"])
_FOR_THE_BEFORE = regexcache.compile(rf"\bfor{GAP}the{GAP}$", re.IGNORECASE)
_CLASSES: dict[str, str] = lexicon.load("events")["classes"]
_PHRASE_CLASSES: dict[str, str] = lexicon.load("events")["phrase_classes"]
_PRIOR = frozenset(lexicon.load("events")["prior_words"])
_BEFORE_THIS = regexcache.compile(rf"^[^.;]{{0,40}}?\bbefore{GAP}(?:this|that|it){GAP}?(?:one)?\b")
_CALENDAR_UNIT = (
    r"(?P<unit>week|weekend|month|year|season|summer|winter|spring|autumn|fall|term|decade|quarter)"
)
_SCOPE_BEFORE = regexcache.compile(
    rf"\b(?:this|the){GAP}(?P<unit>week|month|year|season|summer|winter|spring|autumn|term|decade)['’]s{GAP}$",
    re.IGNORECASE,
)
_SCOPE_AFTER = regexcache.compile(
    rf"(?:{GAP}[a-z]+){{0,5}}?{GAP}(?:"
    rf"(?P<which>so{GAP}far{GAP}this|this|last|the){GAP}{_CALENDAR_UNIT}\b"
    rf"|(?:of|in|for){GAP}(?P<year>(?:19|20)\d\d)\b"
    rf"|of{GAP}(?P<of>(?:his|her|their|its|[A-Z][\w]*['’]s){GAP}(?:[a-z]+{GAP}){{0,2}}(?:term|presidency|tenure|reign|season|career)))"
)
_SINCE_AFTER = regexcache.compile(
    rf"(?:{GAP}[a-z-]+){{0,4}}?{GAP}since{GAP}(?P<since>(?:(?:19|20)\d\d|(?:the{GAP})?[A-Za-z][\w-]*(?:{GAP}[A-Za-z][\w-]*){{0,3}}?(?:{GAP}of{GAP}(?:19|20)\d\d)?))\b"
)
_COPULA = rf"\b(?:was|is|marked|marks|became|becomes|be|been){GAP}(?:only{GAP})?"
_COPULA_BEFORE = regexcache.compile(rf"{_COPULA}(?:the|their|its|his|her|our){GAP}$", re.IGNORECASE)
_SENTENCE_END = regexcache.compile(r"[.!?;](?=\s|$)|\n")
_STREAK_WORDS = "straight|consecutive|successive"
_STREAK_WORD = regexcache.compile(rf"\b(?:{_STREAK_WORDS}|running)\b", re.IGNORECASE)
_STREAK_AFTER = regexcache.compile(
    rf"(?:{GAP}[a-z-]+){{0,3}}?{GAP}(?:in{GAP}a{GAP}row|on{GAP}the{GAP}trot|running|straight)\b",
    re.IGNORECASE,
)
# "Thursday's walkout was the third by nurses since January", "the strike, the union's fourth this
# year, ...": an ordinal whose event noun is left out because the subject or the phrase it stands
# beside names it. The link before the ordinal (a copula or an appositive comma or dash) ...
_ELIDED_LINK_BEFORE = regexcache.compile(
    rf"(?:{_COPULA}|[,–—]{GAP}|{GAP}--{GAP})"
    rf"(?:the|their|its|his|her|our|(?:the{GAP})?[A-Za-z][\w-]*['’]s){GAP}$",
    re.IGNORECASE,
)
# ... and what follows it: no noun of its own, only the series' period, scope, start or agent.
_ELIDED_AFTER = regexcache.compile(
    rf"(?:{GAP}(?:{_STREAK_WORDS}|so{GAP}far))?"
    rf"(?={GAP}?[.,;:!?)–—]|{GAP}(?:by|in|since|this|for|at|on|under|against|between|among|involving|"
    rf"within|during|of{GAP}(?:the|this|its|his|her|their|(?:19|20)\d\d)\b)\b)"
)
_JOINER = regexcache.compile(
    rf"\b(?:{lexicon.alternation(lexicon.load('events')['period_joiners'])}){GAP}"
    rf"(?:(?:{lexicon.alternation(lexicon.load('events')['period_fillers'])}){GAP})*",
    re.IGNORECASE,
)

_RELATION_BEFORE = regexcache.compile(
    rf"\b(?P<relation>{lexicon.alternation(lexicon.words('elapsed_relations'))}){GAP}$", re.IGNORECASE
)
_OF = regexcache.compile(rf"{GAP}of{GAP}")
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "this", "that", "these", "those", "our",
                          "my", "your", "a", "an"})
_STOPS = frozenset(lexicon.words("phrase_stops"))
_PHRASE_WORD = regexcache.compile(rf"(?:{GAP})?(?P<word>[A-Za-z0-9]+(?:[’'.-][A-Za-z0-9]+)*(?:[’']s?)?)")
_MAX_PHRASE_WORDS = 6


def _sentence_limit(text: str, start: int) -> int:
    """Where the sentence containing ``start`` ends, looking at most ``_WINDOW`` characters ahead."""
    limit = min(len(text), start + _WINDOW)
    match = _SENTENCE_END.search(text, start, limit)
    return match.start() if match else limit


def _sentence_start(text: str, end: int) -> int:
    """Where the sentence containing ``end`` starts, looking at most ``_WINDOW`` characters back."""
    low = max(0, end - _WINDOW)
    return max((m.end() for m in _SENTENCE_END.finditer(text, low, end)), default=low)


def _period_after(text: str, start: int, durations: dict[int, Claim]) -> Claim | None:
    """The first duration in the rest of the sentence that a joiner introduces ("in just eight
    months", "over the past three months")."""
    for joiner in _JOINER.finditer(text, start, _sentence_limit(text, start)):
        # The fillers are read greedily, but a duration may start inside them ("over the past year"
        # is a duration whose text begins at "the"): try every place the run of fillers passes.
        for place in range(joiner.start() + 1, joiner.end() + 1):
            duration = durations.get(place)
            if duration is not None:
                return duration
    return None


def _scope(text: str, start: int, end: int) -> str | None:
    """The stretch of the calendar a series is counted over: "this month" (also "of the month",
    "this month's"), "2025" ("of 2025", "in 2025"), "last season", or the interval named after
    "of" ("of Trump's second term")."""
    before = _SCOPE_BEFORE.search(text, max(0, start - 30), start)
    if before is not None:
        return f"this {before['unit'].lower()}"
    after = _SCOPE_AFTER.match(text, end, _sentence_limit(text, end))
    if after is None:
        return None
    if after["year"]:
        return after["year"]
    if after["unit"]:
        which = " ".join(after["which"].lower().split())
        return f"{'this' if which in ('the', 'so far this') else which} {after['unit'].lower()}"
    return " ".join(after["of"].lower().replace("’", "'").split())


def _streak(text: str, start: int, end: int) -> bool:
    """Whether a count is of a run of consecutive events ("her ninth win in a row", "a third straight
    strike", "the fifth successive"): a run is a series of its own, not the events of a period."""
    return (_STREAK_WORD.search(text, start, end) is not None
            or _STREAK_AFTER.match(text, end, _sentence_limit(text, end)) is not None)


def _since(text: str, end: int) -> str | None:
    """What a count is reckoned from: "since 2019", "since the Helsinki summit"."""
    match = _SINCE_AFTER.match(text, end, _sentence_limit(text, end))
    return " ".join(match["since"].split()) if match else None


def _prior(text: str, head: Claim, event_start: int) -> bool:
    """Whether a count is of the events before this one: "seven earlier stoppages", "the previous
    three meetings", "five sessions this year before this one"."""
    before = text[max(0, head.span.start - 20) : head.span.start].lower().split()
    between = text[head.span.end : event_start].lower().split()
    return bool(set(before[-2:]) & _PRIOR or set(between) & _PRIOR
                or _BEFORE_THIS.search(text, event_start, _sentence_limit(text, event_start)))


def _mention_at(mentions: list[mentions_module.Mention], head: int) -> mentions_module.Mention | None:
    return next((m for m in mentions if m.head == head), None)


def _event_count(text: str, head: Claim, start: int, event: str, event_end: int,
                 durations: dict[int, Claim], mention: mentions_module.Mention | None,
                 current: bool, event_start: int | None = None, cls: str | None = None) -> Claim:
    """An event_count claim from ``start`` through the event, or through its period if one follows,
    with the identity of the series it counts; ``cls`` the class a modifier gives the phrase ("a
    negotiating session" is a round of talks)."""
    period = _period_after(text, event_end, durations)
    end = period.span.end if period is not None else event_end
    ordinal = head if head.kind == "ordinal" else None
    count = head if head.kind == "number" else None
    since = _since(text, event_end)
    if ordinal is not None and ordinal.value == 1 and period is not None:
        since, period = period.text, None  # "the first meeting in six years": a gap, not a span
    cls = mention.cls if mention is not None else cls or _CLASSES.get(event, event)
    scope = _scope(text, start, end)
    streak = _streak(text, start, event_end)
    # a run's ordinal numbers the latest of the run, the event being told of ("beat them on Friday for
    # their fifth straight win")
    current = current or (streak and ordinal is not None)
    series = "/".join([cls, scope or "", str(period.value) if period is not None else "", since or "",
                       "streak" if streak else ""])
    return make_claim(
        text, "event_count", start, end, head.value, hedge=head.hedge, precision=head.precision,
        fields={
            "event": event, "ordinal": ordinal, "count": count, "period": period, "class": cls,
            "mode": mention.mode if mention else None, "scope": scope, "since": since,
            "prior": count is not None and _prior(text, head, event_start or head.span.end),
            "current": current, "streak": streak,
            "participants": list(mention.participants) if mention else [],
            "chain": mention.chain if mention else None, "series": series,
        },
    )


def _from_ordinal(text: str, ordinal: Claim, durations: dict[int, Claim],
                  mentions: list[mentions_module.Mention]) -> Claim | None:
    """"eighth conversation in just eight months", "met for the fourth time this year", "only the
    second time the two leaders had spoken by phone"."""
    match = _EVENT_AFTER.match(text, ordinal.span.end)
    if match is not None and _counts_one(match):
        event = _EVENTS[_normalize(match["event"])]
        mention = _mention_at(mentions, match.start("event"))
        current = _COPULA_BEFORE.search(text, max(0, ordinal.span.start - 40), ordinal.span.start) is not None
        phrase = f"{match['mod']} {_normalize(match['event'])}" if match["mod"] else None
        return _event_count(text, ordinal, ordinal.span.start, event, match.end(), durations, mention,
                            current, cls=_PHRASE_CLASSES.get(phrase) if phrase else None)
    time = _TIME_AFTER.match(text, ordinal.span.end)
    if time is None:
        return _elided(text, ordinal, durations, mentions)
    before = _EVENT_FOR_THE.search(text, max(0, ordinal.span.start - 40), ordinal.span.start)
    if before is not None:
        word = _normalize(before["event"])
        event = _EVENTS.get(word) or _VERBS[word]
        mention = _mention_at(mentions, before.start("event"))
        return _event_count(text, ordinal, before.start(), event, time.end(), durations, mention, True)
    mention = _verb_for_time(text, ordinal, time.end(), mentions)
    if mention is None:
        return None
    start = min(mention.head, ordinal.span.start)
    return _event_count(text, ordinal, start, mention.lemma, max(time.end(), mention.end), durations,
                        mention, True)


def _elided(text: str, ordinal: Claim, durations: dict[int, Claim],
            mentions: list[mentions_module.Mention]) -> Claim | None:
    """"Thursday's walkout was the third by nurses since January", "the strike, its fourth this
    year,": the event is the singular noun mention just before the link, in the same sentence."""
    link = _ELIDED_LINK_BEFORE.search(text, max(0, ordinal.span.start - 40), ordinal.span.start)
    after = _ELIDED_AFTER.match(text, ordinal.span.end)
    if link is None or after is None:
        return None
    sentence_start = _sentence_start(text, link.start())
    subject = [m for m in mentions if sentence_start <= m.start and m.end <= link.start()
               and not m.plural and not m.verb and _subject_reach(text, m.end, link.start())]
    if not subject:
        return None
    mention = subject[-1]
    return _event_count(text, ordinal, mention.start, mention.lemma, after.end(), durations, mention,
                        True)


# what the subject's noun may carry before the link: a phrase of who or where ("Monday's call
# between President Halvorsen and Prime Minister Ruiz was their eleventh"), no clause of its own
_SUBJECT_PHRASE = regexcache.compile(
    rf"{GAP}(?:between|with|by|of|in|at|on|from|among|involving)\b[^,;:.!?()–—]{{0,90}}$", re.IGNORECASE)


def _subject_reach(text: str, end: int, link: int) -> bool:
    """Whether an event noun ending at ``end`` is the subject of the link at ``link``: right before
    it, or before a phrase that names the parties or the place."""
    return link - end <= 40 or _SUBJECT_PHRASE.fullmatch(text, end, link) is not None


def _counts_one(match: re.Match[str]) -> bool:
    """An ordinal numbers one event: not "the first two games" nor "their first matches"."""
    if match["mod"] and (match["mod"] in _NUMBER_WORDS or match["mod"][0].isdigit()):
        return False
    return _normalize(match["event"]) in _SINGULAR_EVENTS or _normalize(match["event"]) == "talks"


def _verb_for_time(text: str, ordinal: Claim, time_end: int,
                   mentions: list[mentions_module.Mention]) -> mentions_module.Mention | None:
    """The event an ordinal "time" counts: the verb or noun before "for the Nth time" in its clause
    ("spoke by phone on Monday for the third time"), or the verb after "the Nth time (that)" ("the
    second time the two had spoken by phone")."""
    if _FOR_THE_BEFORE.search(text, max(0, ordinal.span.start - 10), ordinal.span.start):
        sentence_start = _sentence_start(text, ordinal.span.start)
        before = [m for m in mentions if sentence_start <= m.head < ordinal.span.start and not m.plural]
        return before[-1] if before else None
    limit = _sentence_limit(text, time_end)
    after = [m for m in mentions if m.verb and time_end <= m.head < min(limit, time_end + 60)]
    return after[0] if after else None


def _from_count(text: str, number: Claim, durations: dict[int, Claim],
                mentions: list[mentions_module.Mention]) -> Claim | None:
    """"five calls over the past three months": a whole count followed by a plural event noun."""
    if number.value is None or number.value != number.value.to_integral_value() or number.value < 2:
        return None
    if _SCALED.search(number.text):  # "a 1.05 billion loss" is an amount, not a count of events
        return None
    match = _EVENT_AFTER.match(text, number.span.end)
    if match is None or not _plural(match["event"]):
        return _times_after_verb(text, number, durations, mentions)
    if _TALLY_AFTER.match(text, match.end()) or _MARGIN_BEFORE.search(text, max(0, number.span.start - 16),
                                                                       number.span.start):
        return None  # "by 19 votes to 14", "survived by four votes": a tally or a margin, not votes held
    event = _EVENTS[_normalize(match["event"])]
    mention = _mention_at(mentions, match.start("event"))
    return _event_count(text, number, number.span.start, event, match.end(), durations, mention, False,
                        match.start("event"))


# "have met five times this year", "was evacuated seven times since 2020": a count of the events a verb
# names (not a multiple: see mentions.TIMES)
_TIMES_AFTER = regexcache.compile(rf"{GAP}{mentions_module.TIMES}")
_VERB_REACH = 25  # characters between the event verb and its count ("spoke by phone four times")
_CLAUSE_BREAK = regexcache.compile(r"[.,;:!?()–—]")  # none between the verb and its count
_MARGIN_BEFORE = regexcache.compile(rf"\bby(?:{GAP}(?:just|only|a mere|some))?{GAP}$", re.IGNORECASE)
_TALLY_AFTER = regexcache.compile(
    rf"{GAP}(?:to|against){GAP}(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b")


def _times_after_verb(text: str, number: Claim, durations: dict[int, Claim],
                      mentions: list[mentions_module.Mention]) -> Claim | None:
    """"The two have met five times this year": a count followed by "times", counting the events
    the verb just before it in the same clause names."""
    times = _TIMES_AFTER.match(text, number.span.end)
    if times is None:
        return None
    verbs = [m for m in mentions if m.verb and m.end <= number.span.start
             and number.span.start - m.end <= _VERB_REACH
             and not _CLAUSE_BREAK.search(text, m.end, number.span.start)]
    if not verbs:
        return None
    mention = verbs[-1]
    return _event_count(text, number, mention.start, mention.lemma, times.end(), durations, mention,
                        False, mention.head)


_SCALED = regexcache.compile(r"(?i)\b(?:thousand|million|billion|trillion|mln|bln|bn|mn|[kmb])\b|\d[kmb]\b")


def _plural(noun: str) -> bool:
    """A plural noun: "walkouts", "crises", but not "loss", "crisis" or "census"."""
    return noun.endswith("s") and not noun.endswith(("ss", "is", "us"))


def _normalize(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower())


def event_counts(text: str, atoms: list[Claim],
                 mentions: list[mentions_module.Mention] | None = None) -> list[Claim]:
    """``event_count`` claims, one per ordinal or count that heads an event noun, each with the
    series it counts (``class``, ``scope``, ``since``, ``participants``: see ``mentions``)."""
    durations = {c.span.start: c for c in atoms if c.kind == "duration"}
    # "four times in the last month": the date "the last month" names, and the month it spans
    durations.update({c.span.start: c["length"] for c in atoms
                      if c.kind == "date" and c.fields.get("length") is not None})
    found_mentions = mentions if mentions is not None else mentions_module.find(text, atoms)
    found = []
    for claim in atoms:
        if claim.kind == "ordinal":
            composite = _from_ordinal(text, claim, durations, found_mentions)
        elif claim.kind == "number" and claim.unit is None:
            composite = _from_count(text, claim, durations, found_mentions)
        else:
            continue
        if composite is not None:
            found.append(composite)
    return _prior_counts_in_series(text, found, [c for c in atoms if c.kind == "date"])


_LOOK_BACK = 300  # characters: about two sentences of wire copy
_SUCH = regexcache.compile(r"\bsuch\b", re.IGNORECASE)
_BESIDE = 12  # characters between an ordinal and a date that dates it
# "the two previous meetings" may be the last two of a longer series: only an indefinite count is
# taken as every earlier event
_DEFINITE_BEFORE = regexcache.compile(r"\b(?:the|those|these|its|their|his|her|our)[ \t]+$", re.IGNORECASE)


def _dated(claim: Claim, dates: list[Claim]) -> bool:
    """Whether a date stands right beside ``claim`` ("the fourth such strike, in March,"): an
    ordinal so dated may number an earlier event of the series, not the one just told of."""
    return any(abs(d.span.start - claim.span.end) <= _BESIDE or abs(claim.span.start - d.span.end) <= _BESIDE
               for d in dates)


def _prior_counts_in_series(text: str, counts: list[Claim], dates: list[Claim]) -> list[Claim]:
    """An indefinite count of the earlier events that names no period of its own ("the ninth walkout
    this season ... seven earlier stoppages") counts the series of the ordinal it looks back to: the
    nearest earlier ordinal of the same class close before it, whose scope, period and start it
    takes. So does a count or an ordinal of "such" events ("their fifth walkout since January ...
    the fourth such walkout"): "such" names the series just told of."""
    result: list[Claim] = []
    for claim in counts:
        fields = claim.fields
        own = fields["scope"] or fields["period"] or fields["since"]
        said_such = _SUCH.search(claim.text) is not None
        earlier = next((c for c in reversed(result) if c.fields["class"] == fields["class"]
                        and (c.fields["ordinal"] is not None or said_such)
                        and claim.span.start - c.span.end <= _LOOK_BACK), None)
        definite = _DEFINITE_BEFORE.search(text, max(0, claim.span.start - 12), claim.span.start)
        such = said_such and not (fields["ordinal"] and _dated(claim, dates))
        if not own and earlier is not None and ((fields["prior"] and not definite) or such):
            inherited = {key: earlier.fields[key] for key in ("scope", "period", "since", "series")}
            claim = dataclasses.replace(claim, fields={**fields, **inherited})
        result.append(claim)
    return result


def _interval_after(text: str, end: int) -> tuple[str, int] | None:
    """The named interval after "of": determiners, then up to six words that are neither function
    words nor "-ed" verbs ("of Trump's second term have revealed" → "Trump's second term")."""
    of = _OF.match(text, end)
    if of is None:
        return None
    position, words, phrase_end = of.end(), 0, -1
    while words < _MAX_PHRASE_WORDS:
        match = _PHRASE_WORD.match(text, position)
        if match is None:
            break
        word = match["word"].lower()
        if word in _DETERMINERS and phrase_end < 0 and words == 0:
            position = match.end()
            continue
        if word in _STOPS or (word.endswith("ed") and match["word"].islower()):
            break  # a function word or a verb ("of 2004 compared with ...") ends the name
        phrase_end, position, words = match.end(), match.end(), words + 1
        if word.isdigit():
            break  # "of 2004": a year names the interval by itself
    if phrase_end < 0:
        return None
    return text[of.end() : phrase_end], phrase_end


def elapsed(text: str, atoms: list[Claim]) -> list[Claim]:
    """``elapsed`` claims: "the past nine months of Trump's second term", "the first 100 days of his
    presidency"."""
    found = []
    for duration in atoms:
        if duration.kind != "duration" or duration["event"] is not None:
            continue
        relation = _RELATION_BEFORE.search(text, max(0, duration.span.start - 16), duration.span.start)
        interval = _interval_after(text, duration.span.end) if relation else None
        if relation is None or interval is None:
            continue
        name, end = interval
        found.append(make_claim(
            text, "elapsed", relation.start("relation"), end, duration.value, unit=duration.unit,
            hedge=duration.hedge, precision=duration.precision,
            fields={
                "period": duration,
                "of": name.replace("’", "'"),
                "relation": relation["relation"].lower(),
            },
        ))
    return found

