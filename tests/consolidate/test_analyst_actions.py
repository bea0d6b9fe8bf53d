"""The analyst's hand on a real store: corrections survive re-runs and new reports; the log only grows.

The store starts with the Pavlohrad night (tests/cases/consolidation/pavlohrad) without the
wire's report; the wire's account has the smallest id, so when it arrives the substation
incident changes its id. Every correction must follow the incident's accounts to the new id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasewatch import Ceasewatch
from ceasewatch.errors import ConfigError, NotFound
from ceasewatch.store import Store

CASES = Path(__file__).parents[1] / "cases" / "consolidation" / "pavlohrad"
AGREEMENT = Path(__file__).parents[2] / "examples" / "energy-moratorium-2025" / "agreement.yaml"
AGREEMENT_ID = "energy-moratorium-2025"
FIRST = ["governor-statement.txt", "national-paper.txt", "local-outlet.txt", "ministry-denial.txt",
         "other-power-line.txt", "other-oil-pumping.txt"]
LATE = CASES / "wire-substation.txt"


def incident_at(service: Ceasewatch, place: str) -> str:
    [found] = [r["id"] for r in service.store.records("strike") if r["place"] == place]
    return found


def verdict_of(service: Ceasewatch, incident_id: str, version: str):
    return next(v for v in service.store.verdicts(AGREEMENT_ID, version) if v.incident_id == incident_id)


@pytest.fixture(scope="module")
def worked():
    """The store after every kind of change, then the late report and two re-runs."""
    service = Ceasewatch(Store.open("sqlite://"))
    service.ingest([AGREEMENT, *(CASES / name for name in FIRST)])
    town = incident_at(service, "Pavlohrad")
    members = service.store.accounts_of(town)
    paper_account = next(a for a in members if service.store.account(a)["start"] == "2025-04-02T18:00:00Z")
    line, oil = incident_at(service, "Mezhova"), incident_at(service, "Dnipropetrovsk Oblast")
    by = "analyst-7"
    entries = [
        service.correct(town, "counts.injured", "3", by=by, reason="hospital list seen"),
        service.merge([line, oil], by=by, reason="the operator's station is beside the line"),
        service.split(town, [paper_account], by=by, reason="the paper describes an earlier alert"),
        service.set_grade(town, "discounted", by=by, reason="footage is from another year"),
        service.override_verdict(town, "no_violation", agreement=AGREEMENT_ID, version="us-ua", by=by,
                                 reason="the substation fed a military plant"),
    ]
    log_before = [e.to_record() for e in service.store.analyst_log()]
    service.ingest([LATE])  # joins the substation incident with a smaller account id
    service.consolidate()
    service.ingest([AGREEMENT, *(CASES / name for name in FIRST), LATE])  # every file seen: skipped
    yield {
        "service": service, "old_id": town, "new_id": service.resolve_id(next(m for m in members if m != paper_account)), "paper": paper_account,
        "members": members, "entries": entries, "log_before": log_before, "line": line, "oil": oil,
    }
    service.close()


def test_late_report_changes_the_incident_id(worked):
    service = worked["service"]
    assert worked["new_id"] != worked["old_id"] and worked["new_id"] < worked["old_id"]
    assert worked["new_id"] in service.store.accounts_of(worked["new_id"])
    assert service.resolve_id(worked["old_id"]) == worked["new_id"]  # the old id is an account in it


def test_field_correction_applies_to_the_new_id(worked):
    record = worked["service"].store.record(worked["new_id"])
    assert record["counts"]["injured"] == 3
    [applied] = worked["service"].incident_details(worked["new_id"])["corrections"]
    assert (applied["field"], applied["value"], applied["by"]) == ("counts.injured", 3, "analyst-7")


def test_merge_survives(worked):
    service = worked["service"]
    merged = service.resolve_id(worked["line"])
    assert merged == service.resolve_id(worked["oil"])
    assert len(service.store.accounts_of(merged)) == 2


def test_split_survives_and_the_split_account_does_not_rejoin(worked):
    service = worked["service"]
    alone = service.resolve_id(worked["paper"])
    assert service.store.accounts_of(alone) == [worked["paper"]]
    assert worked["paper"] not in service.store.accounts_of(worked["new_id"])
    assert len(service.store.accounts_of(worked["new_id"])) == 4  # three left after the split, and the wire


def test_grade_set_by_the_analyst_survives(worked):
    details = worked["service"].incident_details(worked["new_id"])
    assert details["grade"] == "discounted"
    assert details["grade_rule"] == "set by analyst-7: footage is from another year"


def test_verdict_override_survives_under_its_version_only(worked):
    service = worked["service"]
    overridden = verdict_of(service, worked["new_id"], "us-ua")
    assert (overridden.verdict, overridden.reason) == ("no_violation", "analyst_override")
    assert verdict_of(service, worked["new_id"], "kremlin").reason != "analyst_override"


def test_log_has_every_entry_in_order_with_who_when_what_before_after_why(worked):
    log = worked["service"].store.analyst_log()
    assert [e.action for e in log] == ["correct", "merge", "split", "grade", "override"]
    assert [e.seq for e in log] == sorted(e.seq for e in log) and len({e.seq for e in log}) == 5
    assert all(e.by == "analyst-7" and e.at.endswith("Z") and e.reason for e in log)
    assert [e.at for e in log] == sorted(e.at for e in log)
    correct, merge, split, grade, override = log
    assert (correct.field, correct.before, correct.after) == ("counts.injured", None, 3)
    assert merge.before == sorted([worked["line"], worked["oil"]])
    assert (split.accounts, split.before) == ((worked["paper"],), worked["members"])
    assert (grade.before, grade.after) == ("contested", "discounted")
    assert (override.agreement_id, override.version, override.after) == (AGREEMENT_ID, "us-ua", "no_violation")
    assert override.before in ("violation", "no_violation", "undetermined", "not_applicable")


def test_correction_before_is_the_merged_value_the_accounts_disagreed_on(worked):
    # Three injured by the governor, one and two elsewhere: the merged count was null.
    assert worked["entries"][0].before is None


def test_log_entries_are_never_changed_by_reruns(worked):
    log_after = [e.to_record() for e in worked["service"].store.analyst_log()]
    assert log_after == worked["log_before"]
    assert [e.to_record() for e in worked["entries"]] == worked["log_before"]


def test_history_is_found_from_the_new_id_and_the_old_one(worked):
    service = worked["service"]
    from_new = [e.action for e in service.analyst_history(worked["new_id"])]
    assert [a for a in from_new if a != "split"] == ["correct", "grade", "override"]
    assert [e.seq for e in service.analyst_history(worked["old_id"])] == [e.seq for e in service.analyst_history(worked["new_id"])]
    assert [e.action for e in service.analyst_history(worked["paper"])] == ["correct", "split"]


def test_history_of_the_incident_split_from_keeps_the_split_after_its_id_changes(worked):
    assert "split" in [e.action for e in worked["service"].analyst_history(worked["new_id"])]


def test_rerun_with_nothing_new_rebuilds_nothing(worked):
    outcome = worked["service"].consolidate()
    assert (outcome.rebuilt, outcome.removed) == (0, 0)


# --- bad input --------------------------------------------------------------------------


@pytest.fixture
def fresh():
    service = Ceasewatch(Store.open("sqlite://"))
    service.ingest([AGREEMENT, *(CASES / name for name in FIRST)])
    yield service
    service.close()


def test_unknown_field_is_a_config_error(fresh):
    with pytest.raises(ConfigError, match="colour"):
        fresh.correct(incident_at(fresh, "Mezhova"), "colour", "red", by="a", reason="r")


def test_bad_value_is_a_config_error(fresh):
    with pytest.raises(ConfigError):
        fresh.correct(incident_at(fresh, "Mezhova"), "counts.killed", "-2", by="a", reason="r")
    with pytest.raises(ConfigError):
        fresh.set_grade(incident_at(fresh, "Mezhova"), "dubious", by="a", reason="r")
    with pytest.raises(ConfigError):
        fresh.override_verdict(incident_at(fresh, "Mezhova"), "guilty", agreement=AGREEMENT_ID, version="us-ua",
                               by="a", reason="r")


def test_empty_reason_or_analyst_is_a_config_error(fresh):
    with pytest.raises(ConfigError, match="reason"):
        fresh.correct(incident_at(fresh, "Mezhova"), "weapon", "missile", by="a", reason="  ")
    with pytest.raises(ConfigError):
        fresh.set_grade(incident_at(fresh, "Mezhova"), "discounted", by="", reason="r")


def test_split_of_all_accounts_or_a_stranger_is_a_config_error(fresh):
    town = incident_at(fresh, "Pavlohrad")
    with pytest.raises(ConfigError):
        fresh.split(town, fresh.store.accounts_of(town), by="a", reason="r")
    with pytest.raises(ConfigError):
        fresh.split(town, [], by="a", reason="r")
    with pytest.raises(ConfigError):
        fresh.split(town, [incident_at(fresh, "Mezhova")], by="a", reason="r")


def test_merge_of_one_incident_is_a_config_error(fresh):
    town = incident_at(fresh, "Pavlohrad")
    with pytest.raises(ConfigError):
        fresh.merge([town], by="a", reason="r")
    with pytest.raises(ConfigError):
        fresh.merge([town, fresh.store.accounts_of(town)[-1]], by="a", reason="r")  # the same incident twice


def test_unknown_incident_is_not_found(fresh):
    with pytest.raises(NotFound):
        fresh.correct("inc-nope", "weapon", "missile", by="a", reason="r")


def test_rejected_changes_leave_no_log_entry(fresh):
    for bad in (lambda: fresh.merge([incident_at(fresh, "Mezhova")], by="a", reason="r"),
                lambda: fresh.correct(incident_at(fresh, "Mezhova"), "colour", "red", by="a", reason="r")):
        with pytest.raises(ConfigError):
            bad()
    assert fresh.store.analyst_log() == []
