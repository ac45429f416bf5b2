"""Functions that read the reference facts: entities, offices, birth dates, countries and cities.

Registered in :mod:`factcheck.language.functions` like every other function. They never guess: a
name that fits several entities, or a title that is not understood, gives null (and the rule is not
decided) rather than a pick; ``entities(name)`` lists the candidates for evidence.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from factcheck.facts import titles
from factcheck.facts.model import Entity
from factcheck.language.registry import register


def _unique(found: list[Entity]) -> Entity | None:
    return found[0] if len(found) == 1 else None


@register("entities(name: string) -> list<entity>", needs_ctx=True)
def _entities(ctx: Any, name: str) -> list[Entity]:
    """Every entity whose name, alias or demonym is ``name`` (ignoring case): the candidates."""
    return ctx.facts.entities_named(name)


@register("entity(name: string) -> entity?", needs_ctx=True)
def _entity(ctx: Any, name: str) -> Entity | None:
    """The entity called ``name`` (by name or alias, ignoring case); null when none or several fit."""
    return _unique(ctx.facts.entities_named(name))


def _person_named(ctx: Any, name: str) -> Entity | None:
    """The person of ``name``, or of the name after its leading words, which may be a title or a
    description ("Brazilian President Luiz Inácio Lula da Silva", "President Lula")."""
    words = name.split()
    for first in range(len(words)):
        found = ctx.facts.entities_named(" ".join(words[first:]), "person")
        if len(found) > 1:
            found = [e for e in found if e.id in ctx.mentioned_entities]
        if found:
            return _unique(found)
    return None


@register("person(name: string) -> entity?", needs_ctx=True)
def _person(ctx: Any, name: str) -> Entity | None:
    """The person called ``name`` (full name or alias); among several, the one the document
    mentions; null when nobody or several people fit."""
    return _person_named(ctx, name)


@register("resolve(p: claim<any>) -> entity?", needs_ctx=True)
def _resolve(ctx: Any, p: Any) -> Entity | None:
    """The person a claim refers to (a ``person`` claim, through its ``name`` and ``title`` fields):
    by its full name or an alias (among several people of that name, the one the document
    mentions); with no known name, by its title on the document date ("the Russian president" →
    the holder of that office then). Null when nobody or several people fit."""
    name = p.fields.get("name")
    if name and ctx.facts.entities_named(name, "person"):
        return _person_named(ctx, name)
    title = p.fields.get("title")
    date = ctx.document.date if ctx.document is not None else None
    if title and date is not None:
        return _unique(titles.office_holders(ctx.facts, title, date))
    return None


@register("office_holder(title: string, date: date) -> entity?", needs_ctx=True)
def _office_holder(ctx: Any, title: str, date: dt.date) -> Entity | None:
    """Who held the office ``title`` names (``"Russian president"``, ``"Prime Minister of Japan"``)
    on ``date``; null when nobody, several people, or the title is not understood."""
    return _unique(titles.office_holders(ctx.facts, title, date))


@register("holds_title(e: entity, title: string, date: date) -> bool?", needs_ctx=True)
def _holds_title(ctx: Any, e: Entity, title: str, date: dt.date) -> bool | None:
    """Whether ``e`` held the office ``title`` names on ``date``; null when the title is not an
    office the facts describe, or is qualified ("former", "acting", "-elect"), or names an office
    beyond the heads of state and government on a date for which ``e``'s offices are not declared
    complete."""
    return titles.holds_title(ctx.facts, e, title, date)


@register("offices_complete(e: entity, date: date) -> bool")
def _offices_complete(e: Entity, date: dt.date) -> bool:
    """Whether the facts declare ``e``'s roles to be every office ``e`` held on ``date``
    (``offices_complete`` in the facts file): then a title ``e`` did not hold is false, not unknown."""
    return titles.offices_complete(e, date)


@register("role_on(e: entity, date: date) -> string?")
def _role_on(e: Entity, date: dt.date) -> str | None:
    """The roles ``e`` held on ``date`` (``"President of Russia"``), joined by ``;``, or null."""
    return titles.describe_roles(e, date)


@register("first_office(e: entity) -> date?")
def _first_office(e: Entity) -> dt.date | None:
    """The start of the earliest office the facts record for ``e``, or null when they record none:
    before it the facts say nothing about the titles ``e`` held."""
    starts = [role.start for role in e.values("role") if role.start is not None]
    return min(starts) if starts else None


@register("term_of(e: entity, ordinal: string?, tenure: bool, date: date) -> period?", needs_ctx=True,
           null_safe=True)
def _term_of(ctx: Any, e: Entity, ordinal: str | None, tenure: bool, date: dt.date):
    """The term of office of ``e`` an elapsed time is counted in ("his second term": the period
    the facts name "<name>'s second term"; without an ordinal, the one under way on ``date``);
    with ``tenure`` ("since taking office") and no such period, the head-of-state or -government
    office ``e`` held on ``date``, from its start. Null when none or several fit."""
    return titles.term_of(ctx.facts, e, ordinal, tenure, date)


@register("birth_date(e: entity) -> date?")
def _birth_date(e: Entity) -> dt.date | None:
    """The entity's birth date, or null when the facts do not record it."""
    return e.born


@register("age_on(e: entity, date: date) -> number?")
def _age_on(e: Entity, date: dt.date) -> Decimal | None:
    """The entity's age in whole years on ``date``, or null without a birth date."""
    return None if e.born is None else Decimal(titles.age_on(e.born, date))


@register("country(name: string) -> entity?", needs_ctx=True)
def _country(ctx: Any, name: str) -> Entity | None:
    """The country a name, alias, demonym (``"Ukrainian"``) or ISO code stands for, or null."""
    return titles.country(ctx.facts, name)


@register("countries_of(city: string) -> list<string>", needs_ctx=True)
def _countries_of(ctx: Any, city: str) -> list[str]:
    """The names of the countries with a city called ``city`` (declared cities, then the world
    cities data set, loaded on first use), most populous first; empty when the city is unknown."""
    return titles.countries_of(ctx.facts, city)


@register("country_of(city: string) -> string?", needs_ctx=True)
def _country_of(ctx: Any, city: str) -> str | None:
    """The country of the city called ``city`` when only one country has a city of that name."""
    found = titles.countries_of(ctx.facts, city)
    return found[0] if len(found) == 1 else None
