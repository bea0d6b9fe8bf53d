"""Records: stored by content, revised with history, read back in order, all or nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from ceasewatch.errors import NotFound, StoreError
from ceasewatch.model.interval import UTC
from ceasewatch.store import SaveCounts, VerdictRow, records as records_module
from ceasewatch.store.records import canonical_json

from .samples import consolidated, contents, exchange, strike


def test_new_records_are_added_as_revision_one(store):
    counts = store.save_records([strike("a"), strike("b", hours=1)], source_file="feed.jsonl", source_lines=[2, 3])
    assert counts == SaveCounts(added=2)
    assert store.account("a") == strike("a")
    [only] = store.account_history("b")
    assert (only.revision, only.source_file, only.source_line, only.current) == (1, "feed.jsonl", 3, True)


def test_saving_the_same_records_again_changes_nothing(store):
    store.save_records([strike("a"), strike("b")])
    before = contents(store)
    assert store.save_records([strike("b"), strike("a")]) == SaveCounts(unchanged=2)
    assert contents(store) == before


def test_key_order_does_not_make_a_record_different(store):
    record = strike("a")
    store.save_records([record])
    reordered = dict(reversed(list(record.items())))
    assert store.save_records([reordered]) == SaveCounts(unchanged=1)


def test_changed_record_is_a_revision_and_the_old_one_is_kept(store):
    store.save_records([strike("a", actor="RU")], source_file="day1.jsonl", source_lines=[1])
    counts = store.save_records([strike("a", actor="UA")], source_file="day2.jsonl", source_lines=[7])
    assert counts == SaveCounts(revised=1)
    assert store.account("a")["actor"] == "UA"
    history = store.account_history("a")
    assert [(h.revision, h.record["actor"], h.source_file, h.source_line, h.current) for h in history] == [
        (1, "RU", "day1.jsonl", 1, False),
        (2, "UA", "day2.jsonl", 7, True),
    ]
    assert all(h.stored_at.tzinfo is UTC for h in history)


def test_revision_updates_the_columns_that_queries_use(store):
    store.save_records([strike("a", hours=0, kind="strike")])
    store.save_records([strike("a", hours=None)])
    with store._read() as conn:
        row = conn.exec_driver_sql("SELECT start_utc, revision FROM accounts WHERE id = 'a'").one()
    assert tuple(row) == (None, 2)


def test_same_id_twice_in_one_call_the_later_is_a_further_revision(store):
    counts = store.save_records([strike("a", actor="RU"), strike("a", actor="UA"), strike("a", actor="UA")])
    assert counts == SaveCounts(added=1, revised=1, unchanged=1)
    assert [h.record["actor"] for h in store.account_history("a")] == ["RU", "UA"]


def test_same_id_in_two_chunks_of_one_call(store, monkeypatch):
    monkeypatch.setattr(records_module, "CHUNK_SIZE", 2)
    store.save_records([strike("a", actor="RU")])
    counts = store.save_records(
        [strike("a", actor="UA"), strike("b"), strike("a", actor=None), strike("a", actor="RU")]
    )
    assert counts == SaveCounts(added=1, revised=3)
    assert [h.revision for h in store.account_history("a")] == [1, 2, 3, 4]
    assert [h.record["actor"] for h in store.account_history("a")] == ["RU", "UA", None, "RU"]


def test_ids_looked_up_in_several_queries_are_all_found(store, monkeypatch):
    monkeypatch.setattr(records_module, "_IDS_PER_QUERY", 2)
    ids = ["a", "b", "c", "d", "e"]
    store.save_agreement("ag", None, "ag.yaml", "text", {})
    store.save_records([strike(i) for i in ids])
    consolidated(store)
    store.save_verdicts("ag", 1, [VerdictRow(i, "v1", "violation", None, (), "c1") for i in ids])
    counts = store.save_records([strike(i, actor="UA") for i in ids] + [strike("f")])
    consolidated(store)
    assert counts == SaveCounts(added=1, revised=5)
    assert [len(store.account_history(i)) for i in ids] == [2] * 5
    assert list(store.verdicts("ag")) == []


def test_revision_deletes_that_incidents_verdicts_only(store):
    store.save_agreement("ag", None, "ag.yaml", "text", {})
    store.save_records([strike("a"), strike("b")])
    consolidated(store)
    store.save_verdicts("ag", 1, [VerdictRow("a", "v1", "violation", None, (), "c1"),
                                  VerdictRow("b", "v1", "violation", None, (), "c1")])
    store.save_records([strike("a", actor="UA"), strike("b")])
    consolidated(store)
    assert [v.incident_id for v in store.verdicts("ag")] == ["b"]
    assert [r["id"] for r in store.unjudged_records("ag")] == ["a"]


def test_records_come_by_start_time_then_id_with_unknown_times_last(store):
    store.save_records([strike("late", hours=5), strike("unknown", hours=None), strike("b", hours=1),
                        strike("a", hours=1), strike("Z", hours=1), exchange("swap", hours=-10)])
    consolidated(store)
    assert [r["id"] for r in store.records()] == ["Z", "a", "b", "late", "unknown"]
    assert [r["id"] for r in store.records(None)] == ["swap", "Z", "a", "b", "late", "unknown"]
    assert [r["id"] for r in store.records("prisoner-exchange")] == ["swap"]
    assert (store.count_accounts(), store.count_accounts(None), store.count_accounts("prisoner-exchange")) == (5, 6, 1)


def test_start_written_with_an_offset_is_stored_in_utc_for_ordering(store):
    early = strike("early", hours=2) | {"start": "2025-03-18T22:50:00+03:00", "end": "2025-03-18T22:50:00+03:00"}
    store.save_records([strike("later", hours=1), early])  # 19:50Z, then 19:50Z: id decides
    consolidated(store)
    assert [r["id"] for r in store.records()] == ["early", "later"]
    assert store.account("early")["start"] == "2025-03-18T22:50:00+03:00"  # the record itself as given


def test_record_comes_back_as_given(store):
    record = strike("a", place="Слов'янськ", lat=48.8667, lon=37.6167, targets=("energy.grid", "energy.gas"))
    store.save_records([record])
    assert store.account("a") == record


def test_missing_record_is_not_found_naming_the_id(store):
    with pytest.raises(NotFound, match="'nope'"):
        store.account("nope")
    with pytest.raises(NotFound, match="'nope'"):
        store.account_history("nope")


def test_file_seen_only_for_the_same_path_and_hash(store):
    store.save_records([strike("a")], source_file="feed.csv", file_hash="h1")
    assert store.file_seen("feed.csv", "h1")
    assert not store.file_seen("feed.csv", "h2")
    assert not store.file_seen("other.csv", "h1")
    store.save_records([strike("a")], source_file="feed.csv", file_hash="h1")  # marking twice is fine
    assert store.file_seen("feed.csv", "h1")


def test_file_is_not_marked_without_a_hash(store):
    store.save_records([strike("a")], source_file="feed.csv")
    assert contents(store)["ingested_files"] == []


def test_bad_arguments_are_refused_before_anything_is_stored(store):
    with pytest.raises(ValueError, match="shorter"):
        store.save_records([strike("a"), strike("b")], source_lines=[1])
    with pytest.raises(ValueError, match="source_file"):
        store.save_records([strike("a")], file_hash="h")
    assert store.count_accounts() == 0


def test_an_unserialisable_record_mid_way_stores_nothing_from_the_call(store, monkeypatch):
    monkeypatch.setattr(records_module, "CHUNK_SIZE", 2)  # so earlier chunks are written first
    store.save_agreement("ag", None, "ag.yaml", "text", {})
    store.save_records([strike("a"), strike("b")], source_file="old.csv", file_hash="old")
    consolidated(store)
    store.save_verdicts("ag", 1, [VerdictRow("a", "v1", "violation", None, (), "c1")])
    before = contents(store)
    batch = [strike("a", actor="UA"), strike("c"), strike("d"), strike("e") | {"site": {"a", "set"}}]
    with pytest.raises(StoreError, match=r"record 3 \(id 'e'\)"):
        store.save_records(batch, source_file="new.csv", file_hash="new")
    assert contents(store) == before
    assert not store.file_seen("new.csv", "new")


def test_an_exception_from_a_stream_of_records_rolls_the_call_back(store, monkeypatch):
    monkeypatch.setattr(records_module, "CHUNK_SIZE", 2)
    store.save_records([strike("a")])
    before = contents(store)

    class Abort(Exception):
        pass

    def stream():
        yield from (strike("b"), strike("c"), strike("d"))
        raise Abort  # e.g. --strict met a bad row after some chunks were written

    with pytest.raises(Abort):
        store.save_records(stream(), source_file="f.jsonl")
    assert contents(store) == before


def test_records_can_be_a_stream_with_their_lines(store):
    counts = store.save_numbered_records(iter([(strike("a"), 3), (strike("b"), 9)]), source_file="f.jsonl")
    assert counts == SaveCounts(added=2)
    assert [r.source_line for r in store.account_history("b")] == [9]


def test_a_database_error_mid_way_stores_nothing_from_the_call(store, monkeypatch):
    monkeypatch.setattr(records_module, "CHUNK_SIZE", 2)
    store.save_records([strike("a")])
    before = contents(store)
    batch = [strike("a", actor="UA"), strike("b"), strike("c") | {"id": None}]  # NOT NULL fails in chunk 2
    with pytest.raises(StoreError, match="database error"):
        store.save_records(batch, source_file="f.csv", file_hash="h")
    assert contents(store) == before
    assert store.save_records([strike("b")]) == SaveCounts(added=1)  # the store still works


def test_canonical_json_is_sorted_and_compact():
    assert canonical_json({"b": [1, None], "a": "é"}) == '{"a":"é","b":[1,null]}'
    with pytest.raises(ValueError):
        canonical_json({"lat": float("nan")})


def test_stored_times_are_aware_utc(store):
    store.save_records([strike("a")])
    [revision] = store.account_history("a")
    assert revision.stored_at.tzinfo is UTC
    assert abs((datetime.now(UTC) - revision.stored_at).total_seconds()) < 60
