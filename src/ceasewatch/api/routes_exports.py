"""GET /api/export.csv and /api/export.geojson: exactly the incidents the filters select."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from ..core import Ceasewatch
from ..store import IncidentQuery
from .app import get_ceasewatch
from .exports import csv_chunks, geojson_chunks
from .filters import incident_filters
from .routes_incidents import BAD_FILTER, version_keys

router = APIRouter(tags=["exports"])


@router.get("/export.csv", response_class=StreamingResponse, responses={
    **BAD_FILTER, 200: {"content": {"text/csv": {}}, "description": "One row per incident; columns in docs/dashboard.md"}})
def export_csv(query: IncidentQuery = Depends(incident_filters), cw: Ceasewatch = Depends(get_ceasewatch)):
    """Every incident the filters select (paging ignored) as CSV, with each version's verdict."""
    query = cw.incident_query(query)
    chunks = csv_chunks(cw.incident_stream(query), version_keys(cw, query))
    return StreamingResponse(chunks, media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="ceasewatch-incidents.csv"'})


@router.get("/export.geojson", response_class=StreamingResponse, responses={
    **BAD_FILTER, 200: {"content": {"application/geo+json": {}}, "description": "A GeoJSON FeatureCollection"}})
def export_geojson(query: IncidentQuery = Depends(incident_filters), cw: Ceasewatch = Depends(get_ceasewatch)):
    """Every incident the filters select as GeoJSON: points, region polygons, or null geometry."""
    query = cw.incident_query(query)
    chunks = geojson_chunks(cw.incident_stream(query), version_keys(cw, query))
    return StreamingResponse(chunks, media_type="application/geo+json",
                             headers={"Content-Disposition": 'attachment; filename="ceasewatch-incidents.geojson"'})
