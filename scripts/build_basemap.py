"""Rebuild the dashboard's basemap from the geoBoundaries ADM1 files in ../shared/structured.

    .venv/bin/python scripts/build_basemap.py [--boundaries DIR] [--tolerance 0.02]

Writes src/ceasewatch/web/static/data/basemap.geojson: Ukraine's oblasts (Crimea and
Sevastopol included, as internationally recognised) and Russia's federal subjects (the
Russian file already leaves Crimea out), simplified as one coverage per country so that
neighbouring regions keep a shared edge, coordinates rounded to 3 decimals (about 100 m).
Each feature keeps `name`, `iso` (ISO 3166-2) and `country`. Licence: geoBoundaries,
CC BY 4.0 (see src/ceasewatch/web/static/data/README.md).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOUNDARIES = ROOT.parent / "shared" / "structured" / "boundaries"
OUTPUT = ROOT / "src" / "ceasewatch" / "web" / "static" / "data" / "basemap.geojson"
# Square degrees: about 4 km² in Ukraine, less further north.
MIN_PART_AREA = 0.0005
SOURCES = {
    "UA": "geoBoundaries-UKR-ADM1_simplified.geojson",
    "RU": "RUS-ADM1_geoBoundaries-derived_rounded.geojson",
}


def country_features(path: Path, country: str, tolerance: float) -> list[dict]:
    """One country's regions, simplified together so shared borders stay shared."""
    features = json.loads(path.read_text())["features"]
    geometries = [_without_specks(shape(f["geometry"]).buffer(0)) for f in features]
    simplified = shapely.coverage_simplify(geometries, tolerance)
    out = []
    for feature, geometry in zip(features, simplified):
        geometry = shapely.set_precision(geometry, 0.001)
        if geometry.is_empty:
            continue
        props = feature["properties"]
        out.append({
            "type": "Feature",
            "properties": {"name": props["shapeName"], "iso": props["shapeISO"], "country": country},
            "geometry": _rounded(mapping(geometry)),
        })
    return sorted(out, key=lambda f: f["properties"]["iso"])


def _without_specks(geometry):
    """Drop islets under MIN_PART_AREA square degrees: invisible at the dashboard's scales."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    kept = [p for p in parts if p.area >= MIN_PART_AREA] or [max(parts, key=lambda p: p.area)]
    return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)


def _rounded(geometry: dict) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(v, 3) for v in value]
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boundaries", type=Path, default=DEFAULT_BOUNDARIES)
    parser.add_argument("--tolerance", type=float, default=0.02, help="simplification tolerance in degrees")
    parser.add_argument("--far-tolerance", type=float, default=0.06,
                        help="tolerance for Russia, whose long Arctic coasts dominate the file size")
    args = parser.parse_args()
    features = []
    for country, name in SOURCES.items():
        tolerance = args.tolerance if country == "UA" else args.far_tolerance
        features += country_features(args.boundaries / name, country, tolerance)
    collection = {
        "type": "FeatureCollection",
        "attribution": "Regions: geoBoundaries (Runfola et al. 2020), CC BY 4.0; simplified",
        "features": features,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(features)} regions, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
