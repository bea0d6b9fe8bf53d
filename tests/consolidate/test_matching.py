"""The pairwise merge rules at their boundaries (consolidate/matching.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ceasewatch.consolidate.accounts import AccountSummary
from ceasewatch.consolidate.matching import (
    MAX_MATCH_SPAN_S, PLACE_TOLERANCE_KM, actors_compatible, codes_compatible, distance_km, mergeable_time,
    place_tolerance_km, targets_compatible, targets_share, times_overlap,
)
from ceasewatch.model import UTC

MINUTE = 60.0
HOUR = 3600.0
DAY = 86400.0


def at(text: str) -> float:
    """Seconds since the epoch of a UTC time written '2025-04-02 22:40'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


def instants_overlap(a: float, b: float) -> bool:
    return times_overlap(a, a, b, b)


# --- place ----------------------------------------------------------------------------


def test_distance_of_one_degree_of_latitude_is_about_111_km():
    assert distance_km(48.0, 35.0, 49.0, 35.0) == pytest.approx(111.195, abs=0.01)


@pytest.mark.parametrize("precision, km", [("point", 2.0), ("settlement", 10.0), ("district", 30.0)])
def test_tolerance_of_a_precision_with_itself(precision, km):
    assert place_tolerance_km(precision, precision) == km == PLACE_TOLERANCE_KM[precision]


@pytest.mark.parametrize("a, b, km", [
    ("point", "settlement", 10.0), ("settlement", "point", 10.0),
    ("point", "district", 30.0), ("district", "settlement", 30.0),
])
def test_vaguer_precision_gives_the_tolerance(a, b, km):
    assert place_tolerance_km(a, b) == km


def test_region_and_country_have_no_distance_tolerance():
    with pytest.raises(KeyError):
        place_tolerance_km("admin1", "settlement")
    with pytest.raises(KeyError):
        place_tolerance_km("country", "country")


# --- time -----------------------------------------------------------------------------


def test_overlapping_intervals_overlap():
    assert times_overlap(at("2025-04-02 18:00"), at("2025-04-03 03:00"), at("2025-04-02 22:00"), at("2025-04-03 06:00"))


def test_touching_days_do_not_overlap():
    day1, day2, day3 = at("2025-04-02 00:00"), at("2025-04-03 00:00"), at("2025-04-04 00:00")
    assert not times_overlap(day1, day2, day2, day3)


def test_disjoint_nights_do_not_overlap():
    assert not times_overlap(at("2025-04-01 18:00"), at("2025-04-02 03:00"), at("2025-04-02 18:00"), at("2025-04-03 03:00"))


def test_instants_twenty_minutes_apart_overlap_by_the_slack():
    t = at("2025-04-02 22:20")
    assert instants_overlap(t, t + 20 * MINUTE)


def test_instants_59_minutes_apart_overlap_60_do_not():
    t = at("2025-04-02 22:20")
    assert instants_overlap(t, t + 59 * MINUTE)
    assert not instants_overlap(t, t + 60 * MINUTE)  # the widened intervals only touch


def test_instants_two_hours_apart_do_not_overlap():
    t = at("2025-04-02 22:20")
    assert not instants_overlap(t, t + 2 * HOUR)


def test_instant_just_after_a_night_overlaps_by_the_slack_only():
    night = (at("2025-04-02 18:00"), at("2025-04-03 03:00"))
    assert times_overlap(*night, night[1] + 29 * MINUTE, night[1] + 29 * MINUTE)
    assert not times_overlap(*night, night[1] + 31 * MINUTE, night[1] + 31 * MINUTE)


def test_long_interval_is_not_widened():
    # An hour-long interval is compared as given: an instant 20 minutes past its end stays out.
    start = at("2025-04-02 22:00")
    assert not times_overlap(start, start + HOUR, start + HOUR + 20 * MINUTE, start + 2 * HOUR + 20 * MINUTE)


def test_time_wider_than_four_days_is_not_mergeable():
    start = at("2025-04-01 00:00")
    assert mergeable_time(AccountSummary("a", start=start, end=start + MAX_MATCH_SPAN_S))
    assert not mergeable_time(AccountSummary("a", start=start, end=start + MAX_MATCH_SPAN_S + 1))
    assert MAX_MATCH_SPAN_S == 4 * DAY


def test_unbounded_time_is_not_mergeable():
    assert not mergeable_time(AccountSummary("a", start=None, end=at("2025-04-02 00:00")))
    assert not mergeable_time(AccountSummary("a", start=at("2025-04-02 00:00"), end=None))


# --- actor and targets ----------------------------------------------------------------


@pytest.mark.parametrize("a, b, expected", [
    ("RU", "RU", True), ("RU", None, True), (None, "UA", True), (None, None, True), ("RU", "UA", False),
])
def test_actors_compatible(a, b, expected):
    assert actors_compatible(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("energy.grid", "energy.grid", True),
    ("energy", "energy.grid", True),
    ("energy.grid", "energy", True),
    ("energy.grid", "energy.oil", False),
    ("energy", "energyx", False),  # a prefix that is not a parent code
    ("transport.rail", "energy.grid", False),
])
def test_codes_compatible(a, b, expected):
    assert codes_compatible(a, b) is expected


def test_same_leaf_targets_are_compatible():
    assert targets_compatible(frozenset({"energy.grid"}), frozenset({"energy.grid", "health"}))


def test_one_empty_target_list_is_compatible_but_shares_nothing():
    assert targets_compatible(frozenset(), frozenset({"energy.oil"}))
    assert not targets_share(frozenset(), frozenset({"energy.oil"}))


def test_parent_code_covers_child():
    assert targets_share(frozenset({"energy"}), frozenset({"energy.oil"}))


def test_power_line_and_oil_pumping_station_are_not_compatible():
    assert not targets_compatible(frozenset({"energy.grid"}), frozenset({"energy.oil"}))
