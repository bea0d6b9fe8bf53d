"""Lists of regions that end in a region's standing name ("the Rivne and Zakarpattia oblasts")."""

import pytest
from gazetteer_checks import found


def _places(text):
    return [(m.text, m.place.precision, m.place.admin1_code) for m in found(text)]


@pytest.mark.parametrize("region_word", ["regions", "oblasts", "provinces", "border regions"])
def test_two_item_list_ending_in_a_standing_name_gives_two_regions(region_word):
    text = f"Sirens sounded across the Ternopil and Zakarpattia {region_word} after midnight."
    assert _places(text) == [("Ternopil", "admin1", "UA-61"), ("Zakarpattia", "admin1", "UA-21")]


def test_city_before_volyn_in_a_plural_region_list_is_its_region():
    assert _places("Power engineers were sent to the Rivne and Volyn oblasts.") == [
        ("Rivne", "admin1", "UA-56"), ("Volyn", "admin1", "UA-07")]


def test_three_item_list_ending_in_a_standing_name_gives_three_regions():
    assert _places("Outages spread through the Khmelnytskyi, Chernivtsi and Transcarpathia regions.") == [
        ("Khmelnytskyi", "admin1", "UA-68"), ("Chernivtsi", "admin1", "UA-77"), ("Transcarpathia", "admin1", "UA-21")]


def test_russian_republic_closing_a_list_makes_the_city_before_it_a_region():
    assert _places("Air alerts were declared in the Samara and Tatarstan regions.") == [
        ("Samara", "admin1", "RU-SAM"), ("Tatarstan", "admin1", "RU-TA")]


@pytest.mark.parametrize("text", [
    "A convoy drove from Rivne and Volyn on Sunday.",
    "A convoy drove from Rivne to Volyn region on Sunday.",
    "Rivne and Volyn regional centres reported outages.",
])
def test_without_a_plural_region_word_the_city_stays_a_city(text):
    first = found(text)[0]
    assert (first.text, first.place.precision) == ("Rivne", "settlement")
