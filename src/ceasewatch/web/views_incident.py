"""One incident (every field, evidence in its reports, the trace per version, the history)
and one report with every span that records cite in it."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..api.app import get_ceasewatch
from ..api.consolidation import consolidation_json
from ..api.detail import history_json
from ..core import Ceasewatch
from ..errors import NotFound
from ..store import IncidentQuery
from .context import page_context, templates
from .explanations import why
from .highlight import segments

router = APIRouter(include_in_schema=False)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse, name="incident_page")
def incident_page(request: Request, incident_id: str, agreement: str | None = Query(None, max_length=200),
                  version: str | None = Query(None, max_length=200), cw: Ceasewatch = Depends(get_ceasewatch)):
    """Everything known about one incident, its evidence highlighted in the reports' text.

    An account's id redirects (307) to its incident's page, keeping the query string.
    """
    resolved = cw.resolve_id(incident_id)
    if resolved != incident_id:
        target = f"/incidents/{quote(resolved, safe='')}"
        return RedirectResponse(f"{target}?{request.url.query}" if request.url.query else target, status_code=307)
    context = page_context(cw, IncidentQuery(agreement=agreement, version=version), "incidents")
    found = context["agreement"]
    row = cw.incident(incident_id, found.id if found else None)
    verdicts = cw.explain(incident_id, found.id) if found else []
    evidence = row.record.get("evidence") or []
    reports = []
    claims = []
    for report_id in cw.incident_reports(incident_id):
        claims += cw.report_claims(report_id)
        spans = [e for e in evidence if e["report"] == report_id]
        try:
            report = cw.report(report_id)
        except NotFound:
            reports.append({"id": report_id, "report": None, "spans": spans, "segments": None})
            continue
        reports.append({"id": report_id, "report": report, "spans": spans, "segments": segments(report.text, spans)})
    context.update(
        row=row, record=row.record, verdicts=verdicts, why={v.version: why(v) for v in verdicts},
        history=history_json(cw.incident_history(incident_id)), reports=reports, claims=claims,
        consolidation=consolidation_json(cw, incident_id),
        report_titles={rep["id"]: rep["report"].title for rep in reports if rep["report"] is not None},
    )
    return templates.TemplateResponse(request, "incident.html", context)


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: str, cw: Ceasewatch = Depends(get_ceasewatch)):
    """A report's text with every span that a record cites highlighted."""
    context = page_context(cw, IncidentQuery(), "incidents")
    report = cw.report(report_id)
    citing = cw.report_citations(report_id)
    spans = [e for r in citing for e in r.get("evidence") or () if e.get("report") == report_id]
    context.update(report=report, citing=citing, segments=segments(report.text, spans))
    return templates.TemplateResponse(request, "report.html", context)
