"""GET /api/export.csv and /api/export.geojson: exactly the filtered set, every row."""

from __future__ import annotations

import csv
import io

from .hostile import HOSTILE_ID


def test_csv_has_the_flattened_exchange_columns_and_a_verdict_block_per_version(client):
    response = client.get("/api/export.csv", params={"version": "kremlin", "verdict": "violation"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["id"] for r in rows} == {"sloviansk-grid-2025-03-18", "krasnodar-oil-depot-2025-03-19", HOSTILE_ID}
    depot = next(r for r in rows if r["id"].startswith("krasnodar"))
    assert depot["verdicts.us-ua.verdict"] == "no_violation" and depot["verdicts.us-ua.reason"] == "before_start"
    assert depot["verdicts.kremlin.verdict"] == "violation" and depot["targets"] == "energy.oil"
    assert depot["counts.launched"] == "" and "evidence" not in depot


def test_csv_ignores_paging_and_joins_lists_with_semicolons(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv", params={"limit": 1}).text)))
    assert len(rows) == 5
    sloviansk = next(r for r in rows if r["id"].startswith("sloviansk"))
    assert sloviansk["claimed_by"] == "Donetsk regional prosecutor's office;Donetsk regional police"


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(cw):
    from fastapi.testclient import TestClient

    from ceasewatch.api import create_app

    cw.store.save_records([{"id": "f1", "kind": "strike", "place": "=HYPERLINK(\"http://x\")", "lat": -1.5,
                            "lon": 30.0, "geo_precision": "settlement"}])
    cw.consolidate()
    [row] = csv.DictReader(io.StringIO(TestClient(create_app(cw)).get("/api/export.csv").text))
    assert row["place"].startswith("'=") and row["lat"] == "-1.5"


def test_geojson_has_points_region_polygons_and_the_same_selection(client):
    body = client.get("/api/export.geojson").json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 5
    features = {f["id"]: f for f in body["features"]}
    assert features["sloviansk-grid-2025-03-18"]["geometry"] == {"type": "Point", "coordinates": [37.5974, 48.8497]}
    sumy = features["sumy-hospitals-2025-03-19"]
    assert sumy["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert sumy["properties"]["geo_precision"] == "admin1"
    assert sumy["properties"]["verdicts"]["kremlin"]["reason"] == "out_of_scope"
    only_ua = client.get("/api/export.geojson", params={"actor": "UA"}).json()
    assert [f["id"] for f in only_ua["features"]] == ["krasnodar-oil-depot-2025-03-19"]


def test_export_of_nothing_is_a_valid_empty_document(client):
    assert client.get("/api/export.geojson", params={"place": "nowhere"}).json()["features"] == []
    assert client.get("/api/export.csv", params={"place": "nowhere"}).text.count("\n") == 1
