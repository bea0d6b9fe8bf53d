import csv
import io
from pathlib import Path

import pytest

from ceasewatch.export import ACLED_COLUMNS, ExportFilter, ExportItem, acled_row, write_export
from ceasewatch.ingest import load_agreement
from ceasewatch.store import VerdictRow

AGREEMENT = load_agreement(Path(__file__).resolve().parents[2] / "examples" / "energy-moratorium-2025" / "agreement.yaml")


def row(**fields):
    record = {"id": "x", "kind": "strike", "start": "2025-03-18T18:50:00Z", "end": "2025-03-18T18:50:00Z",
              "actor": "RU", "country": "UA", "targets": ["energy.grid"], "geo_precision": "settlement",
              "place": "Sloviansk", "admin1": "Donetsk Oblast", "lat": 48.85, "lon": 37.6, "outcome": "hit",
              "counts": {}, "claimed_by": [], "denied_by": []}
    record.update(fields)
    return acled_row(ExportItem(record, None, {}), AGREEMENT, ())


def test_the_header_is_acled_s_columns_in_acled_s_order(example_cw):
    buffer = io.StringIO()
    write_export("acled-csv", example_cw.export_selection(ExportFilter(), needs_agreement=True), buffer)
    header = buffer.getvalue().splitlines()[0]
    assert header == ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                      "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                      "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                      "notes,fatalities,tags,timestamp")
    assert len(list(csv.reader(io.StringIO(buffer.getvalue())))) == 5  # the header and four strikes


@pytest.mark.parametrize("weapon,sub_event", [
    ("drone", "Air/drone strike"), ("aircraft", "Air/drone strike"), ("glide_bomb", "Air/drone strike"),
    ("missile", "Shelling/artillery/missile attack"), ("artillery", "Shelling/artillery/missile attack"),
    ("mixed", "Shelling/artillery/missile attack"), (None, "Shelling/artillery/missile attack"),
])
def test_a_hit_is_remote_violence_with_a_sub_event_type_from_the_weapon(weapon, sub_event):
    r = row(weapon=weapon)
    assert (r["disorder_type"], r["event_type"], r["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", sub_event)


def test_an_intercepted_strike_is_a_disrupted_weapons_use():
    r = row(outcome="intercepted", targets=["residential"])
    assert (r["disorder_type"], r["event_type"], r["sub_event_type"]) == (
        "Strategic developments", "Strategic developments", "Disrupted weapons use")
    assert r["civilian_targeting"] is None and r["actor2"] is None


def test_strikes_on_homes_hospitals_and_schools_are_civilian_targeting():
    for target in ("residential", "health", "education", "commercial", "cultural"):
        r = row(targets=["energy.grid", target])
        assert r["civilian_targeting"] == "Civilian targeting"
        assert (r["actor2"], r["inter2"], r["interaction"]) == ("Civilians (Ukraine)", "Civilians", "State forces-Civilians")
    r = row(targets=["energy.oil", "transport.rail"])
    assert r["civilian_targeting"] is None and r["interaction"] == "State forces only"


def test_parties_are_named_as_acled_names_state_forces():
    assert (row(actor="RU")["actor1"], row(actor="RU")["inter1"]) == ("Military Forces of Russia (2000-)", "State forces")
    assert row(actor="UA", country="RU")["actor1"] == "Military Forces of Ukraine (2019-)"
    unknown = row(actor=None)
    assert (unknown["actor1"], unknown["inter1"]) == ("Unidentified Armed Group (Ukraine)", "Political militia")


def test_countries_are_iso_numeric_with_acled_names_and_region():
    assert (row()["iso"], row()["country"], row()["region"]) == (804, "Ukraine", "Europe")
    assert (row(country="RU")["iso"], row(country="RU")["country"]) == (643, "Russia")


@pytest.mark.parametrize("start,end,precision", [
    ("2025-03-18T18:50:00Z", "2025-03-18T18:50:00Z", 1),
    ("2025-03-18T19:00:00Z", "2025-03-19T04:00:00Z", 1),  # overnight: known to the day
    ("2025-03-18T00:00:00Z", "2025-03-19T00:00:00Z", 1),  # exactly 24 hours
    ("2025-03-18T00:00:00Z", "2025-03-19T00:00:01Z", 2),
    ("2025-03-18T00:00:00Z", "2025-03-25T00:00:00Z", 2),  # exactly a week
    ("2025-03-18T00:00:00Z", "2025-03-25T00:00:01Z", 3),
    (None, None, None),
])
def test_time_precision_from_the_width_of_the_impact_interval(start, end, precision):
    assert row(start=start, end=end)["time_precision"] == precision


def test_the_event_date_is_the_local_date_of_the_latest_impact_time():
    overnight = row(start="2025-03-18T19:00:00Z", end="2025-03-19T04:00:00Z")
    assert (overnight["event_date"], overnight["year"]) == ("2025-03-19", "2025")
    late_evening = row(start="2025-03-18T22:30:00Z", end="2025-03-18T22:30:00Z")  # 00:30 in Kyiv
    assert late_evening["event_date"] == "2025-03-19"
    assert row(start=None, end=None)["event_date"] is None


@pytest.mark.parametrize("precision,acled", [("point", 1), ("settlement", 1), ("district", 2), ("admin1", 3),
                                             ("country", 3), ("unknown", None)])
def test_geo_precision_maps_to_acled_s_three_levels(precision, acled):
    assert row(geo_precision=precision)["geo_precision"] == acled


def test_fatalities_are_counts_killed_and_empty_when_unknown():
    assert row(counts={"killed": 4})["fatalities"] == 4
    assert row(counts={"killed": 0})["fatalities"] == 0
    assert row(counts={"killed": None})["fatalities"] is None


def test_admin1_drops_oblast_and_krai_and_crimea_is_crimea():
    assert row()["admin1"] == "Donetsk"
    assert row(admin1="Krasnodar Krai", country="RU")["admin1"] == "Krasnodar"
    assert row(admin1="Autonomous Republic of Crimea")["admin1"] == "Crimea"


def test_notes_and_tags_carry_the_verdicts_and_our_id():
    record = {"id": "sumy", "kind": "strike", "start": None, "end": None, "actor": "RU", "country": "UA",
              "targets": ["health"], "place": "Sumy Oblast", "denied_by": ["Russian MoD"]}
    verdicts = {"us-ua": VerdictRow("sumy", "us-ua", "violation", None, (), "ru-halt"),
                "kremlin": VerdictRow("sumy", "kremlin", "no_violation", "out_of_scope", (), "ru-halt")}
    r = acled_row(ExportItem(record, "alleged", verdicts), AGREEMENT, ("us-ua", "kremlin"))
    assert "Denied by Russian MoD." in r["notes"]
    assert "us-ua: violation; kremlin: no_violation (out_of_scope)" in r["notes"]
    assert r["tags"].split("; ") == ["ceasewatch_id=sumy", "grade=alleged", "targets=health",
                                     "verdict.us-ua=violation", "verdict.kremlin=no_violation"]
    assert r["timestamp"] is None and r["source_scale"] is None
    assert set(r) == set(ACLED_COLUMNS)
