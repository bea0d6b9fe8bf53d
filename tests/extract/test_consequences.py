"""What a strike left without power, heat or water, or made people leave, is not what it hit."""

from __future__ import annotations

import pytest

from ceasewatch.extract.counts import count_field, find_quantities
from ceasewatch.extract.lexicon import find_targets

from .conftest import report


def target_words(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_targets(text, 0, len(text))]


@pytest.mark.parametrize("text,expected", [
    ("The strike on the substation left 1,400 apartments without heating.", ["substation"]),
    ("The blast cut power to a hospital and 900 homes.", []),
    ("Several villages and a school lost electricity after the strike.", ["lost electricity"]),
    ("Residents of two dormitories were evacuated.", []),
    ("The attack caused power outages for two kindergartens.", ["power outages"]),
    ("Residents of three high-rise buildings were told to keep windows closed.", []),
    ("Police evacuated a kindergarten after a drone hit a supermarket.", ["supermarket"]),
    ("Heat supply to 60 apartment blocks was cut off.", []),
    ("The strike knocked out power in 300 homes and about 40 private houses went dark.", []),
])
def test_objects_of_consequence_frames_are_not_targets(text, expected):
    assert target_words(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Nine private houses were destroyed.", ["private houses"]),
    ("The drones damaged apartment blocks in two districts.", ["apartment blocks"]),
    ("Firefighters put out a fire in a private house.", ["private house"]),
    # the damage word says the dormitory was hit, whatever happened to its residents
    ("Residents of the damaged dormitory were evacuated.", ["dormitory"]),
    # "and" after a verb ends what the evacuation is about
    ("A drone set fire to a private house and residents of the apartment block next door were evacuated.",
     ["private house"]),
    ("Two houses were damaged, leaving their residents homeless.", ["houses"]),
    # without windows is damage to the kindergarten, not a lost supply
    ("The blast left a kindergarten without windows.", ["kindergarten"]),
])
def test_things_hit_stay_targets_beside_consequence_frames(text, expected):
    assert target_words(text) == expected


def test_homes_left_without_power_are_no_count_of_damaged_buildings():
    text = "the damaged line left 2,500 homes without power"
    (q,) = find_quantities(text, 0, len(text))
    assert count_field(text, q, 0, len(text)) is None


def test_homes_destroyed_are_still_counted_beside_an_outage():
    text = "the strike destroyed 4 homes and left the village without power"
    (q,) = find_quantities(text, 0, len(text))
    assert count_field(text, q, 0, len(text)) == "buildings"


def test_an_incident_keeps_the_hit_and_drops_the_homes_left_in_the_dark(extractor):
    text = ("A Russian drone damaged a substation in Poltava overnight, leaving about 8,000 households and two "
            "schools without electricity, the governor said.\n"
            "The outage left roughly 1,200 homes in nearby villages without water as well, he added.")
    found = extractor.extract(report(text, published="2025-06-12"))
    (incident,) = found.incidents
    assert incident.targets == ("energy.grid",)
    assert not [c for c in found.claims if c.kind == "count" and c.unit == "buildings"]


def test_an_incident_keeps_real_hits_on_homes(extractor):
    text = "Russian glide bombs destroyed nine private houses in Kupiansk and damaged a kindergarten."
    (incident,) = extractor.extract(report(text, published="2025-06-12")).incidents
    assert set(incident.targets) == {"residential", "education"}


@pytest.mark.parametrize("text,expected", [
    ("Two people were injured and are in hospital.", []),
    ("The wounded were taken to a local hospital.", []),
    ("A teenager remains in hospital in a serious condition.", []),
    ("Four of the injured were being treated at the regional clinic.", []),
    # a hospital that was hit stays a target, even beside wounded taken elsewhere
    ("A drone hit a hospital; five patients were taken to another hospital.", ["hospital"]),
    ("The strike damaged a maternity hospital.", ["maternity hospital"]),
])
def test_a_hospital_the_wounded_are_in_or_taken_to_is_not_a_target(text, expected):
    assert target_words(text) == expected
