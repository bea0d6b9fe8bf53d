"""in_flight: counts always; exempt judged on the launch interval against S = [s0, s1]."""

from .conftest import agreement, refrain, span, strike, test_of, verdict_of

# S = [15:30, 16:55] on 18 Mar; the impact is well inside the window in every case.
EXEMPT = agreement([refrain(targets={"energy"}, in_flight="exempt")])
COUNTS = agreement([refrain(targets={"energy"}, in_flight="counts")])


def launched(l0, l1="same"):
    return strike(launch=span(l0, l1))


def test_counts_ignores_an_early_launch():
    assert verdict_of(COUNTS, launched("2025-03-18T10:00")).verdict == "violation"


def test_exempt_launch_before_the_start_is_in_flight_exempt():
    v = verdict_of(EXEMPT, launched("2025-03-18T15:00", "2025-03-18T15:29:59"))
    assert (v.verdict, v.reason) == ("no_violation", "in_flight_exempt")


def test_exempt_launch_ending_exactly_at_earliest_start_is_not_exempt():
    v = verdict_of(EXEMPT, launched("2025-03-18T15:00", "2025-03-18T15:30"))
    assert (v.verdict, v.unknown) == ("undetermined", ("in_flight",))


def test_exempt_launch_at_latest_start_counts():
    assert verdict_of(EXEMPT, launched("2025-03-18T16:55")).verdict == "violation"


def test_exempt_launch_just_before_latest_start_straddles():
    v = verdict_of(EXEMPT, launched("2025-03-18T16:54:59"))
    assert (v.verdict, v.unknown) == ("undetermined", ("in_flight",))


def test_exempt_launch_straddling_the_start_is_unknown():
    v = verdict_of(EXEMPT, launched("2025-03-18T14:00", "2025-03-18T18:00"))
    assert (v.verdict, v.unknown) == ("undetermined", ("in_flight",))


def test_exempt_unknown_launch_is_assumed_after_the_start():
    assert verdict_of(EXEMPT, strike()).verdict == "violation"
    t = test_of(EXEMPT, strike(), "in_flight")
    assert (t.answer, t.note) == ("yes", "launch time unknown: assumed after the start")


def test_counts_makes_no_assumption_note():
    assert test_of(COUNTS, strike(), "in_flight").note is None


def test_exempt_launch_known_on_one_side_is_not_assumed():
    t = test_of(EXEMPT, launched(None, "2025-03-18T17:00"), "in_flight")
    assert (t.answer, t.note) == ("unknown", None)
    assert test_of(EXEMPT, launched(None, "2025-03-18T15:00"), "in_flight").reason == "in_flight_exempt"


def test_in_flight_figures_show_launch_and_start():
    f = test_of(EXEMPT, launched("2025-03-18T15:00"), "in_flight").figures
    assert f == {"in_flight": "exempt", "l0": "2025-03-18T15:00:00Z", "l1": "2025-03-18T15:00:00Z",
                 "s0": "2025-03-18T15:30:00Z", "s1": "2025-03-18T16:55:00Z"}
