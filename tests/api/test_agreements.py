"""GET /api/agreements and /api/agreements/{id}: versions, windows in UTC with start bands, sites."""

from __future__ import annotations


def test_agreements_list_the_example_with_both_versions(client):
    [agreement] = client.get("/api/agreements").json()
    assert agreement["id"] == "energy-moratorium-2025"
    assert [v["key"] for v in agreement["versions"]] == ["us-ua", "kremlin"]
    assert agreement["parties"] == {"RU": "Russian Federation", "UA": "Ukraine"}


def test_commitment_windows_are_utc_with_the_start_as_a_band(client):
    agreement = client.get("/api/agreements/energy-moratorium-2025").json()
    us_ua = {c["id"]: c for c in agreement["versions"][0]["commitments"]}
    # ru-order: 10 minutes after the call ended, 17:30-18:45 Kyiv (UTC+2): [15:30, 16:55] UTC
    assert us_ua["ru-halt"]["start"] == {"earliest": "2025-03-18T15:30:00Z", "latest": "2025-03-18T16:55:00Z"}
    assert us_ua["ru-halt"]["end"] == {"earliest": "2025-04-17T15:30:00Z", "latest": "2025-04-17T16:55:00Z"}
    assert us_ua["ua-halt"]["start"] == {"earliest": "2025-03-19T10:00:00Z", "latest": "2025-03-19T18:00:00Z"}
    assert us_ua["ru-halt"]["start_ref"] == "ru-order" and us_ua["ru-halt"]["grace"] == "PT0S"
    assert us_ua["exchange"]["mode"] == "perform" and us_ua["exchange"]["by"] == "2025-03-19T22:00:00Z"
    events = {e["name"]: e for e in agreement["events"]}
    assert events["ru-order"]["after"] == "us-ru-call-end" and events["ru-order"]["within"] == "PT10M"


def test_perform_commitments_carry_their_status(client):
    agreement = client.get("/api/agreements/energy-moratorium-2025").json()
    assert {(p["version"], p["status"]) for p in agreement["perform"]} == {("us-ua", "fulfilled"), ("kremlin", "fulfilled")}


def test_site_lists_are_counted_and_served_as_geojson(client):
    agreement = client.get("/api/agreements/energy-moratorium-2025").json()
    counts = {s["key"]: s["sites"] for s in agreement["site_lists"]}
    sites = client.get("/api/agreements/energy-moratorium-2025/sites").json()
    assert sites["type"] == "FeatureCollection" and len(sites["features"]) == sum(counts.values())
    odesa = next(f for f in sites["features"] if f["properties"]["id"] == "port-odesa")
    assert odesa["geometry"] == {"type": "Point", "coordinates": [30.7333, 46.4833]}
    assert odesa["properties"]["list"] == "ua-list" and odesa["properties"]["category"] == "transport.port"


def test_unknown_agreement_is_404_naming_what_is_stored(client):
    for path in ("/api/agreements/nope", "/api/agreements/nope/sites"):
        response = client.get(path)
        assert response.status_code == 404 and "energy-moratorium-2025" in response.json()["detail"]


def test_an_empty_database_answers_with_empty_lists(cw):
    from fastapi.testclient import TestClient

    from ceasewatch.api import create_app

    client = TestClient(create_app(cw))
    assert client.get("/api/agreements").json() == []
    body = client.get("/api/incidents").json()
    assert body == {"total": 0, "limit": 100, "offset": 0, "agreement": None, "version": None, "items": []}
    assert client.get("/api/map").json()["total"] == 0
