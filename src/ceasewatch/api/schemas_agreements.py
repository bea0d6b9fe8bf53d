"""Response shapes of agreements: versions, commitments and their windows in UTC."""

from __future__ import annotations

from datetime import timedelta

from pydantic import BaseModel, Field

from ..model import Agreement, Commitment, Interval, PerformStatus, format_utc


class IntervalOut(BaseModel):
    """A time known as an interval [earliest, latest] in UTC; null for an unbounded side."""

    earliest: str | None
    latest: str | None


class EventOut(BaseModel):
    """A named moment of the agreement file, as a UTC interval."""

    name: str
    earliest: str | None
    latest: str | None
    source: str | None = None
    after: str | None = None
    within: str | None = None


class CommitmentOut(BaseModel):
    """One commitment: a `refrain` window (start and end bands) or a `perform` deadline."""

    id: str
    parties: list[str]
    mode: str = Field(description="refrain or perform")
    act: str
    start: IntervalOut | None = Field(None, description="S = [s0, s1]: the start is known only within this band.")
    start_ref: str | None = None
    end: IntervalOut | None = Field(None, description="E = [e0, e1]; null: no end.")
    end_ref: str | None = None
    grace: str = Field("PT0S", description="Added to the start before strikes count (ISO 8601 duration).")
    in_flight: str = "counts"
    targets: list[str] = []
    target_codes: list[str] | None = None
    sites: list[str] = []
    area_countries: list[str] = []
    quantity: int | None = None
    by: str | None = None
    note: str | None = None


class VersionOut(BaseModel):
    """One party's account of what was agreed."""

    key: str
    label: str | None = None
    stated_by: list[str] = []
    commitments: list[CommitmentOut]


class SiteListOut(BaseModel):
    """A registry of protected sites (its sites: GET /api/agreements/{id}/sites)."""

    key: str
    file: str
    listed_by: str | None = None
    category: str | None = None
    tolerance_m: float
    sites: int


class PerformOut(BaseModel):
    """A positive commitment's status as of a moment."""

    version: str
    commitment: str
    status: str
    as_of: str
    by: str | None = None
    quantity: int | None = None
    done: dict[str, int] = {}
    records: list[str] = []


class AgreementOut(BaseModel):
    """An agreement with its versions, their commitment windows (UTC) and the perform statuses."""

    id: str
    title: str | None = None
    parties: dict[str, str]
    timezone: str
    events: list[EventOut]
    categories: dict[str, list[str]]
    site_lists: list[SiteListOut]
    versions: list[VersionOut]
    perform: list[PerformOut] = []


def agreement_json(a: Agreement, statuses: list[PerformStatus]) -> dict:
    """The AgreementOut object of an agreement."""
    return {
        "id": a.id, "title": a.title, "parties": dict(a.parties), "timezone": a.timezone,
        "events": [
            {"name": e.name, "earliest": _t(e.interval.earliest), "latest": _t(e.interval.latest), "source": e.source,
             "after": e.after, "within": duration(e.within) if e.within is not None else None}
            for e in a.events.values()
        ],
        "categories": {name: sorted(codes) for name, codes in a.categories.items()},
        "site_lists": [
            {"key": s.key, "file": s.file, "listed_by": s.listed_by, "category": s.category,
             "tolerance_m": s.tolerance_m, "sites": len(s.sites)}
            for s in a.site_lists.values()
        ],
        "versions": [
            {"key": v.key, "label": v.label, "stated_by": list(v.stated_by),
             "commitments": [commitment_json(c) for c in v.commitments]}
            for v in a.versions.values()
        ],
        "perform": [
            {"version": s.version, "commitment": s.commitment, "status": s.status, "as_of": format_utc(s.as_of),
             "by": _t(s.by), "quantity": s.quantity, "done": dict(s.done), "records": list(s.records)}
            for s in statuses
        ],
    }


def commitment_json(c: Commitment) -> dict:
    """One commitment as CommitmentOut."""
    return {
        "id": c.id, "parties": list(c.parties), "mode": c.mode, "act": c.act,
        "start": _interval(c.start), "start_ref": c.start_ref, "end": _interval(c.end), "end_ref": c.end_ref,
        "grace": duration(c.grace), "in_flight": c.in_flight, "targets": list(c.targets),
        "target_codes": sorted(c.target_codes) if c.target_codes is not None else None,
        "sites": list(c.sites), "area_countries": list(c.area.countries) if c.area else [],
        "quantity": c.quantity, "by": _t(c.by), "note": c.note,
    }


def duration(d: timedelta) -> str:
    """An ISO 8601 duration of days or less: P30D, PT10M, PT0S."""
    days, rest = divmod(round(d.total_seconds()), 86400)
    clock = "".join(f"{n}{unit}" for n, unit in zip((rest // 3600, rest % 3600 // 60, rest % 60), "HMS") if n)
    text = "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")
    return "PT0S" if text == "P" else text


def _interval(i: Interval | None) -> dict | None:
    return None if i is None else {"earliest": _t(i.earliest), "latest": _t(i.latest)}


def _t(t) -> str | None:
    return None if t is None else format_utc(t)
