"""Reports, claims and report-record links: stored once, in one transaction, read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from ceasewatch.errors import NotFound, StoreError
from ceasewatch.model import Claim, Evidence, Extraction, Incident, Interval, Report, report_id
from ceasewatch.model.incident import Fulfilment
from ceasewatch.model.interval import UTC
from ceasewatch.store import SaveCounts

from .samples import consolidated, contents

TEXT = "Drones hit a substation in Example Town overnight. The ministry said 40 drones were launched."


def sample_report(text: str = TEXT, title: str = "Substation hit") -> Report:
    return Report(id=report_id(text, title, "Example Wire", None, "2025-03-19"), text=text, title=title,
                  source="Example Wire", published="2025-03-19", language="en")


def sample_extraction(report: Report | None = None, *, actor: str = "RU", claim_ids=("c1",)) -> Extraction:
    report = report or sample_report()
    span = Evidence(report.id, 0, 49, report.text[0:49], "place")
    incident = Incident(
        id=f"inc-{report.id}", time=Interval(datetime(2025, 3, 18, 19, tzinfo=UTC), datetime(2025, 3, 19, 4, tzinfo=UTC)),
        place="Example Town", country="UA", lat=50.0, lon=30.0, geo_precision="settlement", actor=actor,
        targets=("energy.grid",), evidence=(span,),
    )
    exchange = Fulfilment(f"swap-{report.id}", "prisoner-exchange", ("RU", "UA"), 175,
                          Interval.exact(datetime(2025, 3, 19, 10, tzinfo=UTC)))
    claims = tuple(
        Claim(id=cid, kind="aggregate", text=report.text[51:], report=report.id, speaker="the ministry", quantity=40,
              qualifier="exactly", unit="drones", weapon="drone",
              evidence=(Evidence(report.id, 51, len(report.text), report.text[51:]),))
        for cid in claim_ids
    )
    return Extraction(report, (incident,), claims, (exchange,), notes=("nothing",))


def test_saving_an_extraction_stores_report_records_claims_and_links(store):
    extraction = sample_extraction()
    counts = store.save_extraction(extraction, source_file="reports/a.txt")
    assert counts == SaveCounts(added=2)
    assert store.account(f"inc-{extraction.report.id}") == extraction.incidents[0].to_record()
    consolidated(store)
    report = extraction.report
    assert store.report(report.id) == report
    assert store.record(f"inc-{report.id}") == extraction.incidents[0].to_record()
    assert store.record_history(f"inc-{report.id}")[0].source_file == "reports/a.txt"
    assert store.claims(report.id) == list(extraction.claims)
    assert store.report_ids_for(f"inc-{report.id}") == [report.id]
    assert store.report_ids_for(f"swap-{report.id}") == [report.id]


def test_saving_the_same_extraction_again_changes_nothing(store):
    store.save_extraction(sample_extraction())
    before = contents(store)
    assert store.save_extraction(sample_extraction()) == SaveCounts(unchanged=2)
    assert contents(store) == before


def test_a_report_is_never_changed_by_a_second_save(store):
    report = sample_report()
    store.save_extraction(sample_extraction(report))
    store.save_extraction(sample_extraction(replace(report, title="edited in place")))
    assert store.report(report.id).title == "Substation hit"


def test_a_new_extraction_revises_records_and_replaces_claims(store):
    store.save_extraction(sample_extraction(claim_ids=("c1", "c2")))
    counts = store.save_extraction(sample_extraction(actor="UA", claim_ids=("c3",)))
    assert counts == SaveCounts(revised=1, unchanged=1)
    assert [c.id for c in store.claims()] == ["c3"]


def test_two_reports_of_one_strike_are_both_linked_to_its_incident(store):
    first, second = sample_report(), sample_report(title="Another outlet")
    store.save_extraction(sample_extraction(first, claim_ids=("c1",)))
    store.save_extraction(replace(sample_extraction(second, claim_ids=("c2",)), fulfilments=()))
    consolidated(store)
    incident_id = min(f"inc-{first.id}", f"inc-{second.id}")
    assert store.accounts_of(incident_id) == sorted([f"inc-{first.id}", f"inc-{second.id}"])
    assert store.report_ids_for(incident_id) == sorted([first.id, second.id])


def test_claims_come_back_in_text_order_per_report(store):
    store.save_extraction(sample_extraction(claim_ids=("z", "a", "m")))
    assert [c.id for c in store.claims()] == ["z", "a", "m"]


def test_reports_lists_summaries_without_text(store):
    old = sample_report(title="old")
    new = replace(sample_report(title="new"), published="2025-03-20")
    new = replace(new, id=report_id(new.text, new.title, new.source, None, new.published))
    undated = replace(sample_report(title="undated"), published=None)
    undated = replace(undated, id=report_id(undated.text, undated.title, undated.source, None, None))
    for report in (old, undated, new):
        store.save_report(report)
    listed = store.reports()
    assert [r.title for r in listed] == ["new", "old", "undated"]
    assert all(r.text == "" for r in listed)


def test_unknown_ids_are_not_found(store):
    with pytest.raises(NotFound, match="no report 'rep-x'"):
        store.report("rep-x")
    with pytest.raises(NotFound, match="no record 'inc-x'"):
        store.report_ids_for("inc-x")
    assert store.claims("rep-x") == []


def test_a_failing_save_stores_nothing_at_all(store):
    extraction = sample_extraction()
    bad = replace(extraction.incidents[0], lat=float("nan"))  # canonical JSON refuses NaN
    before = contents(store)
    with pytest.raises(StoreError):
        store.save_extraction(replace(extraction, incidents=(bad,)))
    assert contents(store) == before


def test_claim_records_round_trip():
    claim = sample_extraction().claims[0]
    record = claim.to_record()
    assert record["kind"] == "aggregate" and record["start"] is None and record["evidence"][0]["start"] == 51
    assert Claim.from_record(record) == claim
