"""GET /api/incidents writes, byte for byte, what the stdlib json encoding of the same page wrote."""

from __future__ import annotations

import json
import random

import orjson
from sqlalchemy import select

from ceasewatch.api.app import json_response
from ceasewatch.api.routes_incidents import version_keys
from ceasewatch.api.schemas import incident_json
from ceasewatch.store import IncidentQuery
from ceasewatch.store.tables import incidents


def stdlib_body(payload) -> bytes:
    """The encoding the API used before orjson: compact, UTF-8, nothing escaped but what JSON needs."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def test_list_page_is_the_same_bytes_as_the_stdlib_encoding_of_that_page(client, example_service):
    cw = example_service
    query = cw.incident_query(IncidentQuery(version="us-ua", limit=100))
    page = cw.store.incident_page(query)
    versions = version_keys(cw, query)
    expected = stdlib_body({
        "total": page.total, "limit": 100, "offset": 0, "agreement": query.agreement, "version": "us-ua",
        "items": [incident_json(row, versions) for row in page.rows],
    })
    response = client.get("/api/incidents", params={"version": "us-ua", "limit": 100})
    assert response.status_code == 200
    assert response.content == expected
    assert len(page.rows) >= 5 and any(row.record.get("evidence") for row in page.rows)


def test_stored_records_decode_to_the_same_objects_with_orjson_as_with_json(example_service):
    with example_service.store._read() as conn:
        texts = list(conn.execute(select(incidents.c.record)).scalars())
    assert texts
    for text in texts:
        decoded = orjson.loads(text)
        assert decoded == json.loads(text) and list(decoded) == list(json.loads(text))


def test_awkward_text_and_coordinates_encode_as_the_stdlib_did():
    rng = random.Random(5)
    coordinates = [round(rng.uniform(-180, 180), rng.randrange(0, 8)) for _ in range(2000)]
    payload = {
        "text": "quote \" backslash \\ nul \x00 unit \x1f del \x7f line\u2028sep é Київ 🙂 <script>",
        "coordinates": coordinates + [0.0, -0.0, 0.0001, 90.0, -180.0],
        "nothing": None, "flags": [True, False], "count": 2**53, "nested": {"ключ": []},
    }
    assert json_response(payload).body == stdlib_body(payload)


def test_payload_orjson_refuses_falls_back_to_the_stdlib_encoding():
    payload = {"big": 2**70, "items": {1: "one"}}
    assert json_response(payload).body == stdlib_body(payload)


def test_a_served_app_runs_its_routes_in_few_threads(example_service):
    import anyio.to_thread
    from fastapi.testclient import TestClient

    from ceasewatch.api.app import ROUTE_THREADS, create_app

    with TestClient(create_app(example_service)) as client:
        tokens = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)
        assert client.get("/api/incidents").status_code == 200
    assert tokens == ROUTE_THREADS == 2
