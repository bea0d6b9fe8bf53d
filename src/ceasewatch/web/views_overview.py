"""The map (the dashboard's home), the timeline and the terms of each version."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..api.app import get_ceasewatch
from ..api.filters import incident_filters
from ..api.schemas_agreements import commitment_json
from ..core import Ceasewatch
from ..store import IncidentQuery
from . import timeline as timeline_layout
from .context import page_context, templates

router = APIRouter(include_in_schema=False)
TIMELINE_LIMIT = 500  # bars drawn at most; the page says when there are more


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request, query: IncidentQuery = Depends(incident_filters), cw: Ceasewatch = Depends(get_ceasewatch)):
    """The map: markers by verdict under the chosen version, regions, protected sites."""
    context = page_context(cw, query, "map")
    return templates.TemplateResponse(request, "map.html", context)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, query: IncidentQuery = Depends(incident_filters),
                  cw: Ceasewatch = Depends(get_ceasewatch)):
    """Incidents over time per party, against each version's windows and their start bands."""
    context = page_context(cw, query, "timeline")
    query = context["query"]
    page = cw.incident_page(replace(query, limit=TIMELINE_LIMIT, offset=0))
    rows = list(page.rows)
    span = (query.time_from, query.time_to)
    auto = timeline_layout.default_range(context["agreement"], rows)
    start = span[0] or (auto[0] if auto else None)
    end = span[1] or (auto[1] if auto else None)
    drawn = None
    if start is not None and end is not None and end > start:
        drawn = timeline_layout.build(context["agreement"], rows, query.version, start, end,
                                      lambda incident_id: str(request.url_for("incident_page", incident_id=incident_id)))
    context.update(timeline=drawn, total=page.total, shown=len(rows))
    return templates.TemplateResponse(request, "timeline.html", context)


@router.get("/terms", response_class=HTMLResponse)
def terms_page(request: Request, query: IncidentQuery = Depends(incident_filters), cw: Ceasewatch = Depends(get_ceasewatch)):
    """Each version's commitments side by side, their windows in UTC."""
    context = page_context(cw, query, "terms")
    agreement = context["agreement"]
    context["commitments"] = {
        key: [commitment_json(c) for c in version.commitments] for key, version in agreement.versions.items()
    } if agreement else {}
    context["statuses"] = cw.commitment_statuses(agreement.id) if agreement else []
    return templates.TemplateResponse(request, "terms.html", context)
