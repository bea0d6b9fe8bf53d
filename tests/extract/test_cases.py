"""Whole reports, written for these tests, through the built-in extractor."""

from __future__ import annotations

from datetime import datetime, timezone

from .conftest import evidence_texts, extracted, only_incident


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_settlement_strike_takes_the_clock_time_on_the_day_the_story_gives():
    incident = only_incident("settlement_clock_prosecutor")
    assert incident.place == "Kramatorsk" and incident.geo_precision == "settlement"
    # "on Wednesday evening" narrowed by "hit at 9:15 p.m. local time": 21:15 Kyiv summer time
    assert incident.time.earliest == incident.time.latest == utc(2025, 6, 11, 18, 15)
    assert incident.actor == "RU"
    assert set(incident.targets) == {"energy.grid", "residential"}
    assert incident.weapon == "missile"


def test_prosecutors_statement_is_a_claimant_and_casualties_are_counted():
    incident = only_incident("settlement_clock_prosecutor")
    assert "Donetsk regional prosecutor's office" in incident.claimed_by
    assert "regional police" in incident.claimed_by
    assert (incident.counts.killed, incident.counts.injured) == (2, 11)


def test_a_body_named_after_a_city_is_not_a_second_place():
    places = {i.place for i in extracted("settlement_clock_prosecutor").incidents}
    assert "Donetsk" not in places


def test_background_sentence_about_earlier_strikes_adds_nothing():
    incident = only_incident("hedge_on_intent")
    assert incident.targets == ("transport.rail",)  # not the refinery of "attacked several times"


def test_regional_strike_on_hospitals_overnight():
    incident = only_incident("regional_hospitals_overnight")
    assert (incident.place, incident.geo_precision, incident.admin1_code) == ("Poltava Oblast", "admin1", "UA-53")
    assert incident.targets == ("health",)
    assert (incident.actor, incident.weapon) == ("RU", "drone")
    # overnight before a 3 July report: 21:00 on 2 July to 06:00 on 3 July, Kyiv summer time
    assert (incident.time.earliest, incident.time.latest) == (utc(2025, 7, 2, 18), utc(2025, 7, 3, 3))
    assert incident.claimed_by == ("regional governor Volodymyr Kohut",)


def test_settlement_on_the_outskirts_of_a_city_is_one_incident_at_the_settlement():
    incident = only_incident("outskirts_settlement")
    assert incident.place == "Pisochyn"
    assert incident.targets == ("education",)
    assert (incident.weapon, incident.actor, incident.counts.injured) == ("glide_bomb", "RU", 3)


def test_oil_depot_fire_in_a_russian_region_is_blamed_on_the_accused_side():
    incident = only_incident("oil_depot_ministry_accusation")
    assert (incident.place, incident.country, incident.admin1_code) == ("Rostov Oblast", "RU", "RU-ROS")
    assert incident.actor == "UA"
    assert evidence_texts(incident, "actor") == ["Kyiv"]
    assert incident.targets == ("energy.oil",)
    assert incident.claimed_by[0] == "Russia's Defence Ministry"
    assert incident.outcome == "hit"


def test_several_regions_in_one_sentence_are_several_incidents():
    found = extracted("several_regions_one_sentence").incidents
    assert [i.place for i in found] == ["Voronezh Oblast", "Lipetsk Oblast", "Oryol Oblast"]
    assert {i.actor for i in found} == {"UA"}
    assert all(i.targets == ("energy.grid",) for i in found)
    assert len({i.id for i in found}) == 3


def test_tally_without_a_place_is_an_aggregate_claim_not_an_incident():
    found = extracted("tally_without_place")
    assert found.incidents == ()
    tallies = [(c.quantity, c.qualifier, c.unit, c.weapon) for c in found.claims if c.kind == "aggregate"]
    assert (200, "more_than", "drones", "drone") in tallies
    assert (9, "exactly", "missiles", "missile") in tallies
    assert (24, "dozens", "drones", "drone") in tallies
    first = next(c for c in found.claims if c.quantity == 200)
    assert (first.speaker, first.actor) == ("Ukrainian air force", "RU")


def test_drones_shot_down_on_their_way_to_a_named_gas_facility_are_an_intercepted_incident():
    incident = only_incident("interception_gas_facility")
    assert incident.place == "Smolensk"
    assert (incident.outcome, incident.targets, incident.actor) == ("intercepted", ("energy.gas",), "UA")
    assert incident.counts.intercepted == 4


def test_denial_names_the_denier_and_keeps_the_accused_side():
    found = extracted("denial")
    incident = found.incidents[0]
    assert incident.place == "Novorossiysk" and incident.actor == "UA"
    assert incident.denied_by == ("Ukraine's General Staff",)
    assert "Ukraine's General Staff" not in incident.claimed_by
    assert [c.speaker for c in found.claims if c.kind == "denial"] == ["Ukraine's General Staff"]


def test_doubt_about_the_target_makes_intent_unclear():
    incident = only_incident("hedge_on_intent")
    assert incident.intent == "unclear"
    assert evidence_texts(incident, "intent") == ["was not clear whether"]


def test_prisoner_exchange_is_a_record_and_a_claim():
    found = extracted("prisoner_exchange")
    assert found.incidents == ()
    (record,) = found.fulfilments
    assert (record.kind, record.parties, record.quantity) == ("prisoner-exchange", ("RU", "UA"), 84)
    assert record.time.earliest == utc(2025, 6, 26, 21)  # Friday 27 June, Kyiv time
    assert any(c.kind == "other" and c.quantity == 84 and c.unit == "prisoners" for c in found.claims)


def test_places_named_for_a_visit_a_wish_or_an_example_are_not_incidents():
    assert extracted("visit_or_wish").incidents == ()
