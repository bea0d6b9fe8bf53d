"""The area finding (countries or a polygon) and how it combines with codes and sites."""

import math

import pytest

from ceasewatch.adjudicate.geodesy import EARTH_RADIUS_M
from ceasewatch.model import Area

from .conftest import agreement, point_site, refrain, site_list, strike, test_of, verdict_of

# A 2° square around (48, 35): its north edge is at 49°N.
SQUARE = {"type": "Polygon", "coordinates": [[[34, 47], [36, 47], [36, 49], [34, 49], [34, 47]]]}
NORTH_EDGE = 49.0


def km_from_north_edge(km: float) -> float:
    """A latitude `km` north (positive) or south (negative) of the square's north edge."""
    return NORTH_EDGE + math.degrees(km * 1000 / EARTH_RADIUS_M)


def by_polygon(targets={"energy"}):
    return agreement([refrain(targets=targets, area=Area(file="area.geojson", geometry=SQUARE))])


def by_country():
    return agreement([refrain(targets={"energy"}, area=Area(countries=("UA",)))])


def scope_of(ag, **fields):
    return test_of(ag, strike(**fields), "scope")


def test_country_in_the_list_is_inside():
    t = scope_of(by_country(), country="UA")
    assert (t.answer, t.figures["area"]) == ("yes", {"finding": "yes", "countries": ["UA"], "country": "UA"})


def test_country_outside_the_list_is_out_of_scope():
    v = verdict_of(by_country(), strike(country="RU"))
    assert (v.verdict, v.reason) == ("no_violation", "out_of_scope")


def test_admin1_code_gives_the_country_when_country_is_missing():
    assert scope_of(by_country(), admin1_code="RU-KDA").answer == "no"
    assert scope_of(by_country(), admin1_code="UA-14").answer == "yes"


def test_unknown_country_is_unknown():
    v = verdict_of(by_country(), strike())
    assert (v.verdict, v.unknown) == ("undetermined", ("scope",))


def test_point_inside_the_polygon_is_inside_and_outside_is_out():
    assert scope_of(by_polygon(), lat=48.0, lon=35.0, geo_precision="point").answer == "yes"
    assert scope_of(by_polygon(), lat=km_from_north_edge(0.1), lon=35.0, geo_precision="point").answer == "no"


@pytest.mark.parametrize("precision,margin_km", [("settlement", 5), ("district", 25)])
def test_coarse_place_is_decided_only_beyond_its_margin_from_the_outline(precision, margin_km):
    def answer(km):
        return scope_of(by_polygon(), lat=km_from_north_edge(km), lon=35.0, geo_precision=precision).answer

    assert answer(-(margin_km + 1)) == "yes"
    assert answer(-(margin_km - 1)) == "unknown"
    assert answer(margin_km - 1) == "unknown"
    assert answer(margin_km + 1) == "no"


@pytest.mark.parametrize("precision", ["admin1", "country", "unknown"])
def test_too_coarse_a_place_is_unknown_for_a_polygon(precision):
    t = scope_of(by_polygon(), lat=48.0, lon=35.0, geo_precision=precision)
    assert (t.answer, t.figures["findings"]["area"]) == ("unknown", "unknown")


def test_area_no_overrides_a_site_yes():
    ag = agreement([refrain(targets=None, sites=("l",), area=Area(countries=("UA",)))],
                   [site_list("l", point_site("p", 50.0, 30.0))])
    t = scope_of(ag, lat=50.0, lon=30.0, geo_precision="point", country="RU")
    assert (t.answer, t.figures["findings"]) == ("no", {"area": "no", "site": "yes"})


def test_area_unknown_keeps_a_codes_yes_undetermined():
    assert scope_of(by_country(), targets=("energy.grid",)).answer == "unknown"


def test_area_yes_with_codes_no_is_out_of_scope():
    assert scope_of(by_country(), country="UA", targets=("health",)).answer == "no"


def test_area_alone_covers_every_target_inside_it():
    ag = agreement([refrain(targets=None, area=Area(countries=("UA",)))])
    assert scope_of(ag, country="UA", targets=()).answer == "yes"


def test_area_figures_show_inside_and_distance_to_outline():
    f = scope_of(by_polygon(), lat=km_from_north_edge(-10), lon=35.0, geo_precision="settlement").figures["area"]
    assert (f["finding"], f["inside"]) == ("yes", True)
    assert f["boundary_m"] == pytest.approx(10_000, rel=0.01)
