"""What is never matched blindly: words, months, people, water, small places without a cue."""

import pytest
from gazetteer_checks import found, names, only

from ceasewatch.resolve.stopnames import StopNames


@pytest.mark.parametrize("text", [
    "May brought no peace.",
    "On Monday and Sunday the talks went on; March was cold.",
    "Progress was slow, officials said.",
    "Star power matters, one analyst said.",
    "Never again, the minister told parliament.",
    "Human Rights Watch and Amnesty International published a report.",
    "Energy Minister Herman Halushchenko spoke.",
    "Victory Day parades were cancelled; Peace talks stalled.",
    "Pravda and Sputnik reported it first; Novaya Gazeta did not.",
    "The Druzhba pipeline was shut.",
])
def test_ordinary_words_are_not_places(text):
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "Vladimir Putin spoke with Donald Trump for two hours.",
    "Volodymyr Zelenskyy met Anna Kravets.",
    "Alexander Gusev, the governor, appeared on television.",
    "Sergei Lavrov and Dmitry Peskov said nothing new.",
])
def test_people_are_not_places(text):
    assert found(text) == []


def test_a_place_name_before_said_reads_as_the_government_not_the_place():
    assert names("Moscow said the strikes would stop. Kyiv told reporters otherwise.") == []


def test_a_place_after_a_title_is_a_person():
    assert found("President Engels arrived.") == []


def test_town_named_like_a_word_matches_with_a_cue():
    mention = only("Shells fell on the village of Star overnight.")
    assert (mention.text, mention.place.name) == ("Star", "Star")


def test_given_name_town_matches_with_a_cue():
    assert only("Blasts were reported in the town of Anna.").place.admin1_code == "RU-VOR"


def test_months_never_match_even_with_a_cue():
    assert found("the village of May") == []


def test_cue_carries_over_a_list():
    mentions = found("Shelling hit the villages of Star and Buy.")
    assert [m.text for m in mentions] == ["Star", "Buy"]


def test_small_village_needs_a_cue():
    # Bohorodychne (Donetsk Oblast, fewer than 1,000 people) alone is not matched
    assert found("A drone hit Bohorodychne at noon.") == []
    mention = only("A drone hit the village of Bohorodychne at noon.")
    assert mention.place.population < 1000


def test_small_village_matches_when_its_region_is_named_nearby():
    mentions = found("In the Donetsk region, a drone hit Bohorodychne at noon.")
    assert [m.place.name for m in mentions] == ["Donetsk Oblast", "Bohorodychne"]
    assert mentions[1].place.admin1_code == "UA-14"


def test_small_village_matches_with_its_region_after_it():
    mentions = found("A drone hit Bohorodychne, Donetsk Oblast, at noon.")
    assert [m.place.admin1_code for m in mentions] == ["UA-14", "UA-14"]


def test_village_named_with_a_region_it_is_not_in_is_dropped():
    # no Andriivka in the gazetteer lies in Sumy Oblast: no namesake from elsewhere is taken
    assert [m.place.name for m in found("Shelling hit Andriivka, Sumy Oblast, overnight.")] == ["Sumy Oblast"]


def test_water_is_not_the_town_of_the_same_name():
    assert found("Boats crossed the Sea of Azov and the Desna river.") == []
    assert only("The port of Azov was quiet.").place.name == "Azov"


def test_former_name_of_a_small_town_needs_a_cue():
    # Artemivsk is Bakhmut's former name; Bakhmut has under 100,000 people
    assert found("Artemivsk was mentioned in an old report.") == []
    assert only("Fighting near the town of Artemivsk continued.").place.name == "Bakhmut"


def test_former_name_of_a_large_city_matches():
    assert names("Factories in Dnepropetrovsk closed.") == [("Dnepropetrovsk", "Dnipro")]


def test_shipped_stop_list_reads():
    stop = StopNames.read()
    assert "may" in stop.never and "star" in stop.need_cue and "vladimir" in stop.given


def test_stop_list_rejects_unknown_sections(tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("[maybe]\nStar\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown section"):
        StopNames.read(path)
