"""Grouping tallies of weapons side by side: the rules at their boundaries (docs/counts.md)."""

from __future__ import annotations

import itertools
from datetime import datetime

from ceasewatch.consolidate.count_groups import group_counts, overlap, select_groups
from ceasewatch.model import UTC, Claim, Evidence, Interval

NIGHT = ("2025-04-21 18:00", "2025-04-22 03:00")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def tally(
    claim_id: str, quantity: int, *, unit: str = "drones", actor: str | None = "RU", window=NIGHT,
    qualifier: str = "exactly", kind: str = "aggregate", weapon: str | None = "drone",
    weapon_model: str | None = None, text: str | None = None, speaker: str = "a spokesman",
) -> Claim:
    """A claim as extraction makes it, with the figure's words as its evidence span."""
    figure = f"{quantity} {unit}"
    sentence = text or f"Russia sent {figure} overnight, {speaker} said."
    at = sentence.find(figure)
    time = Interval(utc(window[0]), utc(window[1])) if window else Interval.unknown()
    return Claim(
        id=claim_id, kind=kind, text=sentence, report=f"rep-{claim_id}", speaker=speaker, source="An Outlet",
        quantity=quantity, qualifier=qualifier, unit=unit, weapon=weapon, weapon_model=weapon_model, actor=actor,
        time=time, evidence=(Evidence(f"rep-{claim_id}", at, at + len(figure), figure, kind),),
    )


def figures(group) -> list[int]:
    return [f.quantity for f in group.figures]


def test_three_figures_of_one_night_are_one_group_with_their_range():
    claims = [tally("c1", 145), tally("c2", 107, unit="Shaheds", weapon_model="Shahed"), tally("c3", 150)]
    [group] = group_counts(claims)
    assert figures(group) == [107, 145, 150]
    assert (group.low.quantity, group.high.quantity) == (107, 150)
    assert group.unit == "drones" and group.actor == "RU" and group.measure == "launched"
    assert {f.claim_id for f in group.figures} == {"c1", "c2", "c3"}


def test_group_has_no_average_or_total():
    [group] = group_counts([tally("c1", 100), tally("c2", 200)])
    record = group.to_record()
    assert not {"average", "mean", "total", "sum"} & set(record)
    assert set(numbers(record)) == {100, 200}  # no 150, no 300: only what the sources said


def numbers(value) -> list[int]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers(v)]
    return [value] if isinstance(value, int) and not isinstance(value, bool) else []


def test_windows_touching_at_an_end_stay_apart():
    first = tally("c1", 90, window=("2025-04-21 18:00", "2025-04-22 03:00"))
    second = tally("c2", 60, window=("2025-04-22 03:00", "2025-04-22 12:00"))
    assert len(group_counts([first, second])) == 2


def test_windows_overlapping_by_a_minute_are_grouped():
    first = tally("c1", 90, window=("2025-04-21 18:00", "2025-04-22 03:00"))
    second = tally("c2", 60, window=("2025-04-22 02:59", "2025-04-22 12:00"))
    [group] = group_counts([first, second])
    assert group.window == Interval(utc("2025-04-22 02:59"), utc("2025-04-22 03:00"))
    assert group.span == Interval(utc("2025-04-21 18:00"), utc("2025-04-22 12:00"))


def test_an_instant_at_the_edge_of_a_window_is_inside_it():
    night = Interval(utc(NIGHT[0]), utc(NIGHT[1]))
    assert overlap(night, Interval.exact(utc(NIGHT[1]))) == Interval.exact(utc(NIGHT[1]))


def test_a_figure_joins_only_when_it_overlaps_what_every_member_shares():
    # b overlaps a and c, but a and c do not meet: b joins a, c stands alone.
    a = tally("a", 10, window=("2025-04-21 18:00", "2025-04-21 22:00"))
    b = tally("b", 20, window=("2025-04-21 21:00", "2025-04-22 02:00"))
    c = tally("c", 30, window=("2025-04-22 01:00", "2025-04-22 05:00"))
    groups = group_counts([a, b, c])
    assert [figures(g) for g in groups] == [[10, 20], [30]]
    assert all(g.window.is_known for g in groups)


def test_different_actors_stay_apart():
    groups = group_counts([tally("c1", 145, actor="RU"), tally("c2", 40, actor="UA")])
    assert sorted(g.actor for g in groups) == ["RU", "UA"]


def test_figure_without_actor_joins_the_one_group_that_fits():
    [group] = group_counts([tally("c1", 145), tally("c2", 150, actor=None)])
    assert group.actor == "RU" and figures(group) == [145, 150]
    assert next(f for f in group.figures if f.claim_id == "c2").actor is None


def test_figure_without_actor_stays_apart_when_two_actors_fit():
    claims = [tally("c1", 145, actor="RU"), tally("c2", 40, actor="UA"), tally("c3", 150, actor=None)]
    groups = group_counts(claims)
    assert sorted((g.actor or "", figures(g)) for g in groups) == [("", [150]), ("RU", [145]), ("UA", [40])]


def test_figures_without_actor_group_together_when_no_known_actor_fits():
    [group] = group_counts([tally("c1", 145, actor=None), tally("c2", 150, actor=None)])
    assert group.actor is None and figures(group) == [145, 150]


def test_different_units_stay_apart():
    claims = [tally("c1", 145), tally("c2", 12, unit="missiles", weapon="missile"), tally("c3", 30, unit="strikes")]
    assert sorted(g.unit for g in group_counts(claims)) == ["drones", "missiles", "strikes"]


def test_unit_names_are_normalised():
    claims = [tally("c1", 145, unit="UAVs"), tally("c2", 107, unit="Shaheds"), tally("c3", 9, unit="rockets", weapon="missile"),
              tally("c4", 11, unit="missiles", weapon="missile"), tally("c5", 3, unit="attacks", weapon=None)]
    assert sorted((g.unit, len(g.figures)) for g in group_counts(claims)) == [("drones", 2), ("missiles", 2), ("strikes", 1)]


def test_prisoners_and_people_are_not_counts_of_weapons():
    claims = [tally("c1", 175, unit="prisoners", weapon=None, kind="other"), tally("c2", 18, unit="killed", kind="count")]
    assert group_counts(claims) == []


def test_figures_of_different_weapon_models_stay_apart():
    claims = [tally("c1", 40, weapon_model="Shahed"), tally("c2", 20, weapon_model="Lancet"), tally("c3", 50)]
    groups = group_counts(claims)
    assert sorted(figures(g) for g in groups) == [[20], [40, 50]]


def test_intercepted_figures_stay_apart_from_launched_ones():
    sentence = "Air defences shot down 120 drones of the 145 drones launched overnight, the air force said."
    claims = [tally("c1", 120, text=sentence), tally("c2", 145, text=sentence)]
    groups = group_counts(claims)
    assert sorted((g.measure, figures(g)) for g in groups) == [("intercepted", [120]), ("launched", [145])]


def test_one_incidents_count_stays_apart_from_a_tally_of_the_night():
    local = tally("c1", 40, kind="count", qualifier="more_than")
    local = Claim(**{**local.__dict__, "unit": "launched"})
    groups = group_counts([local, tally("c2", 145)])
    assert len(groups) == 2 and {g.figures[0].kind for g in groups} == {"count", "aggregate"}


def test_qualifiers_are_kept_and_decide_the_bounds_at_equal_numbers():
    claims = [tally("c1", 100, qualifier="more_than"), tally("c2", 100, qualifier="up_to"), tally("c3", 80, qualifier="about")]
    [group] = group_counts(claims)
    assert [(f.quantity, f.qualifier) for f in group.figures] == [(80, "about"), (100, "up_to"), (100, "more_than")]
    assert (group.low.qualifier, group.high.quantity, group.high.qualifier) == ("about", 100, "more_than")


def test_one_figure_is_a_group_of_its_own():
    [group] = group_counts([tally("c1", 145)])
    assert group.low == group.high == group.figures[0]


def test_figure_without_known_window_stands_alone():
    groups = group_counts([tally("c1", 145), tally("c2", 150, window=None)])
    assert [figures(g) for g in groups] == [[145], [150]]  # the unknown window sorts last
    assert not groups[1].window.is_known


def test_same_claims_in_any_order_give_the_same_groups_and_ids():
    # A chain (a meets b, b meets c, a and c apart) is where a greedy grouping could follow the input order.
    claims = [
        tally("a", 10, window=("2025-04-21 18:00", "2025-04-21 22:00")),
        tally("b", 20, window=("2025-04-21 21:00", "2025-04-22 02:00")),
        tally("c", 30, window=("2025-04-22 01:00", "2025-04-22 05:00")),
        tally("d", 107, actor=None), tally("e", 40, actor="UA"), tally("f", 12, unit="missiles", weapon="missile"),
    ]
    expected = group_counts(claims)
    for order in itertools.permutations(claims):
        assert group_counts(order) == expected
    assert len({g.id for g in expected}) == len(expected) and all(g.id.startswith("cnt-") for g in expected)


def test_group_id_depends_only_on_its_members():
    [alone] = group_counts([tally("c1", 145)])
    with_other_night = group_counts([tally("c1", 145), tally("c9", 5, window=("2025-05-01 00:00", "2025-05-01 01:00"))])
    assert alone.id in {g.id for g in with_other_night}


def test_select_keeps_groups_meeting_the_period_and_actor():
    groups = group_counts([tally("c1", 145), tally("c2", 40, actor="UA"), tally("c3", 9, actor=None, unit="missiles", weapon="missile"),
                           tally("c4", 3, window=None)])
    assert [g.actor for g in select_groups(groups, actor="UA")] == ["UA"]
    assert [figures(g) for g in select_groups(groups, actor="unknown")] == [[9]]
    assert len(select_groups(groups, time_from=utc("2025-04-22 03:00"))) == 3  # ends at the bound: kept
    assert select_groups(groups, time_from=utc("2025-04-22 03:01")) == []  # and no unknown window either
    assert select_groups(groups, time_to=utc("2025-04-21 17:59")) == []
    assert len(select_groups(groups)) == 4
