"""Reading the basemap GeoJSON once, and looking regions up by ISO 3166-2 code."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# One file serves the dashboard, the report's map figure and the GeoJSON export, so
# that every surface draws the same borders (Crimea and Sevastopol inside Ukraine).
BASEMAP_RESOURCE = ("web", "static", "data", "basemap.geojson")
ATTRIBUTION = "Regions: geoBoundaries (Runfola et al. 2020), CC BY 4.0; simplified"


@dataclass(frozen=True)
class Region:
    """One first-level region: its ISO 3166-2 code, English name, country and shape."""

    iso: str
    name: str
    country: str  # ISO 3166-1 alpha-2
    geometry: Mapping[str, Any]  # GeoJSON Polygon or MultiPolygon, lon/lat


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: it is read once
class Basemap:
    """Every region of the basemap, by ISO code, with the attribution it must carry."""

    regions: Mapping[str, Region]
    attribution: str

    def countries(self) -> tuple[str, ...]:
        """The countries drawn, sorted."""
        return tuple(sorted({r.country for r in self.regions.values()}))


@lru_cache(maxsize=1)
def basemap() -> Basemap | None:
    """The shipped basemap, read once; None when the package carries no basemap file."""
    path = resources.files("ceasewatch").joinpath(*BASEMAP_RESOURCE)
    if not path.is_file():
        return None
    collection = json.loads(path.read_text(encoding="utf-8"))
    regions = {}
    for feature in collection.get("features", []):
        props = feature.get("properties") or {}
        iso = props.get("iso")
        if iso and feature.get("geometry"):
            regions[iso] = Region(iso, props.get("name") or iso, props.get("country") or iso[:2], feature["geometry"])
    return Basemap(dict(sorted(regions.items())), collection.get("attribution") or ATTRIBUTION)


def region_geometry(iso: str | None) -> Mapping[str, Any] | None:
    """The GeoJSON geometry of the region with ISO 3166-2 code `iso`; None if unknown."""
    shapes = basemap()
    if not iso or shapes is None:
        return None
    region = shapes.regions.get(iso)
    return None if region is None else region.geometry
