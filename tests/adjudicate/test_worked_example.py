"""The spec's worked example: the March 2025 energy moratorium under both versions."""

from datetime import timedelta

import pytest

from ceasewatch.adjudicate import explain, judge, perform_status
from ceasewatch.model import Agreement, Commitment, Fulfilment, Incident, Interval, SiteList, Version, parse_instant
from ceasewatch.model.interval import zone

from .conftest import point_site

KYIV, MOSCOW = zone("Europe/Kyiv"), zone("Europe/Moscow")
ENERGY = frozenset({"energy"})
CIVILIAN_INFRASTRUCTURE = frozenset({"energy", "transport.rail", "transport.port", "health", "water"})


def local(text: str, place_zone=KYIV) -> Interval:
    earliest, latest = text.split(" / ") if " / " in text else (text, text)
    return Interval(parse_instant(earliest, place_zone), parse_instant(latest, place_zone))


CALL_END = local("2025-03-18T17:30 / 2025-03-18T18:45")
RU_ORDER = Interval(CALL_END.earliest, CALL_END.latest + timedelta(minutes=10))  # after: call end, within: 10m
UA_ACCEPTANCE = local("2025-03-19T12:00 / 2025-03-19T20:00")
BY = parse_instant("2025-03-20T00:00", KYIV)
THIRTY_DAYS = timedelta(days=30)


def halt(id, party, targets, start, sites=(), in_flight="counts"):
    return Commitment(id=id, parties=(party,), mode="refrain", act="strike", start=start,
                      end=start.shift(THIRTY_DAYS), in_flight=in_flight, targets=tuple(sorted(targets)),
                      target_codes=targets, sites=sites)


EXCHANGE = Commitment(id="exchange", parties=("RU", "UA"), mode="perform", act="prisoner-exchange",
                      quantity=175, by=BY)

UA_LIST = SiteList(key="ua-list", file="sites/ua-list.geojson", listed_by="UA", tolerance_m=1000.0, sites=(
    point_site("port-odesa", 46.4833, 30.7333, "Port of Odesa"),
    point_site("port-pivdennyi", 46.6, 31.0167, "Port of Pivdennyi"),
    point_site("port-izmail", 45.3333, 28.85, "Port of Izmail"),
))

AGREEMENT = Agreement(
    id="energy-moratorium-2025",
    title="Moratorium on strikes against energy infrastructure",
    parties={"RU": "Russian Federation", "UA": "Ukraine"},
    timezone="Europe/Kyiv",
    events={},
    categories={"energy": ENERGY, "civilian-infrastructure": CIVILIAN_INFRASTRUCTURE},
    site_lists={"ua-list": UA_LIST},
    versions={
        "us-ua": Version("us-ua", "Energy and other civilian infrastructure", ("White House",), (
            halt("ru-halt", "RU", CIVILIAN_INFRASTRUCTURE, RU_ORDER, sites=("ua-list",)),
            halt("ua-halt", "UA", CIVILIAN_INFRASTRUCTURE, UA_ACCEPTANCE),
            EXCHANGE,
        )),
        "kremlin": Version("kremlin", "Energy infrastructure only", ("Kremlin",), (
            halt("ru-halt", "RU", ENERGY, RU_ORDER, in_flight="exempt"),
            halt("ua-halt", "UA", ENERGY, RU_ORDER),
            EXCHANGE,
        )),
    },
)

OVERNIGHT = "2025-03-18T21:00 / 2025-03-19T06:00"
INCIDENTS = [
    Incident("sloviansk", local("2025-03-18T20:50"), place="Sloviansk", admin1_code="UA-14", country="UA",
             lat=48.8497, lon=37.5974, geo_precision="settlement", actor="RU", targets=("energy.grid", "energy.gas"),
             outcome="hit", intent="unclear"),
    Incident("sumy-hospitals", local(OVERNIGHT), place="Sumy Oblast", admin1_code="UA-59", country="UA",
             lat=51.1, lon=34.1, geo_precision="admin1", actor="RU", targets=("health",), outcome="hit"),
    Incident("bucha-homes", local(OVERNIGHT), place="Bucha", admin1_code="UA-32", country="UA",
             lat=50.5474, lon=30.2088, geo_precision="settlement", actor="RU", targets=("residential",)),
    Incident("krasnodar-depot", local(OVERNIGHT, MOSCOW), place="Krasnodar Krai", admin1_code="RU-KDA",
             country="RU", lat=45.35, lon=39.05, geo_precision="admin1", actor="UA", targets=("energy.oil",)),
    Incident("krasnodar-what-if", Interval(CALL_END.earliest, UA_ACCEPTANCE.latest), place="Krasnodar Krai",
             admin1_code="RU-KDA", country="RU", lat=45.35, lon=39.05, geo_precision="admin1", actor="UA",
             targets=("energy.oil",)),
]

TABLE = {  # incident: (us-ua, kremlin) as (verdict, reason, unknown)
    "sloviansk": (("violation", None, ()), ("violation", None, ())),
    "sumy-hospitals": (("violation", None, ()), ("no_violation", "out_of_scope", ())),
    "bucha-homes": (("no_violation", "out_of_scope", ()), ("no_violation", "out_of_scope", ())),
    "krasnodar-depot": (("no_violation", "before_start", ()), ("violation", None, ())),
    "krasnodar-what-if": (("undetermined", None, ("time",)), ("undetermined", None, ("time",))),
}


def test_events_and_overnight_resolve_to_the_utc_intervals_of_the_brief():
    assert str(CALL_END) == "[2025-03-18T15:30:00Z, 2025-03-18T16:45:00Z]"
    assert str(RU_ORDER) == "[2025-03-18T15:30:00Z, 2025-03-18T16:55:00Z]"
    assert str(UA_ACCEPTANCE) == "[2025-03-19T10:00:00Z, 2025-03-19T18:00:00Z]"
    assert str(INCIDENTS[0].time) == "[2025-03-18T18:50:00Z, 2025-03-18T18:50:00Z]"
    assert str(INCIDENTS[1].time) == "[2025-03-18T19:00:00Z, 2025-03-19T04:00:00Z]"
    assert str(INCIDENTS[3].time) == "[2025-03-18T18:00:00Z, 2025-03-19T03:00:00Z]"


def test_worked_example_table():
    got = {}
    for v in judge(AGREEMENT, INCIDENTS):
        got.setdefault(v.incident_id, []).append((v.verdict, v.reason, v.unknown))
    assert {k: tuple(v) for k, v in got.items()} == TABLE


@pytest.mark.parametrize("incident", INCIDENTS, ids=[i.id for i in INCIDENTS])
def test_explain_agrees_with_the_table(incident):
    got = tuple((v.verdict, v.reason, v.unknown) for v in explain(AGREEMENT, incident))
    assert got == TABLE[incident.id]


def test_sloviansk_under_kremlin_assumes_the_launch_was_after_the_order():
    (v,) = explain(AGREEMENT, INCIDENTS[0], "kremlin")
    in_flight = next(t for t in v.trace[0].tests if t.name == "in_flight")
    assert (in_flight.answer, in_flight.note) == ("yes", "launch time unknown: assumed after the start")


def test_sloviansk_is_far_from_every_listed_site():
    (v,) = explain(AGREEMENT, INCIDENTS[0], "us-ua")
    scope = next(t for t in v.trace[0].tests if t.name == "scope")
    site = scope.figures["sites"][0]
    assert (scope.figures["findings"], site["finding"]) == ({"codes": "yes", "site": "no"}, "no")
    assert site["distance_m"] > 400_000


def test_krasnodar_under_us_ua_is_bound_only_from_kyivs_acceptance():
    (v,) = explain(AGREEMENT, INCIDENTS[3], "us-ua")
    assert [c.commitment for c in v.trace] == ["ua-halt"]
    time = v.trace[0].tests[1]
    assert (time.answer, time.reason, time.figures["b"], time.figures["s0+G"]) == (
        "no", "before_start", "2025-03-19T03:00:00Z", "2025-03-19T10:00:00Z")


def test_exchange_of_175_each_on_19_march_is_fulfilled_in_both():
    record = Fulfilment("exchange-2025-03-19", "prisoner-exchange", ("RU", "UA"), 175,
                        local("2025-03-19T00:00 / 2025-03-20T00:00"))
    statuses = perform_status(AGREEMENT, [record], parse_instant("2025-03-21T00:00Z"))
    assert [(s.version, s.commitment, s.status) for s in statuses] == [
        ("us-ua", "exchange", "fulfilled"), ("kremlin", "exchange", "fulfilled")]
