"""What a fact lookup returns and the one key names are looked up by.

Shared by the fact base (:mod:`factcheck.facts.model`) and the data sets it reads lazily
(:mod:`factcheck.facts.geonames`), so neither imports the other to speak of a city or a source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from, so that a finding can cite it."""

    citation: str
    recorded: dt.date | None = None

    def __str__(self) -> str:
        return self.citation


@dataclass(frozen=True, slots=True)
class City:
    """A city as a lookup result: its country (ISO code or name), population and source."""

    name: str
    country: str
    population: int | None = None
    source: Source | None = None


def normalize_name(name: str) -> str:
    """Case- and apostrophe-insensitive key for names and aliases."""
    return " ".join(name.replace("’", "'").lower().split())  # runs of white space as one space
