"""How a version's verdict is chosen from its commitments, and the batch arrays behind it."""

import numpy as np

from ceasewatch.adjudicate import IncidentBatch, judge, judge_batch
from ceasewatch.model.verdict import REASONS, VERDICTS

from .conftest import agreement, perform, refrain, span, strike, verdict_of


def test_violation_beats_undetermined_and_no_violation():
    ag = agreement([
        refrain("health", targets={"health"}),
        refrain("grid-maybe", targets={"energy.grid"}, start=("2025-03-19T11:00", "2025-03-19T13:00")),
        refrain("energy", targets={"energy"}),
    ])
    v = verdict_of(ag, strike(time=span("2025-03-19T12:00")))
    assert (v.verdict, v.commitment) == ("violation", "energy")


def test_undetermined_beats_no_violation():
    ag = agreement([
        refrain("health", targets={"health"}),
        refrain("late", targets={"energy"}, start=("2025-03-19T11:00", "2025-03-19T13:00")),
    ])
    v = verdict_of(ag, strike(time=span("2025-03-19T12:00")))
    assert (v.verdict, v.unknown, v.commitment, v.reason) == ("undetermined", ("time",), "late", None)


def test_equally_severe_commitments_report_the_first_in_file_order():
    ag = agreement([
        refrain("health", targets={"health"}),
        refrain("water", targets={"water"}),
    ])
    v = verdict_of(ag, strike())
    assert (v.verdict, v.reason, v.commitment) == ("no_violation", "out_of_scope", "health")
    ag = agreement([refrain("first", targets={"energy"}), refrain("second", targets={"energy.grid"})])
    assert verdict_of(ag, strike()).commitment == "first"


def test_no_violation_gives_the_first_reason_in_table_order():
    ag = agreement([refrain(targets={"health"}, in_flight="exempt")])
    v = verdict_of(ag, strike(time=span("2025-03-18T10:00"), launch=span("2025-03-18T09:00")))
    assert v.reason == "before_start"  # time, in_flight and scope all say no
    v = verdict_of(ag, strike(launch=span("2025-03-18T09:00")))
    assert v.reason == "in_flight_exempt"  # in_flight and scope say no


def test_undetermined_lists_every_unknown_test_in_table_order():
    ag = agreement([refrain(targets={"energy.grid"})])
    v = verdict_of(ag, strike(actor=None, time=span(None, None), targets=("energy",)))
    assert v.unknown == ("party", "time", "scope")


def test_intercepted_strike_is_judged_like_a_hit_and_shown():
    ag = agreement([refrain(targets={"energy"})])
    hit, intercepted = strike("hit", outcome="hit"), strike("down", outcome="intercepted")
    verdicts = judge(ag, [hit, intercepted])
    assert [(v.verdict, v.outcome) for v in verdicts] == [("violation", "hit"), ("violation", "intercepted")]


def test_judge_gives_each_incident_under_each_version_in_order():
    ag = agreement({"a": [refrain(targets={"energy"})], "b": [refrain(targets={"health"})], "c": [perform()]})
    got = [(v.incident_id, v.version, v.verdict) for v in judge(ag, [strike("i1"), strike("i2", actor="UA")])]
    assert got == [
        ("i1", "a", "violation"), ("i1", "b", "no_violation"), ("i1", "c", "not_applicable"),
        ("i2", "a", "not_applicable"), ("i2", "b", "not_applicable"), ("i2", "c", "not_applicable"),
    ]
    assert all(v.agreement_id == "test-agreement" and v.trace == () for v in judge(ag, [strike()]))


def test_judge_batch_returns_code_arrays_per_version():
    ag = agreement([perform(), refrain("energy", targets={"energy"}), refrain("late", targets={"energy"}, days=None,
                                                                              start=("2025-03-19T11:00", "2025-03-19T13:00"))])
    batch = IncidentBatch.from_incidents([strike("v"), strike("u", actor=None), strike("n", actor="UA"),
                                          strike("o", targets=("health",))])
    (key, out), = judge_batch(ag, batch).items()
    assert key == "v"
    assert [VERDICTS[c] for c in out.verdict] == ["violation", "undetermined", "not_applicable", "no_violation"]
    assert [REASONS[r] if r >= 0 else None for r in out.reason] == [None, None, None, "out_of_scope"]
    assert out.unknown.tolist() == [0, 0b0001, 0, 0]  # bit 0: party
    assert [out.commitment_ids[i] if i >= 0 else None for i in out.commitment] == ["energy", "energy", None, "energy"]
    assert out.commitment.tolist()[0] == 1  # the index counts the perform commitment before it
    assert out.verdict.dtype == np.int8


def test_empty_input_gives_no_verdicts():
    ag = agreement([refrain(targets={"energy"})])
    assert judge(ag, []) == []
    assert len(judge_batch(ag, IncidentBatch.from_incidents([]))["v"]) == 0
