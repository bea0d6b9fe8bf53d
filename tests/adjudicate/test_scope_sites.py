"""The site finding: distance against tolerance by precision, polygons, names, several lists."""

import math

import numpy as np
import pytest

from ceasewatch.adjudicate.geodesy import EARTH_RADIUS_M, great_circle_m

from .conftest import agreement, point_site, refrain, site_list, square_site, strike, test_of, verdict_of

SITE_LAT, SITE_LON = 48.85, 37.60


def north_of_site(metres: float) -> float:
    """The latitude `metres` due north of the site, along its meridian."""
    return SITE_LAT + math.degrees(metres / EARTH_RADIUS_M)


def distance_from_site(lat: float) -> float:
    return float(great_circle_m(SITE_LAT, SITE_LON, lat, SITE_LON))


def sites_only(tolerance_m: float = 1000.0, *sites, name=None):
    sites = sites or (point_site("plant-1", SITE_LAT, SITE_LON, name=name or "Sloviansk Substation"),)
    return agreement([refrain(sites=("protected",), targets=None)], [site_list("protected", *sites, tolerance_m=tolerance_m)])


def site_answer(ag, lat, precision, lon=SITE_LON, **fields):
    return test_of(ag, strike(targets=("residential",), lat=lat, lon=lon, geo_precision=precision, **fields), "scope")


def test_point_exactly_at_tolerance_is_at_the_site():
    lat = north_of_site(1000)
    ag = sites_only(distance_from_site(lat))  # the tolerance is that very distance: ≤ holds
    assert site_answer(ag, lat, "point").answer == "yes"


def test_point_one_metre_beyond_tolerance_is_not_at_the_site():
    lat = north_of_site(1000)
    ag = sites_only(distance_from_site(lat) - 1)
    t = site_answer(ag, lat, "point")
    assert (t.answer, t.reason) == ("no", "out_of_scope")


def test_settlement_within_tolerance_plus_5_km_is_unknown_and_beyond_is_no():
    lat = north_of_site(6000)
    edge = distance_from_site(lat) - 5000  # tolerance + 5 km is exactly the distance
    assert site_answer(sites_only(edge), lat, "settlement").answer == "unknown"
    assert site_answer(sites_only(edge - 1), lat, "settlement").answer == "no"


def test_settlement_at_the_site_is_only_unknown():
    assert site_answer(sites_only(), SITE_LAT, "settlement").answer == "unknown"


def test_district_within_tolerance_plus_25_km_is_unknown_and_beyond_is_no():
    lat = north_of_site(26000)
    edge = distance_from_site(lat) - 25000
    assert site_answer(sites_only(edge), lat, "district").answer == "unknown"
    assert site_answer(sites_only(edge - 1), lat, "district").answer == "no"


@pytest.mark.parametrize("precision", ["admin1", "country", "unknown"])
def test_coarse_precision_on_the_site_is_no(precision):
    t = site_answer(sites_only(), SITE_LAT, precision)
    assert (t.answer, t.figures["sites"][0]["search_m"]) == ("no", None)


def test_point_inside_a_polygon_site_is_at_distance_zero():
    plant = square_site("plant-area", SITE_LAT, SITE_LON, half_deg=0.05)  # ~5 km across
    ag = sites_only(100.0, plant)
    t = site_answer(ag, SITE_LAT + 0.03, "point", lon=SITE_LON - 0.03)
    assert t.answer == "yes"
    assert t.figures["sites"][0]["distance_m"] == 0


def test_point_near_a_polygon_site_is_measured_to_its_outline():
    plant = square_site("plant-area", SITE_LAT, SITE_LON, half_deg=0.01)
    ag = sites_only(1000.0, plant)
    edge = SITE_LAT + 0.01
    near, far = edge + math.degrees(900 / EARTH_RADIUS_M), edge + math.degrees(1100 / EARTH_RADIUS_M)
    assert site_answer(ag, near, "point").answer == "yes"
    assert site_answer(ag, far, "point").answer == "no"
    assert site_answer(ag, near, "point").figures["sites"][0]["distance_m"] == pytest.approx(900, abs=5)


@pytest.mark.parametrize("named", ["plant-1", "SLOVIANSK substation"])
def test_incident_naming_a_listed_site_is_at_it_whatever_the_distance(named):
    t = site_answer(sites_only(), 10.0, "admin1", site=named)
    assert t.answer == "yes"
    assert t.figures["sites"][0]["name_match"] is True


def test_site_protects_whatever_the_target_code():
    ag = agreement([refrain(targets={"energy"}, sites=("protected",))],
                   [site_list("protected", point_site("p", SITE_LAT, SITE_LON))])
    inc = strike(targets=("residential",), lat=SITE_LAT, lon=SITE_LON, geo_precision="point")
    assert verdict_of(ag, inc).verdict == "violation"


def test_several_site_lists_yes_wins_then_unknown():
    near = site_list("near", point_site("n", SITE_LAT, SITE_LON))
    far = site_list("far", point_site("f", SITE_LAT + 1, SITE_LON))
    ag = agreement([refrain(targets=None, sites=("far", "near"))], [near, far])
    assert site_answer(ag, SITE_LAT, "point").answer == "yes"
    assert site_answer(ag, SITE_LAT, "settlement").answer == "unknown"
    assert site_answer(ag, SITE_LAT + 0.5, "point").answer == "no"


def test_site_figures_name_the_nearest_site_and_tolerance():
    lat = north_of_site(700)
    f = site_answer(sites_only(), lat, "point").figures["sites"][0]
    assert (f["list"], f["nearest_id"], f["nearest_name"], f["tolerance_m"]) == (
        "protected", "plant-1", "Sloviansk Substation", 1000.0)
    assert f["distance_m"] == pytest.approx(700, abs=1e-6)
    assert f["finding"] == "yes"


def test_many_points_match_a_brute_force_search():
    rng = np.random.default_rng(7)
    sites = [point_site(f"s{i}", la, lo) for i, (la, lo) in enumerate(zip(rng.uniform(48, 50, 300), rng.uniform(30, 33, 300)))]
    ag = sites_only(2000.0, *sites)
    lats, lons = rng.uniform(48, 50, 400), rng.uniform(30, 33, 400)
    from ceasewatch.adjudicate import IncidentBatch, judge_batch

    incidents = [strike(f"i{k}", targets=("residential",), lat=la, lon=lo, geo_precision="point")
                 for k, (la, lo) in enumerate(zip(lats, lons))]
    got = judge_batch(ag, IncidentBatch.from_incidents(incidents))["v"].verdict
    site_lat = np.array([s.lat for s in sites])
    site_lon = np.array([s.lon for s in sites])
    nearest = great_circle_m(lats[:, None], lons[:, None], site_lat[None, :], site_lon[None, :]).min(axis=1)
    assert ((got == 0) == (nearest <= 2000)).all()
    assert (nearest <= 2000).sum() > 10  # the sample must exercise both answers
