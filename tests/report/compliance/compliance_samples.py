"""Hand-made records, verdicts and ComplianceData for the compliance report's tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ceasewatch.ingest import load_agreement
from ceasewatch.model import UTC
from ceasewatch.report.compliance import ComplianceData, Entry
from ceasewatch.store import VerdictRow

EXAMPLE_AGREEMENT = Path(__file__).resolve().parents[3] / "examples" / "energy-moratorium-2025" / "agreement.yaml"
AS_OF = datetime(2025, 4, 1, tzinfo=UTC)


def record(incident_id: str, start: str | None = "2025-03-18T18:50:00Z", end: str | None = None,
           **fields: Any) -> dict[str, Any]:
    """An exchange-format strike record with only the fields a test names."""
    out = {"id": incident_id, "kind": "strike", "start": start, "end": end or start, "actor": "RU",
           "targets": ["energy.grid"], "geo_precision": "unknown", "counts": {}, "claimed_by": [], "denied_by": [],
           "evidence": []}
    out.update(fields)
    return out


def verdict(incident_id: str, version: str, name: str, reason: str | None = None, unknown: tuple[str, ...] = (),
            commitment: str | None = "ru-halt") -> VerdictRow:
    return VerdictRow(incident_id, version, name, reason, unknown, commitment)


def entry(rec: dict[str, Any], grade: str = "ungraded", **verdicts: tuple) -> Entry:
    """An Entry; each keyword is a version: (verdict, reason) or (verdict, reason, unknown, commitment)."""
    rows = {v: verdict(rec["id"], v, *args) for v, args in verdicts.items()}
    return Entry(rec, grade, rows)


def data(entries: list[Entry], versions: tuple[str, ...] = ("us-ua", "kremlin"), **extra: Any) -> ComplianceData:
    """ComplianceData over the example agreement, without a store."""
    fields = {"agreement": load_agreement(EXAMPLE_AGREEMENT), "versions": versions, "time_from": None, "time_to": None,
                  "as_of": AS_OF, "entries": tuple(entries), "stored_strikes": len(entries), "commitments": (),
                  "fingerprint": "sha256:" + "0" * 64}
    fields.update(extra)
    return ComplianceData(**fields)
