"""IncidentBatch: incidents loaded into columns."""

import math

import numpy as np
import pytest

from ceasewatch.adjudicate import IncidentBatch
from ceasewatch.model.taxonomy import CODES

from .conftest import at, span, strike


def test_times_are_epoch_seconds_with_infinite_unknown_sides():
    batch = IncidentBatch.from_incidents([
        strike("a", time=span("2025-03-18T18:50", None), launch=span(None, "2025-03-18T18:00")),
        strike("b", time=span(None, None)),
    ])
    assert batch.a.tolist() == [at("2025-03-18T18:50").timestamp(), -math.inf]
    assert batch.b.tolist() == [math.inf, math.inf]
    assert batch.l0.tolist() == [-math.inf, -math.inf]
    assert batch.l1.tolist() == [at("2025-03-18T18:00").timestamp(), math.inf]


def test_actors_countries_and_site_names_are_coded_once_each():
    batch = IncidentBatch.from_incidents([
        strike("a", actor="RU", country="ua", site="Port of Odesa"),
        strike("b", actor=None, admin1_code="RU-KDA", site="PORT OF ODESA"),
        strike("c", actor="UA"),
        strike("d", actor="RU"),
    ])
    assert (batch.actors, batch.actor.tolist()) == (("RU", "UA"), [0, -1, 1, 0])
    assert (batch.countries, batch.country.tolist()) == (("UA", "RU"), [0, 1, -1, -1])
    assert (batch.site_names, batch.site.tolist()) == (("port of odesa",), [0, 0, -1, -1])


def test_targets_become_a_bitmask_over_the_taxonomy():
    batch = IncidentBatch.from_incidents([strike(targets=("energy", "military")), strike(targets=())])
    assert batch.targets.tolist() == [1 | 1 << CODES.index("military"), 0]


def test_positions_and_precisions_are_columns():
    batch = IncidentBatch.from_incidents([strike(lat=48.5, lon=37.5, geo_precision="district"), strike()])
    assert np.isnan(batch.lat[1]) and batch.lat[0] == 48.5 and batch.lon[0] == 37.5
    assert batch.precision.tolist() == [2, 5]
    assert len(batch) == 2 and batch.ids == ("i1", "i1")


def test_non_strike_and_unknown_precision_are_refused():
    with pytest.raises(ValueError, match="only strikes"):
        IncidentBatch.from_incidents([strike(kind="prisoner-exchange")])
    with pytest.raises(ValueError, match="geo_precision 'city'"):
        IncidentBatch.from_incidents([strike(geo_precision="city")])
