"""The dashboard's questions to the store: filters, sorting, paging, map cells, on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ceasewatch.store import IncidentQuery, VerdictRow

from .samples import T0, exchange, save_incidents, strike

AGREEMENT_YAML = "ceasewatch: 1\nid: a\n"


@pytest.fixture
def filled(store):
    """Five strikes and an exchange; verdicts under versions v1 and v2 of agreement `a`."""
    save_incidents(store, [
        strike("s1", 0, place="Sloviansk", lat=48.85, lon=37.6, geo_precision="settlement",
               claimed_by=("Donetsk regional prosecutor's office",), targets=("energy.grid", "energy.gas")),
        strike("s2", 2, place="Sumy Oblast", admin1_code="UA-59", lat=51.1, lon=34.1, geo_precision="admin1",
               targets=("health",)),
        strike("s3", 4, place="Bucha", lat=50.55, lon=30.21, geo_precision="settlement", targets=("residential",)),
        strike("s4", 6, actor="UA", place="Krasnodar Krai", admin1_code="RU-KDA", lat=45.35, lon=39.05,
               geo_precision="admin1", targets=("energy.oil",)),
        strike("s5", None, actor=None, place="100%_place", country="UA", geo_precision="country", targets=("energy",)),
        exchange("x1"),
    ])
    store.save_agreement("a", "A", "agreement.yaml", AGREEMENT_YAML, {})
    v1 = {"s1": "violation", "s2": "violation", "s3": "no_violation", "s4": "no_violation", "s5": "undetermined"}
    v2 = {"s1": "violation", "s2": "no_violation", "s3": "no_violation", "s4": "violation", "s5": "undetermined"}
    rows = [VerdictRow(i, "v1", v, "out_of_scope" if v == "no_violation" else None, (), "c") for i, v in v1.items()]
    rows += [VerdictRow(i, "v2", v, "out_of_scope" if v == "no_violation" else None, (), "c") for i, v in v2.items()]
    store.save_verdicts("a", 1, rows)
    return store


def ids(store, **filters) -> list[str]:
    query = IncidentQuery(agreement="a", version=filters.pop("version", "v1"), **filters)
    return [row.record["id"] for row in store.incident_page(query).rows]


def test_a_page_lists_strikes_only_by_start_with_unknown_start_last(filled):
    page = filled.incident_page(IncidentQuery(agreement="a", version="v1"))
    assert page.total == 5
    assert [r.record["id"] for r in page.rows] == ["s1", "s2", "s3", "s4", "s5"]
    assert page.rows[0].verdicts["v2"].verdict == "violation"
    assert page.rows[0].grade == "alleged"  # a prosecutor's office of no known side says so


def test_limit_and_offset_page_through_and_total_counts_all(filled):
    page = filled.incident_page(IncidentQuery(agreement="a", version="v1", limit=2, offset=2))
    assert page.total == 5 and [r.record["id"] for r in page.rows] == ["s3", "s4"]


def test_descending_start_keeps_unknown_last(filled):
    assert ids(filled, sort="start", descending=True) == ["s4", "s3", "s2", "s1", "s5"]


def test_verdict_filter_applies_to_the_chosen_version(filled):
    assert ids(filled, verdicts=("violation",)) == ["s1", "s2"]
    assert ids(filled, version="v2", verdicts=("violation",)) == ["s1", "s4"]
    assert ids(filled, verdicts=("violation", "undetermined")) == ["s1", "s2", "s5"]


def test_actor_filter_with_unknown_meaning_no_actor(filled):
    assert ids(filled, actors=("UA",)) == ["s4"]
    assert ids(filled, actors=("unknown",)) == ["s5"]
    assert ids(filled, actors=("UA", "unknown")) == ["s4", "s5"]


def test_target_filter_keeps_codes_at_or_below_and_not_lookalikes(filled):
    assert ids(filled, target="energy") == ["s1", "s4", "s5"]
    assert ids(filled, target="energy.gas") == ["s1"]
    assert ids(filled, target="ener") == []


def test_place_and_text_filters_ignore_case_and_treat_wildcards_literally(filled):
    assert ids(filled, place="SUMY") == ["s2"]
    assert ids(filled, place="100%_") == ["s5"]
    assert ids(filled, place="%") == ["s5"]
    assert ids(filled, text="prosecutor") == ["s1"]  # a claimant's name
    assert ids(filled, text="S3") == ["s3"]  # the id


def test_region_filter_is_exact(filled):
    assert ids(filled, region="UA-59") == ["s2"]
    assert ids(filled, region="UA") == []


def test_time_range_keeps_overlapping_intervals_inclusive_and_drops_unknown(filled):
    assert ids(filled, time_from=T0 + timedelta(hours=2), time_to=T0 + timedelta(hours=4)) == ["s2", "s3"]
    assert ids(filled, time_from=T0 + timedelta(hours=5)) == ["s4"]


def test_grade_filter_keeps_the_grades_named(filled):
    assert ids(filled, grades=("alleged",)) == ["s1", "s2", "s3", "s4", "s5"]
    assert ids(filled, grades=("confirmed", "ungraded")) == []


def test_differ_keeps_incidents_whose_verdict_differs_between_two_versions(filled):
    assert ids(filled, differ=("v1", "v2")) == ["s2", "s4"]


def test_stream_returns_every_selected_incident_in_order(filled):
    query = IncidentQuery(agreement="a", version="v1", limit=1, actors=("RU",))
    assert [r.record["id"] for r in filled.incident_stream(query)] == ["s1", "s2", "s3"]


def test_map_cells_split_points_regions_and_unmapped(filled):
    cells = filled.map_cells(IncidentQuery(agreement="a", version="v1"), None, 1.0, 100)
    assert [p.id for p in cells.points] == ["s1", "s3"]
    assert {r.code: r.verdicts for r in cells.regions} == {"UA-59": {"violation": 1}, "RU-KDA": {"no_violation": 1}}
    assert cells.unmapped == 1 and cells.total == 5 and not cells.clustered
    assert cells.verdicts == {"violation": 2, "no_violation": 2, "undetermined": 1}


def test_map_cells_cluster_when_the_view_holds_more_than_the_limit(filled):
    # Hours 10-12: later than s1, so consolidation keeps them apart from it.
    save_incidents(filled, [strike(f"k{i}", 10 + i, lat=48.85 + i * 1e-4, lon=37.6, geo_precision="point") for i in range(3)])
    cells = filled.map_cells(IncidentQuery(agreement="a", version="v1"), (40, 20, 60, 50), 1.0, 2)
    assert cells.clustered
    [cluster] = cells.clusters  # s1 and the three k's share one cell; s3 stands alone
    assert cluster.count == 4 and cluster.verdicts == {"violation": 1, "unjudged": 3}
    assert [p.id for p in cells.points] == ["s3"]


def test_map_bbox_keeps_points_inside(filled):
    cells = filled.map_cells(IncidentQuery(agreement="a", version="v1"), (50, 29, 51, 31), 1.0, 100)
    assert [p.id for p in cells.points] == ["s3"]


def test_an_in_memory_store_keeps_no_selection(store):
    if store.url.startswith("sqlite"):
        assert store._change_token().read() is None


def test_records_citing_finds_evidence_in_a_report(filled):
    evidence = [{"report": "rep-1", "start": 0, "end": 4, "text": "Four"}]
    save_incidents(filled, [strike("e1", 1, evidence=())])
    record = strike("e2", 1)
    record["evidence"] = evidence
    save_incidents(filled, [record])
    assert [r["id"] for r in filled.records_citing("rep-1")] == ["e2"]
    assert filled.records_citing("rep-") == []


def test_pages_of_a_kept_selection_follow_writes_from_another_connection(store_url):
    from ceasewatch.store import Store

    with Store.open(store_url) as reader, Store.open(store_url) as writer:
        save_incidents(writer, [strike("a", 1), strike("b", 2)])
        assert reader._change_token().read() is not None  # a file or a server: selections are kept
        query = IncidentQuery(limit=1)
        assert reader.incident_page(query).total == 2
        assert [r.record["id"] for r in reader.incident_page(IncidentQuery(limit=1, offset=1)).rows] == ["b"]
        save_incidents(writer, [strike("c", 0)])
        page = reader.incident_page(query)
        assert page.total == 3 and [r.record["id"] for r in page.rows] == ["c"]
