"""What scoring asks of the rest of ceasewatch: region codes by name, and region shapes.

Both load on first use (the gazetteer, the basemap), and both answer None when the data is
not there, so that scoring falls back to the next rule instead of failing.
"""

from __future__ import annotations

from functools import lru_cache, cache


def gazetteer_admin1_codes(name: str, country: str | None) -> str | None:
    """The ISO 3166-2 code of an admin1 region named in a gold file, from the gazetteer."""
    return _gazetteer_code(name, country)


def shipped_region_contains(code: str, lat: float, lon: float) -> bool | None:
    """Whether (lat, lon) lies inside the region with ISO 3166-2 `code`; None without its shape."""
    shape = _region_shape(code)
    if shape is None:
        return None
    import shapely

    return bool(shapely.contains_xy(shape, lon, lat))


@cache
def _gazetteer_code(name: str, country: str | None) -> str | None:
    gazetteer = _gazetteer()
    if gazetteer is None:
        return None
    places = gazetteer.lookup(name, country=country)
    regions = [p for p in places if p.precision == "admin1"] or list(places)
    return regions[0].admin1_code if regions else None


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        from ..resolve import Gazetteer
    except ImportError:  # no gazetteer: regions are compared by name (docs/eval.md)
        return None
    return Gazetteer.default()


@cache
def _region_shape(code: str):
    from ..geodata import region_geometry

    geometry = region_geometry(code)
    if geometry is None:
        return None
    import shapely
    from shapely.geometry import shape

    prepared = shape(geometry)
    shapely.prepare(prepared)
    return prepared
