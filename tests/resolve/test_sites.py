"""match_site: a facility named in a text, matched to an agreement's listed site."""

from gazetteer_checks import found

from ceasewatch.model.agreement import Agreement, Site, SiteList
from ceasewatch.resolve import match_site
from ceasewatch.resolve.sites import place_at_site

POWER_PLANT = Site("plant-1", "Slavyansk power station", 48.87, 37.76, "energy.generation")
PORT = Site("port-odesa", "Port of Odesa", 46.4833, 30.7333, "transport.port")
FAR_PLANT = Site("plant-2", "Burshtyn power station", 49.21, 24.67)


def _agreement(*sites: Site) -> Agreement:
    return Agreement(
        id="test", title=None, parties={"RU": "Russia", "UA": "Ukraine"}, timezone="Europe/Kyiv",
        events={}, categories={}, site_lists={"list": SiteList("list", "sites.csv", tuple(sites))}, versions={},
    )


def _site_for(text: str, *sites: Site):
    mention = found(text)[0]
    return match_site(mention, text, _agreement(*sites))


def test_abbreviation_and_other_spelling_match_the_listed_plant():
    assert _site_for("Shelling damaged the Sloviansk TPP on Tuesday.", POWER_PLANT, PORT) == POWER_PLANT


def test_power_station_and_thermal_power_plant_are_one_kind():
    assert _site_for("The Slovyansk thermal power plant lost a turbine.", POWER_PLANT) == POWER_PLANT


def test_a_strike_in_the_town_is_not_a_strike_on_its_plant():
    assert _site_for("Shelling damaged homes in Sloviansk and cut power.", POWER_PLANT) is None


def test_a_site_of_another_kind_does_not_match():
    assert _site_for("A drone hit a grain terminal in Odesa.", PORT) is None
    assert _site_for("A drone hit the port of Odesa.", PORT) == PORT


def test_sites_further_than_30_km_are_not_considered():
    assert _site_for("Shelling damaged the Sloviansk TPP.", FAR_PLANT) is None


def test_no_site_lists_means_no_site():
    mention = found("Shelling damaged the Sloviansk TPP.")[0]
    assert match_site(mention, "Shelling damaged the Sloviansk TPP.", _agreement()) is None


def test_place_at_site_takes_the_sites_point():
    place = place_at_site(found("the Sloviansk TPP")[0].place, POWER_PLANT)
    assert (place.site, place.precision, place.lat, place.lon, place.name) == (
        "plant-1", "point", 48.87, 37.76, "Sloviansk")


def test_a_district_mention_matches_a_site_named_after_its_town():
    text = "Shelling damaged the power plant in the Sloviansk district."
    mention = found(text)[0]
    assert mention.place.precision == "district"
    assert match_site(mention, text, _agreement(POWER_PLANT)) == POWER_PLANT
