"""GET /api/map: points when few, server-side clusters when many, regions as regions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from fastapi.testclient import TestClient

from ceasewatch.api import create_app
from ceasewatch.geodata import basemap


def test_map_colours_points_by_the_chosen_version_and_shades_regions(client):
    body = client.get("/api/map", params={"version": "kremlin", "zoom": 5}).json()
    assert not body["clustered"] and body["total"] == 5 and body["unmapped"] == 0
    points = {p["id"]: p for p in body["points"]}
    assert points["sloviansk-grid-2025-03-18"]["verdict"] == "violation"
    assert points["bucha-homes-2025-03-19"]["verdict"] == "no_violation"
    assert points["bucha-homes-2025-03-19"]["reason"] == "out_of_scope"
    regions = {r["code"]: r for r in body["regions"]}
    assert regions["RU-KDA"] == {"code": "RU-KDA", "name": "Krasnodar Krai", "count": 1, "verdicts": {"violation": 1}}
    assert regions["UA-59"]["verdicts"] == {"no_violation": 1}
    # region-level incidents are not drawn as points
    assert "sumy-hospitals-2025-03-19" not in points


def test_map_applies_the_filters_and_the_bbox(client):
    body = client.get("/api/map", params={"actor": "UA"}).json()
    assert body["points"] == [] and [r["code"] for r in body["regions"]] == ["RU-KDA"]
    bucha_only = client.get("/api/map", params={"bbox": "50,29,51,31"}).json()
    assert [p["id"] for p in bucha_only["points"]] == ["bucha-homes-2025-03-19"]


def test_bad_bbox_is_400(client):
    for bbox in ("1,2,3", "a,b,c,d", "60,0,50,10", "0,-200,10,10"):
        assert client.get("/api/map", params={"bbox": bbox}).status_code == 400


def test_dense_views_come_back_as_clusters_not_markers(cw):
    # An hour apart each, so that consolidation keeps the 900 strikes apart.
    times = [(datetime(2025, 3, 19, tzinfo=timezone.utc) + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
             for i in range(900)]
    cw.store.save_records([
        {"id": f"p{i}", "kind": "strike", "actor": "RU", "lat": 48 + (i % 30) * 0.01, "lon": 37 + (i // 30) * 0.01,
         "geo_precision": "point", "start": times[i], "end": times[i], "targets": []}
        for i in range(900)
    ])
    cw.consolidate()
    body = TestClient(create_app(cw)).get("/api/map", params={"zoom": 5}).json()
    assert body["clustered"] and body["total"] == 900
    assert sum(c["count"] for c in body["clusters"]) + len(body["points"]) == 900
    assert len(body["clusters"]) < 10
    zoomed = TestClient(create_app(cw)).get("/api/map", params={"zoom": 13, "bbox": "48,37,48.05,37.05"}).json()
    assert not zoomed["clustered"] and len(zoomed["points"]) == 36


def test_every_region_code_of_the_example_has_a_shape():
    shapes = basemap().regions
    assert {"UA-59", "UA-14", "UA-43", "UA-40", "RU-KDA"} <= set(shapes)
    assert shapes["UA-43"].country == "UA"  # Crimea, as internationally recognised
    assert all(region.country == code[:2] for code, region in shapes.items())
