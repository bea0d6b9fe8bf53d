"""GeoJSON (RFC 7946): one Feature per strike, a point or its region's polygon.

- point, settlement and district precision: a Point at [lon, lat];
- admin1 precision: the region's Polygon or MultiPolygon when the basemap has its ISO code
  (outer rings anticlockwise, as RFC 7946 asks), else a Point at the region's centre;
- country precision: a Point at the given centre; nothing known: `"geometry": null`.

Properties: every exchange-format field (`lat`, `lon` and `geo_precision` kept, so that a
polygon's incident still says where its centre is), `grade`, `agreement`, `verdicts` (per
version: verdict, reason, unknown, commitment) and a flat `verdict_VERSION` per version for
styling in GIS tools. Records of other kinds (prisoner exchanges) have no place: left out.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import lru_cache
from typing import IO, Any

from shapely.geometry import mapping, shape
from shapely.geometry.polygon import orient

from ..geodata import region_geometry
from .selection import ExportItem, ExportSelection

POINT_PRECISIONS = ("point", "settlement", "district", "country")


def write_geojson(selection: ExportSelection, stream: IO[str]) -> int:
    """A FeatureCollection, one feature per line, written as it is read; returns the count."""
    stream.write('{"type":"FeatureCollection","features":[\n')
    written = 0
    for item in selection.items:
        if not item.is_strike:
            continue
        if written:
            stream.write(",\n")
        feature = incident_feature(item, selection.agreement.id if selection.agreement else None, selection.versions)
        stream.write(json.dumps(feature, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
        written += 1
    stream.write("\n]}\n")
    return written


def incident_feature(item: ExportItem, agreement: str | None, versions: tuple[str, ...]) -> dict[str, Any]:
    """One strike as a GeoJSON Feature."""
    record = item.record
    properties = dict(record)
    properties["grade"] = item.grade
    properties["agreement"] = agreement
    verdicts = item.verdicts or {}
    properties["verdicts"] = {
        v: {"verdict": row.verdict, "reason": row.reason, "unknown": list(row.unknown), "commitment": row.commitment}
        for v in versions if (row := verdicts.get(v)) is not None
    }
    for v in versions:
        row = verdicts.get(v)
        properties[f"verdict_{v}"] = row.verdict if row is not None else None
    return {"type": "Feature", "id": record["id"], "geometry": incident_geometry(record), "properties": properties}


def incident_geometry(record: Mapping[str, Any]) -> dict[str, Any] | None:
    """The geometry by precision (see the module docstring); None when nothing is known."""
    precision = record.get("geo_precision")
    if precision == "admin1" and record.get("admin1_code"):
        region = _region(record["admin1_code"])
        if region is not None:
            return region
    lat, lon = record.get("lat"), record.get("lon")
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if precision in POINT_PRECISIONS or precision == "admin1":
        return {"type": "Point", "coordinates": [lon, lat]}
    return None


@lru_cache(maxsize=512)
def _region(iso: str) -> dict[str, Any] | None:
    """The region's shape with outer rings anticlockwise and holes clockwise (RFC 7946 §3.1.6)."""
    geometry = region_geometry(iso)
    if geometry is None:
        return None
    geom = shape(geometry)
    parts = [orient(p, sign=1.0) for p in getattr(geom, "geoms", [geom])]
    oriented = parts[0] if len(parts) == 1 else type(geom)(parts)
    out = mapping(oriented)
    return {"type": out["type"], "coordinates": _lists(out["coordinates"])}


def _lists(value: Any) -> Any:
    """Shapely's nested tuples as JSON lists."""
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value
