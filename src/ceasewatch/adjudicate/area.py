"""Where each incident of a batch stands against a commitment's `area`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import shape

from ..model.agreement import Area
from .geodesy import collector_paused, project_geometry, scale_factor


@dataclass(frozen=True, eq=False)
class AreaFacts:
    """The facts the area finding reads; None for a part the area does not have."""

    country_known: np.ndarray | None  # bool: the incident's country is known
    country_listed: np.ndarray | None  # bool: ... and is one of the area's countries
    inside: np.ndarray | None  # bool: the point lies inside the area's polygons or on their outline
    boundary_m: np.ndarray | None  # metres from the point to the area's outline; nan if not measured


def area_facts(area: Area, country: np.ndarray, countries: tuple[str, ...], lat: np.ndarray,
               x: np.ndarray, y: np.ndarray, measure: np.ndarray) -> AreaFacts:
    """Facts for every row; the outline distance only where `measure` is set (it costs most).

    `country` holds codes into `countries`; x and y are the rows' Web Mercator metres.
    Polygons are taken with straight edges in Web Mercator, as the site index takes them,
    and a plane distance is turned into metres by the scale factor at the point.
    """
    country_known = country_listed = inside = boundary_m = None
    if area.countries:
        wanted = {c.upper() for c in area.countries}
        listed_codes = np.array([i for i, c in enumerate(countries) if c in wanted], dtype=np.int32)
        country_known = country >= 0
        country_listed = np.isin(country, listed_codes)
    if area.geometry is not None:
        plane = project_geometry(shape(area.geometry))
        shapely.prepare(plane)
        located = np.isfinite(x) & np.isfinite(y)
        inside = np.zeros(len(x), dtype=bool)
        inside[located] = shapely.intersects_xy(plane, x[located], y[located])  # the outline counts as inside
        boundary_m = np.full(len(x), np.nan)
        rows = np.flatnonzero(located & measure)
        if rows.size:
            outline = shapely.boundary(plane)
            with collector_paused():
                points = shapely.points(x[rows], y[rows])
                boundary_m[rows] = shapely.distance(points, outline) / scale_factor(lat[rows])
    return AreaFacts(country_known, country_listed, inside, boundary_m)
