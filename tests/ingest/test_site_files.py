import json

import pytest

from ceasewatch.ingest.geojson import read_area_file
from ceasewatch.ingest.site_files import read_site_file, site_file_format

SQUARE = [[[30.0, 46.0], [30.1, 46.0], [30.1, 46.1], [30.0, 46.1], [30.0, 46.0]]]
BOWTIE = [[[30.0, 46.0], [30.1, 46.1], [30.1, 46.0], [30.0, 46.1], [30.0, 46.0]]]


def geojson(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def feature(geometry, id=None, **props) -> dict:
    out = {"type": "Feature", "properties": props, "geometry": geometry}
    if id is not None:
        out["id"] = id
    return out


def point(lon, lat) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def messages(problems):
    return [str(p) for p in problems]


# --- format -------------------------------------------------------------------------------

@pytest.mark.parametrize("path, fmt", [("a.geojson", "geojson"), ("A.JSON", "geojson"), ("x/b.csv", "csv"), ("c.xlsx", None)])
def test_format_comes_from_the_extension(path, fmt):
    assert site_file_format(path) == fmt


# --- GeoJSON ------------------------------------------------------------------------------

def test_geojson_points_and_polygons():
    data = geojson(
        feature(point(30.7, 46.4), id="p1", name="Port", category="transport.port"),
        feature({"type": "Polygon", "coordinates": SQUARE}, name="Yard", id=5),
        feature(point(31.0, 47.0), **{"id": "from-props"}),
    )
    sites, problems = read_site_file(data, "s.geojson", category="energy")
    assert problems == []
    first, second, third = sites
    assert (first.id, first.name, first.lat, first.lon, first.category, first.geometry) == \
        ("p1", "Port", 46.4, 30.7, "transport.port", None)
    assert second.id == "5" and second.category == "energy"  # the list's category where none is given
    assert second.geometry == {"type": "Polygon", "coordinates": SQUARE}
    assert second.lat == pytest.approx(46.05) and second.lon == pytest.approx(30.05)
    assert third.id == "from-props" and third.name is None


def test_a_concave_polygon_gets_a_point_inside_it():
    u_shape = [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]]
    sites, _ = read_site_file(geojson(feature({"type": "Polygon", "coordinates": u_shape}, id="u")), "s.geojson")
    from shapely.geometry import Point, shape
    assert shape(sites[0].geometry).contains(Point(sites[0].lon, sites[0].lat))


def test_geojson_problems_name_the_feature_in_the_key():
    data = geojson(
        feature(point(30.7, 46.4), id="ok"),
        feature(point(30.7, 46.4)),                                            # no id
        feature(point(30.7, 146.4), id="far"),                                 # lat out of range
        feature({"type": "Polygon", "coordinates": BOWTIE}, id="bow"),         # self-intersecting
        feature({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, id="line"),
        feature(point(30.7, 46.4), id="ok"),                                   # duplicate id
        feature(point(30.7, 46.4), id="cat", category="powerplant"),
        {"type": "Thing"},
    )
    sites, problems = read_site_file(data, "sites/ua.geojson")
    assert [s.id for s in sites] == ["ok"]
    assert messages(problems) == [
        "sites/ua.geojson: features[1].id: a site needs an id (feature id or properties.id)",
        "sites/ua.geojson: features[2].geometry.coordinates: latitude 146.4 is outside -90..90 (GeoJSON order is [lon, lat])",
        "sites/ua.geojson: features[3].geometry: not a valid Polygon: Self-intersection[30.05 46.05]",
        "sites/ua.geojson: features[4].geometry: a site is a Point, Polygon or MultiPolygon, got 'LineString'",
        "sites/ua.geojson: features[5].id: duplicate site id 'ok' (also features[0])",
        "sites/ua.geojson: features[6].properties.category: unknown taxonomy code 'powerplant'",
        "sites/ua.geojson: features[7]: expected a GeoJSON Feature",
    ]


def test_geojson_that_is_not_a_feature_collection():
    _, problems = read_site_file(json.dumps(point(1, 2)).encode(), "s.geojson")
    assert messages(problems) == ["s.geojson: type: expected a GeoJSON FeatureCollection, got 'Point'"]


def test_broken_json_names_its_line():
    _, problems = read_site_file(b'{"type": "FeatureCollection",\n "features": [,]}', "s.geojson")
    assert problems[0].line == 2 and problems[0].message.startswith("not valid JSON")


# --- CSV ----------------------------------------------------------------------------------

CSV = b"""gppd_idnr,name,latitude,longitude,country,kind
UA1,Plant one,48.1,35.1,UKR,energy.generation
RU1,Plant two,55.0,37.0,RUS,
UA2,"Plant, three",48.3,35.3,UKR,
"""
COLUMNS = {"id": "gppd_idnr", "name": "name", "lat": "latitude", "lon": "longitude"}


def test_csv_with_columns_and_where_keeps_matching_rows():
    sites, problems = read_site_file(CSV, "p.csv", columns=COLUMNS, where={"country": "UKR"}, category="energy.generation")
    assert problems == []
    assert [(s.id, s.name, s.lat, s.lon, s.category) for s in sites] == [
        ("UA1", "Plant one", 48.1, 35.1, "energy.generation"),
        ("UA2", "Plant, three", 48.3, 35.3, "energy.generation"),
    ]
    assert all(s.geometry is None for s in sites)


def test_a_per_site_category_wins_over_the_lists():
    sites, problems = read_site_file(CSV, "p.csv", columns={**COLUMNS, "category": "kind"}, category="energy")
    assert problems == []
    assert [s.category for s in sites] == ["energy.generation", "energy", "energy"]


def test_without_columns_the_usual_names_are_read():
    data = b"id,lat,lon\na,1,2\n"
    sites, problems = read_site_file(data, "p.csv")
    assert problems == [] and sites[0].id == "a" and sites[0].name is None


def test_missing_columns_are_one_problem():
    _, problems = read_site_file(CSV, "p.csv", columns={"id": "id", "lat": "lat", "lon": "longitude"},
                                 where={"iso": "UA"})
    assert len(problems) == 1
    assert str(problems[0]).startswith("p.csv:1: header: missing columns: id, lat, iso (the header has: gppd_idnr, name")


def test_bad_rows_are_named_by_line_and_column():
    data = (b"id,lat,lon,note\n"
            b"a,48.1,35.1,fine\n"
            b"b,north,35.2,bad lat\n"
            b"c,48.3,east,bad lon\n"
            b"d,48.4,35.4,\"a note\nover two lines\"\n"
            b"e,48.5,235.5,lon out of range\n"
            b"a,48.6,35.6,duplicate\n"
            b",48.7,35.7,no id\n"
            b"f,48.8\n"
            b"\n"
            b"g,nan,35.9,nan\n")
    sites, problems = read_site_file(data, "sites/x.csv")
    assert [s.id for s in sites] == ["a", "d"]
    assert messages(problems) == [
        "sites/x.csv:3: lat: not a number: 'north'",
        "sites/x.csv:4: lon: not a number: 'east'",
        "sites/x.csv:7: lon: longitude 235.5 is outside -180..180",
        "sites/x.csv:8: id: duplicate site id 'a' (also on line 2)",
        "sites/x.csv:9: id: empty site id",
        "sites/x.csv:10: row: has 2 fields; the header has 4",
        "sites/x.csv:12: lat: not a number: 'nan'",
    ]


def test_rows_left_out_by_where_are_not_checked():
    data = b"id,lat,lon,status\na,1,2,active\nb,oops,2,closed\n"
    sites, problems = read_site_file(data, "p.csv", where={"status": "active"})
    assert problems == [] and [s.id for s in sites] == ["a"]


def test_an_empty_csv_and_a_non_utf8_csv():
    assert messages(read_site_file(b"", "e.csv")[1]) == ["e.csv:1: header: the file is empty: a CSV site list needs a header row"]
    _, problems = read_site_file(b"id,lat,lon\nK\xf6ln,1,2\n", "b.csv")
    assert problems[0].line == 2 and "UTF-8" in problems[0].message


def test_a_flood_of_bad_rows_is_cut_to_a_readable_length():
    data = b"id,lat,lon\n" + b"".join(b"s%d,bad,1\n" % i for i in range(500))
    _, problems = read_site_file(data, "p.csv")
    assert len(problems) == 101
    assert problems[-1].message == "400 more problems not shown"


def test_a_large_csv_keeps_every_row_as_a_point_site():
    # Its speed is measured in benchmarks/bench_judge.py, not here.
    rows = b"".join(b"site-%d,Site %d,%.4f,%.4f,UKR\n" % (i, i, 44 + i % 700 / 100, 22 + i % 1700 / 100)
                    for i in range(100_000))
    data = b"code,name,lat,lon,country\n" + rows
    sites, problems = read_site_file(data, "big.csv", columns={"id": "code", "name": "name", "lat": "lat", "lon": "lon"},
                                     where={"country": "UKR"})
    assert problems == [] and len(sites) == 100_000
    assert all(site.geometry is None for site in sites[:100])


# --- areas --------------------------------------------------------------------------------

def test_an_area_file_merges_its_polygons():
    east = [[[30.05, 46.0], [30.2, 46.0], [30.2, 46.1], [30.05, 46.1], [30.05, 46.0]]]
    data = geojson(feature({"type": "Polygon", "coordinates": SQUARE}),
                   feature({"type": "MultiPolygon", "coordinates": [east]}))
    geometry, problems = read_area_file(data, "area.geojson")
    assert problems == []
    assert geometry["type"] == "Polygon"
    from shapely.geometry import shape
    assert shape(geometry).area == pytest.approx(0.2 * 0.1)


def test_an_area_may_be_a_bare_geometry_or_one_feature():
    bare = json.dumps({"type": "Polygon", "coordinates": SQUARE}).encode()
    one = json.dumps(feature({"type": "Polygon", "coordinates": SQUARE})).encode()
    assert read_area_file(bare, "a.geojson")[0]["type"] == "Polygon"
    assert read_area_file(one, "a.geojson")[0]["type"] == "Polygon"


def test_an_area_of_points_or_invalid_polygons_is_refused():
    data = geojson(feature(point(1, 2)), feature({"type": "Polygon", "coordinates": BOWTIE}))
    geometry, problems = read_area_file(data, "a.geojson")
    assert geometry is None
    assert messages(problems) == [
        "a.geojson: features[0].geometry: an area is made of Polygon or MultiPolygon, got 'Point'",
        "a.geojson: features[1].geometry: not a valid Polygon: Self-intersection[30.05 46.05]",
    ]
    assert messages(read_area_file(geojson(), "a.geojson")[1]) == ["a.geojson: features: the area file has no polygons"]
