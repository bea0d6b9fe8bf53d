"""SiteIndex: one site list, projected once, searched for many incidents at a time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

import numpy as np
import shapely
from shapely.geometry import shape

from ..model.agreement import Site, SiteList
from .geodesy import collector_paused, great_circle_m, plane_search_distance, project_geometry, scale_factor, to_mercator


@dataclass(frozen=True, eq=False)
class SiteFacts:
    """What a site list says about each row of a batch, before any rule reads it."""

    distance_m: np.ndarray  # to the nearest site found within the search radius; inf if none
    name_match: np.ndarray  # bool: the incident's `site` is a listed site's id or name


class SiteIndex:
    """A site list's sites in Web Mercator, with an STRtree built on first use."""

    def __init__(self, site_list: SiteList):
        self.site_list = site_list
        sites = site_list.sites
        self.lat = np.array([s.lat for s in sites], dtype=np.float64)
        self.lon = np.array([s.lon for s in sites], dtype=np.float64)
        self.is_area = np.array([_is_area(s) for s in sites], dtype=bool)
        x, y = to_mercator(self.lon, self.lat)
        with collector_paused():
            geometries = shapely.points(x, y)
            for i in np.flatnonzero(self.is_area):
                geometries[i] = project_geometry(shape(sites[i].geometry))
        self.geometries = geometries  # plane geometries, one per site
        self.names = frozenset(
            name.casefold() for s in sites for name in (s.id, s.name) if name
        )

    @property
    def tolerance_m(self) -> float:
        return self.site_list.tolerance_m

    @cached_property
    def tree(self) -> shapely.STRtree:
        with collector_paused():
            return shapely.STRtree(self.geometries)

    def distances_m(self, site: np.ndarray, lat: np.ndarray, lon: np.ndarray,
                    x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Great-circle metres from each point to the site paired with it.

        A point site is measured exactly (haversine). An area site is 0 inside it, else
        the plane distance to its outline divided by the scale factor at the point: close
        for the few kilometres a tolerance spans.
        """
        out = great_circle_m(lat, lon, self.lat[site], self.lon[site])
        area = self.is_area[site]
        if area.any():
            points = shapely.points(x[area], y[area])
            out[area] = shapely.distance(points, self.geometries[site[area]]) / scale_factor(lat[area])
        return out

    def nearest_within(self, lat: np.ndarray, lon: np.ndarray, x: np.ndarray, y: np.ndarray,
                       radius_m: np.ndarray) -> np.ndarray:
        """For each point, the distance to its nearest site if one lies within its radius, else inf.

        One tree query serves the whole batch; rows whose radius or position is unknown
        (nan) are not searched. A returned distance may exceed the radius slightly: the
        plane search is wider than the sphere's, and callers compare again.
        """
        nearest = np.full(len(lat), np.inf)
        rows = np.flatnonzero(np.isfinite(radius_m) & np.isfinite(lat) & np.isfinite(lon))
        if rows.size == 0 or len(self.geometries) == 0:
            return nearest
        with collector_paused():
            points = shapely.points(x[rows], y[rows])
            hits = self.tree.query(points, predicate="dwithin",
                                   distance=plane_search_distance(radius_m[rows], lat[rows]))
            del points
            row, site = rows[hits[0]], hits[1]
            np.minimum.at(nearest, row, self.distances_m(site, lat[row], lon[row], x[row], y[row]))
        return nearest

    def nearest(self, lat: float, lon: float) -> tuple[Site, float] | None:
        """The site nearest one point, over the whole list, and its distance in metres."""
        n = len(self.geometries)
        if n == 0 or not (np.isfinite(lat) and np.isfinite(lon)):
            return None
        x, y = to_mercator(np.full(n, lon), np.full(n, lat))
        d = self.distances_m(np.arange(n), np.full(n, lat), np.full(n, lon), x, y)
        best = int(np.argmin(d))
        return self.site_list.sites[best], float(d[best])

    def matching_names(self, names: Sequence[str]) -> np.ndarray:
        """Which of these (case-folded) names name a site of the list, by id or name."""
        return np.array([name in self.names for name in names], dtype=bool)


def _is_area(site: Site) -> bool:
    return site.geometry is not None and site.geometry.get("type") in ("Polygon", "MultiPolygon")
