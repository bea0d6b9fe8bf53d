"""GET /api/counts: the night's three reports ingested, grouped, filtered."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ceasewatch import Ceasewatch
from ceasewatch.api.app import create_app
from ceasewatch.store import Store

NIGHT = Path(__file__).resolve().parents[1] / "cases" / "counts_night"


@pytest.fixture(scope="module")
def client():
    """The API over an in-memory store holding the night's three reports."""
    cw = Ceasewatch(store=Store.open("sqlite://"))
    outcome = cw.ingest(sorted(NIGHT.glob("*.txt")))
    assert not outcome.problems
    with TestClient(create_app(cw)) as test_client:
        yield test_client
    cw.close()


def test_counts_lists_one_group_with_every_figure_and_its_source(client):
    response = client.get("/api/counts")
    assert response.status_code == 200
    [group] = response.json()
    assert (group["actor"], group["unit"], group["measure"]) == ("RU", "drones", "launched")
    assert [f["quantity"] for f in group["figures"]] == [80, 96, 110]
    assert {f["source"] for f in group["figures"]} == {"Kharkiv Daily Ledger", "Lviv Morning Post", "Black Sea Wire"}
    assert group["low"] == {"quantity": 80, "qualifier": "more_than"}
    assert group["high"] == {"quantity": 110, "qualifier": "about"}


def test_counts_filters_by_actor_and_period(client):
    assert len(client.get("/api/counts", params={"actor": "RU", "from": "2025-04-21", "to": "2025-04-22"}).json()) == 1
    assert client.get("/api/counts", params={"actor": "UA"}).json() == []
    assert client.get("/api/counts", params={"from": "2025-04-22T03:00:01Z"}).json() == []
    assert client.get("/api/counts", params={"to": "2025-04-20"}).json() == []


def test_counts_group_id_is_the_same_with_or_without_filters(client):
    [plain] = client.get("/api/counts").json()
    [filtered] = client.get("/api/counts", params={"actor": "RU", "from": "2025-04-21"}).json()
    assert plain["id"] == filtered["id"]


@pytest.mark.parametrize("params", [{"from": "yesterday"}, {"to": "2025-13-01"}, {"actor": "R\x00U"}])
def test_counts_rejects_a_malformed_filter(client, params):
    response = client.get("/api/counts", params=params)
    assert response.status_code == 400 and response.json()["detail"]


def test_counts_is_described_in_openapi(client):
    spec = client.get("/api/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/counts"]["get"]["parameters"]}
    assert names == {"from", "to", "actor"}
