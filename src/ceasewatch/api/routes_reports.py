"""GET /api/reports/{id} (text and evidence spans) and /api/sources."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from ..core import Ceasewatch
from .app import get_ceasewatch, json_response
from .schemas_consolidation import SourceOut, source_json
from .schemas_detail import ReportOut

router = APIRouter(tags=["reports"])


@router.get("/reports/{report_id}", response_model=ReportOut, responses={404: {"description": "No such report"}})
def get_report(report_id: str, cw: Ceasewatch = Depends(get_ceasewatch)):
    """A stored report's text and every evidence span that a record cites in it."""
    report = cw.report(report_id)
    spans = [
        {"record": record["id"], "report": report_id, "start": e["start"], "end": e["end"], "text": e["text"],
         **({"field": e["field"]} if e.get("field") is not None else {})}
        for record in cw.report_citations(report_id)
        for e in record.get("evidence") or ()
        if e.get("report") == report_id
    ]
    spans.sort(key=lambda s: (s["start"], s["end"], s["record"]))
    return json_response({
        "id": report.id, "title": report.title, "source": report.source, "url": report.url,
        "published": report.published, "language": report.language, "text": report.text, "spans": spans,
    })


@router.get("/sources", response_model=list[SourceOut])
def list_sources(cw: Ceasewatch = Depends(get_ceasewatch)):
    """The sources of the registry in use (the built-in one, or the last sources file ingested),
    sorted by name: names and aliases, kind, affiliation and Admiralty reliability grade."""
    return json_response([source_json(s) for s in cw.sources()])
