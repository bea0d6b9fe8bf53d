"""Site lists from GeoJSON (points and polygons) or CSV (with a column mapping and a row filter).

Problems name the site file as the caller gives it, the CSV line (GeoJSON has no useful
lines: the feature index is in the key instead, `features[3].geometry`) and the field.
Point sites keep `geometry=None`: a 100,000-row registry must load in a fraction of a second,
so no shapely object is built per point.
"""

from __future__ import annotations

import csv
import io
import math
from typing import Mapping

from ..errors import Problem
from ..model.agreement import Site
from ..model.taxonomy import is_code
from .geojson import (features, lon_lat_problem, load_json, point_lon_lat, polygon_shape,
                      representative_lat_lon)

FORMATS = {".geojson": "geojson", ".json": "geojson", ".csv": "csv"}
COLUMN_FIELDS = ("id", "name", "lat", "lon", "category")
REQUIRED_COLUMNS = ("id", "lat", "lon")
MAX_PROBLEMS = 100  # per file: past this, one line says how many more there are


def site_file_format(path: str) -> str | None:
    """'geojson' or 'csv' from the file's extension; None for any other."""
    lowered = path.lower()
    return next((fmt for ext, fmt in FORMATS.items() if lowered.endswith(ext)), None)


def read_site_file(
    data: bytes,
    file: str,
    *,
    columns: Mapping[str, str] | None = None,
    where: Mapping[str, str] | None = None,
    category: str | None = None,
) -> tuple[tuple[Site, ...], list[Problem]]:
    """The sites of a GeoJSON or CSV file (by `file`'s extension) and every problem found.

    `columns` maps id, name, lat, lon, category to CSV column names (default: the same
    names); `where` keeps CSV rows whose columns equal the values; `category` is the
    taxonomy code of sites that give none of their own.
    """
    if site_file_format(file) == "geojson":
        sites, problems = _read_geojson(data, file, category)
    else:
        sites, problems = _read_csv(data, file, columns or {}, where or {}, category)
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = problems[:MAX_PROBLEMS] + [Problem(file, None, "file", f"{more} more problems not shown")]
    return sites, problems


def _read_geojson(data: bytes, file: str, category: str | None) -> tuple[tuple[Site, ...], list[Problem]]:
    doc, problems = load_json(data, file)
    if problems:
        return (), problems
    sites: list[Site] = []
    seen: dict[str, str] = {}  # site id -> key of the feature that first had it
    for i, feature in features(doc, file, problems):
        key = f"features[{i}]"
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            problems.append(Problem(file, None, f"{key}.properties", "expected an object"))
            props = {}
        site_id = _feature_id(feature, props)
        ok = site_id is not None and site_id not in seen
        if site_id is None:
            problems.append(Problem(file, None, f"{key}.id", "a site needs an id (feature id or properties.id)"))
        elif site_id in seen:
            problems.append(Problem(file, None, f"{key}.id", f"duplicate site id {site_id!r} (also {seen[site_id]})"))
        else:
            seen[site_id] = key
        code = props.get("category")
        if code not in (None, "") and not (isinstance(code, str) and is_code(code)):
            problems.append(Problem(file, None, f"{key}.properties.category", f"unknown taxonomy code {code!r}"))
            ok = False
        located = _feature_place(feature.get("geometry"), file, f"{key}.geometry", problems)
        if not ok or located is None:
            continue
        lat, lon, geometry = located
        name = props.get("name")
        sites.append(Site(site_id, None if name is None else str(name), lat, lon,
                          code if isinstance(code, str) and code else category, geometry))
    return tuple(sites), problems


def _feature_id(feature: dict, props: dict) -> str | None:
    for value in (feature.get("id"), props.get("id")):
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _feature_place(geometry, file: str, key: str, problems: list[Problem]):
    """(lat, lon, geometry or None) of a feature's Point/Polygon/MultiPolygon, else None."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind == "Point":
        found = point_lon_lat(geometry)
        if isinstance(found, str):
            problems.append(Problem(file, None, f"{key}.coordinates", found))
            return None
        return found[1], found[0], None
    if kind in ("Polygon", "MultiPolygon"):
        geom = polygon_shape(geometry)
        if isinstance(geom, str):
            problems.append(Problem(file, None, key, geom))
            return None
        lat, lon = representative_lat_lon(geom)
        return lat, lon, {"type": kind, "coordinates": geometry["coordinates"]}
    problems.append(Problem(file, None, key, f"a site is a Point, Polygon or MultiPolygon, got {kind or geometry!r}"))
    return None


def _read_csv(
    data: bytes, file: str, columns: Mapping[str, str], where: Mapping[str, str], category: str | None
) -> tuple[tuple[Site, ...], list[Problem]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return (), [Problem(file, data[: e.start].count(b"\n") + 1, "file", f"not UTF-8 text (byte {e.start})")]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip() for name in next(reader, [])]
    if not header:
        return (), [Problem(file, 1, "header", "the file is empty: a CSV site list needs a header row")]
    # With a mapping only the fields it names are read; without one, the columns called
    # id, name, lat, lon (and category) are, name and category only when present.
    fields = {f: columns.get(f, f if f in REQUIRED_COLUMNS or not columns else None) for f in COLUMN_FIELDS}
    wanted = [fields[f] for f in REQUIRED_COLUMNS] + [c for f, c in columns.items() if f not in REQUIRED_COLUMNS]
    missing = [c for c in dict.fromkeys(wanted + list(where)) if c not in header]
    if missing:
        shown = ", ".join(header[:30]) + (", …" if len(header) > 30 else "")
        return (), [Problem(file, 1, "header", f"missing columns: {', '.join(missing)} (the header has: {shown})")]
    problems: list[Problem] = []
    index = {name: header.index(name) for name in header}
    i_id, i_lat, i_lon = (index[fields[f]] for f in REQUIRED_COLUMNS)
    i_name = index.get(fields["name"]) if fields["name"] else None
    i_cat = index.get(fields["category"]) if fields["category"] else None
    tests = [(index[col], value) for col, value in where.items()]
    sites: list[Site] = []
    seen: dict[str, int] = {}  # site id -> line
    width = len(header)
    line = reader.line_num
    for row in reader:
        start, line = line + 1, reader.line_num  # a quoted field may span lines: name the first
        if not row:
            continue
        if len(row) != width:
            problems.append(Problem(file, start, "row", f"has {len(row)} fields; the header has {width}"))
            continue
        if any(row[i] != value for i, value in tests):
            continue
        site = _csv_site(row, start, file, fields, (i_id, i_lat, i_lon, i_name, i_cat), category, problems)
        if site is None:
            continue
        if site.id in seen:
            problems.append(Problem(file, start, fields["id"],
                                    f"duplicate site id {site.id!r} (also on line {seen[site.id]})"))
            continue
        seen[site.id] = start
        sites.append(site)
    return tuple(sites), problems


def _csv_site(row, line, file, fields, at, category, problems) -> Site | None:
    i_id, i_lat, i_lon, i_name, i_cat = at
    ok = True
    site_id = row[i_id].strip()
    if not site_id:
        problems.append(Problem(file, line, fields["id"], "empty site id"))
        ok = False
    lat = _number(row[i_lat])
    lon = _number(row[i_lon])
    if lat is None or lon is None:
        for value, column, what in ((lat, fields["lat"], row[i_lat]), (lon, fields["lon"], row[i_lon])):
            if value is None:
                problems.append(Problem(file, line, column, f"not a number: {what!r}"))
        ok = False
    else:
        bad = lon_lat_problem(lon, lat)
        if bad:
            problems.append(Problem(file, line, fields["lat"] if bad.startswith("lat") else fields["lon"], bad))
            ok = False
    code = row[i_cat].strip() if i_cat is not None else ""
    if code and not is_code(code):
        problems.append(Problem(file, line, fields["category"], f"unknown taxonomy code {code!r}"))
        ok = False
    if not ok:
        return None
    name = row[i_name].strip() if i_name is not None else ""
    return Site(site_id, name or None, lat, lon, code or category)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
