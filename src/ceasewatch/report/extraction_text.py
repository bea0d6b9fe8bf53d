"""What `ceasewatch extract` prints for one report: a JSON line, or a readable summary."""

from __future__ import annotations

from typing import Any

from ..model import Claim, Extraction, Incident, Interval, format_utc

REPORT_FIELDS = ("id", "path", "title", "source", "url", "published", "language")


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """The extraction as one JSON object: report, incidents, claims, fulfilments, notes."""
    report = extraction.report
    return {
        "report": {name: getattr(report, name) for name in REPORT_FIELDS},
        "incidents": [i.to_record() for i in extraction.incidents],
        "claims": [c.to_record() for c in extraction.claims],
        "fulfilments": [f.to_record() for f in extraction.fulfilments],
        "notes": list(extraction.notes),
    }


def extraction_summary(extraction: Extraction) -> str:
    """A few lines a person reads: the report, then each incident, claim, record and note."""
    report = extraction.report
    about = ", ".join(x for x in (report.source, report.published) if x)
    lines = [f"{report.path or report.id}: {report.title or '(no title)'}" + (f" ({about})" if about else "")]
    lines.append(f"  report {report.id}")
    lines.append(f"  incidents: {len(extraction.incidents) or 'none'}")
    lines += [f"    {_incident_line(i)}" for i in extraction.incidents]
    if extraction.claims:
        lines.append(f"  claims: {len(extraction.claims)}")
        lines += [f"    {_claim_line(c)}" for c in extraction.claims]
    for record in extraction.fulfilments:
        quantity = record.quantity if isinstance(record.quantity, int) else ", ".join(
            f"{party} {n}" for party, n in record.quantity.items()
        )
        lines.append(f"  {record.kind}: {'/'.join(record.parties)} {quantity}, {interval_text(record.time)}")
    lines += [f"  note: {note}" for note in extraction.notes]
    return "\n".join(lines)


def interval_text(interval: Interval) -> str:
    """'2025-03-18 18:50 UTC', or 'from – to UTC', or 'time unknown'."""
    if not interval.is_known:
        return "time unknown"
    start, end = format_utc(interval.earliest), format_utc(interval.latest)
    if start == end:
        return f"{start[:10]} {start[11:16]} UTC"
    tail = end[11:16] if start[:10] == end[:10] else f"{end[:10]} {end[11:16]}"
    return f"{start[:10]} {start[11:16]} – {tail} UTC"


def _incident_line(incident: Incident) -> str:
    where = incident.place or "place unknown"
    region = ", ".join(x for x in (incident.admin1, incident.country) if x and x != incident.place)
    parts = [
        f"{where} ({region})" if region else where,
        interval_text(incident.time),
        f"actor {incident.actor or '?'}",
        "targets " + (", ".join(incident.targets) or "?"),
    ]
    weapon = incident.weapon_model or incident.weapon
    if weapon:
        parts.append(f"weapon {weapon}")
    if incident.outcome == "intercepted":
        parts.append("intercepted")
    if incident.intent == "unclear":
        parts.append("intent unclear")
    if incident.claimed_by:
        parts.append("claimed by " + "; ".join(incident.claimed_by))
    return " · ".join(parts)


def _claim_line(claim: Claim) -> str:
    who = claim.speaker or claim.source or "unattributed"
    amount = ""
    if claim.quantity is not None:
        qualifier = "" if claim.qualifier in (None, "exactly") else claim.qualifier.replace("_", " ") + " "
        amount = f" {qualifier}{claim.quantity} {claim.unit or ''}".rstrip()
    text = " ".join(claim.text.split())
    return f"{claim.kind} · {who}{amount}: “{text[:100]}{'…' if len(text) > 100 else ''}”"
