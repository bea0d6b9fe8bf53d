"""Response shapes of the map: points, grid clusters, regions, protected sites."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from ..geodata import basemap
from ..store import MapCells


class MapPointOut(BaseModel):
    """One incident as a marker: coloured by its verdict under the version shown, shaped by grade."""

    id: str
    lat: float
    lon: float
    place: str | None = None
    actor: str | None = None
    precision: str
    verdict: str = Field(description="Under the version shown; `unjudged` when it has none.")
    reason: str | None = None
    grade: str | None = None


class MapClusterOut(BaseModel):
    """Several incidents in one grid cell: their mean position, count, verdicts and extent."""

    lat: float
    lon: float
    count: int
    verdicts: dict[str, int]
    south: float
    west: float
    north: float
    east: float


class MapRegionOut(BaseModel):
    """Incidents known only to a region: the map shades the region itself."""

    code: str
    name: str | None = None
    count: int
    verdicts: dict[str, int]


class MapOut(BaseModel):
    """What the map draws for one view."""

    agreement: str | None
    version: str | None
    zoom: int
    clustered: bool = Field(description="True when the view held too many points and they were grouped into cells.")
    total: int = Field(description="Every incident the filters select, mapped or not.")
    unmapped: int = Field(description="Incidents known only to a country, or not located: not on the map.")
    verdicts: dict[str, int] = Field(description="All selected incidents by verdict under the version shown.")
    points: list[MapPointOut]
    clusters: list[MapClusterOut]
    regions: list[MapRegionOut]


class FeatureCollectionOut(BaseModel):
    """A GeoJSON FeatureCollection."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[dict[str, Any]]


def map_json(cells: MapCells, agreement: str | None, version: str | None, zoom: int) -> dict[str, Any]:
    """The MapOut object of a view."""
    return {
        "agreement": agreement, "version": version, "zoom": zoom, "clustered": cells.clustered,
        "total": cells.total, "unmapped": cells.unmapped, "verdicts": dict(cells.verdicts),
        "points": [vars(p) for p in cells.points],
        "clusters": [vars(c) for c in cells.clusters],
        "regions": [{"code": r.code, "name": region_name(r.code), "count": r.count, "verdicts": r.verdicts}
                    for r in cells.regions],
    }


def region_name(code: str) -> str | None:
    """A region's English name from the basemap, or None for a code it does not have."""
    shapes = basemap()
    region = shapes.regions.get(code) if shapes else None
    return region.name if region else None


def sites_json(agreement) -> dict[str, Any]:
    """Every listed protected site of an agreement as GeoJSON (points, or the site's own shape)."""
    features = []
    for site_list in agreement.site_lists.values():
        for site in site_list.sites:
            geometry = dict(site.geometry) if site.geometry else {"type": "Point", "coordinates": [site.lon, site.lat]}
            features.append({
                "type": "Feature",
                "geometry": geometry,
                "properties": {"id": site.id, "name": site.name, "list": site_list.key,
                               "category": site.category or site_list.category, "listed_by": site_list.listed_by},
            })
    return {"type": "FeatureCollection", "features": features}
