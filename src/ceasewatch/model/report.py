"""Reports (documents as they came in) and claims (what a source asserts that is not an incident)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .incident import Evidence, _instant_or_none, _utc_or_none
from .interval import Interval

CLAIM_KINDS = ("aggregate", "denial", "terms", "order", "count", "other")
QUALIFIERS = ("exactly", "more_than", "at_least", "about", "up_to", "dozens")


@dataclass(frozen=True)
class Report:
    """A document, stored once and never changed: an edit is a new report."""

    id: str  # report_id(text, …): a hash of its content
    text: str  # the body (after header lines), or the readable text of an HTML page
    title: str | None = None
    source: str | None = None  # the outlet or body
    url: str | None = None
    published: str | None = None  # as given: "2025-03-19", "2025-03-19T14:05:00Z", or "2025-04"
    language: str | None = None
    path: str | None = None  # the file it was read from, if any


def report_id(text: str, title: str | None, source: str | None, url: str | None, published: str | None) -> str:
    """The content hash that identifies a report: the same document always gets the same id."""
    digest = hashlib.sha256()
    for part in (title, source, url, published, text):
        digest.update((part or "").encode())
        digest.update(b"\x00")
    return "rep-" + digest.hexdigest()[:20]


@dataclass(frozen=True)
class Claim:
    """What a source asserts that is not a located incident (spec: incidents.md, "Claim")."""

    id: str
    kind: str  # one of CLAIM_KINDS
    text: str  # the sentence or clause it came from
    report: str | None = None  # report id
    speaker: str | None = None  # who said it: "Ukrainian authorities", "Steve Witkoff"
    source: str | None = None  # the outlet or body
    quantity: int | None = None
    qualifier: str | None = None  # one of QUALIFIERS
    unit: str | None = None  # "drones", "prisoners", "strikes"
    weapon: str | None = None
    weapon_model: str | None = None
    actor: str | None = None
    time: Interval = field(default_factory=Interval.unknown)
    evidence: tuple[Evidence, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The claim in the exchange format (spec: incidents.md, "Claim"), JSON-ready."""
        return {
            "id": self.id,
            "report": self.report,
            "kind": self.kind,
            "speaker": self.speaker,
            "source": self.source,
            "quantity": self.quantity,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "weapon": self.weapon,
            "weapon_model": self.weapon_model,
            "actor": self.actor,
            "start": _utc_or_none(self.time.earliest),
            "end": _utc_or_none(self.time.latest),
            "text": self.text,
            "evidence": [e.to_record() for e in self.evidence],
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Claim:
        """Rebuild from a record made by to_record."""
        return cls(
            id=r["id"], kind=r["kind"], text=r["text"], report=r.get("report"), speaker=r.get("speaker"),
            source=r.get("source"), quantity=r.get("quantity"), qualifier=r.get("qualifier"), unit=r.get("unit"),
            weapon=r.get("weapon"), weapon_model=r.get("weapon_model"), actor=r.get("actor"),
            time=Interval(_instant_or_none(r.get("start")), _instant_or_none(r.get("end"))),
            evidence=tuple(Evidence.from_record(e) for e in r.get("evidence") or ()),
        )
