"""The map figure: incidents on the region basemap, drawn from GeoJSON polygons, no tiles.

Coordinates are plotted as longitude and latitude with the aspect set for the map's middle
latitude (an equirectangular view): enough for a figure, and needs no projection library.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import shapely
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.path import Path
from shapely.geometry import shape
from shapely.geometry.polygon import orient

from ...geodata import Basemap, basemap
from .data import VERDICT_COLUMNS, ComplianceData

POINT_PRECISIONS = ("point", "settlement", "district")
# Where the map looks when nothing is located: Ukraine and its borders with Russia.
DEFAULT_EXTENT = (22.0, 41.0, 44.0, 53.0)  # lon0, lon1, lat0, lat1
_PAD = 1.5  # degrees around the incidents
LABEL_LIMIT = 25  # with this many incidents or fewer, each is labelled with its place
_MIN_SPAN = (8.0, 5.0)  # lon, lat degrees: never zoom closer than this
_SEVERITY = {v: i for i, v in enumerate(VERDICT_COLUMNS)}  # 0 = most severe


def draw_map(data: ComplianceData, colours: Mapping[str, str]) -> tuple[Figure, int, str]:
    """(figure, incidents not drawn, attribution): one panel per version shown."""
    shapes = basemap()
    points = [e for e in data.entries if e.record.get("geo_precision") in POINT_PRECISIONS
              and e.record.get("lat") is not None]
    regional = [e for e in data.entries if e.record.get("geo_precision") == "admin1" and e.record.get("admin1_code")]
    drawable_regions = [e for e in regional if shapes is not None and e.record["admin1_code"] in shapes.regions]
    unmapped = len(data.entries) - len(points) - len(drawable_regions)
    extent = _extent(points, drawable_regions, shapes)
    n = len(data.versions)
    cols = min(n, 2)
    rows = math.ceil(n / cols)
    aspect = 1 / math.cos(math.radians((extent[2] + extent[3]) / 2))
    width = 5.4 * cols
    height = width / cols * (extent[3] - extent[2]) * aspect / (extent[1] - extent[0]) * rows + 0.9
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False)
    for i, version in enumerate(data.versions):
        ax = axes[i // cols][i % cols]
        if shapes is not None:
            _draw_regions(ax, shapes)
            _shade_regions(ax, shapes, drawable_regions, version, colours)
        _draw_points(ax, points, version, colours)
        if len(points) + len(drawable_regions) <= LABEL_LIMIT:
            _label(ax, points + drawable_regions, extent)
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_aspect(aspect)
        ax.set_title(version, fontsize=9, loc="left")
        ax.tick_params(labelsize=7)
        ax.set_facecolor("#e8e8e4")  # outside the basemap: sea and other countries alike
    for j in range(n, rows * cols):
        axes[j // cols][j % cols].set_visible(False)
    present = {e.verdict(v) for e in points + drawable_regions for v in data.versions}
    handles = [Patch(color=colours[v], label=v) for v in VERDICT_COLUMNS if v in present]
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=7, frameon=False)
    attribution = shapes.attribution if shapes is not None else "No basemap installed: incidents only"
    return fig, unmapped, attribution


def _draw_regions(ax, shapes: Basemap) -> None:
    """Region fills and thin edges, then each country's outline thicker on top."""
    paths = [_region_path(shapes, iso) for iso in shapes.regions]
    ax.add_collection(PathCollection(paths, facecolors="#fbfbf8", edgecolors="#9a9a9a", linewidths=0.3))
    outlines = [_path(_country_outline(shapes, country)) for country in shapes.countries()]
    ax.add_collection(PathCollection(outlines, facecolors="none", edgecolors="#444444", linewidths=0.9))


def _shade_regions(ax, shapes: Basemap, entries: list, version: str, colours: Mapping[str, str]) -> None:
    """Each region with region-level incidents, in the colour of their most severe verdict."""
    worst: dict[str, str] = {}
    for e in entries:
        code, verdict = e.record["admin1_code"], e.verdict(version)
        if code not in worst or _SEVERITY[verdict] < _SEVERITY[worst[code]]:
            worst[code] = verdict
    for code in sorted(worst, key=lambda c: (-_SEVERITY[worst[c]], c)):
        colour = colours[worst[code]]
        path = _region_path(shapes, code)
        ax.add_collection(PathCollection([path], facecolors=colour, edgecolors=colour, alpha=0.35, linewidths=1.2))


def _draw_points(ax, entries: list, version: str, colours: Mapping[str, str]) -> None:
    """Dots per verdict, the most severe drawn last (on top); districts as rings."""
    for verdict in reversed(VERDICT_COLUMNS):
        for district in (False, True):
            chosen = [e for e in entries if e.verdict(version) == verdict
                      and (e.record["geo_precision"] == "district") == district]
            if not chosen:
                continue
            lon = [e.record["lon"] for e in chosen]
            lat = [e.record["lat"] for e in chosen]
            if district:
                ax.scatter(lon, lat, s=_dot_size(len(entries)) * 1.8, facecolors="none", edgecolors=colours[verdict],
                           linewidths=1.2)
            else:
                ax.scatter(lon, lat, s=_dot_size(len(entries)), c=colours[verdict], edgecolors="white",
                           linewidths=0.5)


def _dot_size(n: int) -> float:
    """Large dots for a few incidents, small ones for thousands (they would hide each other)."""
    return 40.0 if n <= 200 else 12.0 if n <= 5000 else 3.0


def _label(ax, entries: list, extent: tuple[float, float, float, float]) -> None:
    """Each incident's place name beside it (its region's centre for a region-level one)."""
    for e in sorted(entries, key=lambda e: e.id):
        r = e.record
        if r.get("lat") is None:
            continue
        if not (extent[0] <= r["lon"] <= extent[1] and extent[2] <= r["lat"] <= extent[3]):
            continue
        ax.annotate(r.get("place") or r.get("admin1_code"), (r["lon"], r["lat"]), xytext=(4, 3),
                    textcoords="offset points", fontsize=6.5, color="#222222")


def _extent(points: list, regional: list, shapes: Basemap | None) -> tuple[float, float, float, float]:
    """The incidents' bounding box, padded and at least _MIN_SPAN wide."""
    lons = [e.record["lon"] for e in points]
    lats = [e.record["lat"] for e in points]
    for e in regional:
        x0, y0, x1, y1 = _bounds(shapes, e.record["admin1_code"])
        lons += [x0, x1]
        lats += [y0, y1]
    if not lons:
        return DEFAULT_EXTENT
    lon0, lon1, lat0, lat1 = min(lons) - _PAD, max(lons) + _PAD, min(lats) - _PAD, max(lats) + _PAD
    lon0, lon1 = _widen(lon0, lon1, _MIN_SPAN[0])
    lat0, lat1 = _widen(lat0, lat1, _MIN_SPAN[1])
    return (lon0, lon1, lat0, lat1)


def _widen(low: float, high: float, span: float) -> tuple[float, float]:
    if high - low >= span:
        return low, high
    middle = (low + high) / 2
    return middle - span / 2, middle + span / 2


@lru_cache(maxsize=512)
def _bounds(shapes: Basemap, code: str) -> tuple[float, float, float, float]:
    return shape(shapes.regions[code].geometry).bounds


@lru_cache(maxsize=512)
def _region_path(shapes: Basemap, code: str) -> Path:
    return _path(shapes.regions[code].geometry)


@lru_cache(maxsize=8)
def _country_outline(shapes: Basemap, country: str) -> Mapping[str, Any]:
    """The union of a country's regions, as GeoJSON."""
    parts = [shape(r.geometry) for r in shapes.regions.values() if r.country == country]
    return shapely.geometry.mapping(shapely.union_all(parts))


def _path(geometry: Mapping[str, Any]) -> Path:
    """A matplotlib Path for a (Multi)Polygon: outer rings anticlockwise, holes clockwise."""
    geom = shape(geometry)
    polygons = list(getattr(geom, "geoms", [geom]))
    vertices: list = []
    codes: list = []
    for polygon in polygons:
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        polygon = orient(polygon, sign=1.0)
        for ring in (polygon.exterior, *polygon.interiors):
            xy = list(ring.coords)
            vertices += xy
            codes += [Path.MOVETO] + [Path.LINETO] * (len(xy) - 2) + [Path.CLOSEPOLY]
    return Path(vertices or [(0, 0)], codes or None)
