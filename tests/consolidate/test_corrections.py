"""Replaying the analyst's log: which incident each entry applies to, and what it sets."""

from __future__ import annotations

import pytest

from ceasewatch.consolidate.analyst import (
    check_grade, check_verdict, correctable_fields, corrected_value, parse_value, verdict_overrides,
)
from ceasewatch.consolidate.corrections import (
    LogEntry, active_overrides, anchored_incident, apply_field_corrections, latest_grade, per_incident,
)
from ceasewatch.errors import ConfigError

RECORD = {
    "id": "a", "kind": "strike", "place": "Pavlohrad", "country": "UA", "lat": 48.53, "lon": 35.87,
    "geo_precision": "settlement", "start": "2025-04-02T18:00:00Z", "end": "2025-04-03T03:00:00Z",
    "actor": "RU", "targets": ["energy.grid"], "weapon": "drone",
    "counts": {"launched": None, "intercepted": None, "killed": None, "injured": 2, "buildings": None},
}


def entry(seq: int, action: str, accounts=("a",), **fields) -> LogEntry:
    return LogEntry(seq, f"2025-04-05T10:0{seq}:00Z", "analyst-7", action, "a", tuple(accounts), "checked footage", **fields)


# --- where an entry applies -----------------------------------------------------------


def test_entry_applies_to_the_incident_holding_most_of_its_anchors():
    assert anchored_incident(["a", "b", "c"], {"a": "x", "b": "y", "c": "y"}) == "y"


def test_anchor_tie_goes_to_the_smallest_incident_id():
    assert anchored_incident(["a", "b"], {"a": "y", "b": "x"}) == "x"


def test_entry_whose_anchors_are_all_gone_applies_nowhere():
    assert anchored_incident(["gone"], {"a": "x"}) is None


def test_per_incident_keeps_log_order_and_only_the_actions_asked():
    log = [entry(1, "correct", field="weapon", after="missile"), entry(2, "merge", ("a", "b")),
           entry(3, "grade", after="discounted")]
    found = per_incident(log, {"a": "x", "b": "x"}, ("correct", "grade"))
    assert [e.seq for e in found["x"]] == [1, 3]


# --- what an entry sets ---------------------------------------------------------------


def test_field_corrections_apply_in_order_the_latest_winning():
    record = dict(RECORD)
    applied = apply_field_corrections(record, [
        entry(1, "correct", field="weapon", after="missile"),
        entry(2, "correct", field="weapon", after="glide_bomb"),
        entry(3, "correct", field="counts.killed", after=1),
    ])
    assert record["weapon"] == "glide_bomb"
    assert record["counts"]["killed"] == 1 and record["counts"]["injured"] == 2  # other counts untouched
    assert [a["seq"] for a in applied] == [1, 2, 3] and applied[0]["by"] == "analyst-7"


def test_latest_grade_wins_and_auto_clears_it():
    assert latest_grade([entry(1, "grade", after="discounted"), entry(2, "grade", after="confirmed")]).after == "confirmed"
    assert latest_grade([entry(1, "grade", after="discounted"), entry(2, "grade", after="auto")]) is None
    assert latest_grade([entry(1, "correct", field="weapon", after="drone")]) is None


def test_overrides_are_per_agreement_and_version_and_auto_clears_one():
    log = [
        entry(1, "override", agreement_id="ag", version="v1", after="violation"),
        entry(2, "override", agreement_id="ag", version="v2", after="no_violation"),
        entry(3, "override", agreement_id="ag", version="v1", after="auto"),
    ]
    assert {key: e.seq for key, e in active_overrides(log).items()} == {("ag", "v2"): 2}


def test_verdict_overrides_follow_the_anchor_accounts_to_the_new_incident_id():
    log = [entry(1, "override", ("b",), agreement_id="ag", version="v1", after="violation")]
    rows = verdict_overrides(log, {"b": "a-new"})
    assert list(rows) == [("a-new", "v1")] and rows[("a-new", "v1")].verdict == "violation"


# --- checking a correction before it is logged ----------------------------------------


def test_parse_value_reads_json_else_text():
    assert parse_value("3") == 3 and parse_value("null") is None and parse_value('["a"]') == ["a"]
    assert parse_value("missile") == "missile"


def test_correction_returns_before_and_normalised_after():
    assert corrected_value(RECORD, "counts.injured", 3) == (2, 3)
    assert corrected_value(RECORD, "targets", "energy.grid; energy.gas") == (["energy.grid"], ["energy.grid", "energy.gas"])


def test_time_correction_is_stored_in_utc():
    before, after = corrected_value(RECORD, "start", "2025-04-03T01:20:00+03:00")
    assert (before, after) == ("2025-04-02T18:00:00Z", "2025-04-02T22:20:00Z")


@pytest.mark.parametrize("field, value", [
    ("colour", "red"),  # unknown field
    ("id", "other"),  # identity cannot be corrected
    ("evidence", []),
    ("counts.dead", 1),
    ("weapon", "catapult"),  # not a weapon class
    ("counts.killed", -1),
    ("geo_precision", "street"),
    ("start", "yesterday"),
])
def test_bad_correction_is_a_config_error(field, value):
    with pytest.raises(ConfigError):
        corrected_value(RECORD, field, value)


def test_correctable_fields_list_counts_one_by_one():
    fields = correctable_fields("strike")
    assert "counts.killed" in fields and "counts" not in fields and "id" not in fields and "evidence" not in fields


def test_grade_and_verdict_checks():
    assert check_grade("discounted") == "discounted" and check_grade("auto") == "auto"
    assert check_verdict("violation") == "violation"
    with pytest.raises(ConfigError):
        check_grade("dubious")
    with pytest.raises(ConfigError):
        check_verdict("guilty")
