"""The scoring rules of docs/eval.md, each at its boundaries."""

from __future__ import annotations

import math
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ceasewatch.evaluate import GoldIncident, match_article, score_matching
from ceasewatch.evaluate.scoring import EARTH_RADIUS_KM, date_matches, distance_km, local_dates, time_right
from ceasewatch.model import Incident, Interval

from extraction_fakes import day, utc

KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180  # along a meridian


def gold(**fields) -> GoldIncident:
    fields.setdefault("id", "g")
    fields.setdefault("first_date", date(2025, 3, 18))
    fields.setdefault("last_date", fields["first_date"])
    fields.setdefault("lat", 50.0)
    fields.setdefault("lon", 30.0)
    fields.setdefault("country", "UA")
    fields.setdefault("geo_precision", "settlement")
    fields.setdefault("actor", "RU")
    return GoldIncident(**fields)


def predicted(**fields) -> Incident:
    fields.setdefault("id", "p")
    fields.setdefault("time", day("2025-03-18"))
    fields.setdefault("lat", 50.0)
    fields.setdefault("lon", 30.0)
    fields.setdefault("country", "UA")
    fields.setdefault("geo_precision", "settlement")
    fields.setdefault("actor", "RU")
    return Incident(**fields)


def matched(p: Incident, g: GoldIncident, codes=None, contains=None) -> bool:
    return len(match_article([p], [g], codes, contains).pairs) == 1


# --- place -------------------------------------------------------------------------------


def test_a_point_just_inside_50_km_matches_and_just_outside_does_not():
    inside, outside = 50.0 + 49.99 / KM_PER_DEGREE, 50.0 + 50.01 / KM_PER_DEGREE
    assert distance_km(50.0, 30.0, inside, 30.0) == pytest.approx(49.99)
    assert matched(predicted(lat=inside), gold())
    assert not matched(predicted(lat=outside), gold())


def test_admin1_precision_on_either_side_matches_the_same_region_by_code():
    far_in_region = predicted(lat=48.0, lon=37.8, admin1="Donetsk Oblast", admin1_code="UA-14", geo_precision="admin1")
    region_gold = gold(admin1="Donetsk Oblast", lat=48.85, lon=37.6)
    assert matched(far_in_region, region_gold, lambda name, country: "UA-14")
    assert not matched(far_in_region, region_gold, lambda name, country: "UA-65")
    settlement = predicted(lat=48.0, lon=37.8, admin1="Donetsk Oblast", admin1_code="UA-14")
    assert matched(settlement, gold(admin1="Donetsk Oblast", geo_precision="admin1", lat=48.85, lon=37.6),
                   lambda name, country: "UA-14")


def test_without_codes_regions_are_compared_by_name():
    p = predicted(lat=45.0, lon=34.0, admin1="Republic of Crimea", geo_precision="admin1")
    assert matched(p, gold(admin1="Autonomous Republic of Crimea", lat=44.0, lon=36.0))
    assert not matched(p, gold(admin1="Kherson Oblast", lat=46.6, lon=32.6))


def test_without_code_or_name_a_point_inside_the_region_matches():
    def contains(code, lat, lon):
        return code == "UA-14" and lat > 47.5

    region_gold = gold(admin1="Donetsk Oblast", geo_precision="admin1", lat=48.0, lon=37.8)
    codes = lambda name, country: "UA-14"
    assert matched(predicted(lat=48.9, lon=38.5), region_gold, codes, contains)
    assert not matched(predicted(lat=47.0, lon=38.5), region_gold, codes, contains)
    region_prediction = predicted(lat=48.0, lon=37.8, admin1_code="UA-14", geo_precision="admin1")
    assert matched(region_prediction, gold(lat=48.9, lon=38.5), None, contains)


def test_the_shipped_region_shapes_place_a_point():
    from ceasewatch.evaluate.lookups import shipped_region_contains

    if shipped_region_contains("UA-14", 48.85, 37.6) is None:
        pytest.skip("no region shapes shipped")
    assert shipped_region_contains("UA-14", 48.85, 37.6) and not shipped_region_contains("UA-59", 48.85, 37.6)


def test_a_gold_code_in_the_gold_file_wins_over_the_lookup():
    p = predicted(lat=45.0, lon=39.0, admin1_code="RU-KDA", geo_precision="admin1", country="RU")
    assert matched(p, gold(admin1="Krasnodar Krai", admin1_code="RU-KDA", lat=45.5, lon=40.5, country="RU"),
                   lambda name, country: None)


def test_same_region_needs_admin1_precision_on_one_side():
    p = predicted(lat=48.0, lon=37.8, admin1_code="UA-14")
    assert not matched(p, gold(lat=48.85, lon=37.6), lambda name, country: "UA-14")


def test_same_country_matches_only_an_unscored_country_gold():
    p = predicted(lat=47.0, lon=35.0)
    unscored = gold(lat=None, lon=None, geo_precision="country", scored=False)
    assert len(match_article([p], [unscored]).dropped) == 1
    assert not matched(p, gold(lat=None, lon=None, geo_precision="country"))
    assert match_article([predicted(country="RU")], [unscored]).extras


# --- date --------------------------------------------------------------------------------


def test_the_gold_range_is_widened_by_one_local_day_each_side():
    g = gold(first_date=date(2025, 3, 18))  # Kyiv: UTC+2 in March
    assert date_matches(Interval.exact(utc("2025-03-19 21:59")), g)  # 23:59 on the 19th, local
    assert not date_matches(Interval.exact(utc("2025-03-19 22:00")), g)  # 00:00 on the 20th
    assert date_matches(Interval.exact(utc("2025-03-16 22:00")), g)  # 00:00 on the 17th
    assert not date_matches(Interval.exact(utc("2025-03-16 21:59")), g)


def test_a_whole_day_ending_at_midnight_does_not_reach_the_next_day():
    whole_16th = day("2025-03-16")
    assert local_dates(whole_16th, ZoneInfo("Europe/Kyiv")) == (date(2025, 3, 16), date(2025, 3, 16))
    assert not date_matches(whole_16th, gold())
    assert date_matches(Interval(whole_16th.earliest, whole_16th.latest + timedelta(minutes=1)), gold())


def test_russian_places_are_read_in_moscow_time():
    g = gold(country="RU", first_date=date(2025, 3, 18))
    assert date_matches(Interval.exact(utc("2025-03-19 20:59")), g)  # 23:59 Moscow
    assert not date_matches(Interval.exact(utc("2025-03-19 21:00")), g)


def test_an_unbounded_side_does_not_exclude_a_date():
    assert date_matches(Interval(None, utc("2025-03-18 12:00")), gold(first_date=date(2025, 3, 1)))
    assert not date_matches(Interval(utc("2025-03-25 12:00"), None), gold())


# --- time --------------------------------------------------------------------------------


def test_time_needs_an_interval_at_most_an_hour_wide():
    g = gold(clock=time(20, 50))  # 18:50 UTC
    assert time_right(Interval(utc("2025-03-18 18:20"), utc("2025-03-18 19:20")), g)
    assert not time_right(Interval(utc("2025-03-18 18:20"), utc("2025-03-18 19:20:01")), g)
    assert not time_right(Interval(None, utc("2025-03-18 18:50")), g)


def test_time_middle_within_30_minutes_of_the_clock_time():
    g = gold(clock=time(20, 50))
    assert time_right(Interval.exact(utc("2025-03-18 19:20")), g)
    assert not time_right(Interval.exact(utc("2025-03-18 19:21")), g)
    assert time_right(Interval.exact(utc("2025-03-18 18:20")), g)
    assert not time_right(Interval.exact(utc("2025-03-18 18:19")), g)


def test_time_may_be_on_any_of_the_gold_dates():
    g = gold(first_date=date(2025, 3, 18), last_date=date(2025, 3, 19), clock=time(0, 20))
    assert time_right(Interval.exact(utc("2025-03-18 22:20")), g)  # 00:20 on the 19th
    assert not time_right(Interval.exact(utc("2025-03-20 22:20")), g)


def test_time_is_not_scored_where_gold_gives_none():
    assert time_right(Interval.exact(utc("2025-03-18 18:50")), gold()) is None


# --- matching and counts -------------------------------------------------------------------


def test_pairs_are_made_nearest_first_one_to_one():
    g1, g2 = gold(id="g1", lat=50.0), gold(id="g2", lat=50.0 + 20 / KM_PER_DEGREE)
    a = predicted(id="a", lat=50.0 + 15 / KM_PER_DEGREE)  # 15 km from g1, 5 km from g2
    b = predicted(id="b", lat=50.0 + 40 / KM_PER_DEGREE)  # 40 km from g1, 20 km from g2
    matching = match_article([a, b], [g1, g2])
    assert [(p.predicted.id, p.gold.id) for p in matching.pairs] == [("a", "g2"), ("b", "g1")]
    only_a = match_article([a], [g1, g2])
    assert [p.gold.id for p in only_a.pairs] == ["g2"] and [g.id for g in only_a.misses] == ["g1"]


def test_a_prediction_matched_to_unscored_gold_counts_nowhere():
    scored = gold(id="scored")
    unscored = gold(id="unscored", lat=None, lon=None, geo_precision="country", scored=False)
    extra = predicted(id="x", lat=46.0, lon=32.0)
    tally = score_matching(match_article([predicted(id="p"), extra], [scored, unscored]))
    assert (tally.predicted, tally.gold, tally.matched) == (1, 1, 1)
    assert (tally.precision, tally.recall, tally.f1) == (1.0, 1.0, 1.0)


def test_field_accuracy_on_matched_pairs():
    g = gold(targets=("energy.grid", "energy.gas"), weapon="drone", clock=time(20, 50))
    p = predicted(targets=("energy",), weapon="missile", actor="UA", time=Interval.exact(utc("2025-03-18 18:50")))
    [pair] = match_article([p], [g]).pairs
    assert (pair.actor_right, pair.targets_right, pair.weapon_right, pair.time_right) == (False, True, False, True)
    tally = score_matching(match_article([predicted()], [gold()]))
    assert (tally.weapon_scored, tally.time_scored, tally.targets_right) == (0, 0, 1)  # two empty sets are equal


def test_precision_recall_and_f1():
    golds = [gold(id="g1"), gold(id="g2", lat=45.0)]
    preds = [predicted(id="p1"), predicted(id="p2", lat=40.0), predicted(id="p3", lat=41.0)]
    tally = score_matching(match_article(preds, golds))
    assert (tally.precision, tally.recall) == (pytest.approx(1 / 3), 0.5)
    assert tally.f1 == pytest.approx(0.4)
    assert score_matching(match_article([], [])).f1 is None
