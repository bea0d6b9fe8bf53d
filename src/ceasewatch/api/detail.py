"""One incident's page as JSON: the record, its consolidation and grade, traces, history, reports."""

from __future__ import annotations

from typing import Any

from ..core import Ceasewatch
from ..errors import NotFound
from ..model import format_utc
from ..report.trace_text import trace_json
from .consolidation import consolidation_json
from .schemas import incident_json


def incident_detail_json(cw: Ceasewatch, requested_id: str, agreement_id: str | None) -> dict[str, Any]:
    """The IncidentDetail object of the incident an incident or account id names (NotFound if none).

    An account id is answered with its incident, `requested_id` saying which id was asked for.
    """
    incident_id = cw.resolve_id(requested_id)
    agreement = cw.agreement(agreement_id)
    row = cw.incident(incident_id, agreement.id if agreement else None)
    versions = list(agreement.versions) if agreement else []
    traces = [trace_json(v) for v in cw.explain(incident_id, agreement.id)] if agreement else []
    report_ids = cw.incident_reports(incident_id)
    return {
        "requested_id": requested_id,
        "incident": incident_json(row, versions),
        **consolidation_json(cw, incident_id),
        "traces": traces,
        "history": history_json(cw.incident_history(incident_id)),
        "reports": [report_header(cw, report_id) for report_id in report_ids],
        "claims": [c.to_record() for report_id in report_ids for c in _claims(cw, report_id)],
    }


def history_json(revisions) -> list[dict[str, Any]]:
    """Each revision with the fields that changed from the one before."""
    out, before = [], None
    for r in revisions:
        changed = [] if before is None else sorted(k for k in set(before) | set(r.record) if before.get(k) != r.record.get(k))
        out.append({
            "revision": r.revision, "stored_at": format_utc(r.stored_at), "source_file": r.source_file,
            "source_line": r.source_line, "current": r.current, "changed": changed,
        })
        before = r.record
    return out


def _claims(cw: Ceasewatch, report_id: str):
    try:
        return cw.report_claims(report_id)
    except NotFound:
        return []


def report_header(cw: Ceasewatch, report_id: str) -> dict[str, Any]:
    """A cited report's header; `stored: false` when the store does not hold it."""
    try:
        report = cw.report(report_id)
    except NotFound:
        return {"id": report_id, "title": None, "source": None, "url": None, "published": None, "stored": False}
    return {"id": report.id, "title": report.title, "source": report.source, "url": report.url,
            "published": report.published, "stored": True}
