from pathlib import Path

import pytest

from ceasewatch.ingest import load_agreement
from ceasewatch.report import agreement_summary

CASES = Path(__file__).resolve().parent.parent / "cases" / "agreements"


@pytest.fixture(scope="module")
def spec_summary() -> str:
    return agreement_summary(load_agreement(CASES / "spec_example" / "agreement.yaml"))


@pytest.fixture(scope="module")
def full_summary() -> str:
    return agreement_summary(load_agreement(CASES / "full" / "agreement.yaml"))


def test_the_heading_names_the_agreement_and_its_zone(spec_summary):
    first, second = spec_summary.splitlines()[:2]
    assert first == "energy-moratorium-2025: Moratorium on strikes against energy infrastructure"
    assert second.endswith("times without an offset read in Europe/Kyiv")


def test_parties_and_events_in_utc_with_their_sources(spec_summary):
    assert "  RU  Russian Federation\n  UA  Ukraine\n" in spec_summary
    assert ("  ru-order        [2025-03-18T15:30:00Z, 2025-03-18T16:55:00Z]  after us-ru-call-end + 10m\n"
            "                  source: US envoy, Bloomberg TV, 2025-03-19\n") in spec_summary


def test_categories_show_their_expanded_codes(spec_summary):
    assert "  civilian-infrastructure  energy, health, transport.port, transport.rail, water\n" in spec_summary


def test_site_lists_show_file_count_tolerance_and_who_listed_them(spec_summary):
    assert ("  power-plants  sites/global_power_plant_database.csv  15 sites  tolerance 1 km  listed by UA"
            "  category energy.generation\n") in spec_summary
    assert "  ua-list       sites/ua-list.geojson  4 sites  tolerance 1 km  listed by UA\n" in spec_summary


def test_each_refrain_commitment_shows_its_window_and_scope(spec_summary):
    block = spec_summary.split("Version us-ua:")[1].split("Version kremlin:")[0]
    assert block.splitlines()[1] == "  stated by White House, Office of the President of Ukraine"
    assert "\n  - ru-halt: RU refrains from strike\n" in block
    assert "\n      targets    civilian-infrastructure: energy, health, transport.port, transport.rail, water\n" in block
    assert "\n      sites      ua-list (4 sites)\n" in block
    assert "\n      start S    [2025-03-18T15:30:00Z, 2025-03-18T16:55:00Z]  (from ru-order)\n" in block
    assert "\n      end E      [2025-04-17T15:30:00Z, 2025-04-17T16:55:00Z]  (S + 30d)\n" in block
    assert "\n      grace      none\n      in_flight  counts\n      area       everywhere\n" in block


def test_perform_commitments_show_quantity_and_deadline(spec_summary):
    assert ("  - exchange: RU, UA perform prisoner-exchange\n"
            "      quantity  175 (each party)\n"
            "      deadline  2025-03-19T22:00:00Z") in spec_summary


def test_no_end_until_grace_areas_and_notes(full_summary):
    assert "      end E      no end\n" in full_summary
    assert "      end E      [2025-04-24T21:00:00Z, 2025-04-25T21:00:00Z]  (until expiry)\n" in full_summary
    assert "      end E      2025-04-25T21:00:00Z  (until 2025-04-26T00:00)\n" in full_summary
    assert "      grace      2h\n      in_flight  exempt\n      area       inside sea.geojson (Polygon)\n" in full_summary
    assert "      area       inside RU, UA\n" in full_summary
    assert "      note       covers the Black Sea coast only\n" in full_summary
    assert "      targets    every target\n" in full_summary
    assert "Version ru: (no label)\n" in full_summary
    assert "  harbours  sites/harbours.geojson  3 sites  tolerance 2.5 km\n" in full_summary
    assert "  depots    sites/depots.csv  3 sites  tolerance 500 m  listed by UA  category energy.oil\n" in full_summary


def test_the_summary_is_plain_aligned_text(spec_summary):
    assert not spec_summary.endswith("\n")  # the CLI's echo adds the last newline
    assert all(line == line.rstrip() for line in spec_summary.splitlines())
    assert all(ch.isprintable() or ch == "\n" for ch in spec_summary)
