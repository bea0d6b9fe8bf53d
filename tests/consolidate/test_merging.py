"""One incident record from its accounts' records: nothing averaged, every disagreement kept."""

from __future__ import annotations

from ceasewatch.consolidate import merge_records

NO_COUNTS = {"launched": None, "intercepted": None, "killed": None, "injured": None, "buildings": None}


def account(account_id: str, **fields) -> dict:
    """A strike record as an account stores it, with a settlement place unless told."""
    record = {
        "id": account_id, "kind": "strike", "place": "Pavlohrad", "admin1": "Dnipropetrovsk Oblast",
        "admin1_code": "UA-12", "country": "UA", "lat": 48.53, "lon": 35.87, "geo_precision": "settlement",
        "start": "2025-04-02T18:00:00Z", "end": "2025-04-03T03:00:00Z", "actor": "RU", "targets": ["energy.grid"],
        "weapon": "drone", "counts": dict(NO_COUNTS), "claimed_by": [], "denied_by": [], "evidence": [],
    }
    counts = fields.pop("counts", None)
    if counts:
        record["counts"].update(counts)
    record.update(fields)
    return record


def disagreement(disagreements: list[dict], field: str) -> dict | None:
    return next((d for d in disagreements if d["field"] == field), None)


def test_single_account_is_the_incident_under_the_incident_id():
    merged, disagreements = merge_records("inc-1", [account("a")])
    assert merged["id"] == "inc-1" and merged["place"] == "Pavlohrad" and disagreements == []


def test_time_is_the_intersection_of_overlapping_intervals():
    merged, disagreements = merge_records("a", [
        account("a"),  # the night
        account("b", start="2025-04-02T22:15:00Z", end="2025-04-02T23:15:00Z"),
        account("c", start="2025-04-02T21:00:00Z", end="2025-04-03T03:00:00Z"),
    ])
    assert (merged["start"], merged["end"]) == ("2025-04-02T22:15:00Z", "2025-04-02T23:15:00Z")
    assert disagreement(disagreements, "time") is None


def test_time_is_the_span_with_a_disagreement_when_intervals_share_none():
    merged, disagreements = merge_records("a", [
        account("a", start="2025-04-02T22:20:00Z", end="2025-04-02T22:20:00Z"),
        account("b", start="2025-04-02T22:30:00Z", end="2025-04-02T23:30:00Z"),
    ])
    assert (merged["start"], merged["end"]) == ("2025-04-02T22:20:00Z", "2025-04-02T23:30:00Z")
    found = disagreement(disagreements, "time")
    assert {tuple(v["accounts"]) for v in found["values"]} == {("a",), ("b",)}
    assert "span of the most specific" in found["chosen"]["rule"]


def test_an_interval_holding_another_accounts_interval_does_not_widen_the_span():
    merged, _ = merge_records("a", [
        account("a", start="2025-04-02T22:20:00Z", end="2025-04-02T22:20:00Z"),
        account("b", start="2025-04-02T22:30:00Z", end="2025-04-02T23:30:00Z"),
        account("c", start="2025-04-02T18:00:00Z", end="2025-04-03T03:00:00Z"),  # "overnight"
    ])
    assert (merged["start"], merged["end"]) == ("2025-04-02T22:20:00Z", "2025-04-02T23:30:00Z")


def test_unknown_bounds_do_not_narrow_the_intersection():
    merged, _ = merge_records("a", [account("a", start=None, end=None), account("b")])
    assert (merged["start"], merged["end"]) == ("2025-04-02T18:00:00Z", "2025-04-03T03:00:00Z")


def test_different_weapons_give_null_and_a_disagreement():
    merged, disagreements = merge_records("a", [account("a"), account("b", weapon="missile"), account("c")])
    assert merged["weapon"] is None
    found = disagreement(disagreements, "weapon")
    assert found["values"] == [{"value": "drone", "accounts": ["a", "c"]}, {"value": "missile", "accounts": ["b"]}]
    assert found["chosen"] is None


def test_one_null_weapon_is_no_disagreement():
    merged, disagreements = merge_records("a", [account("a"), account("b", weapon=None)])
    assert merged["weapon"] == "drone" and disagreement(disagreements, "weapon") is None


def test_different_killed_counts_give_null_and_a_disagreement_without_average():
    merged, disagreements = merge_records("a", [
        account("a", counts={"killed": 2}), account("b", counts={"killed": 4}), account("c"),
    ])
    assert merged["counts"]["killed"] is None
    found = disagreement(disagreements, "counts.killed")
    assert {v["value"]: v["accounts"] for v in found["values"]} == {2: ["a"], 4: ["b"]}
    assert 3 not in [v["value"] for v in found["values"]]


def test_agreeing_count_is_kept():
    merged, disagreements = merge_records("a", [account("a", counts={"injured": 2}), account("b", counts={"injured": 2})])
    assert merged["counts"]["injured"] == 2 and disagreement(disagreements, "counts.injured") is None


def test_different_actors_give_null_and_a_disagreement():
    merged, disagreements = merge_records("a", [account("a"), account("b", actor="UA")])
    assert merged["actor"] is None and disagreement(disagreements, "actor") is not None


def test_targets_are_the_union_without_a_covered_parent_code():
    merged, _ = merge_records("a", [
        account("a", targets=["energy"]), account("b", targets=["energy.grid"]), account("c", targets=["energy.gas", "health"]),
    ])
    assert merged["targets"] == ["energy.gas", "energy.grid", "health"]


def test_parent_code_alone_is_kept():
    merged, _ = merge_records("a", [account("a", targets=["energy"]), account("b", targets=[])])
    assert merged["targets"] == ["energy"]


def test_claimed_denied_and_evidence_are_unions():
    span_a = {"report": "rep-a", "start": 0, "end": 10, "text": "x", "field": "place"}
    span_b = {"report": "rep-b", "start": 5, "end": 9, "text": "y", "field": "time"}
    merged, _ = merge_records("a", [
        account("a", claimed_by=["regional governor"], evidence=[span_a]),
        account("b", claimed_by=["city council", "regional governor"], denied_by=["Russian Defence Ministry"],
                evidence=[span_b, span_a]),
    ])
    assert merged["claimed_by"] == ["regional governor", "city council"]
    assert merged["denied_by"] == ["Russian Defence Ministry"]
    assert merged["evidence"] == [span_a, span_b]


def test_place_is_that_of_the_most_precise_account():
    merged, disagreements = merge_records("a", [
        account("a", place="Dnipropetrovsk Oblast", geo_precision="admin1", lat=48.4, lon=35.0),
        account("b", place="Pavlohrad substation", geo_precision="point", lat=48.5301, lon=35.8702),
        account("c"),
    ])
    assert (merged["place"], merged["geo_precision"], merged["lat"]) == ("Pavlohrad substation", "point", 48.5301)
    assert disagreement(disagreements, "place")["chosen"] == "Pavlohrad substation"


def test_merge_does_not_depend_on_the_order_of_the_records():
    records = [account("b", weapon="missile", counts={"killed": 1}), account("a"), account("c", start="2025-04-02T22:00:00Z",
                                                                                              end="2025-04-02T22:00:00Z")]
    assert merge_records("a", records) == merge_records("a", records[::-1])
