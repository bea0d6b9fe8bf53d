from datetime import datetime, timedelta

import pytest
from compliance_samples import data, entry, record

from ceasewatch.model import UTC, Interval
from ceasewatch.report.compliance import place_in_slice
from ceasewatch.report.compliance.slices import time_slices

S0 = datetime(2025, 3, 18, 15, 30, tzinfo=UTC)
S1 = datetime(2025, 3, 18, 16, 55, tzinfo=UTC)
START = Interval(S0, S1)
H = timedelta(hours=1)


def label(a, b=None):
    return place_in_slice(START, a, b if b is not None else a).label


def test_incident_beginning_exactly_at_the_latest_start_is_in_hour_1():
    assert label(S1) == "hour 1"


def test_hour_slices_are_half_open_from_the_latest_start():
    assert label(S1 + H - timedelta(seconds=1)) == "hour 1"
    assert label(S1 + H) == "hour 2"


def test_after_48_hours_slices_are_days_counted_from_the_latest_start():
    assert label(S1 + 48 * H - timedelta(seconds=1)) == "hour 48"
    assert label(S1 + 48 * H) == "day 3"
    assert label(S1 + 72 * H) == "day 4"


def test_an_after_slice_is_placed_by_the_earliest_time_of_a_wide_interval():
    assert label(S1 + 2 * H, S1 + 30 * H) == "hour 3"


def test_incident_ending_just_before_the_earliest_start_is_in_day_minus_1():
    assert label(S0 - timedelta(seconds=1)) == "day -1"
    assert label(S0 - 24 * H) == "day -1"
    assert label(S0 - 24 * H - timedelta(seconds=1)) == "day -2"


def test_a_before_slice_is_placed_by_the_latest_time_of_a_wide_interval():
    assert label(S0 - 50 * H, S0 - 2 * H) == "day -1"


@pytest.mark.parametrize("a,b", [
    (S0, S0),  # at the earliest start: not before it
    (S0 + H, S0 + H),  # inside the start's uncertainty
    (S0 - H, S1 + H),  # straddles the whole start
    (S1 - timedelta(seconds=1), S1 + H),  # begins a second before the latest start
])
def test_incident_overlapping_the_start_interval_is_at_the_start(a, b):
    found = place_in_slice(START, a, b)
    assert found.label == "at the start" and found.phase == "at the start" and found.span is None


def test_incident_with_unknown_time_is_in_its_own_slice():
    assert place_in_slice(START, None, None).phase == "time unknown"


def test_slice_spans_are_stated_in_utc():
    assert place_in_slice(START, S1 + 90 * timedelta(minutes=1), S1 + 2 * H).span == Interval(S1 + H, S1 + 2 * H)
    assert place_in_slice(START, S0 - 3 * H, S0 - 3 * H).span == Interval(S0 - 24 * H, S0)


def test_commitments_of_one_version_sharing_a_start_share_one_table():
    d = data([entry(record("a"), kremlin=("violation",))], versions=("kremlin",))
    (table,) = time_slices(d)
    assert table.commitments == ("ru-halt", "ua-halt") and table.start == START and table.start_ref == "ru-order"


def test_each_version_has_a_table_per_distinct_start():
    d = data([entry(record("a"), **{"us-ua": ("violation",), "kremlin": ("violation",)})])
    assert [(t.version, t.start_ref, t.commitments) for t in time_slices(d)] == [
        ("us-ua", "ru-order", ("ru-halt",)), ("us-ua", "ua-acceptance", ("ua-halt",)),
        ("kremlin", "ru-order", ("ru-halt", "ua-halt")),
    ]


def test_rows_count_incidents_by_slice_party_and_verdict_and_skip_empty_slices():
    at = (S1 + 30 * timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    before = (S0 - 5 * H).strftime("%Y-%m-%dT%H:%M:%SZ")
    d = data([
        entry(record("a", at), kremlin=("violation",)),
        entry(record("b", at), kremlin=("no_violation", "out_of_scope")),
        entry(record("c", at, actor="UA"), kremlin=("violation",)),
        entry(record("d", before), kremlin=("no_violation", "before_start")),
        entry(record("e", None), kremlin=("undetermined", None, ("time",))),
    ], versions=("kremlin",))
    (table,) = time_slices(d)
    got = [(row.slice.label, row.party, dict(zip(table.columns, row.counts))) for row in table.rows]
    assert got == [
        ("day -1", "RU", {"violation": 0, "undetermined": 0, "no_violation": 1, "not_applicable": 0}),
        ("hour 1", "RU", {"violation": 1, "undetermined": 0, "no_violation": 1, "not_applicable": 0}),
        ("hour 1", "UA", {"violation": 1, "undetermined": 0, "no_violation": 0, "not_applicable": 0}),
        ("time unknown", "RU", {"violation": 0, "undetermined": 1, "no_violation": 0, "not_applicable": 0}),
    ]
    assert dict(table.phase_totals) == {"RU": (1, 0, 2, 0, 1), "UA": (0, 0, 1, 0, 0)}
