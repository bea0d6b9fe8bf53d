"""The incident list with its filters and exports, and the differences between versions."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..api.app import get_ceasewatch
from ..api.filters import incident_filters
from ..core import Ceasewatch
from ..store import IncidentQuery
from .context import page_context, templates
from .explanations import why

router = APIRouter(include_in_schema=False)


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(request: Request, query: IncidentQuery = Depends(incident_filters),
                   cw: Ceasewatch = Depends(get_ceasewatch)):
    """A page of incidents with a verdict column per version; the URL carries the filters."""
    context = page_context(cw, query, "incidents")
    page = cw.incident_page(context["query"])
    context.update(page=page, pages=_pages(context["query"], page.total))
    return templates.TemplateResponse(request, "incidents.html", context)


@router.get("/differences", response_class=HTMLResponse)
def differences_page(request: Request, query: IncidentQuery = Depends(incident_filters),
                     cw: Ceasewatch = Depends(get_ceasewatch)):
    """Incidents whose verdicts differ between two versions, with the reason each way."""
    context = page_context(cw, query, "differences")
    query, versions = context["query"], [v.key for v in context["versions"]]
    pair = query.differ or (tuple(versions[:2]) if len(versions) >= 2 else None)
    rows, page = [], None
    if pair is not None:
        query = replace(query, differ=pair)
        page = cw.incident_page(query)
        for row in page.rows:
            explained = {v.version: v for v in cw.explain(row.record["id"], query.agreement) if v.version in pair}
            rows.append((row, {key: why(explained[key]) for key in pair if key in explained}))
        context.update(query=query, pages=_pages(query, page.total))
    context.update(pair=pair, rows=rows, page=page)
    return templates.TemplateResponse(request, "differences.html", context)


def _pages(query: IncidentQuery, total: int) -> dict:
    """Offsets of the previous and next pages (None at either end) and where this one sits."""
    previous = max(query.offset - query.limit, 0) if query.offset > 0 else None
    following = query.offset + query.limit if query.offset + query.limit < total else None
    return {"previous": previous, "next": following, "first": query.offset + 1 if total else 0,
            "last": min(query.offset + query.limit, total)}
