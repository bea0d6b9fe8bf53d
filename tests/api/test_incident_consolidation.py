"""GET /api/incidents/{id} for a consolidated incident (accounts, grade, disagreements, the
analyst's hand), asked for by its id or by an account's id; GET /api/sources."""

from __future__ import annotations

import pytest

from .consolidated import CORRECTION_REASON, FEED_ROW_ID, HOSTILE_ANALYST, HOSTILE_OUTLET, HOSTILE_SPEAKER


@pytest.fixture(scope="module")
def body(consolidated_client) -> dict:
    response = consolidated_client.get(f"/api/incidents/{FEED_ROW_ID}")
    assert response.status_code == 200, response.text
    return response.json()


def test_an_account_id_answers_for_its_incident_and_says_which_id_was_asked(consolidated_client, body):
    incident_id = body["incident"]["id"]
    assert body["requested_id"] == FEED_ROW_ID and incident_id != FEED_ROW_ID
    assert incident_id == min(a["id"] for a in body["accounts"])  # an incident's id is its smallest account's
    direct = consolidated_client.get(f"/api/incidents/{incident_id}").json()
    assert direct["requested_id"] == incident_id
    assert {**direct, "requested_id": FEED_ROW_ID} == body


def test_every_account_id_resolves_to_the_same_incident(consolidated_client, body):
    for account in body["accounts"]:
        answer = consolidated_client.get(f"/api/incidents/{account['id']}").json()
        assert answer["incident"]["id"] == body["incident"]["id"]


def test_grade_and_the_rule_that_gave_it(body):
    assert body["grade"] == body["incident"]["grade"] == "contested"
    assert body["grade_rule"] == "contested: denied by Russian Defence Ministry (RU), the actor's side"


def test_accounts_carry_their_report_outlet_and_who_says_so_with_affiliation_and_reliability(body):
    accounts = {a["id"]: a for a in body["accounts"]}
    assert len(accounts) == 6 and len(body["reports"]) == 5
    assert all(a["report"] for i, a in accounts.items() if i != FEED_ROW_ID)
    assert {a["report"] for a in accounts.values() if a["report"]} == {r["id"] for r in body["reports"]}
    feed = accounts[FEED_ROW_ID]
    assert feed["report"] is None and feed["outlet"] is None and feed["source_file"].endswith("pavlohrad.jsonl")
    assert [s["label"] for s in feed["attesters"]] == [HOSTILE_SPEAKER]
    assert (feed["place"], feed["start"], feed["end"], feed["actor"], feed["targets"]) == (
        "Pavlohrad", "2025-04-02T23:00:00Z", "2025-04-03T01:00:00Z", "RU", ["energy.grid"])
    [wire] = [a for a in accounts.values() if a["outlet"] and a["outlet"]["label"] == HOSTILE_OUTLET]
    assert {k: wire["outlet"][k] for k in ("source", "kind", "affiliation", "reliability")} == {
        "source": "Example Wire", "kind": "media", "affiliation": "independent", "reliability": "F"}
    deniers = [d for a in accounts.values() for d in a["deniers"]]
    ministry = next(d for d in deniers if d["source"] == "Russian Defence Ministry")
    assert (ministry["kind"], ministry["affiliation"], ministry["reliability"]) == ("military", "RU", "F")
    assert ministry["rule"].startswith("registry source Russian Defence Ministry")


def test_disagreements_keep_every_value_with_its_accounts_and_say_why(body):
    found = {d["field"]: d for d in body["disagreements"]}
    injured = found["counts.injured"]
    assert sorted(v["value"] for v in injured["values"]) == [1, 2, 3, 5]
    assert {FEED_ROW_ID} == {a for v in injured["values"] if v["value"] == 5 for a in v["accounts"]}
    assert injured["chosen"] is None and injured["why"].startswith("left unknown")
    time = found["time"]
    assert "the span of the most specific" in time["chosen"]["rule"] and "each account's interval is kept" in time["why"]
    assert {"start": "2025-04-02T23:00:00Z", "end": "2025-04-03T01:00:00Z"} in [v["value"] for v in time["values"]]


def test_corrections_are_applied_and_listed_with_who_and_why(body):
    [correction] = body["corrections"]
    assert (correction["field"], correction["value"], correction["by"], correction["reason"]) == (
        "counts.injured", 3, HOSTILE_ANALYST, CORRECTION_REASON)
    assert correction["at"].endswith("Z")
    assert body["incident"]["counts"]["injured"] == 3


def test_analyst_history_lists_the_log_entries_and_the_record_history_stays(body):
    [entry] = body["analyst_history"]
    assert (entry["action"], entry["field"], entry["before"], entry["after"], entry["by"]) == (
        "correct", "counts.injured", None, 3, HOSTILE_ANALYST)
    assert FEED_ROW_ID in entry["accounts"] and entry["seq"] == 1 and entry["reason"] == CORRECTION_REASON
    assert body["history"] and body["history"][-1]["current"]


def test_an_incident_nobody_corrected_has_empty_analyst_lists(client):
    body = client.get("/api/incidents/sloviansk-grid-2025-03-18").json()
    assert body["analyst_history"] == [] and body["corrections"] == [] and body["disagreements"] == []
    assert body["grade"] == "alleged" and body["grade_rule"].startswith("alleged: said only by")
    assert [a["id"] for a in body["accounts"]] == ["sloviansk-grid-2025-03-18"]


def test_an_unknown_id_is_still_404_naming_it(consolidated_client):
    response = consolidated_client.get("/api/incidents/no-such-account")
    assert response.status_code == 404 and "no-such-account" in response.json()["detail"]


def test_openapi_describes_the_new_fields(client):
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    detail = set(schemas["IncidentDetail"]["properties"])
    assert {"requested_id", "grade", "grade_rule", "accounts", "disagreements", "corrections", "analyst_history",
            "history", "traces"} <= detail
    assert {"kind", "affiliation", "reliability"} <= set(schemas["AttesterOut"]["properties"])
    assert set(schemas["SourceOut"]["properties"]) == {"name", "aliases", "kind", "affiliation", "reliability"}


def test_sources_list_the_registry_in_use_sorted_by_name(client):
    sources = client.get("/api/sources").json()
    names = [s["name"] for s in sources]
    assert names == sorted(names, key=str.casefold) and len(names) > 20
    reuters = next(s for s in sources if s["name"] == "Reuters")
    assert (reuters["kind"], reuters["affiliation"], reuters["reliability"]) == ("media", "independent", "B")
    ministry = next(s for s in sources if s["name"] == "Russian Defence Ministry")
    assert ministry["affiliation"] == "RU" and "Russian Ministry of Defence" in ministry["aliases"]


def test_sources_follow_a_registry_file_once_ingested(cw, tmp_path):
    from fastapi.testclient import TestClient

    from ceasewatch.api import create_app

    registry = tmp_path / "sources.yaml"
    registry.write_text("ceasewatch-sources: 1\ndefaults: false\nsources:\n"
                        "  - {name: Harbour Post, aliases: [the Post], kind: media, affiliation: independent, reliability: C}\n")
    assert not cw.ingest([registry]).problems
    assert TestClient(create_app(cw)).get("/api/sources").json() == [
        {"name": "Harbour Post", "aliases": ["the Post"], "kind": "media", "affiliation": "independent", "reliability": "C"}]
