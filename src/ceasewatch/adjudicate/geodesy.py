"""Distances on the sphere, and the Web Mercator plane the spatial indexes search in."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

import numpy as np
import shapely

EARTH_RADIUS_M = 6371008.8  # mean Earth radius (IUGG), the sphere every distance is measured on
MERCATOR_MARGIN = 1.02  # widens a search so the scale factor's change across it cannot lose a site
_MAX_LAT = 89.9  # Mercator runs to infinity at the poles; nothing protected lies beyond this


def great_circle_m(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Haversine distance in metres between points given in degrees (numpy broadcasting)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    half_dlat = (p2 - p1) / 2
    half_dlon = np.radians(np.asarray(lon2) - np.asarray(lon1)) / 2
    h = np.sin(half_dlat) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(half_dlon) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


def to_mercator(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Spherical Web Mercator metres: x = R·λ, y = R·ln tan(π/4 + φ/2)."""
    phi = np.radians(np.clip(lat, -_MAX_LAT, _MAX_LAT))
    x = EARTH_RADIUS_M * np.radians(lon)
    y = EARTH_RADIUS_M * np.log(np.tan(np.pi / 4 + phi / 2))
    return x, y


def project_geometry(geometry: shapely.Geometry) -> shapely.Geometry:
    """A lon/lat geometry with every vertex moved to Web Mercator (edges stay straight there)."""
    def project(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(to_mercator(coords[:, 0], coords[:, 1]))

    return shapely.transform(geometry, project)


def scale_factor(lat) -> np.ndarray:
    """Mercator's scale at a latitude, sec φ: plane metres per metre on the sphere."""
    return 1.0 / np.cos(np.radians(np.clip(lat, -_MAX_LAT, _MAX_LAT)))


def plane_search_distance(radius_m, lat) -> np.ndarray:
    """Plane distance that holds every point within `radius_m` on the sphere of `lat`.

    Mercator stretches by sec φ, and φ can change by up to radius/R along the way, so the
    scale is taken at the latitude nearest the pole the radius reaches, then widened by
    MERCATOR_MARGIN. This is at least radius × sec(lat) × 1.02, and never too small.
    """
    reach = np.abs(lat) + np.degrees(np.asarray(radius_m) / EARTH_RADIUS_M)
    return np.asarray(radius_m) * scale_factor(reach) * MERCATOR_MARGIN


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while geometries are made in bulk.

    Every shapely geometry is a tracked object, so a million of them trigger collections
    that walk every live object in the process; with a million Incident objects alive
    (as judge() has them) that walk costs ten times the work itself (2.5 s against 0.2 s
    for a million points, measured). Geometries hold no reference cycles: nothing is
    left uncollected by waiting until they are made.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
