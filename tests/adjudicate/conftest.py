"""Builders for agreements and incidents, straight from the model dataclasses.

The YAML parser is not needed here: tests state the terms they judge in a few lines.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, Mapping

from ceasewatch.model import (
    UTC, Agreement, Area, Commitment, Evidence, Fulfilment, Incident, Interval, Site, SiteList, Version,
)

START = ("2025-03-18T15:30", "2025-03-18T16:55")  # the worked example's ru-order, in UTC


def at(text: str) -> datetime:
    """A UTC datetime from ISO text without an offset (tests write every time in UTC)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def span(earliest: str | None, latest: str | None = "same") -> Interval:
    """An interval from ISO texts; one text is an exact time, None an unknown side."""
    latest = earliest if latest == "same" else latest
    return Interval(None if earliest is None else at(earliest), None if latest is None else at(latest))


def refrain(
    id: str = "halt",
    party: str | tuple[str, ...] = "RU",
    start: tuple[str, str] | None = START,
    days: float | None = 30,
    end: tuple[str, str] | None = None,
    targets: Iterable[str] | None = None,
    sites: tuple[str, ...] = (),
    grace: timedelta = timedelta(0),
    in_flight: str = "counts",
    area: Area | None = None,
) -> Commitment:
    """A refrain-from-strike commitment; the end is `end`, else start + `days`, else none."""
    s = span(*start) if start else None
    if end is not None:
        e = span(*end)
    elif days is not None and s is not None:
        e = s.shift(timedelta(days=days))
    else:
        e = None
    return Commitment(
        id=id,
        parties=(party,) if isinstance(party, str) else tuple(party),
        mode="refrain",
        act="strike",
        start=s,
        end=e,
        grace=grace,
        in_flight=in_flight,
        targets=tuple(sorted(targets)) if targets is not None else (),
        target_codes=frozenset(targets) if targets is not None else None,
        sites=sites,
        area=area,
    )


def perform(id: str = "exchange", parties=("RU", "UA"), quantity: int | None = 175,
            by: str | None = "2025-03-19T22:00") -> Commitment:
    """A perform commitment (a prisoner exchange by a deadline)."""
    return Commitment(id=id, parties=tuple(parties), mode="perform", act="prisoner-exchange",
                      quantity=quantity, by=None if by is None else at(by))


def point_site(id: str, lat: float, lon: float, name: str | None = None) -> Site:
    return Site(id=id, name=name, lat=lat, lon=lon)


def square_site(id: str, lat: float, lon: float, half_deg: float, name: str | None = None) -> Site:
    """A square polygon site centred on lat/lon."""
    ring = [[lon - half_deg, lat - half_deg], [lon + half_deg, lat - half_deg],
            [lon + half_deg, lat + half_deg], [lon - half_deg, lat + half_deg], [lon - half_deg, lat - half_deg]]
    return Site(id=id, name=name, lat=lat, lon=lon, geometry={"type": "Polygon", "coordinates": [ring]})


def site_list(key: str, *sites: Site, tolerance_m: float = 1000.0) -> SiteList:
    return SiteList(key=key, file=f"sites/{key}.geojson", sites=tuple(sites), tolerance_m=tolerance_m)


def agreement(versions: Mapping[str, Iterable[Commitment]] | Iterable[Commitment],
              site_lists: Iterable[SiteList] = (), id: str = "test-agreement") -> Agreement:
    """An agreement; a bare list of commitments makes one version called 'v'."""
    if not isinstance(versions, Mapping):
        versions = {"v": versions}
    return Agreement(
        id=id,
        title=None,
        parties={"RU": "Russian Federation", "UA": "Ukraine"},
        timezone="Europe/Kyiv",
        events={},
        categories={},
        site_lists={s.key: s for s in site_lists},
        versions={k: Version(key=k, label=None, stated_by=(), commitments=tuple(cs)) for k, cs in versions.items()},
    )


def strike(id: str = "i1", time: Interval | None = None, actor: str | None = "RU",
           targets: tuple[str, ...] = ("energy.grid",), **fields) -> Incident:
    """A strike, by default an RU hit on the grid a day after START, place unknown."""
    return Incident(id=id, time=time or span("2025-03-19T12:00"), actor=actor, targets=targets, **fields)


def exchange(id: str = "x1", quantity=175, end: str | None = "2025-03-19T12:00", parties=("RU", "UA"),
             kind: str = "prisoner-exchange") -> Fulfilment:
    return Fulfilment(id=id, kind=kind, parties=tuple(parties), quantity=quantity,
                      time=span("2025-03-19T10:00" if end else None, end))


def evidence(field: str | None, text: str = "span", start: int = 0) -> Evidence:
    return Evidence(report="r1", start=start, end=start + len(text), text=text, field=field)


def verdict_of(ag: Agreement, incident: Incident, version: str = "v"):
    """The summary verdict of one incident under one version, through judge()."""
    from ceasewatch.adjudicate import judge

    return next(v for v in judge(ag, [incident]) if v.version == version)


def test_of(ag: Agreement, incident: Incident, name: str, version: str = "v", commitment: int = 0):
    """One test's TestResult from explain(), for the n-th commitment considered."""
    from ceasewatch.adjudicate import explain

    (v,) = explain(ag, incident, version)
    return next(t for t in v.trace[commitment].tests if t.name == name)


test_of.__test__ = False  # a helper, not a test
