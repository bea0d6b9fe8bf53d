"""Places: what a name in a report resolves to, and where in the text it was named."""

from __future__ import annotations

from dataclasses import dataclass

PRECISIONS = ("point", "settlement", "district", "admin1", "country")


@dataclass(frozen=True)
class Place:
    """A resolved place: a settlement, district, region (admin1) or country."""

    name: str  # canonical English name: "Sloviansk", "Sumy Oblast", "Krasnodar Krai"
    precision: str  # one of PRECISIONS
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None = None  # "Donetsk Oblast"
    admin1_code: str | None = None  # ISO 3166-2: "UA-14", "RU-KDA"
    lat: float | None = None  # the centre at this precision
    lon: float | None = None
    zone: str | None = None  # IANA zone for local times; None where several apply
    geonameid: int | None = None
    population: int | None = None
    site: str | None = None  # a listed site's id, when matched to an agreement's site list


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: the span, the place chosen, and how it was chosen."""

    start: int
    end: int
    text: str  # == report_text[start:end]
    place: Place
    alternatives: tuple[Place, ...] = ()  # other candidates that were not chosen
    note: str | None = None  # e.g. "ambiguous: chose the larger, in the region named nearby"
