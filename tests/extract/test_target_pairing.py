"""Each target goes to the place its sentence pairs it with; only unpaired targets are shared."""

from __future__ import annotations

import pytest

from ceasewatch.extract.pairing import paired_places
from ceasewatch.resolve import Gazetteer

from .conftest import report


def targets_by_place(extractor, text: str) -> dict[str, set[str]]:
    found = extractor.extract(report(text, published="2025-06-12")).incidents
    return {i.place: set(i.targets) for i in found}


@pytest.mark.parametrize("text,expected", [
    # "TARGET in|near PLACE" joined by "and": each place keeps its own noun phrase
    ("Russian missiles damaged a boiler house and a school in Poltava and a power line in Sumy.",
     {"Poltava": {"energy.heat", "education"}, "Sumy": {"energy.grid"}}),
    ("Ukrainian drones struck the Tambov fuel depot and a railway bridge near Lipetsk.",
     {"Tambov": {"energy.oil"}, "Lipetsk": {"transport.rail"}}),
    # "PLACE's TARGET": the place before names the target
    ("Russian drones hit Kherson's thermal power plant and an apartment block in Mykolaiv overnight.",
     {"Kherson": {"energy.generation"}, "Mykolaiv": {"residential"}}),
    # a passive verb inside the pairing: "TARGET was damaged in PLACE"
    ("A school was damaged in Chernihiv and a gas pipeline was hit in Nizhyn.",
     {"Chernihiv": {"education"}, "Nizhyn": {"energy.gas"}}),
    # "In PLACE, …, and in PLACE …": each place frames the words after it
    ("In Mykolaiv, a drone damaged a port crane, and in Odesa a hotel caught fire.",
     {"Mykolaiv": {"transport.port"}, "Odesa": {"commercial"}}),
    # "struck PLACE, damaging TARGET": the participle belongs to the place before it
    ("Russian missiles struck Kropyvnytskyi on Tuesday, damaging a railway depot, and drones attacked Poltava.",
     {"Kropyvnytskyi": {"transport.rail"}, "Poltava": set()}),
    # a describing word between the place word and the place
    ("Ukrainian drones hit an oil depot in occupied Sevastopol and a radar near Dzhankoi.",
     {"Sevastopol": {"energy.oil"}, "Dzhankoi": {"military"}}),
])
def test_each_place_keeps_the_targets_paired_with_it(extractor, text, expected):
    assert targets_by_place(extractor, text) == expected


def test_targets_before_a_list_of_regions_are_shared_by_the_list(extractor):
    text = "Russian drones damaged substations and boiler houses in the Chernihiv and Sumy regions."
    shared = {"energy.grid", "energy.heat"}
    assert targets_by_place(extractor, text) == {"Chernihiv Oblast": shared, "Sumy Oblast": shared}


def test_a_target_paired_with_no_place_is_shared_by_the_clauses_places(extractor):
    text = "Russian drones struck Chernihiv before dawn and then Poltava, and several private houses were damaged."
    assert targets_by_place(extractor, text) == {"Chernihiv": {"residential"}, "Poltava": {"residential"}}


def test_a_placeless_attack_clause_gives_its_targets_to_the_sentences_place(extractor):
    text = "Russian artillery shelled Marhanets overnight and destroyed two farm buildings and a grain silo."
    assert targets_by_place(extractor, text) == {"Marhanets": {"agriculture"}}


def test_a_later_sentence_naming_one_places_target_adds_to_that_place_only(extractor):
    text = ("Ukrainian drones struck an oil depot in Oryol and a power line near Kursk late on Thursday, "
            "the Russian Defence Ministry said. The blaze at the oil depot was put out by morning. "
            "Regional officials said the damaged power line and a transformer were repaired within hours.")
    assert targets_by_place(extractor, text) == {"Oryol": {"energy.oil"}, "Kursk": {"energy.grid"}}


def test_a_later_sentence_naming_a_new_target_adds_it_to_every_place(extractor):
    text = ("Ukrainian drones struck an oil depot in Oryol and a power line near Kursk late on Thursday. "
            "Debris also damaged a kindergarten, officials said.")
    found = targets_by_place(extractor, text)
    assert found == {"Oryol": {"energy.oil", "education"}, "Kursk": {"energy.grid", "education"}}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def _pairing(gazetteer, text: str, word: str) -> list[str] | None:
    places = gazetteer.find(text)
    start = text.index(word)
    owners = paired_places(text, start, start + len(word), places)
    return None if owners is None else [p.text for p in owners]


def test_and_in_before_a_place_opens_a_new_statement_not_a_pairing(gazetteer):
    text = "Drones hit a warehouse in Lutsk, and in Kovel a bus station burned."
    assert _pairing(gazetteer, text, "warehouse") == ["Lutsk"]
    assert _pairing(gazetteer, text, "bus station") == ["Kovel"]


def test_an_active_attack_verb_between_target_and_place_is_no_pairing(gazetteer):
    text = "A drone hit a warehouse as missiles struck in Lutsk and Kovel."
    assert _pairing(gazetteer, text, "warehouse") is None


def test_a_pairing_with_one_member_of_a_list_holds_for_the_list(gazetteer):
    text = "Missiles hit power lines in the Rivne and Volyn regions."
    assert _pairing(gazetteer, text, "power lines") == ["Rivne", "Volyn"]
