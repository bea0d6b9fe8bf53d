"""Response shapes of the incident endpoints, with the exchange format's field names."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from ..model.incident import COUNT_FIELDS
from ..store import IncidentRow

Verdict = Literal["violation", "undetermined", "no_violation", "not_applicable"]


class EvidenceOut(BaseModel):
    """A span of a stored report's text: `text == report.text[start:end]`."""

    report: str
    start: int
    end: int
    text: str
    field: str | None = None


class CountsOut(BaseModel):
    """Numbers a report gives; null where it gives none."""

    launched: int | None = None
    intercepted: int | None = None
    killed: int | None = None
    injured: int | None = None
    buildings: int | None = None


class VerdictOut(BaseModel):
    """An incident's verdict under one version: the reason (no_violation) or the unknown tests."""

    verdict: Verdict
    reason: str | None = None
    unknown: list[str] = []
    commitment: str | None = None


class IncidentOut(BaseModel):
    """A strike incident in the exchange format, with its grade and its verdict per version."""

    id: str
    kind: str = "strike"
    place: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str = "unknown"
    start: str | None = None
    end: str | None = None
    launch_start: str | None = None
    launch_end: str | None = None
    actor: str | None = None
    targets: list[str] = []
    site: str | None = None
    weapon: str | None = None
    weapon_model: str | None = None
    outcome: str | None = None
    counts: CountsOut = CountsOut()
    intent: str | None = None
    claimed_by: list[str] = []
    denied_by: list[str] = []
    evidence: list[EvidenceOut] = []
    grade: str | None = Field(None, description="Credibility grade (docs/sources.md); null when not graded (shown as ungraded).")
    verdicts: dict[str, VerdictOut] = Field({}, description="Version key -> verdict, in the agreement's version order.")


class IncidentList(BaseModel):
    """One page of incidents and how many the filters select in all."""

    total: int
    limit: int
    offset: int
    agreement: str | None
    version: str | None
    items: list[IncidentOut]


class VerdictRowOut(BaseModel):
    """One incident's verdict under one version."""

    incident: str
    agreement: str
    version: str
    verdict: Verdict
    reason: str | None = None
    unknown: list[str] = []
    commitment: str | None = None


class VerdictList(BaseModel):
    """Verdict rows of one page of incidents (every version, or the one asked for)."""

    total: int = Field(description="Incidents the filters select (not rows).")
    limit: int
    offset: int
    agreement: str | None
    items: list[VerdictRowOut]


def incident_json(row: IncidentRow, versions: list[str]) -> dict[str, Any]:
    """The JSON object of IncidentOut for one row: the record's fields, grade, verdicts in order."""
    r = row.record
    counts = r.get("counts") or {}
    out = {name: r.get(name) for name in _SCALARS}
    out.update(
        id=r["id"],
        kind=r.get("kind", "strike"),
        geo_precision=r.get("geo_precision") or "unknown",
        targets=list(r.get("targets") or ()),
        counts={name: counts.get(name) for name in COUNT_FIELDS},
        claimed_by=list(r.get("claimed_by") or ()),
        denied_by=list(r.get("denied_by") or ()),
        evidence=[_evidence(e) for e in r.get("evidence") or ()],
        grade=row.grade,
        verdicts={v: verdict_json(row.verdicts[v]) for v in versions if v in row.verdicts},
    )
    return out


def verdict_json(row) -> dict[str, Any]:
    """A stored verdict row as VerdictOut."""
    return {"verdict": row.verdict, "reason": row.reason, "unknown": list(row.unknown), "commitment": row.commitment}


def _evidence(e: dict[str, Any]) -> dict[str, Any]:
    out = {"report": e["report"], "start": e["start"], "end": e["end"], "text": e["text"]}
    if e.get("field") is not None:
        out["field"] = e["field"]
    return out


_SCALARS = (
    "place", "admin1", "admin1_code", "country", "lat", "lon", "start", "end", "launch_start", "launch_end",
    "actor", "site", "weapon", "weapon_model", "outcome", "intent",
)
