import io

import pytest
from export_samples import geojson_problems, load_strict_json, signed_area

from ceasewatch.export import ExportFilter, ExportItem, incident_feature, incident_geometry, write_export
from ceasewatch.store import VerdictRow


def geojson(cw, selection=None):
    buffer = io.StringIO()
    write_export("geojson", cw.export_selection(selection or ExportFilter(), needs_agreement=True), buffer)
    return load_strict_json(buffer.getvalue())


def test_the_example_exports_as_valid_geojson(example_cw):
    collection = geojson(example_cw)
    assert geojson_problems(collection) == []
    assert len(collection["features"]) == 4  # strikes only: the prisoner exchange has no place


def test_a_settlement_is_a_point_with_longitude_first(example_cw):
    features = {f["id"]: f for f in geojson(example_cw)["features"]}
    assert features["sloviansk-grid-2025-03-18"]["geometry"] == {"type": "Point", "coordinates": [37.5974, 48.8497]}


def test_an_admin1_incident_is_its_region_s_polygon_wound_anticlockwise(example_cw):
    features = {f["id"]: f for f in geojson(example_cw)["features"]}
    sumy = features["sumy-hospitals-2025-03-19"]["geometry"]
    assert sumy["type"] in ("Polygon", "MultiPolygon")
    outer = sumy["coordinates"][0] if sumy["type"] == "Polygon" else sumy["coordinates"][0][0]
    assert signed_area(outer) > 0
    xs, ys = [p[0] for p in outer], [p[1] for p in outer]
    assert 32.5 < min(xs) < 34.1 < max(xs) < 36 and 50 < min(ys) < 51.1 < max(ys) < 53  # Sumy Oblast


def test_properties_are_the_exchange_fields_with_verdicts_per_version(example_cw):
    features = {f["id"]: f for f in geojson(example_cw)["features"]}
    props = features["sumy-hospitals-2025-03-19"]["properties"]
    assert props["targets"] == ["health"] and props["geo_precision"] == "admin1" and props["lat"] == 51.1
    assert props["agreement"] == "energy-moratorium-2025" and props["grade"] == "alleged"
    assert props["verdicts"]["kremlin"] == {"verdict": "no_violation", "reason": "out_of_scope", "unknown": [],
                                            "commitment": "ru-halt"}
    assert (props["verdict_us-ua"], props["verdict_kremlin"]) == ("violation", "no_violation")


def test_a_version_filter_keeps_that_version_s_verdicts_only(example_cw):
    features = geojson(example_cw, ExportFilter(version="kremlin", verdicts=("violation",)))["features"]
    assert sorted(f["id"] for f in features) == ["krasnodar-oil-depot-2025-03-19", "sloviansk-grid-2025-03-18"]
    assert all(set(f["properties"]["verdicts"]) == {"kremlin"} and "verdict_us-ua" not in f["properties"]
               for f in features)


@pytest.mark.parametrize("fields,expected", [
    ({"geo_precision": "unknown", "lat": None, "lon": None}, None),
    ({"geo_precision": "country", "lat": 49.0, "lon": 32.0}, {"type": "Point", "coordinates": [32.0, 49.0]}),
    ({"geo_precision": "admin1", "admin1_code": "UA-99", "lat": 49.0, "lon": 32.0},
     {"type": "Point", "coordinates": [32.0, 49.0]}),  # no shape for that code: its centre
    ({"geo_precision": "district", "lat": 49.5, "lon": 31.5}, {"type": "Point", "coordinates": [31.5, 49.5]}),
    ({"geo_precision": "point", "lat": float("nan"), "lon": 31.5}, None),
])
def test_geometry_by_precision(fields, expected):
    assert incident_geometry({"id": "x", **fields}) == expected


def test_crimea_is_drawn_as_a_region_of_ukraine():
    geometry = incident_geometry({"id": "x", "geo_precision": "admin1", "admin1_code": "UA-43"})
    assert geometry is not None and geometry["type"] in ("Polygon", "MultiPolygon")


def test_a_feature_with_nothing_located_has_a_null_geometry_and_still_validates():
    item = ExportItem({"id": "x", "kind": "strike", "geo_precision": "unknown"}, None,
                      {"v": VerdictRow("x", "v", "undetermined", None, ("scope",), "c")})
    feature = incident_feature(item, "a", ("v",))
    assert feature["geometry"] is None
    assert geojson_problems({"type": "FeatureCollection", "features": [feature]}) == []


def test_the_validator_catches_latitude_first_and_unclosed_rings():
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [48.8, 137.6]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}},
    ]}
    assert len(geojson_problems(bad)) == 2
