"""Regions (admin1) and countries as places; regions against their cities; lists of regions."""

import pytest
from gazetteer_checks import found, gazetteer, only


def _regions(text):
    return [(m.text, m.place.admin1_code) for m in found(text) if m.place.precision == "admin1"]


@pytest.mark.parametrize("phrase", ["Sumy region", "Sumy Oblast", "Sumy oblast", "SUMY REGION", "Sumska oblast"])
def test_region_forms_are_one_admin1_mention_not_the_city(phrase):
    mention = only(f"Shelling was reported in the {phrase} on Monday.")
    assert mention.text == phrase
    place = mention.place
    assert (place.name, place.precision, place.admin1_code) == ("Sumy Oblast", "admin1", "UA-59")


@pytest.mark.parametrize("phrase", ["Kursk region", "Kursk Oblast", "Kursk border region"])
def test_kursk_forms_give_kursk_oblast(phrase):
    mention = only(f"Air defence was active over the {phrase}.")
    assert (mention.text, mention.place.admin1_code) == (phrase, "RU-KRS")


def test_city_alone_is_the_city():
    mention = only("Air defence was active over Kursk.")
    assert (mention.place.name, mention.place.precision) == ("Kursk", "settlement")
    assert mention.place.admin1_code == "RU-KRS"


@pytest.mark.parametrize("phrase", ["Krasnodar Krai", "Krasnodar region"])
def test_krasnodar_krai_forms(phrase):
    assert only(f"A depot burned in {phrase}.").place.admin1_code == "RU-KDA"
    assert only(f"A depot burned in {phrase}.").place.precision == "admin1"


def test_krasnodar_alone_is_the_city():
    place = only("A depot burned in Krasnodar.").place
    assert (place.name, place.precision, place.admin1_code) == ("Krasnodar", "settlement", "RU-KDA")


def test_regions_of_x_and_y_are_two_regions():
    assert _regions("Air defences downed drones over the frontier regions of Kursk and Bryansk.") == [
        ("Kursk", "RU-KRS"), ("Bryansk", "RU-BRY")]


def test_regions_of_a_list_of_three():
    assert _regions("Alerts covered the regions of Chernihiv, Sumy and Poltava.") == [
        ("Chernihiv", "UA-74"), ("Sumy", "UA-59"), ("Poltava", "UA-53")]


def test_list_before_plural_regions_word():
    assert _regions("Outages hit the Odesa, Mykolaiv and Kherson regions.") == [
        ("Odesa", "UA-51"), ("Mykolaiv", "UA-48"), ("Kherson regions", "UA-65")]


def test_list_before_plural_border_regions():
    assert _regions("He blamed the shelling of the Belgorod and Kursk border regions.") == [
        ("Belgorod", "RU-BEL"), ("Kursk border regions", "RU-KRS")]


def test_city_list_without_region_word_stays_cities():
    assert [m.place.precision for m in found("Kharkiv, Sumy and Poltava were hit.")] == ["settlement"] * 3


def test_crimea_is_ukrainian_admin1():
    place = only("A depot exploded in Crimea.").place
    assert (place.name, place.country, place.admin1_code, place.zone) == ("Crimea", "UA", "UA-43", "Europe/Simferopol")


@pytest.mark.parametrize("phrase", ["Autonomous Republic of Crimea", "Republic of Crimea", "Crimean peninsula"])
def test_crimea_long_forms(phrase):
    assert only(f"Ships left the {phrase} last week.").place.admin1_code == "UA-43"


def test_crimean_towns_are_in_ukraine():
    for text in ("Blasts were heard in Simferopol.", "A fire broke out in Feodosia.", "Sevastopol harbour was closed."):
        place = found(text)[0].place
        assert place.country == "UA"
    assert only("Blasts were heard in Simferopol.").place.admin1_code == "UA-43"


def test_sevastopol_is_its_own_region():
    place = only("Air raid sirens in Sevastopol.").place
    assert (place.admin1_code, place.admin1, place.zone) == ("UA-40", "Sevastopol", "Europe/Simferopol")


def test_kyiv_city_and_kyiv_oblast_differ():
    city, oblast = found("Kyiv and the Kyiv region were attacked.")
    assert (city.place.precision, city.place.admin1_code) == ("settlement", "UA-30")
    assert (oblast.place.precision, oblast.place.admin1_code, oblast.place.name) == ("admin1", "UA-32", "Kyiv Oblast")


def test_moscow_region_is_moscow_oblast_and_moscow_the_city():
    region, city = found("The Moscow region and Moscow itself closed airports.")
    assert (region.place.admin1_code, city.place.admin1_code) == ("RU-MOS", "RU-MOW")
    assert city.place.precision == "settlement"


@pytest.mark.parametrize("name, code", [("Tatarstan", "RU-TA"), ("Dagestan", "RU-DA"), ("Zakarpattia", "UA-21"),
                                        ("Transcarpathia", "UA-21"), ("Volyn", "UA-07")])
def test_regions_known_by_a_bare_name(name, code):
    assert only(f"Drones reached {name} for the first time.").place.admin1_code == code


def test_countries_at_country_precision():
    mentions = found("Belarus, Moldova and Poland lie next to Ukraine; Russia borders Ukraine too.")
    assert [(m.text, m.place.country, m.place.precision) for m in mentions] == [
        ("Belarus", "BY", "country"), ("Moldova", "MD", "country"), ("Poland", "PL", "country"),
        ("Ukraine", "UA", "country"), ("Russia", "RU", "country"), ("Ukraine", "UA", "country")]


def test_country_zone_is_none_where_several_apply():
    assert gazetteer().place_for_country("RU").zone is None
    assert gazetteer().place_for_country("UA").zone == "Europe/Kyiv"
