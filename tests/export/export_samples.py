"""A structural check of GeoJSON (RFC 7946) for the export tests."""

from __future__ import annotations

import itertools
import json
import math
from typing import Any

GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")


def load_strict_json(text: str) -> Any:
    """json.loads that refuses NaN and Infinity, which RFC 8259 (and so GeoJSON) does not allow."""
    def refuse(name):
        raise ValueError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


def geojson_problems(collection: Any) -> list[str]:
    """What breaks RFC 7946 in a FeatureCollection, as messages (empty: it validates)."""
    problems = []
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return ["not a FeatureCollection"]
    if not isinstance(collection.get("features"), list):
        return ["features is not a list"]
    for i, feature in enumerate(collection["features"]):
        where = f"features[{i}]"
        if feature.get("type") != "Feature":
            problems.append(f"{where}: type is not Feature")
        if "geometry" not in feature or "properties" not in feature:
            problems.append(f"{where}: needs geometry and properties members (null allowed)")
        if not isinstance(feature.get("properties"), (dict, type(None))):
            problems.append(f"{where}: properties is not an object")
        if "id" in feature and not isinstance(feature["id"], (str, int, float)):
            problems.append(f"{where}: id is neither a string nor a number")
        if feature.get("geometry") is not None:
            problems += [f"{where}.geometry: {p}" for p in geometry_problems(feature["geometry"])]
    return problems


def geometry_problems(geometry: dict) -> list[str]:
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind not in GEOMETRY_TYPES:
        return [f"unknown type {kind!r}"]
    if kind == "Point":
        return position_problems(coords)
    if kind == "Polygon":
        return polygon_problems(coords)
    if kind == "MultiPolygon":
        return [p for polygon in coords for p in polygon_problems(polygon)] if coords else ["no polygons"]
    return []


def position_problems(position: Any) -> list[str]:
    if not isinstance(position, list) or len(position) not in (2, 3):
        return [f"position {position!r} is not [lon, lat]"]
    if not all(isinstance(x, (int, float)) and math.isfinite(x) for x in position):
        return [f"position {position!r} has a non-number"]
    lon, lat = position[:2]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return [f"position {position!r} is out of range (longitude first)"]
    return []


def polygon_problems(rings: Any) -> list[str]:
    if not isinstance(rings, list) or not rings:
        return ["a polygon needs at least one ring"]
    problems = []
    for n, ring in enumerate(rings):
        if len(ring) < 4:
            problems.append(f"ring {n} has fewer than 4 positions")
            continue
        for position in ring:
            problems += position_problems(position)
        if ring[0] != ring[-1]:
            problems.append(f"ring {n} is not closed")
        area = signed_area(ring)
        if (n == 0 and area <= 0) or (n > 0 and area >= 0):
            problems.append(f"ring {n} winds the wrong way (exterior anticlockwise, holes clockwise)")
    return problems


def signed_area(ring: list) -> float:
    """Positive for an anticlockwise ring (the shoelace formula)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring)) / 2
