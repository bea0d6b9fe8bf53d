"""Consolidating after each batch gives exactly what one consolidation of everything gives."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from ceasewatch import Ceasewatch, consolidating
from ceasewatch.store import Store

T0 = datetime(2025, 3, 10, tzinfo=timezone.utc)
TOWNS = [(48.50, 35.00, "UA-12"), (48.56, 35.05, "UA-12"), (48.70, 35.30, "UA-12"), (50.00, 36.20, "UA-63")]
TARGETS = [["energy.grid"], ["energy.oil"], ["residential"], [], ["energy"]]


def utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def account(rnd: random.Random, n: int) -> dict:
    """A random strike account near one of a few towns, on one of a few nights."""
    lat, lon, region = rnd.choice(TOWNS)
    start = T0 + timedelta(hours=rnd.choice([0, 2, 24, 26, 48]) + rnd.uniform(-0.4, 0.4))
    width = rnd.choice([0, 0, 1, 9, 30])
    precision = rnd.choice(["point", "settlement", "settlement", "admin1", "district"])
    return {
        "id": f"acc-{n:03d}", "kind": "strike", "actor": rnd.choice(["RU", "RU", None]),
        "lat": round(lat + rnd.uniform(-0.03, 0.03), 4), "lon": round(lon + rnd.uniform(-0.03, 0.03), 4),
        "geo_precision": precision, "admin1_code": region, "country": "UA",
        "start": utc(start), "end": utc(start + timedelta(hours=width)), "targets": rnd.choice(TARGETS),
    }


@pytest.fixture(autouse=True)
def always_incremental(monkeypatch):
    """However few accounts a store holds, every consolidation after the first is incremental."""
    monkeypatch.setattr(consolidating, "INCREMENTAL_MIN", 10**9)


def incidents(cw: Ceasewatch) -> dict[str, tuple[str, ...]]:
    return {r["id"]: tuple(cw.store.accounts_of(r["id"])) for r in cw.store.records("strike")}


@pytest.mark.parametrize("seed", range(8))
def test_batch_by_batch_equals_everything_at_once(seed):
    rnd = random.Random(seed)
    batches = [[account(rnd, n) for n in range(start, start + 25)] for start in (0, 25, 50)]
    # The third batch also revises accounts of the first: a changed account can leave its incident.
    batches[2] += [{**account(rnd, n), "id": f"acc-{n:03d}"} for n in rnd.sample(range(25), 6)]
    with Ceasewatch(Store.open("sqlite://")) as stepwise:
        for batch in batches:
            stepwise.store.save_records(batch)
            stepwise.consolidate()
        stepwise_result = incidents(stepwise)
        details = {i: stepwise.incident_details(i) for i in stepwise_result}
    with Ceasewatch(Store.open("sqlite://")) as at_once:
        for batch in batches:
            at_once.store.save_records(batch)
        at_once.consolidate()
        assert incidents(at_once) == stepwise_result
        for incident_id in stepwise_result:
            assert at_once.incident_details(incident_id) == details[incident_id]


def test_an_unchanged_store_is_not_read_again(cw):
    rnd = random.Random(1)
    cw.store.save_records([account(rnd, n) for n in range(10)])
    first = cw.consolidate()
    again = cw.consolidate()
    assert first.rebuilt > 0 and (again.rebuilt, again.removed) == (0, 0) and again.incidents == first.incidents


def test_an_account_revised_far_away_leaves_its_incident_and_the_rest_stand_alone(cw):
    rnd = random.Random(3)
    a = {**account(rnd, 0), "id": "a", "geo_precision": "settlement", "lat": 48.5, "lon": 35.0, "actor": "RU",
         "targets": ["energy.grid"], "start": "2025-03-10T01:00:00Z", "end": "2025-03-10T01:00:00Z"}
    b = {**a, "id": "b", "lat": 48.51}
    cw.store.save_records([a, b])
    cw.consolidate()
    assert incidents(cw) == {"a": ("a", "b")}
    cw.store.save_records([{**a, "lat": 50.0, "lon": 36.2, "admin1_code": "UA-63"}])  # now another town
    cw.consolidate()
    assert incidents(cw) == {"a": ("a",), "b": ("b",)}


def test_a_bulk_load_is_consolidated_whole(cw, monkeypatch):
    monkeypatch.setattr(consolidating, "INCREMENTAL_MIN", 5)
    monkeypatch.setattr(consolidating, "INCREMENTAL_SHARE", 0.0)
    calls = []
    monkeypatch.setattr(consolidating, "plan_incremental", lambda *a, **k: calls.append(a) or pytest.fail("not whole"))
    rnd = random.Random(2)
    cw.store.save_records([account(rnd, n) for n in range(5)])
    cw.consolidate()
    cw.store.save_records([account(rnd, n) for n in range(5, 20)])  # 15 changed > 5: regroup everything
    assert cw.consolidate().incidents == len(incidents(cw)) and calls == []
