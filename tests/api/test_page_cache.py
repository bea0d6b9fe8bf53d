"""The list's answers are kept per query and database state, and never outlive a write."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ceasewatch.api.page_cache import PageCache

from .hostile import build_service


def test_the_least_recently_used_answers_go_beyond_the_budget():
    cache = PageCache(budget=10)
    cache.put("a", b"1234")
    cache.put("b", b"1234")
    assert cache.get("a") == b"1234"  # now the most recently used
    cache.put("c", b"1234")
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (b"1234", None, b"1234")
    cache.put("huge", b"x" * 11)
    assert cache.get("huge") is None and len(cache) == 2


@pytest.fixture
def fresh(tmp_path):
    cw = build_service(tmp_path / "example")
    yield cw
    cw.close()


def test_a_write_between_two_equal_requests_gives_the_new_answer(fresh):
    from ceasewatch.api import create_app

    client = TestClient(create_app(fresh))
    first = client.get("/api/incidents", params={"actor": "UA"}).json()
    assert client.get("/api/incidents", params={"actor": "UA"}).json() == first
    record = {"id": "late-ua-strike", "kind": "strike", "actor": "UA", "place": "Belgorod", "country": "RU",
              "lat": 50.6, "lon": 36.6, "geo_precision": "settlement", "targets": ["energy.grid"],
              "start": "2025-03-20T01:00:00Z", "end": "2025-03-20T01:00:00Z"}
    fresh.store.save_records([record])
    fresh.judge_pending()
    after = client.get("/api/incidents", params={"actor": "UA"}).json()
    assert after["total"] == first["total"] + 1
    assert "late-ua-strike" in {item["id"] for item in after["items"]}


def test_a_kept_answer_is_sent_compressed_only_to_a_client_that_accepts_it(fresh):
    from ceasewatch.api import create_app

    client = TestClient(create_app(fresh))
    for _ in range(2):  # computed, then kept
        packed = client.get("/api/incidents", params={"limit": 100})
        plain = client.get("/api/incidents", params={"limit": 100}, headers={"Accept-Encoding": "identity"})
        assert packed.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
        assert packed.json() == plain.json() and len(plain.json()["items"]) == 5
