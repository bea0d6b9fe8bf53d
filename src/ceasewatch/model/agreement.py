"""An agreement with its versions, as read from an agreement file (spec: agreements.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Mapping

from .interval import Interval


@dataclass(frozen=True)
class Event:
    """A named moment, known as an interval: the call ended, the order was given."""

    name: str
    interval: Interval
    source: str | None = None
    after: str | None = None  # the event this one is relative to, if any
    within: timedelta | None = None
    line: int | None = None


@dataclass(frozen=True)
class Site:
    """One protected site of a site list. `geometry` is GeoJSON (Point, Polygon, MultiPolygon)."""

    id: str
    name: str | None
    lat: float
    lon: float
    category: str | None = None
    geometry: Mapping[str, Any] | None = None  # None: a point at lat/lon


@dataclass(frozen=True)
class SiteList:
    """A registry of protected sites, protected whatever their category."""

    key: str
    file: str
    sites: tuple[Site, ...]
    tolerance_m: float = 1000.0
    listed_by: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class Area:
    """Where a commitment applies: country codes, or polygons from a GeoJSON file."""

    countries: tuple[str, ...] = ()
    file: str | None = None
    geometry: Mapping[str, Any] | None = None  # GeoJSON geometry (Polygon or MultiPolygon)


@dataclass(frozen=True)
class Commitment:
    """One party's promise within a version: refrain from an act, or perform one."""

    id: str
    parties: tuple[str, ...]
    mode: str  # "refrain" or "perform"
    act: str  # refrain: "strike"; perform: "prisoner-exchange"
    start: Interval | None = None  # refrain: S = [s0, s1]
    start_ref: str | None = None  # the event name or time the start came from
    end: Interval | None = None  # refrain: E; None means no end
    end_ref: str | None = None
    grace: timedelta = timedelta(0)
    in_flight: str = "counts"  # "counts" or "exempt"
    targets: tuple[str, ...] = ()  # names as written (groups or codes)
    target_codes: frozenset[str] | None = None  # expanded codes; None when `targets` absent
    sites: tuple[str, ...] = ()  # site-list keys
    area: Area | None = None
    quantity: int | None = None  # perform
    by: datetime | None = None  # perform deadline (UTC)
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Version:
    """One party's (or mediator's) account of what was agreed."""

    key: str
    label: str | None
    stated_by: tuple[str, ...]
    commitments: tuple[Commitment, ...]


@dataclass(frozen=True)
class Agreement:
    """A whole agreement file, checked and resolved to UTC intervals."""

    id: str
    title: str | None
    parties: Mapping[str, str]
    timezone: str
    events: Mapping[str, Event]
    categories: Mapping[str, frozenset[str]]  # group name -> expanded taxonomy codes
    site_lists: Mapping[str, SiteList]
    versions: Mapping[str, Version]  # in file order
    source_name: str = "agreement.yaml"  # the file name it was read from
    source_text: str = ""  # the YAML as written: what the store keeps
    source_files: Mapping[str, bytes] = field(default_factory=dict)  # relative path -> content

    def version(self, key: str) -> Version:
        """The version called `key`; KeyError naming the known ones."""
        try:
            return self.versions[key]
        except KeyError:
            raise KeyError(f"no version {key!r} in {self.id} (versions: {', '.join(self.versions)})") from None
