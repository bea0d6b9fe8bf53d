import csv
import io

from compliance_samples import data, entry, record

from ceasewatch.report.compliance import annex_entries, write_annex_csv
from ceasewatch.report.compliance.excerpts import cited_sentences
from ceasewatch.store.provenance import ReportHeader


def test_annex_puts_the_most_severe_verdict_under_any_version_first():
    d = data([
        entry(record("none"), **{"us-ua": ("no_violation", "out_of_scope"), "kremlin": ("no_violation", "out_of_scope")}),
        entry(record("unsure"), **{"us-ua": ("undetermined", None, ("time",)), "kremlin": ("no_violation", "out_of_scope")}),
        entry(record("one-way"), **{"us-ua": ("no_violation", "out_of_scope"), "kremlin": ("violation",)}),
        entry(record("unjudged")),
    ])
    assert [e.id for e in annex_entries(d)] == ["one-way", "unsure", "none", "unjudged"]


def test_among_equal_verdicts_better_attested_then_deadlier_then_earlier_come_first():
    v = {"us-ua": ("violation",)}
    d = data([
        entry(record("late", "2025-03-19T10:00:00Z"), **v),
        entry(record("early", "2025-03-18T10:00:00Z"), **v),
        entry(record("deadly", "2025-03-19T12:00:00Z", counts={"killed": 3}), **v),
        entry(record("confirmed", "2025-03-20T00:00:00Z"), "confirmed", **v),
        entry(record("discounted", "2025-03-17T00:00:00Z"), "discounted", **v),
        entry(record("alleged", "2025-03-17T00:00:00Z"), "alleged", **v),
    ], versions=("us-ua",))
    assert [e.id for e in annex_entries(d)] == ["confirmed", "alleged", "deadly", "early", "late", "discounted"]


def test_a_limit_keeps_the_most_severe_first():
    d = data([entry(record(f"i{n}"), **{"us-ua": ("violation" if n % 2 else "no_violation", None)})
              for n in range(6)], versions=("us-ua",))
    assert [e.id for e in annex_entries(d, limit=2)] == ["i1", "i3"]


def test_annex_entry_states_place_time_targets_actor_grade_and_sources():
    text = "Overnight drones hit two hospitals in the Sumy region. Staff moved patients to shelters."
    rec = record("a", "2025-03-18T19:00:00Z", "2025-03-19T04:00:00Z", place="Sumy Oblast", admin1="Sumy Oblast",
                 admin1_code="UA-59", country="UA", lat=51.1, lon=34.1, geo_precision="admin1", targets=["health"],
                 weapon="drone", weapon_model="Shahed-136", outcome="hit", counts={"killed": None, "injured": 2},
                 claimed_by=["Ukrainian authorities"], denied_by=["Russian MoD"],
                 evidence=[{"report": "rep-1", "start": 21, "end": 34, "text": "two hospitals"},
                           {"report": "rep-1", "start": 42, "end": 53, "text": "Sumy region"}])
    d = data([entry(rec, "contested", **{"us-ua": ("violation",)})], versions=("us-ua",),
             reports={"rep-1": ReportHeader("rep-1", "AP", "https://apnews.com/x", "2025-03-19", "Partial ceasefire")},
             excerpts={"rep-1": cited_sentences(text, [(21, 34), (42, 53)])})
    (e,) = annex_entries(d)
    assert e.place == "Sumy Oblast (UA-59), UA; admin1 at 51.1000, 34.1000"
    assert e.time == "2025-03-18 19:00Z – 2025-03-19 04:00Z"
    assert (e.targets, e.weapon, e.outcome, e.counts) == ("health", "drone (Shahed-136)", "hit", "injured 2")
    assert (e.actor, e.grade) == ("RU (Russian Federation)", "contested")
    assert e.claimed_by == ("Ukrainian authorities",) and e.denied_by == ("Russian MoD",)
    (citation,) = e.citations
    assert (citation.url, citation.title, citation.outlet, citation.offsets) == (
        "https://apnews.com/x", "Partial ceasefire", "AP", "0–54")
    (passage,) = citation.passages
    assert passage.pieces == (("Overnight drones hit ", False), ("two hospitals", True), (" in the ", False),
                              ("Sumy region", True), (".", False))


def test_evidence_from_a_report_that_is_not_stored_is_quoted_by_its_spans():
    rec = record("a", evidence=[{"report": "rep-9", "start": 4, "end": 13, "text": "oil depot"}])
    (citation,) = annex_entries(data([entry(rec)]))[0].citations
    assert citation.title is None and citation.passages[0].pieces == (("oil depot", True),)


def test_a_link_that_is_not_http_is_never_made_a_link():
    rec = record("a", evidence=[{"report": "rep-1", "start": 0, "end": 1, "text": "x"}])
    d = data([entry(rec)], reports={"rep-1": ReportHeader("rep-1", None, "javascript:alert(1)", None, None)})
    assert annex_entries(d)[0].citations[0].url is None


def test_the_csv_annex_has_every_incident_in_annex_order_with_a_column_per_version():
    d = data([
        entry(record("b"), **{"us-ua": ("no_violation", "out_of_scope"), "kremlin": ("no_violation", "out_of_scope")}),
        entry(record("a", targets=["health", "water"], claimed_by=["x", "y"]),
              **{"us-ua": ("violation",), "kremlin": ("no_violation", "out_of_scope")}),
    ])
    buffer = io.StringIO()
    assert write_annex_csv(d, buffer) == 2
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [(r["rank"], r["id"]) for r in rows] == [("1", "a"), ("2", "b")]
    assert rows[0]["verdict.us-ua"] == "violation" and rows[0]["detail.kremlin"] == "out_of_scope"
    assert rows[0]["targets"] == "health;water" and rows[0]["claimed_by"] == "x;y"
    assert rows[0]["why.kremlin"].startswith("ru-halt: targets health, water are outside its scope")
