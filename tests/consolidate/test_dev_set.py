"""Consolidating every text of the evaluation dev set together, checked against its gold files.

The texts stay in ../shared/eval/dev (read from there, never copied). Each account is paired
with a gold incident of its own article by the evaluation's matching rules (docs/eval.md);
then across articles: no consolidated incident may hold two gold incidents that differ in
place or day, and two accounts paired with the same strike (same place and day, told by two
texts) must end in one incident.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from ceasewatch import Ceasewatch
from ceasewatch.consolidate.matching import distance_km
from ceasewatch.evaluate import GoldIncident, match_article, read_gold
from ceasewatch.evaluate.lookups import gazetteer_admin1_codes, shipped_region_contains
from ceasewatch.model import Incident
from ceasewatch.store import Store

DEV = Path(__file__).parents[3] / "shared" / "eval" / "dev"
AGREEMENT = Path(__file__).parents[2] / "examples" / "energy-moratorium-2025" / "agreement.yaml"
AGREEMENT_ID = "energy-moratorium-2025"
SAME_PLACE_KM = 10.0  # two gold settlements this close are one place

pytestmark = pytest.mark.skipif(not (DEV / "gold").is_dir(), reason="the evaluation dev set is not here")


@pytest.fixture(scope="module")
def dev():
    """The consolidated store, and each strike account's (article, gold incident)."""
    service = Ceasewatch(Store.open("sqlite://"))
    report = service.ingest([AGREEMENT, *sorted((DEV / "articles").glob("*.txt"))])
    summaries, infos = service.store.account_summaries()
    by_article: dict[str, list[str]] = {}
    for summary in summaries:
        if summary.kind == "strike":
            by_article.setdefault(Path(infos[summary.id].source_file).name, []).append(summary.id)
    gold_of: dict[str, tuple[str, GoldIncident]] = {}
    for gold_file in sorted((DEV / "gold").glob("*.json")):
        gold = read_gold(gold_file)
        accounts = [Incident.from_record(service.store.account(a)) for a in by_article.get(gold.article, [])]
        matching = match_article(accounts, gold.incidents, gazetteer_admin1_codes, shipped_region_contains)
        gold_of.update((pair.predicted.id, (gold.article, pair.gold)) for pair in matching.pairs)
    yield service, report, gold_of
    service.close()


def differ_in_day(a: GoldIncident, b: GoldIncident) -> bool:
    return a.last_date < b.first_date or b.last_date < a.first_date


def differ_in_place(a: GoldIncident, b: GoldIncident) -> bool:
    if "admin1" in (a.geo_precision, b.geo_precision):
        codes = [g.admin1_code or gazetteer_admin1_codes(g.admin1, g.country) for g in (a, b)]
        return codes[0] != codes[1]
    return distance_km(a.lat, a.lon, b.lat, b.lon) > SAME_PLACE_KM


def same_strike(a: GoldIncident, b: GoldIncident) -> bool:
    """Same place and day, same side, compatible targets: one strike told twice."""
    targets = not a.targets or not b.targets or bool({t.split(".")[0] for t in a.targets} & {t.split(".")[0] for t in b.targets})
    return (a.actor == b.actor and targets and not differ_in_day(a, b) and not differ_in_place(a, b)
            and a.geo_precision == b.geo_precision)


def test_every_text_is_read_without_problems(dev):
    service, report, gold_of = dev
    assert report.problems == []
    assert len(gold_of) >= 15  # most strike accounts pair with a gold incident: the checks below bite


def test_no_incident_holds_gold_strikes_of_different_places_or_days(dev):
    service, _, gold_of = dev
    for record in service.store.records("strike"):
        golds = [gold_of[a] for a in service.store.accounts_of(record["id"]) if a in gold_of]
        for (art_a, a), (art_b, b) in itertools.combinations(golds, 2):
            assert not differ_in_day(a, b), f"{record['id']}: {art_a}:{a.id} and {art_b}:{b.id} are on different days"
            assert not differ_in_place(a, b), f"{record['id']}: {art_a}:{a.id} and {art_b}:{b.id} are in different places"


def test_one_strike_told_by_two_texts_is_one_incident(dev):
    service, _, gold_of = dev
    incident_of = service.store.incident_of_accounts(gold_of)
    for (acc_a, (art_a, a)), (acc_b, (art_b, b)) in itertools.combinations(sorted(gold_of.items()), 2):
        if art_a != art_b and same_strike(a, b):
            assert incident_of[acc_a] == incident_of[acc_b], f"{art_a}:{a.id} and {art_b}:{b.id} are one strike"


def test_region_power_line_and_oil_pumping_station_of_one_day_stay_apart(dev):
    service, _, gold_of = dev
    incident_of = service.store.incident_of_accounts(gold_of)
    by_gold = {gold.id: incident_of[account] for account, (_, gold) in gold_of.items()}
    assert by_gold["kropotkinskaya-oil-pumping-station"] != by_gold["krasnodar-rosseti-power-line"]


def test_one_prisoner_exchange_told_by_two_texts_is_one_record(dev):
    service, _, _ = dev
    exchanges = list(service.store.records("prisoner-exchange"))
    assert len(exchanges) == 1
    assert len({service.store.account(a)["id"] for a in service.store.accounts_of(exchanges[0]["id"])}) == 2


def test_verdicts_are_per_incident_under_every_version(dev):
    service, _, _ = dev
    incidents = {r["id"] for r in service.store.records("strike")}
    rows = list(service.store.verdicts(AGREEMENT_ID))
    assert {r.incident_id for r in rows} == incidents
    assert {(r.incident_id, r.version) for r in rows} == {(i, v) for i in incidents for v in ("us-ua", "kremlin")}
