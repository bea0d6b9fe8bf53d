"""The map's questions: incidents as points, grid clusters and regions, counted in SQL.

A browser cannot draw 100,000 markers, so the points of a view are grouped into grid cells,
one cluster per cell; only a sparse view gets every point.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from .connection import Connected
from .queries import POINT_PRECISIONS, IncidentQuery, grade_column, join_verdicts, query_conditions
from .tables import incidents, verdicts

NO_VERDICT = "unjudged"  # the verdict key of incidents without a verdict under the version shown


@dataclass(frozen=True)
class MapPoint:
    """One incident drawn as a marker."""

    id: str
    lat: float
    lon: float
    place: str | None
    actor: str | None
    precision: str
    verdict: str  # under the version shown, or "unjudged"
    reason: str | None
    grade: str | None


@dataclass(frozen=True)
class MapCluster:
    """Several incidents in one grid cell: their centre, count, verdicts and extent."""

    lat: float
    lon: float
    count: int
    verdicts: dict[str, int]
    south: float
    west: float
    north: float
    east: float


@dataclass(frozen=True)
class MapRegion:
    """Incidents known only to a region (admin1), drawn as that region."""

    code: str
    count: int
    verdicts: dict[str, int]


@dataclass(frozen=True)
class MapCells:
    """What the map draws for one view."""

    points: tuple[MapPoint, ...] = ()
    clusters: tuple[MapCluster, ...] = ()
    regions: tuple[MapRegion, ...] = ()
    unmapped: int = 0  # incidents known only to a country, or not located
    clustered: bool = False
    total: int = 0  # every incident the filters select
    verdicts: dict[str, int] = field(default_factory=dict)  # all of them, by verdict shown


class MapStore(Connected):
    """The map's questions; part of Store."""

    def map_cells(
        self,
        query: IncidentQuery,
        bbox: tuple[float, float, float, float] | None,
        cell_deg: float,
        point_limit: int,
    ) -> MapCells:
        """Points (or grid clusters of `cell_deg` when more than `point_limit`) inside
        `bbox` (south, west, north, east), region-level incidents by region, and the rest counted.

        Colours come from the verdict under `query.version` of `query.agreement`.
        """
        # Two plain reads and the grouping in Python: joining every incident to its verdict
        # in SQL costs a probe per incident, several times what reading both lists costs.
        where, joins = query_conditions(query)
        c = incidents.c
        selected = join_verdicts(
            select(c.id, c.lat, c.lon, c.geo_precision, c.admin1_code).select_from(incidents), joins, query
        ).where(*where)
        with self._read() as conn:
            shown = self._shown_verdicts(conn, query)
            overall: Counter = Counter()
            regions: dict[str, Counter] = defaultdict(Counter)
            in_view: list[tuple[str, float, float, str]] = []
            unmapped = 0
            for incident_id, lat, lon, precision, region in conn.execute(selected):
                verdict = shown.get(incident_id, _UNJUDGED)[0]
                overall[verdict] += 1
                if precision in POINT_PRECISIONS and lat is not None and lon is not None:
                    if bbox is None or _inside(bbox, lat, lon):
                        in_view.append((incident_id, lat, lon, verdict))
                elif precision == "admin1" and region is not None:
                    regions[region][verdict] += 1
                else:
                    unmapped += 1
            clustered = len(in_view) > point_limit
            if clustered:
                clusters, singles = _group(in_view, cell_deg)
            else:
                clusters, singles = [], [row[0] for row in in_view]
            points = self._points(conn, singles, shown)
        return MapCells(
            points=tuple(points), clusters=tuple(clusters),
            regions=tuple(MapRegion(code, sum(n.values()), dict(n)) for code, n in sorted(regions.items())),
            unmapped=unmapped, clustered=clustered, total=sum(overall.values()), verdicts=dict(overall),
        )

    def _shown_verdicts(self, conn, query: IncidentQuery) -> dict[str, tuple[str, str | None]]:
        """incident id -> (verdict, reason) under the version shown."""
        if query.agreement is None or query.version is None:
            return {}
        v = verdicts.c
        rows = conn.execute(select(v.incident_id, v.verdict, v.reason).where(
            v.agreement_id == query.agreement, v.version == query.version))
        return {incident_id: (verdict, reason) for incident_id, verdict, reason in rows}

    def _points(self, conn, ids: list[str], shown) -> list[MapPoint]:
        c = incidents.c
        points = []
        for start in range(0, len(ids), _IDS_PER_QUERY):
            part = ids[start:start + _IDS_PER_QUERY]
            columns = select(c.id, c.lat, c.lon, c.place, c.actor, c.geo_precision, grade_column())
            for row in conn.execute(columns.where(c.id.in_(part))):
                verdict, reason = shown.get(row.id, _UNJUDGED)
                points.append(MapPoint(row.id, row.lat, row.lon, row.place, row.actor, row.geo_precision,
                                       verdict, reason, row.grade))
        return sorted(points, key=lambda p: p.id)


_UNJUDGED = (NO_VERDICT, None)
_IDS_PER_QUERY = 900  # under every backend's limit on bound parameters


def _inside(bbox: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    south, west, north, east = bbox
    if not south <= lat <= north:
        return False
    if west <= east:
        return west <= lon <= east
    return lon >= west or lon <= east  # the view crosses the antimeridian


def _group(rows, cell_deg: float) -> tuple[list[MapCluster], list[str]]:
    """Grid cells of `cell_deg`: a cluster per cell of two or more, the ids of lone incidents."""
    cells: dict[tuple[int, int], list] = {}
    for incident_id, lat, lon, verdict in rows:
        key = (math.floor((lat + 90) / cell_deg), math.floor((lon + 180) / cell_deg))
        cell = cells.get(key)
        if cell is None:
            cells[key] = [1, lat, lon, lat, lon, lat, lon, Counter({verdict: 1}), incident_id]
            continue
        cell[0] += 1
        cell[1] += lat
        cell[2] += lon
        cell[3], cell[4] = min(cell[3], lat), min(cell[4], lon)
        cell[5], cell[6] = max(cell[5], lat), max(cell[6], lon)
        cell[7][verdict] += 1
    clusters, singles = [], []
    for n, lat_sum, lon_sum, south, west, north, east, counts, first in cells.values():
        if n == 1:
            singles.append(first)
        else:
            clusters.append(MapCluster(lat_sum / n, lon_sum / n, n, dict(counts), south, west, north, east))
    clusters.sort(key=lambda k: (k.lat, k.lon))
    return clusters, singles
