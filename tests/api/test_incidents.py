"""GET /api/incidents, /api/incidents/{id}, /api/verdicts: filters, sorting, paging, details."""

from __future__ import annotations

import pytest

from .hostile import HOSTILE_ID

WORKED = {
    "sloviansk-grid-2025-03-18": {"us-ua": "violation", "kremlin": "violation"},
    "sumy-hospitals-2025-03-19": {"us-ua": "violation", "kremlin": "no_violation"},
    "bucha-homes-2025-03-19": {"us-ua": "no_violation", "kremlin": "no_violation"},
    "krasnodar-oil-depot-2025-03-19": {"us-ua": "no_violation", "kremlin": "violation"},
}


def ids(client, **params) -> list[str]:
    response = client.get("/api/incidents", params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_list_has_every_strike_with_verdicts_per_version_in_file_order(client):
    body = client.get("/api/incidents").json()
    assert body["total"] == 5 and body["agreement"] == "energy-moratorium-2025" and body["version"] == "us-ua"
    items = {item["id"]: item for item in body["items"]}
    for incident, verdicts in WORKED.items():
        assert {v: items[incident]["verdicts"][v]["verdict"] for v in verdicts} == verdicts
        assert list(items[incident]["verdicts"]) == ["us-ua", "kremlin"]
    assert items["krasnodar-oil-depot-2025-03-19"]["verdicts"]["us-ua"]["reason"] == "before_start"
    assert items["sloviansk-grid-2025-03-18"]["grade"] == "alleged"  # only the other side's prosecutor says so
    assert items["sloviansk-grid-2025-03-18"]["counts"]["killed"] is None


def test_verdict_filter_follows_the_version(client):
    assert set(ids(client, version="us-ua", verdict="violation")) == {
        "sloviansk-grid-2025-03-18", "sumy-hospitals-2025-03-19", HOSTILE_ID}
    assert set(ids(client, version="kremlin", verdict="violation")) == {
        "sloviansk-grid-2025-03-18", "krasnodar-oil-depot-2025-03-19", HOSTILE_ID}
    assert ids(client, version="kremlin", verdict=["violation", "undetermined"]) == ids(client, version="kremlin", verdict="violation")


@pytest.mark.parametrize("params,expected", [
    ({"actor": "UA"}, ["krasnodar-oil-depot-2025-03-19"]),
    ({"actor": "unknown"}, []),
    ({"target": "energy"}, ["krasnodar-oil-depot-2025-03-19", "sloviansk-grid-2025-03-18", HOSTILE_ID]),
    ({"target": "health"}, ["sumy-hospitals-2025-03-19"]),
    ({"place": "buch"}, ["bucha-homes-2025-03-19"]),
    ({"region": "RU-KDA"}, ["krasnodar-oil-depot-2025-03-19"]),
    ({"q": "prosecutor"}, ["sloviansk-grid-2025-03-18"]),
    ({"grade": "alleged", "actor": "UA"}, ["krasnodar-oil-depot-2025-03-19"]),
    ({"grade": "ungraded"}, []),
    ({"grade": "confirmed"}, []),
    ({"differ": "us-ua,kremlin"}, ["krasnodar-oil-depot-2025-03-19", "sumy-hospitals-2025-03-19"]),
    ({"from": "2025-03-18T18:00:00Z", "to": "2025-03-18T18:50:00Z"},
     ["krasnodar-oil-depot-2025-03-19", "sloviansk-grid-2025-03-18"]),
    ({"from": "2025-03-19"}, ["krasnodar-oil-depot-2025-03-19", "sumy-hospitals-2025-03-19",
                              "bucha-homes-2025-03-19", HOSTILE_ID]),
    ({"to": "2025-03-17"}, []),
])
def test_each_filter(client, params, expected):
    assert sorted(ids(client, **params)) == sorted(expected)


def test_sorting_and_paging(client):
    by_place = ids(client, sort="place")  # Bucha, Kharkiv, Krasnodar Krai, Sloviansk, Sumy Oblast
    assert by_place == ["bucha-homes-2025-03-19", HOSTILE_ID, "krasnodar-oil-depot-2025-03-19",
                        "sloviansk-grid-2025-03-18", "sumy-hospitals-2025-03-19"]
    assert ids(client, sort="-place") == list(reversed(by_place))
    assert ids(client)[0] == "krasnodar-oil-depot-2025-03-19"  # 18:00Z, the earliest start
    assert ids(client, sort="-start")[-1] == "krasnodar-oil-depot-2025-03-19"
    everything = ids(client)
    assert ids(client, limit=2, offset=1) == everything[1:3]
    body = client.get("/api/incidents", params={"limit": 2, "offset": 4}).json()
    assert body["total"] == 5 and len(body["items"]) == 1


@pytest.mark.parametrize("params,status", [
    ({"version": "nope"}, 400), ({"agreement": "nope"}, 404), ({"from": "2025-03-18T10:00"}, 400),
    ({"target": "Energy!"}, 400), ({"differ": "us-ua"}, 400), ({"differ": "us-ua,nope"}, 400),
    ({"limit": 0}, 422), ({"limit": 1001}, 422), ({"verdict": "guilty"}, 422), ({"sort": "time"}, 422),
    ({"place": "a\x00b"}, 400),
])
def test_bad_filters_are_client_errors_naming_the_problem(client, params, status):
    response = client.get("/api/incidents", params=params)
    assert response.status_code == status
    if status == 400:
        assert response.json()["detail"]


def test_unknown_version_message_names_the_versions(client):
    assert "us-ua, kremlin" in client.get("/api/incidents", params={"version": "nope"}).json()["detail"]


def test_one_incident_has_traces_per_version_history_reports_and_evidence(client):
    body = client.get(f"/api/incidents/{HOSTILE_ID}").json()
    assert body["incident"]["place"].startswith("Kharkiv <script>")
    assert [t["version"] for t in body["traces"]] == ["us-ua", "kremlin"]
    first = body["traces"][0]
    assert first["verdict"] == "violation" and [t["name"] for t in first["trace"][0]["tests"]] == [
        "party", "time", "in_flight", "scope"]
    time_test = first["trace"][0]["tests"][1]
    assert time_test["figures"]["a"] == "2025-03-18T19:00:00Z"
    assert [e["field"] for e in time_test["evidence"]] == ["start"]
    assert [h["revision"] for h in body["history"]] == [1] and body["history"][0]["current"]
    [report] = body["reports"]
    assert report["stored"] and report["title"].startswith("<b onmouseover")
    assert len(body["incident"]["evidence"]) == 3


def test_unknown_incident_and_a_fulfilment_record_are_404(client):
    assert client.get("/api/incidents/nope").status_code == 404
    assert client.get("/api/incidents/exchange-2025-03-19").status_code == 404


def test_history_lists_revisions_with_the_fields_that_changed(cw, example_dir):
    from fastapi.testclient import TestClient

    from ceasewatch.api import create_app

    cw.run(example_dir)
    feed = example_dir / "feeds" / "incidents.jsonl"
    feed.write_text(feed.read_text().replace('"counts": {"buildings": 9}', '"counts": {"buildings": 11}'))
    cw.run(example_dir)
    history = TestClient(create_app(cw)).get("/api/incidents/bucha-homes-2025-03-19").json()["history"]
    assert [(h["revision"], h["current"], h["changed"]) for h in history] == [(1, False, []), (2, True, ["counts"])]
    assert history[1]["source_file"].endswith("incidents.jsonl") and history[1]["source_line"] == 3


def test_verdicts_endpoint_gives_a_row_per_incident_and_version(client):
    body = client.get("/api/verdicts", params={"place": "sumy"}).json()
    assert body["total"] == 1
    assert [(r["version"], r["verdict"], r["reason"]) for r in body["items"]] == [
        ("us-ua", "violation", None), ("kremlin", "no_violation", "out_of_scope")]
    only = client.get("/api/verdicts", params={"place": "sumy", "version": "kremlin", "only_version": True}).json()
    assert [r["version"] for r in only["items"]] == ["kremlin"]
