"""Resolving people, titles and places against the reference facts.

A title is an office phrase ("president", "prime minister", "chancellor") with an optional country
or body written beside it ("Russian President", "President of Russia", "U.S. President", "European
Commission President"). Titles that do not describe the office on the date ("former", "acting",
"-elect") are not understood, and a title that is not understood resolves to nothing rather than to
a guess.

Which offices a title can be judged against: the heads of state and government (``HEADS``), which
the leaders' facts record for everyone they list, always; any other office (``OFFICES``: "chancellor
of the exchequer", "foreign minister") only on dates for which a person's facts declare their
offices complete (``offices_complete``), since elsewhere a missing role is only not known.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from factcheck.facts.model import OFFICES_COMPLETE, Attribute, Entity, FactBase, Period, normalize_name
from factcheck.facts.regions import countries_with_region, part_of
from factcheck.startup import regexcache

HEADS = ("vice president", "prime minister", "general secretary", "crown prince", "president",
         "premier", "chancellor", "king", "queen", "emperor")
# Offices recognised in a title besides the heads; the longer phrase is tried first, so the
# Chancellor of the Exchequer is no chancellor ("deputy" titles are not read at all).
OTHER_OFFICES = ("chancellor of the exchequer", "first minister",
                 "foreign minister", "foreign secretary", "finance minister", "defence minister",
                 "defense minister", "interior minister", "home secretary", "secretary of state",
                 "treasury secretary", "defence secretary", "defense secretary", "secretary-general",
                 "secretary general", "governor", "mayor", "senator", "speaker")
OFFICES = OTHER_OFFICES + HEADS
SYNONYMS = {"premier": "prime minister"}
NOT_CURRENT = regexcache.compile(
    r"\b(former|ex|late|then|acting|interim|elect|outgoing|incoming|deputy|first lady)\b"
)
POLITIES = ("country", "organisation", "organization")


_EDGE_WORDS = regexcache.compile(r"^\s*(the|of)\b|\b(of|the)\s*$")
_LEADING_WORDS = regexcache.compile(r"^(the|of)\s+")


@cache
def _phrase(office: str) -> re.Pattern[str]:
    """The office phrase as a whole-word pattern (its opcodes generated with the package)."""
    return regexcache.compile(rf"\b{office}\b")


@lru_cache(maxsize=1024)  # rules ask for the office of every role of every candidate: the same few titles
def office_of(text: str) -> str | None:
    """The normalized office phrase in a title, or None ("Russian President" → "president")."""
    words = normalize_name(text)
    for office in OFFICES:
        if _phrase(office).search(words):
            return SYNONYMS.get(office, office)
    return None


def parse_title(facts: FactBase, title: str) -> tuple[str, Entity | None] | None:
    """(office, country or body) for a title, or None when it is not understood."""
    text = normalize_name(title)
    if NOT_CURRENT.search(text):
        return None
    office = office_of(text)
    if office is None:
        return None
    spelled = next(o for o in OFFICES if SYNONYMS.get(o, o) == office and _phrase(o).search(text))
    rest = _phrase(spelled).sub(" ", text)
    rest = _EDGE_WORDS.sub(" ", rest.strip()).strip(" ,'’s")
    rest = _LEADING_WORDS.sub("", rest.strip())
    if not rest:
        return office, None
    polities = [e for e in facts.entities_named(rest) if e.type in POLITIES]
    return (office, polities[0]) if len(polities) == 1 else None


def role_fits(facts: FactBase, role: Attribute, office: str, polity: Entity | None) -> bool:
    if office_of(str(role.value)) != office:
        return False
    if polity is None:
        return True
    return role.of is not None and polity in facts.entities_named(role.of)


def holds_title(facts: FactBase, person: Entity, title: str, date: dt.date) -> bool | None:
    """Whether ``person`` held the office ``title`` names on ``date``; None if the title is not
    understood, or names an office beyond the heads' on a date the person's offices are not
    declared complete for."""
    parsed = parse_title(facts, title)
    if parsed is None:
        return None
    if any(role_fits(facts, role, *parsed) for role in person.roles_on(date)):
        return True
    return False if parsed[0] in HEADS or offices_complete(person, date) else None


def offices_complete(person: Entity, date: dt.date) -> bool:
    """Whether the facts declare ``person``'s roles to be every office they held on ``date``."""
    return any(a.holds_on(date) for a in person.values(OFFICES_COMPLETE))


def complete_periods(person: Entity) -> str | None:
    """The intervals ``person``'s offices are declared complete for, as a reader reads them."""
    spans = [f"{a.start or 'always'} to {a.end or 'the recorded date'}"
             for a in person.values(OFFICES_COMPLETE)]
    return "; ".join(spans) or None


def office_holders(facts: FactBase, title: str, date: dt.date) -> list[Entity]:
    """The people holding the office ``title`` names on ``date`` (indexed by role title)."""
    parsed = parse_title(facts, title)
    if parsed is None:
        return []
    office, polity = parsed
    spellings = [o for o in OFFICES if SYNONYMS.get(o, o) == office]
    candidates = {e.id: e for s in spellings for e in facts.with_attribute("role", s)}
    return [
        e for e in candidates.values()
        if any(role_fits(facts, role, office, polity) for role in e.roles_on(date))
    ]


ONE_TERM = dt.timedelta(days=4 * 365)  # the shortest fixed term of a head of state or government
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


def term_of(facts: FactBase, person: Entity, ordinal: str | None, tenure: bool,
            date: dt.date) -> Period | None:
    """The term of office an elapsed time is counted in: the period the facts name for the person
    ("Donald Trump's second term"; without an ordinal, the one under way on ``date``); failing
    that, when the phrase counts from taking office (``tenure``), the head-of-state or -government
    office the person held on ``date``, from its start; so too for a swearing-in when that office
    began less than ``ONE_TERM`` before ``date`` (no second term can have begun since; a longer
    tenure may span several inaugurations). None when no one answer fits."""
    names = (person.name, *person.aliases)
    ordinals = (ordinal,) if ordinal else _ORDINALS
    named = {p for n in names for o in ordinals if (p := facts.period(f"{n}'s {o} term")) is not None}
    if ordinal is None:
        named = {p for p in named if p.start <= date and (p.end is None or date < p.end)}
    named = {p for p in named if p.start <= date}
    if named or ordinal is not None:
        return named.pop() if len(named) == 1 else None
    roles = {(r.value, r.of, r.start, r.source) for r in person.roles_on(date)
             if r.start is not None and office_of(str(r.value)) in HEADS
             and (tenure or date - r.start < ONE_TERM)}
    if len(roles) != 1:
        return None
    title, of, start, source = roles.pop()
    office = f"{title} of {of}" if of else str(title)
    return Period(f"{person.id}-in-office", f"{person.name}'s time in office as {office}", start, None, (),
                  source or person.source)


def describe_roles(person: Entity, date: dt.date) -> str | None:
    roles = [f"{r.value} of {r.of}" if r.of else str(r.value) for r in person.roles_on(date)]
    return "; ".join(roles) if roles else None


def age_on(born: dt.date, date: dt.date) -> int:
    return date.year - born.year - ((date.month, date.day) < (born.month, born.day))


def country(facts: FactBase, name: str) -> Entity | None:
    """The country a name, alias, demonym or ISO code stands for, if exactly one."""
    found = [e for e in facts.entities_named(name) if e.type == "country"]
    if not found and len(name) in (2, 3) and name.isupper():
        found = facts.with_attribute("code", name)
    return found[0] if len(found) == 1 else None


def countries_of(facts: FactBase, city: str) -> list[str]:
    """Names of the countries that have a city called ``city``, most populous city first; with the
    regions data set declared (``provider: pycountry, kind: regions``), also the country a city's
    territory is part of (Macau: Macao, and China) and the countries with a first-level region
    of that name (Rioja: Spain), so that "Rioja, Spain" or "Macau, China" is no city in the
    wrong country."""
    regions = any(d.provider == "pycountry" and d.kind == "regions" for d in facts.datasets())
    codes: list[str] = []
    for found in facts.cities_named(city):
        codes.append(found.country)
        parent = part_of(found.country) if regions and len(found.country) == 2 else None
        if parent is not None:
            codes.append(parent)
    if regions:
        codes.extend(sorted(countries_with_region(city)))
    codes.extend(e.country for e in facts.entities_named(city) if e.type == "region" and e.country)
    names: list[str] = []
    for code in codes:
        name = _country_name(facts, code)
        if name not in names:
            names.append(name)
    return names


def _country_name(facts: FactBase, code_or_name: str) -> str:
    if len(code_or_name) == 2 and code_or_name.isupper():
        by_code = facts.with_attribute("code", code_or_name)
        if by_code:
            return by_code[0].name
        from factcheck.facts.geonames import country_names

        return country_names().get(code_or_name, code_or_name)
    resolved = country(facts, code_or_name)
    return resolved.name if resolved else code_or_name
