"""GET /api/map: points, grid clusters and regions for one view of the map."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ..core import Ceasewatch
from ..errors import InputError, Problem
from ..store import IncidentQuery
from .app import get_ceasewatch, json_response
from .filters import incident_filters
from .schemas_map import MapOut, map_json

router = APIRouter(tags=["map"])
MAX_ZOOM = 18


@router.get("/map", response_model=MapOut, responses={400: {"description": "A malformed filter or bbox"}})
def get_map(
    query: IncidentQuery = Depends(incident_filters),
    zoom: int = Query(5, ge=0, le=MAX_ZOOM, description="The map's zoom level: sets the clusters' cell size."),
    bbox: str | None = Query(None, max_length=200, description="The view: south,west,north,east in degrees [default: everywhere]."),
    cw: Ceasewatch = Depends(get_ceasewatch),
):
    """What the map draws: every point when the view holds few, else one cluster per grid
    cell (64 pixels at this zoom); region-level incidents by region; the rest counted."""
    query = cw.incident_query(query)
    cells = cw.incident_map(query, parse_bbox(bbox), zoom)
    return json_response(map_json(cells, query.agreement, query.version, zoom))


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) from 'south,west,north,east'; InputError when malformed."""
    if not text:
        return None
    try:
        south, west, north, east = (float(part) for part in text.split(","))
    except ValueError:
        raise InputError([Problem("query", None, "bbox", f"expected south,west,north,east, got {text!r}")]) from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise InputError([Problem("query", None, "bbox", f"not a view on the globe: {text!r}")])
    return south, west, north, east
