"""Sentences, numbers, target words, weapons and cues, on phrases written for these tests."""

from __future__ import annotations

import pytest

from ceasewatch.extract.counts import count_field, find_quantities, words_to_int
from ceasewatch.extract.cues import find_cues
from ceasewatch.extract.lexicon import find_targets, find_weapons, weapon_class, weapon_model
from ceasewatch.extract.sentences import split_sentences


def spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_sentences_do_not_end_at_abbreviations_times_or_initials():
    text = "The U.S. envoy Donald J. Smith spoke at 8 p.m. local time. Then he left. She posted on X. Nobody replied."
    assert spans(text) == [
        "The U.S. envoy Donald J. Smith spoke at 8 p.m. local time.", "Then he left.", "She posted on X.", "Nobody replied.",
    ]


def test_lines_are_paragraphs():
    found = split_sentences("One line here.\nAnother line. And more.")
    assert [s.paragraph for s in found] == [0, 1, 1]


def test_and_before_a_damage_verb_starts_a_new_clause():
    text = "Drones hit a school in Sumy and destroyed three homes in Romny."
    (sentence,) = split_sentences(text)
    assert [text[a:b] for a, b in sentence.clauses] == ["Drones hit a school in Sumy", "destroyed three homes in Romny."]


@pytest.mark.parametrize("phrase,value,qualifier,unit", [
    ("more than 170 firefighters", 170, "more_than", "firefighters"),
    ("at least 18 people", 18, "at_least", "people"),
    ("about 40 drones", 40, "about", "drones"),
    ("up to 12 missiles", 12, "up_to", "missiles"),
    ("dozens of drones", 24, "dozens", "drones"),
    ("seven of their drones", 7, "exactly", "drones"),
    ("over a hundred drones", 100, "more_than", "drones"),
    ("1,250 residents", 1250, "exactly", "residents"),
    ("twenty-one people", 21, "exactly", "people"),
    ("64 strike drones", 64, "exactly", "drones"),
])
def test_numbers_keep_their_qualifier_and_unit(phrase, value, qualifier, unit):
    (q,) = find_quantities(phrase, 0, len(phrase))
    assert (q.value, q.qualifier, q.unit) == (value, qualifier, unit)


@pytest.mark.parametrize("text", [
    "on June 14 the talks resumed", "in 2024 it began", "at 10:45 a.m.", "a 30-day pause", "over the past 24 hours",
    "the Shahed-136 is cheap", "a Kh-101 cruise missile",
])
def test_dates_clock_times_durations_and_model_numbers_are_not_counts(text):
    assert find_quantities(text, 0, len(text)) == []


def test_number_words():
    assert [words_to_int(w) for w in ("seven", "a dozen", "two hundred", "forty-two", "three thousand")] == [7, 12, 200, 42, 3000]


@pytest.mark.parametrize("text,field", [
    ("the strike killed four people", "killed"),
    ("four people were killed", "killed"),
    ("it injured another 9 people", "injured"),
    ("12 were wounded", "injured"),
    ("out of which 30 were shot down", "intercepted"),
    ("destroyed six homes", "buildings"),
    ("Russia launched 90 drones", "launched"),
])
def test_the_verb_beside_a_number_says_what_it_counts(text, field):
    q = find_quantities(text, 0, len(text))[0]
    assert count_field(text, q, 0, len(text)) == field


def test_killed_before_and_does_not_claim_the_next_number():
    text = "Three people were killed and 8 were injured."
    second = find_quantities(text, 0, len(text))[1]
    assert count_field(text, second, 0, len(text)) == "injured"


def codes(text: str) -> set[str]:
    return {c for m in find_targets(text, 0, len(text)) for c in m.codes}


@pytest.mark.parametrize("text,expected", [
    ("a hospital and a power line", {"health", "energy.grid"}),
    ("damaged energy infrastructure", {"energy"}),
    ("the oil pumping station", {"energy.oil"}),
    ("a water pumping station", {"water"}),
    ("two thermal power plants", {"energy.generation"}),
    ("the TPP", {"energy.generation"}),
    ("oil and gas facilities", {"energy.oil", "energy.gas"}),
    ("apartment blocks and private houses", {"residential"}),
    ("an ammunition depot", {"military"}),
    ("a grain terminal", {"transport.port"}),
    ("the railway station", {"transport.rail"}),
    ("residents were left without electricity", {"energy"}),
    ("the White House", set()),
    ("a strike near the town", set()),
])
def test_target_words_give_taxonomy_codes(text, expected):
    assert codes(text) == expected


def test_words_that_place_something_near_a_target_are_not_targets():
    assert codes("forcing the closure of airports") == set()
    assert codes("debris fell near a school") == set()


def test_weapon_models_and_classes():
    text = "Iskander-M missiles, Shahed drones and FPV drones"
    found = find_weapons(text, 0, len(text))
    assert [(w.weapon, w.model) for w in found if w.model] == [("missile", "Iskander-M"), ("drone", "Shahed"), ("drone", "FPV")]
    assert weapon_class(found) == "mixed" and weapon_model(found) == "Iskander-M"


def test_bombers_carrying_missiles_are_not_a_mix():
    text = "strategic bombers fired cruise missiles"
    assert weapon_class(find_weapons(text, 0, len(text))) == "missile"


def test_glide_bombs_and_kabs():
    text = "guided aerial bombs and KAB-500 bombs"
    assert {w.weapon for w in find_weapons(text, 0, len(text))} == {"glide_bomb"}


def kinds(text: str) -> list[str]:
    return [c.kind for c in find_cues(text, 0, len(text))]


def test_talk_about_stopping_strikes_is_not_an_attack():
    assert kinds("a halt on strikes against energy sites") == []
    assert kinds("sites that could be hit") == []
    assert kinds("agreed not to attack ports") == []


def test_attack_and_interception_words():
    assert kinds("drones struck a depot") == ["strong"]
    assert kinds("air defences shot down six drones") == ["intercept"]
    assert kinds("a fire broke out") == ["weak"]
