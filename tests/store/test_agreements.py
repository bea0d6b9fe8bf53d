"""Agreements: added, unchanged or revised by content; every revision kept with its files."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, MetaData, Table

from ceasewatch.errors import NotFound, StoreError
from ceasewatch.model.interval import UTC
from ceasewatch.store import VerdictRow
from ceasewatch.store import agreements as agreements_module
from ceasewatch.store.agreements import agreement_hash
from ceasewatch.store.tables import agreement_files

from .samples import contents, save_incidents, strike

FILES = {"sites/ua-list.geojson": b'{"type": "FeatureCollection"}', "sites/plants.csv": b"id,lat\n1,2\n"}


def test_new_agreement_is_added_with_its_files(store):
    assert store.save_agreement("ag", "Moratorium", "ag.yaml", "id: ag\n", FILES) == ("added", 1)
    stored = store.agreement("ag")
    assert (stored.id, stored.revision, stored.title, stored.source_name) == ("ag", 1, "Moratorium", "ag.yaml")
    assert (stored.source_text, stored.files) == ("id: ag\n", FILES)
    assert stored.content_hash == agreement_hash("id: ag\n", FILES)
    assert stored.stored_at.tzinfo is UTC


def test_same_text_and_files_again_is_unchanged(store):
    store.save_agreement("ag", "T", "ag.yaml", "text", FILES)
    before = contents(store)
    assert store.save_agreement("ag", "T", "moved/ag.yaml", "text", dict(reversed(FILES.items()))) == ("unchanged", 1)
    assert contents(store) == before


def test_changed_file_content_is_a_revision(store):
    store.save_agreement("ag", "T", "ag.yaml", "text", FILES)
    changed = FILES | {"sites/plants.csv": b"id,lat\n1,3\n"}
    assert store.save_agreement("ag", "T2", "ag.yaml", "text", changed) == ("revised", 2)
    assert store.agreement("ag").files == changed
    assert store.agreement("ag").title == "T2"
    assert [(r.revision, r.title, r.files) for r in store.agreement_revisions("ag")] == [
        (1, "T", FILES), (2, "T2", changed),
    ]


def test_hash_keeps_text_and_file_boundaries_apart():
    assert agreement_hash("ab", {}) != agreement_hash("a", {"b": b""})
    assert agreement_hash("t", {"p": b"xy"}) != agreement_hash("t", {"px": b"y"})
    assert agreement_hash("t", {"a": b"1", "b": b"2"}) == agreement_hash("t", {"b": b"2", "a": b"1"})


def test_revision_deletes_only_that_agreements_verdicts(store):
    save_incidents(store, [strike("a")])
    for agreement_id in ("ag", "other"):
        store.save_agreement(agreement_id, None, f"{agreement_id}.yaml", "v1", {})
        store.save_verdicts(agreement_id, 1, [VerdictRow("a", "v", "violation", None, (), "c")])
    store.save_agreement("ag", None, "ag.yaml", "v2", {})
    assert list(store.verdicts("ag")) == []
    assert len(list(store.verdicts("other"))) == 1


def test_unchanged_agreement_keeps_its_verdicts(store):
    save_incidents(store, [strike("a")])
    store.save_agreement("ag", None, "ag.yaml", "v1", {})
    store.save_verdicts("ag", 1, [VerdictRow("a", "v", "violation", None, (), "c")])
    store.save_agreement("ag", None, "ag.yaml", "v1", {})
    assert len(list(store.verdicts("ag"))) == 1


def test_agreements_lists_current_revisions_by_id(store):
    store.save_agreement("b", None, "b.yaml", "b1", {})
    store.save_agreement("a", None, "a.yaml", "a1", {"x": b"1"})
    store.save_agreement("a", None, "a.yaml", "a2", {"x": b"2"})
    assert [(s.id, s.revision, s.source_text, s.files) for s in store.agreements()] == [
        ("a", 2, "a2", {"x": b"2"}), ("b", 1, "b1", {}),
    ]


def test_unknown_agreement_is_not_found_naming_the_stored_ids(store):
    with pytest.raises(NotFound, match=r"no agreement 'x' \(the store holds no agreements\)"):
        store.agreement("x")
    store.save_agreement("b", None, "b.yaml", "t", {})
    store.save_agreement("a", None, "a.yaml", "t", {})
    with pytest.raises(NotFound, match=r"no agreement 'x' \(stored: a, b\)"):
        store.agreement("x")
    with pytest.raises(NotFound, match=r"no agreement 'x' \(stored: a, b\)"):
        store.agreement_revisions("x")


def test_a_failed_save_leaves_the_previous_revision_and_its_verdicts(store, monkeypatch):
    save_incidents(store, [strike("a")])
    store.save_agreement("ag", None, "ag.yaml", "v1", FILES)
    store.save_verdicts("ag", 1, [VerdictRow("a", "v", "violation", None, (), "c")])
    before = contents(store)
    # Files go in last: by then the agreement row is updated and its verdicts deleted.
    missing = Table("no_such_table", MetaData(), *(Column(c.name, c.type) for c in agreement_files.columns))
    monkeypatch.setattr(agreements_module, "agreement_files", missing)
    with pytest.raises(StoreError, match="no_such_table"):
        store.save_agreement("ag", None, "ag.yaml", "v2", FILES)
    assert contents(store) == before


def test_file_content_that_is_not_bytes_is_refused(store):
    with pytest.raises(TypeError):
        store.save_agreement("ag", None, "ag.yaml", "v1", {"a.csv": 12.5})
    assert store.agreements() == []
