"""The time test at each of its boundaries: a ≥ s1 + G and b ≤ e0; b < s0 + G; a > e1."""

from datetime import timedelta

from .conftest import agreement, refrain, span, strike, test_of, verdict_of

# S = [15:30, 16:55] on 18 Mar; E = S + 30 d = [15:30, 16:55] on 17 Apr.
AG = agreement([refrain(targets={"energy"})])


def judged(a, b="same"):
    return verdict_of(AG, strike(time=span(a, b)))


def test_impact_exactly_at_latest_start_is_violation():
    assert judged("2025-03-18T16:55").verdict == "violation"


def test_impact_just_before_latest_start_is_undetermined_on_time():
    v = judged("2025-03-18T16:54:59.999999")
    assert (v.verdict, v.unknown) == ("undetermined", ("time",))


def test_impact_ending_exactly_at_earliest_start_is_not_before_start():
    v = judged("2025-03-18T15:00", "2025-03-18T15:30")
    assert (v.verdict, v.unknown) == ("undetermined", ("time",))


def test_impact_ending_just_before_earliest_start_is_before_start():
    v = judged("2025-03-18T15:00", "2025-03-18T15:29:59.999999")
    assert (v.verdict, v.reason) == ("no_violation", "before_start")


def test_impact_ending_exactly_at_earliest_end_is_violation():
    assert judged("2025-04-17T15:30").verdict == "violation"


def test_impact_just_after_earliest_end_is_undetermined():
    v = judged("2025-04-17T15:30:00.000001")
    assert (v.verdict, v.unknown) == ("undetermined", ("time",))


def test_impact_starting_exactly_at_latest_end_is_not_after_end():
    v = judged("2025-04-17T16:55", "2025-04-17T18:00")
    assert v.verdict == "undetermined"


def test_impact_starting_after_latest_end_is_after_end():
    v = judged("2025-04-17T16:55:00.000001", "2025-04-17T18:00")
    assert (v.verdict, v.reason) == ("no_violation", "after_end")


def test_interval_touching_the_start_from_before_is_undetermined():
    v = judged("2025-03-18T12:00", "2025-03-18T15:30")
    assert v.verdict == "undetermined"


def test_interval_inside_the_start_interval_is_undetermined():
    assert judged("2025-03-18T15:40", "2025-03-18T16:00").verdict == "undetermined"


def test_grace_moves_both_start_boundaries():
    ag = agreement([refrain(targets={"energy"}, grace=timedelta(hours=2))])
    assert verdict_of(ag, strike(time=span("2025-03-18T18:55"))).verdict == "violation"
    assert verdict_of(ag, strike(time=span("2025-03-18T18:54"))).verdict == "undetermined"
    v = verdict_of(ag, strike(time=span("2025-03-18T17:29")))
    assert (v.verdict, v.reason) == ("no_violation", "before_start")
    assert verdict_of(ag, strike(time=span("2025-03-18T17:30"))).verdict == "undetermined"


def test_each_party_is_judged_from_its_own_start():
    ag = agreement([
        refrain("ru-halt", "RU", targets={"energy"}),
        refrain("ua-halt", "UA", start=("2025-03-19T10:00", "2025-03-19T18:00"), targets={"energy"}),
    ])
    night = span("2025-03-18T18:00", "2025-03-19T03:00")
    assert verdict_of(ag, strike(time=night, actor="RU")).verdict == "violation"
    v = verdict_of(ag, strike(time=night, actor="UA"))
    assert (v.verdict, v.reason, v.commitment) == ("no_violation", "before_start", "ua-halt")


def test_commitment_without_end_never_ends():
    ag = agreement([refrain(targets={"energy"}, days=None)])
    assert verdict_of(ag, strike(time=span("2035-01-01T00:00"))).verdict == "violation"
    assert test_of(ag, strike(), "time").figures["e0"] is None


def test_explicit_end_interval_is_used():
    ag = agreement([refrain(targets={"energy"}, end=("2025-03-20T00:00", "2025-03-21T00:00"))])
    assert verdict_of(ag, strike(time=span("2025-03-20T00:00"))).verdict == "violation"
    assert verdict_of(ag, strike(time=span("2025-03-20T12:00"))).verdict == "undetermined"
    assert verdict_of(ag, strike(time=span("2025-03-21T00:01"))).reason == "after_end"


def test_unknown_impact_time_is_unknown():
    v = verdict_of(AG, strike(time=span(None, None)))
    assert (v.verdict, v.unknown) == ("undetermined", ("time",))
    assert test_of(AG, strike(time=span(None, None)), "time").note == "impact time unknown"


def test_impact_known_only_to_end_before_start_is_before_start():
    v = verdict_of(AG, strike(time=span(None, "2025-03-18T10:00")))
    assert (v.verdict, v.reason) == ("no_violation", "before_start")


def test_time_figures_show_the_compared_times_in_utc():
    figures = test_of(AG, strike(time=span("2025-03-18T18:50")), "time").figures
    assert figures["a"] == figures["b"] == "2025-03-18T18:50:00Z"
    assert (figures["s0"], figures["s1"], figures["G"]) == ("2025-03-18T15:30:00Z", "2025-03-18T16:55:00Z", "PT0S")
    assert (figures["e0"], figures["e1"]) == ("2025-04-17T15:30:00Z", "2025-04-17T16:55:00Z")
