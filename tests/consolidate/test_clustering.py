"""Grouping accounts into incidents: the rules at their boundaries, order, the analyst's hand."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from ceasewatch.consolidate import group_accounts
from ceasewatch.consolidate.accounts import AccountSummary
from ceasewatch.consolidate.corrections import LogEntry, grouping_constraints
from ceasewatch.consolidate.matching import EARTH_RADIUS_KM, distance_km
from ceasewatch.model import UTC

KM_PER_DEG_LAT = EARTH_RADIUS_KM * 3.141592653589793 / 180
TOWN = (48.5321, 35.8688)  # a town's centre in region UA-12
NIGHT = ("2025-04-02 18:00", "2025-04-03 03:00")


def at(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


def strike(
    account_id: str, *, km_north: float = 0.0, precision: str = "settlement", when=NIGHT, actor: str | None = "RU",
    targets=("energy.grid",), admin1: str | None = "UA-12", country: str | None = "UA", origin=TOWN,
) -> AccountSummary:
    """An account `km_north` kilometres north of `origin`, at `when` (one time: an instant)."""
    start, end = (when, when) if isinstance(when, str) else when
    located = precision in ("point", "settlement", "district")
    return AccountSummary(
        account_id, "strike", actor, at(start) if start else None, at(end) if end else None,
        origin[0] + km_north / KM_PER_DEG_LAT if located else None, origin[1] if located else None,
        precision, admin1, country, frozenset(targets),
    )


def groups(accounts, **constraints) -> list[tuple[str, ...]]:
    return [g.members for g in group_accounts(accounts, **constraints)]


def test_helper_places_accounts_at_the_distance_asked():
    a, b = strike("a"), strike("b", km_north=9.99)
    assert distance_km(a.lat, a.lon, b.lat, b.lon) == pytest.approx(9.99, abs=1e-6)


# --- place tolerance per precision ----------------------------------------------------


@pytest.mark.parametrize("precision, km", [("point", 2.0), ("settlement", 10.0), ("district", 30.0)])
def test_same_precision_joins_just_inside_its_tolerance(precision, km):
    assert groups([strike("a", precision=precision), strike("b", precision=precision, km_north=km - 0.01)]) == [("a", "b")]


@pytest.mark.parametrize("precision, km", [("point", 2.0), ("settlement", 10.0), ("district", 30.0)])
def test_same_precision_stays_apart_just_outside_its_tolerance(precision, km):
    assert groups([strike("a", precision=precision), strike("b", precision=precision, km_north=km + 0.01)]) == [("a",), ("b",)]


def test_point_and_settlement_use_the_settlement_tolerance():
    assert groups([strike("a", precision="point"), strike("b", km_north=9.99)]) == [("a", "b")]
    assert groups([strike("a", precision="point"), strike("b", km_north=10.01)]) == [("a",), ("b",)]


def test_point_and_district_use_the_district_tolerance():
    assert groups([strike("a", precision="point"), strike("b", precision="district", km_north=29.9)]) == [("a", "b")]
    assert groups([strike("a", precision="point"), strike("b", precision="district", km_north=30.1)]) == [("a",), ("b",)]


def test_other_country_never_joins_even_at_the_same_point():
    assert groups([strike("a"), strike("b", country="RU")]) == [("a",), ("b",)]


@pytest.mark.parametrize("precision", ["country", "unknown"])
def test_country_or_unknown_precision_never_merges(precision):
    vague = [strike(f"v{i}", precision=precision, admin1=None) for i in range(2)]
    assert groups([strike("a"), *vague]) == [("a",), ("v0",), ("v1",)]


# --- time -----------------------------------------------------------------------------


def test_overlapping_intervals_join():
    assert groups([strike("a", when=NIGHT), strike("b", when=("2025-04-02 22:00", "2025-04-03 06:00"))]) == [("a", "b")]


def test_touching_days_stay_apart():
    day1, day2 = ("2025-04-02 00:00", "2025-04-03 00:00"), ("2025-04-03 00:00", "2025-04-04 00:00")
    assert groups([strike("a", when=day1), strike("b", when=day2)]) == [("a",), ("b",)]


def test_instants_twenty_minutes_apart_join():
    assert groups([strike("a", when="2025-04-02 22:20"), strike("b", when="2025-04-02 22:40")]) == [("a", "b")]


def test_instants_two_hours_apart_stay_apart():
    assert groups([strike("a", when="2025-04-02 22:20"), strike("b", when="2025-04-03 00:20")]) == [("a",), ("b",)]


def test_time_wider_than_four_days_never_merges():
    wide = strike("a", when=("2025-03-30 00:00", "2025-04-03 00:01"))
    assert groups([wide, strike("b", when="2025-04-02 22:20")]) == [("a",), ("b",)]


def test_time_of_exactly_four_days_may_merge():
    four_days = strike("a", when=("2025-03-30 00:00", "2025-04-03 00:00"))
    assert groups([four_days, strike("b", when="2025-04-02 22:20")]) == [("a", "b")]


def test_unbounded_time_never_merges():
    assert groups([strike("a", when=(None, "2025-04-03 00:00")), strike("b", when="2025-04-02 22:20")]) == [("a",), ("b",)]


def test_more_precise_wide_account_does_not_merge_with_a_vaguer_narrow_one():
    # The point account comes first (most precise); too wide to merge, it stays alone.
    wide_point = strike("a", precision="point", when=("2025-03-25 00:00", "2025-04-03 00:00"))
    assert groups([wide_point, strike("b", when="2025-04-02 22:20")]) == [("a",), ("b",)]


# --- actor and targets ----------------------------------------------------------------


@pytest.mark.parametrize("actor_a, actor_b, together", [
    ("RU", "RU", True), ("RU", None, True), (None, "UA", True), ("RU", "UA", False),
])
def test_actor_rule(actor_a, actor_b, together):
    found = groups([strike("a", actor=actor_a), strike("b", actor=actor_b)])
    assert found == ([("a", "b")] if together else [("a",), ("b",)])


def test_group_naming_two_actors_takes_only_unknown_actor_accounts():
    accounts = [strike("a", actor="RU"), strike("b", actor="UA"), strike("c", actor=None)]
    together = [["a", "b"]]
    assert groups(accounts, together=together) == [("a", "b", "c")]
    assert groups([*accounts[:2], strike("d", actor="RU")], together=together) == [("a", "b"), ("d",)]


@pytest.mark.parametrize("targets_a, targets_b, together", [
    (("energy.grid",), ("energy.grid",), True),
    (("energy.grid",), (), True),
    ((), ("energy.oil",), True),
    (("energy",), ("energy.grid",), True),
    (("energy.grid", "energy.gas"), ("energy.gas",), True),
    (("energy.grid",), ("energy.oil",), False),
    (("health",), ("residential",), False),
])
def test_target_rule_for_located_accounts(targets_a, targets_b, together):
    found = groups([strike("a", targets=targets_a), strike("b", targets=targets_b, km_north=3)])
    assert found == ([("a", "b")] if together else [("a",), ("b",)])


# --- region-level accounts ------------------------------------------------------------


def region(account_id: str, targets=("energy.grid",), admin1="UA-12", when=NIGHT) -> AccountSummary:
    return strike(account_id, precision="admin1", targets=targets, admin1=admin1, when=when)


def test_region_account_attaches_to_settlement_incident_on_a_shared_target():
    assert groups([strike("a"), region("r")]) == [("a", "r")]


def test_region_account_with_parent_target_attaches():
    assert groups([strike("a"), region("r", targets=("energy",))]) == [("a", "r")]


def test_region_account_without_a_shared_target_stays_apart():
    assert groups([strike("a"), region("r", targets=("energy.oil",))]) == [("a",), ("r",)]
    assert groups([strike("a"), region("r", targets=())]) == [("a",), ("r",)]


def test_region_account_never_attaches_across_regions():
    assert groups([strike("a"), region("r", admin1="UA-53")]) == [("a",), ("r",)]


def test_power_line_and_oil_pumping_station_in_one_region_one_night_stay_two():
    assert groups([region("line"), region("oil", targets=("energy.oil",))]) == [("line",), ("oil",)]
    assert groups([strike("line"), region("oil", targets=("energy.oil",))]) == [("line",), ("oil",)]


def test_two_region_accounts_with_the_same_target_join():
    assert groups([region("r1"), region("r2")]) == [("r1", "r2")]


def test_region_account_on_another_night_stays_apart():
    other_night = ("2025-04-03 18:00", "2025-04-04 03:00")
    assert groups([strike("a"), region("r", when=other_night)]) == [("a",), ("r",)]


# --- a vague account that fits two incidents ------------------------------------------


def test_vague_account_joins_the_nearest_and_records_the_other():
    near, far = strike("n1"), strike("n2", km_north=14.0)  # 14 km: two settlement incidents
    vague = strike("v", precision="district", km_north=6.0)  # within 30 km of both
    [first, second] = group_accounts([near, far, vague])
    assert first.members == ("n1", "v") and second.members == ("n2",)
    assert first.alternatives == {"v": ("n2",)}


def test_vague_account_never_bridges_two_incidents():
    a = strike("a", when="2025-04-02 20:00")
    b = strike("b", when="2025-04-03 01:00")  # same place, five hours later: another strike
    night = strike("v", when=NIGHT)  # fits either
    found = group_accounts([a, b, night])
    assert [g.members for g in found] == [("a", "v"), ("b",)]
    assert found[0].alternatives == {"v": ("b",)}


def test_region_account_fitting_two_incidents_joins_one():
    a, b = strike("a"), strike("b", km_north=40.0)
    found = group_accounts([a, b, region("r")])
    assert [g.members for g in found] == [("a", "r"), ("b",)]
    assert found[0].alternatives == {"r": ("b",)}


# --- ids and order --------------------------------------------------------------------


def test_incident_id_is_the_smallest_account_id_not_the_most_precise():
    found = group_accounts([strike("z-point", precision="point"), strike("a-settlement", km_north=1.0)])
    assert [g.id for g in found] == ["a-settlement"]


def scattered_accounts(seed: int, strikes: int = 40) -> list[AccountSummary]:
    """Three or so accounts per strike around towns, with a few vague and noisy ones."""
    rng = random.Random(seed)
    out = []
    for s in range(strikes):
        origin = (rng.uniform(46.0, 51.0), rng.uniform(30.0, 38.0))
        hour = rng.randrange(0, 72)
        base = at("2025-04-01 00:00") + hour * 3600
        for k in range(rng.randint(1, 4)):
            precision = rng.choice(["point", "settlement", "settlement", "district"])
            jitter = rng.uniform(-1.5, 1.5)
            start = base + rng.choice([0, -1800, -7200])
            end = start + rng.choice([0, 600, 3 * 3600])
            out.append(AccountSummary(
                f"s{s:03d}-{k}-{rng.randrange(10**6):06d}", "strike", rng.choice(["RU", "RU", None]), start, end,
                origin[0] + jitter / KM_PER_DEG_LAT, origin[1], precision, f"R{s % 5}", "UA",
                frozenset(rng.choice([("energy.grid",), ("energy",), (), ("energy.oil",)])),
            ))
        if rng.random() < 0.3:
            out.append(AccountSummary(f"r{s:03d}", "strike", "RU", base - 3600, base + 6 * 3600, None, None,
                                      "admin1", f"R{s % 5}", "UA", frozenset({"energy.grid"})))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_order_gives_the_same_groups_and_ids(seed):
    accounts = scattered_accounts(seed)
    expected = group_accounts(accounts)
    assert len(expected) < len(accounts)  # the data does merge: the test could fail
    rng = random.Random(seed * 100)
    for _ in range(25):
        shuffled = accounts[:]
        rng.shuffle(shuffled)
        assert group_accounts(shuffled) == expected


def test_every_account_is_in_exactly_one_group():
    accounts = scattered_accounts(7)
    members = [m for g in group_accounts(accounts) for m in g.members]
    assert sorted(members) == sorted(a.id for a in accounts)


# --- the analyst's merges and splits --------------------------------------------------


def test_together_forces_a_merge_the_rules_would_refuse():
    far = strike("b", km_north=200.0, actor="UA", targets=("health",))
    assert groups([strike("a"), far], together=[["a", "b"]]) == [("a", "b")]


def test_apart_forbids_a_merge_the_rules_would_make():
    assert groups([strike("a"), strike("b")], apart=[("a", "b")]) == [("a",), ("b",)]


def test_apart_account_joins_another_compatible_incident_instead():
    accounts = [strike("a"), strike("b", km_north=1), strike("c", km_north=2)]
    assert groups(accounts) == [("a", "b", "c")]
    assert groups(accounts, apart=[("a", "c"), ("b", "c")]) == [("a", "b"), ("c",)]


def test_constraints_naming_unknown_accounts_are_ignored():
    assert groups([strike("a")], together=[["a", "ghost"]], apart=[("a", "other")]) == [("a",)]


def entry(seq: int, action: str, accounts, before=None) -> LogEntry:
    return LogEntry(seq, "2025-04-05T10:00:00Z", "analyst", action, "a", tuple(accounts), "because", before=before)


def test_later_merge_undoes_an_earlier_split():
    log = [entry(1, "split", ["b"], before=["a", "b"]), entry(2, "merge", ["a", "b"])]
    constraints = grouping_constraints(log)
    assert constraints.apart == set()
    assert groups([strike("a"), strike("b", km_north=300)], together=constraints.together, apart=constraints.apart) == [("a", "b")]


def test_later_split_undoes_an_earlier_merge():
    log = [entry(1, "merge", ["a", "b", "c"]), entry(2, "split", ["c"], before=["a", "b", "c"])]
    constraints = grouping_constraints(log)
    assert constraints.together == [{"a", "b"}]
    assert constraints.apart == {("a", "c"), ("b", "c")}
    accounts = [strike("a"), strike("b", km_north=300), strike("c", km_north=0.5)]
    assert groups(accounts, together=constraints.together, apart=constraints.apart) == [("a", "b"), ("c",)]


def test_merges_sharing_an_account_chain_into_one():
    log = [entry(1, "merge", ["a", "b"]), entry(2, "merge", ["b", "c"])]
    assert grouping_constraints(log).together == [{"a", "b", "c"}]
