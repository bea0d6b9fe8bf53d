"""Stored claims of every report, streamed by kind (counts side by side)."""

from __future__ import annotations

from ceasewatch.model import Claim, Extraction, Report, report_id
from ceasewatch.store import claim_queries


def report_with_claims(n: int, kinds: tuple[str, ...]) -> Extraction:
    text = f"Report {n}: the ministry gave its figures."
    report = Report(id=report_id(text, None, "Example Wire", None, "2025-04-22"), text=text, source="Example Wire")
    claims = tuple(
        Claim(id=f"clm-{n}-{i}", kind=kind, text=text, report=report.id, quantity=10 * n + i, unit="drones")
        for i, kind in enumerate(kinds)
    )
    return Extraction(report, claims=claims)


def test_claims_of_kinds_streams_every_report_in_pages(store, monkeypatch):
    monkeypatch.setattr(claim_queries, "_STREAM_ROWS", 4)  # a full page, then one partly filled
    for n in range(3):
        store.save_extraction(report_with_claims(n, ("aggregate", "denial", "count")))
    found = list(store.claims_of_kinds(["count", "aggregate"]))
    assert [c.id for c in found] == sorted(f"clm-{n}-{i}" for n in range(3) for i in (0, 2))
    assert {c.kind for c in found} == {"aggregate", "count"}
    assert found[0].quantity == 0 and found[-1].report is not None


def test_claims_of_no_kind_is_nothing(store):
    store.save_extraction(report_with_claims(1, ("aggregate",)))
    assert list(store.claims_of_kinds([])) == []
    assert list(store.claims_of_kinds(["terms"])) == []
