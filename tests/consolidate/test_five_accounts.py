"""One strike told five ways becomes one contested incident; the night's other strikes stay apart.

The texts (tests/cases/consolidation/pavlohrad/, written for this test) tell one invented drone
strike on a substation in Pavlohrad, Dnipropetrovsk region, in the night of 2 to 3 April 2025:
a wire (around 2 a.m., two injured), the regional governor (at 01:20, three injured), a national
paper (overnight, two injured), a local outlet spelling the town Pavlograd (about 1:45 a.m.,
one injured) and Moscow's denial (Pavlograd, overnight). Two more texts tell a power line hit
near Mezhova (same region, 70 km away) and an oil pumping station somewhere in the region.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ceasewatch import Ceasewatch
from ceasewatch.store import Store

CASES = Path(__file__).parents[1] / "cases" / "consolidation" / "pavlohrad"
AGREEMENT = Path(__file__).parents[2] / "examples" / "energy-moratorium-2025" / "agreement.yaml"
FIVE = ["wire-substation.txt", "governor-statement.txt", "national-paper.txt", "local-outlet.txt", "ministry-denial.txt"]
OTHERS = ["other-power-line.txt", "other-oil-pumping.txt"]


def ingest(order: list[str]) -> Ceasewatch:
    service = Ceasewatch(Store.open("sqlite://"))
    report = service.ingest([AGREEMENT, *(CASES / name for name in order)])
    assert report.problems == []
    return service


@pytest.fixture(scope="module")
def service():
    found = ingest(FIVE + OTHERS)
    yield found
    found.close()


def strikes(service: Ceasewatch) -> dict[str, dict]:
    """place -> (record, details) of every stored strike incident."""
    return {r["place"]: (r, service.incident_details(r["id"])) for r in service.store.records("strike")}


def test_seven_reports_give_three_incidents(service):
    assert sorted(strikes(service)) == ["Dnipropetrovsk Oblast", "Mezhova", "Pavlohrad"]
    assert service.store.count_accounts() == 7


def test_the_five_tellings_are_one_incident_with_five_accounts(service):
    record, details = strikes(service)["Pavlohrad"]
    assert len(details["accounts"]) == 5 and len(details["reports"]) == 5
    assert record["id"] == min(a["id"] for a in details["accounts"])
    assert record["actor"] == "RU" and record["geo_precision"] == "settlement"
    assert "energy.grid" in record["targets"]


def test_the_incident_is_contested_by_the_actors_own_denial(service):
    _, details = strikes(service)["Pavlohrad"]
    assert details["grade"] == "contested"
    assert details["grade_rule"] == "contested: denied by Russian Defence Ministry (RU), the actor's side"
    assert "Russian Defence Ministry" in strikes(service)["Pavlohrad"][0]["denied_by"]


def test_the_disagreement_on_time_names_every_telling(service):
    record, details = strikes(service)["Pavlohrad"]
    [time] = [d for d in details["disagreements"] if d["field"] == "time"]
    assert len({a for v in time["values"] for a in v["accounts"]}) == 5
    values = {(v["value"]["start"], v["value"]["end"]) for v in time["values"]}
    assert ("2025-04-02T22:20:00Z", "2025-04-02T22:20:00Z") in values  # 01:20 Kyiv time, the governor
    assert ("2025-04-02T22:15:00Z", "2025-04-02T23:15:00Z") in values  # "about 1:45 a.m.", the local outlet
    # The intervals share no time (01:20 is outside "around 2 a.m."): the incident spans the most
    # specific ones, from 01:20 to the end of "around 2 a.m."; "overnight" holds them and adds nothing.
    assert (record["start"], record["end"]) == ("2025-04-02T22:20:00Z", "2025-04-02T23:30:00Z")


def test_the_disagreement_on_counts_shows_each_figure_and_no_average(service):
    record, details = strikes(service)["Pavlohrad"]
    [injured] = [d for d in details["disagreements"] if d["field"] == "counts.injured"]
    assert {v["value"]: len(v["accounts"]) for v in injured["values"]} == {1: 1, 2: 2, 3: 1}
    assert record["counts"]["injured"] is None


def test_unrelated_strikes_of_the_same_night_and_region_stay_apart(service):
    found = strikes(service)
    line, line_details = found["Mezhova"]
    oil, oil_details = found["Dnipropetrovsk Oblast"]
    assert len(line_details["accounts"]) == 1 and line["targets"] == ["energy.grid"]
    # The region-level oil pumping station shares no target with the substation: no attachment.
    assert len(oil_details["accounts"]) == 1 and oil["targets"] == ["energy.oil"]
    assert oil_details["alternatives"] == {} and found["Pavlohrad"][1]["alternatives"] == {}


def test_any_file_order_gives_the_same_incidents_and_ids(service):
    expected = {r["id"]: service.store.accounts_of(r["id"]) for r in service.store.records("strike")}
    rng = random.Random(4)
    for _ in range(3):
        order = FIVE + OTHERS
        rng.shuffle(order)
        other = ingest(order)
        try:
            assert {r["id"]: other.store.accounts_of(r["id"]) for r in other.store.records("strike")} == expected
        finally:
            other.close()


def test_ingesting_the_five_in_two_batches_gives_the_same_incident(service):
    expected = strikes(service)["Pavlohrad"][0]["id"]
    other = ingest(FIVE[3:] + OTHERS)
    try:
        other.ingest([CASES / name for name in FIVE[:3]])
        assert strikes(other)["Pavlohrad"][0]["id"] == expected
        assert len(strikes(other)["Pavlohrad"][1]["accounts"]) == 5
    finally:
        other.close()


def test_verdicts_are_per_incident_not_per_account(service):
    judged = {row.incident_id for row in service.store.verdicts("energy-moratorium-2025")}
    assert judged == {r["id"] for r in service.store.records("strike")}


def test_the_merged_targets_are_the_substation_only(service):
    assert strikes(service)["Pavlohrad"][0]["targets"] == ["energy.grid"]
