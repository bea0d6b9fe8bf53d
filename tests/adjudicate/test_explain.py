"""explain(): the trace behind each verdict, and its agreement with judge()."""

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasewatch.adjudicate import explain, judge
from ceasewatch.model import Area, Interval
from ceasewatch.model.taxonomy import CODES

from .conftest import (
    agreement, at, evidence, perform, point_site, refrain, site_list, square_site, strike,
)

SQUARE = {"type": "Polygon", "coordinates": [[[34, 47], [36, 47], [36, 49], [34, 49], [34, 47]]]}
SITES = site_list("list", point_site("p1", 48.0, 35.0, "Plant One"), point_site("p2", 48.9, 35.9),
                  square_site("yard", 47.5, 34.5, 0.02, "Rail Yard"), tolerance_m=1500)
OTHER = site_list("other", point_site("o1", 48.05, 35.0, "Depot"), tolerance_m=500)

RICH = agreement({
    "broad": [
        refrain("ru-halt", "RU", targets={"energy", "health", "transport.rail"}, sites=("list",)),
        refrain("ua-halt", "UA", start=("2025-03-19T10:00", "2025-03-19T18:00"), targets={"energy.grid"},
                grace=timedelta(hours=1)),
        perform(),
    ],
    "narrow": [
        refrain("ru-halt", "RU", targets={"energy"}, in_flight="exempt", days=None,
                area=Area(file="area.geojson", geometry=SQUARE)),
        refrain("ru-sites", ("RU", "BY"), targets=None, sites=("list", "other"), area=Area(countries=("UA",))),
        refrain("ua-halt", "UA", targets={"energy.oil"}, in_flight="exempt"),
    ],
    "empty": [perform()],
}, [SITES, OTHER])

# Moments on and around every boundary of RICH, so that equality cases come up often.
BOUNDARIES = [at(t) for t in ("2025-03-18T15:30", "2025-03-18T16:55", "2025-03-19T10:00", "2025-03-19T11:00",
                              "2025-03-19T18:00", "2025-03-19T19:00", "2025-04-17T15:30", "2025-04-17T16:55")]
moments = st.one_of(
    st.none(),
    st.sampled_from(BOUNDARIES),
    st.builds(lambda t, s: t + timedelta(seconds=s), st.sampled_from(BOUNDARIES), st.integers(-7200, 7200)),
)


@st.composite
def intervals(draw):
    a, b = draw(moments), draw(moments)
    if a is not None and b is not None and a > b:
        a, b = b, a
    return Interval(a, b)


@st.composite
def incidents(draw, n=st.integers(0, 10**6)):
    lat = draw(st.one_of(st.none(), st.floats(46.9, 49.1), st.sampled_from([48.0, 48.01, 48.05, 47.5])))
    return strike(
        id=f"i{draw(n)}",
        time=draw(intervals()),
        launch=draw(intervals()),
        actor=draw(st.sampled_from(["RU", "UA", "BY", None])),
        targets=tuple(draw(st.lists(st.sampled_from(CODES), max_size=3, unique=True))),
        lat=lat,
        lon=None if lat is None else draw(st.floats(33.9, 36.1)),
        geo_precision=draw(st.sampled_from(["point", "settlement", "district", "admin1", "country", "unknown"])),
        country=draw(st.sampled_from(["UA", "RU", None])),
        site=draw(st.sampled_from([None, "plant one", "P2", "depot", "elsewhere"])),
        outcome=draw(st.sampled_from(["hit", "intercepted", None])),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(incidents(), min_size=1, max_size=12))
def test_explain_gives_the_same_verdicts_as_judge(batch):
    batch = [replace(inc, id=f"{inc.id}-{k}") for k, inc in enumerate(batch)]
    summaries = judge(RICH, batch)
    traced = [replace(v, trace=()) for inc in batch for v in explain(RICH, inc)]
    assert summaries == traced


@settings(max_examples=40, deadline=None)
@given(incidents())
def test_trace_is_consistent_with_its_verdict(incident):
    for v in explain(RICH, incident):
        if v.verdict == "not_applicable":
            assert v.trace == ()
            continue
        chosen = next(c for c in v.trace if c.commitment == v.commitment)
        assert (chosen.verdict, chosen.reason, chosen.unknown) == (v.verdict, v.reason, v.unknown)
        for c in v.trace:
            answers = [t.answer for t in c.tests]
            assert [t.name for t in c.tests] == ["party", "time", "in_flight", "scope"]
            assert (c.verdict == "violation") == (answers == ["yes"] * 4)
            assert (c.verdict == "no_violation") == ("no" in answers)


def test_explain_one_version_only():
    (v,) = explain(RICH, strike(), "narrow")
    assert v.version == "narrow"
    with pytest.raises(KeyError, match="versions: broad, narrow, empty"):
        explain(RICH, strike(), "nope")


def test_trace_lists_only_commitments_that_could_bind_the_actor():
    (v,) = explain(RICH, strike(actor="UA"), "narrow")
    assert [c.commitment for c in v.trace] == ["ua-halt"]
    (v,) = explain(RICH, strike(actor=None), "narrow")
    assert [c.commitment for c in v.trace] == ["ru-halt", "ru-sites", "ua-halt"]


def test_each_test_carries_the_evidence_of_its_own_fields():
    spans = (evidence("actor", "Russian drones"), evidence("start", "8:50 p.m."), evidence("targets", "substation"),
             evidence(None, "overall"), evidence("launch_start", "launched at dusk"))
    (v,) = explain(RICH, strike(evidence=spans), "broad")
    by_test = {t.name: [e.text for e in t.evidence] for t in v.trace[0].tests}
    assert by_test == {
        "party": ["Russian drones", "overall"],
        "time": ["8:50 p.m.", "overall"],
        "in_flight": ["overall", "launched at dusk"],
        "scope": ["substation", "overall"],
    }


def test_grace_appears_as_an_iso_duration():
    (v,) = explain(RICH, strike(actor="UA"), "broad")
    f = v.trace[0].tests[1].figures
    assert (f["G"], f["s0+G"], f["s1+G"]) == ("PT1H", "2025-03-19T11:00:00Z", "2025-03-19T19:00:00Z")


def test_non_strike_records_are_not_explained():
    assert explain(RICH, strike(kind="prisoner-exchange")) == []
