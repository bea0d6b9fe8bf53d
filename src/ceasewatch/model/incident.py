"""Incidents and fulfilment records: the exchange format (spec: incidents.md) as types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .interval import Interval, format_utc, parse_instant

GEO_PRECISIONS = ("point", "settlement", "district", "admin1", "country", "unknown")
WEAPONS = ("drone", "missile", "glide_bomb", "artillery", "aircraft", "mixed")
OUTCOMES = ("hit", "intercepted")
INTENTS = ("deliberate", "unclear")
COUNT_FIELDS = ("launched", "intercepted", "killed", "injured", "buildings")
KINDS = ("strike", "prisoner-exchange")


@dataclass(frozen=True)
class Evidence:
    """A span of a stored report's text: `text == report_text[start:end]`."""

    report: str
    start: int
    end: int
    text: str
    field: str | None = None  # which field it supports, when known

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"report": self.report, "start": self.start, "end": self.end, "text": self.text}
        if self.field is not None:
            out["field"] = self.field
        return out

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Evidence:
        return cls(r["report"], r["start"], r["end"], r["text"], r.get("field"))


@dataclass(frozen=True)
class Counts:
    """Numbers a report gives for one incident; None where it gives none."""

    launched: int | None = None
    intercepted: int | None = None
    killed: int | None = None
    injured: int | None = None
    buildings: int | None = None

    def to_record(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in COUNT_FIELDS}


@dataclass(frozen=True)
class Incident:
    """A located, timed strike (or attempted strike) as the exchange format describes it."""

    id: str
    time: Interval = field(default_factory=Interval.unknown)
    launch: Interval = field(default_factory=Interval.unknown)
    place: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str = "unknown"
    actor: str | None = None
    targets: tuple[str, ...] = ()
    site: str | None = None
    weapon: str | None = None
    weapon_model: str | None = None
    outcome: str | None = None
    counts: Counts = field(default_factory=Counts)
    intent: str | None = None
    claimed_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    kind: str = "strike"

    def to_record(self) -> dict[str, Any]:
        """The exchange-format object (JSON-ready)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "place": self.place,
            "admin1": self.admin1,
            "admin1_code": self.admin1_code,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geo_precision": self.geo_precision,
            "start": _utc_or_none(self.time.earliest),
            "end": _utc_or_none(self.time.latest),
            "launch_start": _utc_or_none(self.launch.earliest),
            "launch_end": _utc_or_none(self.launch.latest),
            "actor": self.actor,
            "targets": list(self.targets),
            "site": self.site,
            "weapon": self.weapon,
            "weapon_model": self.weapon_model,
            "outcome": self.outcome,
            "counts": self.counts.to_record(),
            "intent": self.intent,
            "claimed_by": list(self.claimed_by),
            "denied_by": list(self.denied_by),
            "evidence": [e.to_record() for e in self.evidence],
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Incident:
        """Rebuild from a record that was validated before it was stored."""
        counts = r.get("counts") or {}
        return cls(
            id=r["id"],
            kind=r.get("kind", "strike"),
            time=Interval(_instant_or_none(r.get("start")), _instant_or_none(r.get("end"))),
            launch=Interval(_instant_or_none(r.get("launch_start")), _instant_or_none(r.get("launch_end"))),
            place=r.get("place"),
            admin1=r.get("admin1"),
            admin1_code=r.get("admin1_code"),
            country=r.get("country"),
            lat=r.get("lat"),
            lon=r.get("lon"),
            geo_precision=r.get("geo_precision") or "unknown",
            actor=r.get("actor"),
            targets=tuple(r.get("targets") or ()),
            site=r.get("site"),
            weapon=r.get("weapon"),
            weapon_model=r.get("weapon_model"),
            outcome=r.get("outcome"),
            counts=Counts(**{k: counts.get(k) for k in COUNT_FIELDS}),
            intent=r.get("intent"),
            claimed_by=tuple(r.get("claimed_by") or ()),
            denied_by=tuple(r.get("denied_by") or ()),
            evidence=tuple(Evidence.from_record(e) for e in r.get("evidence") or ()),
        )


@dataclass(frozen=True)
class Fulfilment:
    """A record of something done that a `perform` commitment asks for (a prisoner exchange)."""

    id: str
    kind: str
    parties: tuple[str, ...]
    quantity: int | dict[str, int]  # each side's number, or one per party
    time: Interval = field(default_factory=Interval.unknown)
    claimed_by: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def quantity_for(self, party: str) -> int:
        """How many people `party` released in this record (0 if it took no part)."""
        if party not in self.parties:
            return 0
        if isinstance(self.quantity, dict):
            return self.quantity.get(party, 0)
        return self.quantity

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "parties": list(self.parties),
            "quantity": dict(self.quantity) if isinstance(self.quantity, dict) else self.quantity,
            "start": _utc_or_none(self.time.earliest),
            "end": _utc_or_none(self.time.latest),
            "claimed_by": list(self.claimed_by),
            "evidence": [e.to_record() for e in self.evidence],
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Fulfilment:
        q = r["quantity"]
        return cls(
            id=r["id"],
            kind=r["kind"],
            parties=tuple(r["parties"]),
            quantity=dict(q) if isinstance(q, dict) else q,
            time=Interval(_instant_or_none(r.get("start")), _instant_or_none(r.get("end"))),
            claimed_by=tuple(r.get("claimed_by") or ()),
            evidence=tuple(Evidence.from_record(e) for e in r.get("evidence") or ()),
        )


Record = Incident | Fulfilment


def record_from_dict(r: dict[str, Any]) -> Record:
    """An Incident or a Fulfilment, by the record's `kind`."""
    if r.get("kind", "strike") == "strike":
        return Incident.from_record(r)
    return Fulfilment.from_record(r)


def _utc_or_none(t) -> str | None:
    return None if t is None else format_utc(t)


def _instant_or_none(text: str | None):
    return None if text is None else parse_instant(text)
