"""GeoJSON read strictly: points and polygons checked, each mistake a message (RFC 7946 order: lon, lat)."""

from __future__ import annotations

import json
import math
from typing import Any, Iterator

import shapely
from shapely.geometry import mapping, shape
from shapely.validation import explain_validity

from ..errors import Problem

POLYGON_TYPES = ("Polygon", "MultiPolygon")


def load_json(data: bytes, file: str) -> tuple[Any, list[Problem]]:
    """The decoded JSON of `data` (None and a problem when it is not UTF-8 JSON)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return None, [Problem(file, line, "file", f"not UTF-8 text (byte {e.start})")]
    try:
        return json.loads(text), []
    except json.JSONDecodeError as e:
        return None, [Problem(file, e.lineno, "file", f"not valid JSON: {e.msg} (column {e.colno})")]


def features(doc: Any, file: str, problems: list[Problem]) -> Iterator[tuple[int, dict]]:
    """Yield (index, feature) of a FeatureCollection, adding a problem for each bad one."""
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        got = doc.get("type") if isinstance(doc, dict) else type(doc).__name__
        problems.append(Problem(file, None, "type", f"expected a GeoJSON FeatureCollection, got {got!r}"))
        return
    items = doc.get("features")
    if not isinstance(items, list):
        problems.append(Problem(file, None, "features", "expected a list of features"))
        return
    for i, feature in enumerate(items):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(Problem(file, None, f"features[{i}]", "expected a GeoJSON Feature"))
            continue
        yield i, feature


def point_lon_lat(geometry: dict) -> tuple[float, float] | str:
    """(lon, lat) of a GeoJSON Point, or the message saying what is wrong with it."""
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or len(coords) < 2 or not all(_is_number(c) for c in coords[:2]):
        return f"a Point needs coordinates [lon, lat], got {coords!r}"
    lon, lat = float(coords[0]), float(coords[1])
    message = lon_lat_problem(lon, lat)
    if message and message.startswith("latitude"):
        message += " (GeoJSON order is [lon, lat])"
    return message if message else (lon, lat)


def lon_lat_problem(lon: float, lat: float) -> str | None:
    """Why (lon, lat) is not a place on Earth, or None when it is one."""
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        return f"latitude {lat!r} is outside -90..90"
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        return f"longitude {lon!r} is outside -180..180"
    return None


def polygon_shape(geometry: dict) -> shapely.Geometry | str:
    """The shapely shape of a GeoJSON Polygon or MultiPolygon, or why there is none."""
    kind = geometry.get("type")
    try:
        geom = shape({"type": kind, "coordinates": geometry.get("coordinates")})
    except Exception as e:  # shapely raises several types for malformed coordinates
        return f"not a valid {kind}: malformed coordinates ({e})"
    if geom.is_empty:
        return f"the {kind} is empty"
    if not geom.is_valid:
        return f"not a valid {kind}: {explain_validity(geom)}"
    west, south, east, north = geom.bounds
    outside = lon_lat_problem(west, south) or lon_lat_problem(east, north)
    return outside if outside else geom


def representative_lat_lon(geom: shapely.Geometry) -> tuple[float, float]:
    """The centroid when it lies inside the shape, else a point guaranteed inside it."""
    point = geom.centroid
    if not geom.contains(point):
        point = geom.representative_point()
    return point.y, point.x


def as_geojson(geom: shapely.Geometry) -> dict:
    """A shapely shape as a plain GeoJSON geometry (lists, not tuples: JSON-ready)."""
    return json.loads(json.dumps(mapping(geom)))


def read_area_file(data: bytes, file: str) -> tuple[dict | None, list[Problem]]:
    """One merged Polygon/MultiPolygon from a GeoJSON FeatureCollection, Feature or geometry."""
    doc, problems = load_json(data, file)
    if problems:
        return None, problems
    if isinstance(doc, dict) and doc.get("type") in POLYGON_TYPES:
        located = [("geometry", doc)]
    elif isinstance(doc, dict) and doc.get("type") == "Feature":
        located = [("geometry", doc.get("geometry"))]
    else:
        located = [(f"features[{i}].geometry", f.get("geometry")) for i, f in features(doc, file, problems)]
    shapes = []
    for key, geometry in located:
        if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
            got = geometry.get("type") if isinstance(geometry, dict) else geometry
            problems.append(Problem(file, None, key, f"an area is made of Polygon or MultiPolygon, got {got!r}"))
            continue
        geom = polygon_shape(geometry)
        if isinstance(geom, str):
            problems.append(Problem(file, None, key, geom))
        else:
            shapes.append(geom)
    if not problems and not shapes:
        problems.append(Problem(file, None, "features", "the area file has no polygons"))
    if problems:
        return None, problems
    return as_geojson(shapely.union_all(shapes)), []


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
