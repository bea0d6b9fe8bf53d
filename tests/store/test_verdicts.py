"""Verdicts: stored per agreement, version and incident; replaced, read, deleted; unjudged records."""

from __future__ import annotations

import pytest

from ceasewatch.errors import NotFound, StoreError
from ceasewatch.store import VerdictRow, verdicts as verdicts_module

from .samples import contents, exchange, save_incidents, strike


@pytest.fixture
def judged(store):
    """A store with agreement 'ag' (revision 1) and strikes a, b, c."""
    store.save_agreement("ag", None, "ag.yaml", "text", {})
    save_incidents(store, [strike("a", hours=2), strike("b", hours=1), strike("c", hours=3), exchange("swap")])
    return store


def row(incident_id: str, version: str = "us-ua", verdict: str = "violation", **fields) -> VerdictRow:
    values = {"reason": None, "unknown": (), "commitment": "ru-halt"} | fields
    return VerdictRow(incident_id, version, verdict, **values)


def test_saved_verdicts_read_back_by_version_then_incident(judged):
    rows = [row("b", "us-ua"), row("a", "kremlin", "no_violation", reason="out_of_scope", commitment=None),
            row("a", "us-ua", "undetermined", unknown=("time", "scope"))]
    assert judged.save_verdicts("ag", 1, rows) == 3
    assert list(judged.verdicts("ag")) == [rows[1], rows[2], rows[0]]
    assert list(judged.verdicts("ag", "us-ua")) == [rows[2], rows[0]]
    assert list(judged.verdicts("ag", "nope")) == []


def test_saving_a_verdict_again_replaces_it(judged):
    judged.save_verdicts("ag", 1, [row("a", verdict="violation")])
    judged.save_verdicts("ag", 1, [row("a", verdict="undetermined", unknown=("party",))])
    assert list(judged.verdicts("ag")) == [row("a", verdict="undetermined", unknown=("party",))]


def test_verdicts_of_another_agreement_are_apart(judged):
    judged.save_agreement("other", None, "other.yaml", "text", {})
    judged.save_verdicts("ag", 1, [row("a")])
    judged.save_verdicts("other", 1, [row("b")])
    assert [v.incident_id for v in judged.verdicts("ag")] == ["a"]
    judged.delete_verdicts("ag")
    assert list(judged.verdicts("ag")) == []
    assert [v.incident_id for v in judged.verdicts("other")] == ["b"]


def test_unjudged_records_are_strikes_with_no_verdict_under_that_agreement(judged):
    assert [r["id"] for r in judged.unjudged_records("ag")] == ["b", "a", "c"]
    judged.save_verdicts("ag", 1, [row("a", "us-ua")])  # one version is enough to count as judged
    assert [r["id"] for r in judged.unjudged_records("ag")] == ["b", "c"]
    assert [r["id"] for r in judged.unjudged_records("never-stored")] == ["b", "a", "c"]


def test_verdicts_for_a_stale_revision_are_refused(judged):
    judged.save_agreement("ag", None, "ag.yaml", "text v2", {})
    with pytest.raises(StoreError, match="revision 1 of agreement 'ag', but its current revision is 2"):
        judged.save_verdicts("ag", 1, [row("a")])
    assert judged.save_verdicts("ag", 2, [row("a")]) == 1


def test_verdicts_for_an_unknown_agreement_are_not_found(judged):
    with pytest.raises(NotFound, match="'nope'"):
        judged.save_verdicts("nope", 1, [row("a")])


def test_a_verdict_for_an_unstored_incident_fails_and_stores_nothing(judged, monkeypatch):
    monkeypatch.setattr(verdicts_module, "CHUNK_SIZE", 2)  # the bad row comes after a written batch
    judged.save_verdicts("ag", 1, [row("c", verdict="no_violation")])
    before = contents(judged)
    with pytest.raises(StoreError, match="database error"):
        judged.save_verdicts("ag", 1, (row(i) for i in ["a", "b", "c", "ghost"]))
    assert contents(judged) == before


def test_a_bad_row_mid_way_stores_nothing(judged, monkeypatch):
    monkeypatch.setattr(verdicts_module, "CHUNK_SIZE", 1)
    before = contents(judged)
    with pytest.raises(AttributeError):
        judged.save_verdicts("ag", 1, [row("a"), row("b"), "not a row"])
    assert contents(judged) == before


def test_many_verdicts_in_one_call(judged, monkeypatch):
    monkeypatch.setattr(verdicts_module, "CHUNK_SIZE", 7)
    versions = [f"v{n:02d}" for n in range(20)]
    count = judged.save_verdicts("ag", 1, (row(i, v) for v in versions for i in "abc"))
    assert count == 60
    assert [(v.version, v.incident_id) for v in judged.verdicts("ag")] == [(v, i) for v in versions for i in "abc"]
