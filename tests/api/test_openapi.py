"""The OpenAPI description: complete, and schemathesis finds no server error against it."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from ceasewatch.web import create_app

ENDPOINTS = {
    "/api/agreements", "/api/agreements/{agreement_id}", "/api/agreements/{agreement_id}/sites",
    "/api/incidents", "/api/incidents/{incident_id}", "/api/verdicts", "/api/map",
    "/api/reports/{report_id}", "/api/sources", "/api/export.csv", "/api/export.geojson", "/api/counts",
}


def test_openapi_describes_every_endpoint_and_no_page(client):
    spec = client.get("/api/openapi.json").json()
    assert set(spec["paths"]) == ENDPOINTS
    assert all(set(methods) == {"get"} for methods in spec["paths"].values())  # read-only
    names = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"agreement", "version", "verdict", "actor", "grade", "target", "place", "region", "from", "to", "q",
            "differ", "sort", "limit", "offset"} <= names


def test_writing_is_not_allowed(client):
    assert client.post("/api/incidents", json={}).status_code == 405
    assert client.delete("/api/incidents/sloviansk-grid-2025-03-18").status_code == 405


@pytest.fixture(scope="module")
def api_schema(example_service):
    return schemathesis.openapi.from_asgi("/api/openapi.json", create_app(example_service))


def test_no_request_makes_a_server_error(api_schema):
    # Bounded: a dozen generated requests per endpoint, derandomized; a few seconds in all.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == len(ENDPOINTS)
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def responds_without_server_error(case):
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        responds_without_server_error()
