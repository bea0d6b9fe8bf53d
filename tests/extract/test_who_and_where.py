"""Attackers, speakers and which named places are scenes, on sentences written for these tests."""

from __future__ import annotations

import pytest

from ceasewatch.extract.actors import find_actor, party_code
from ceasewatch.extract.attribution import find_speakers

from .conftest import report


@pytest.mark.parametrize("text,side", [
    ("Russian drones hit a depot.", "RU"),
    ("Ukraine, meanwhile, struck a refinery.", "UA"),
    ("The ministry accused Kyiv of shelling the plant.", "UA"),
    ("Moscow blamed Ukraine for the blast.", "UA"),
    ("Moscow's defence ministry said Ukrainian drones had caused blackouts.", "UA"),
    ("A school was damaged by a Russian missile.", "RU"),
    ("Russian air defences intercepted a Ukrainian attack UAV.", "UA"),
    ("The Kiev regime attacked a substation.", "UA"),
    # the side after "attacked" is the target: a preposition ends its phrase
    ("Russia attacked Ukraine with 96 drones overnight.", "RU"),
    ("Moscow struck Ukraine in a wave of missiles and drones.", "RU"),
])
def test_the_attacking_side(text, side):
    assert find_actor(text, 0, len(text)).side == side


@pytest.mark.parametrize("text", [
    "Ukraine said a strike hit a depot.",  # a speaker, not an attacker
    "Kharkiv, Ukraine's second-largest city, was shelled.",  # a possessor
    "The depot in Russia's south was attacked.",  # passive: the side is not the subject
    "Seven drones were shot down by Russian forces.",  # the defender
])
def test_no_attacker_where_the_side_only_speaks_owns_or_defends(text):
    assert find_actor(text, 0, len(text)) is None


def names(text: str) -> list[str]:
    return [s.name for s in find_speakers(text, 0, len(text), [])]


def test_speakers_next_to_speech_verbs():
    assert names("The regional prosecutor's office said the attack happened at noon.") == ["regional prosecutor's office"]
    assert names("Two people died, according to the regional police.") == ["regional police"]
    assert names("The attack injured 40 people, Oleh Ivanov, the regional governor, said.") == ["Oleh Ivanov"]
    assert names("Russia's Defence Ministry on Tuesday accused Kyiv of the attack.") == ["Russia's Defence Ministry"]
    assert names("A bridge was damaged, the national road agency said.") == ["national road agency"]
    assert names("A substation was hit overnight, Ukraine's energy ministry said.") == ["Ukraine's energy ministry"]
    assert names("The grid operator said repairs would take a week.") == ["grid operator"]


def test_pronouns_and_bare_bodies_take_the_earlier_speaker():
    text = "Russia's Defence Ministry said drones were launched. It added that two were downed."
    first = find_speakers(text, 0, 51, [])
    assert [s.name for s in find_speakers(text, 52, len(text), first)] == ["Russia's Defence Ministry"]


def test_party_codes_follow_the_agreement(tiny_agreement):
    assert party_code("RU", None) == "RU"
    assert party_code("RU", tiny_agreement) == "R"
    assert party_code("UA", tiny_agreement) == "U"


def places(extractor, text: str) -> list[str]:
    return [i.place for i in extractor.extract(report(text)).incidents]


def test_a_capital_standing_for_its_state_is_not_a_place(extractor):
    assert places(extractor, "Moscow said Ukrainian drones attacked a refinery in the Samara region.") == ["Samara Oblast"]
    assert places(extractor, "Kyiv's drones struck an oil depot in the Bryansk region.") == ["Bryansk Oblast"]


def test_a_capital_is_a_place_when_something_happened_there(extractor):
    assert places(extractor, "Russian missiles struck a power plant in Kyiv overnight.") == ["Kyiv"]


def test_a_region_named_only_to_place_a_town_gives_the_town(extractor):
    assert places(extractor, "A Russian drone hit a house in Uman in the Cherkasy region.") == ["Uman"]
    assert places(extractor, "Russian shelling damaged a school in Nikopol, Dnipropetrovsk Oblast, on Sunday.") == ["Nikopol"]


def test_a_dateline_is_not_the_scene(extractor):
    assert places(extractor, "KHARKIV, Ukraine (AP) — Russian drones damaged a depot in the Sumy region.") == ["Sumy Oblast"]


def test_names_of_line_endpoints_are_not_scenes(extractor):
    text = 'Ukrainian drones hit energy facilities in the Kursk region, cutting the "Kursk - Oryol" power line.'
    assert places(extractor, text) == ["Kursk Oblast"]


def test_a_country_alone_makes_no_incident(extractor):
    assert places(extractor, "Russian drones attacked Ukraine's energy infrastructure overnight.") == []


def test_a_visited_city_is_not_the_scene_of_the_attacks_mentioned_beside_it(extractor):
    assert places(extractor, "The attacks came as the envoy arrived in Odesa for talks.") == []


def test_the_accused_after_a_participle_is_not_a_speaker():
    from ceasewatch.extract.attribution import find_speakers

    text = ("Drones hit a fuel depot in Tambov overnight, the regional governor said, "
            "accusing Ukraine of breaking the truce.")
    names = [s.name for s in find_speakers(text, 0, len(text), [])]
    assert len(names) == 1 and "governor" in names[0]


def test_a_speaker_after_a_verb_of_saying_is_still_found():
    from ceasewatch.extract.attribution import find_speakers

    text = "\u201cThe substation was hit twice,\u201d said Ukraine's air force."
    names = [s.name for s in find_speakers(text, 0, len(text), [])]
    assert len(names) == 1 and "air force" in names[0]


def test_the_object_of_an_accusation_verb_is_not_a_speaker():
    from ceasewatch.extract.attribution import find_speakers

    text = "Moscow's envoy spoke for an hour and, in closing, blamed Ukraine for the outage."
    assert all("Ukraine" not in s.name for s in find_speakers(text, 0, len(text), []))
