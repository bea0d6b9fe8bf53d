"""`incidents`, `history` and the analyst's commands, as a user runs them on the example."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from ceasewatch.cli.main import cli

SUMY = "sumy-hospitals-2025-03-19"
SLOVIANSK = "sloviansk-grid-2025-03-18"
KRASNODAR = "krasnodar-oil-depot-2025-03-19"


@pytest.fixture
def ran(example_dir):
    runner = CliRunner(env={"CEASEWATCH_ANALYST": "tester"})
    result = runner.invoke(cli, ["run", str(example_dir)])
    assert result.exit_code == 0, result.output
    return runner, example_dir, ["--db", str(example_dir / "ceasewatch.db")]


def test_incidents_table_lists_each_strike_with_grade_reports_and_verdicts(ran):
    runner, folder, _ = ran
    result = runner.invoke(cli, ["incidents", str(folder)])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if line.startswith(SLOVIANSK))
    assert "alleged" in line and "violation [alleged]" in line
    assert result.stdout.rstrip().endswith("4 incident(s)")


def test_incidents_json_is_the_exchange_record_with_grade_reports_and_verdicts(ran):
    runner, folder, _ = ran
    result = runner.invoke(cli, ["incidents", str(folder), "--format", "json", "--actor", "UA"])
    [krasnodar] = [json.loads(line) for line in result.stdout.splitlines()]
    assert krasnodar["id"] == KRASNODAR and krasnodar["grade"] == "alleged" and krasnodar["reports"] == []
    assert krasnodar["verdicts"]["kremlin"]["verdict"] == "violation"
    assert krasnodar["verdicts"]["us-ua"] == {"verdict": "no_violation", "reason": "before_start", "unknown": []}


def test_incidents_csv_has_a_verdict_column_per_version_and_filters_by_grade(ran):
    runner, folder, db = ran
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["incidents", *db, "--format", "csv"]).stdout)))
    assert {r["id"] for r in rows} == {SLOVIANSK, SUMY, KRASNODAR, "bucha-homes-2025-03-19"}
    assert {"verdict.us-ua", "verdict.kremlin", "grade", "reports"} <= set(rows[0])
    none = runner.invoke(cli, ["incidents", *db, "--grade", "corroborated"])
    assert none.stdout.rstrip().endswith("0 incident(s)")


def test_a_correction_shows_in_the_record_and_in_history(ran):
    runner, _, db = ran
    result = runner.invoke(cli, ["correct", SLOVIANSK, "counts.injured", "2", "--reason", "hospital list", *db])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in runner.invoke(cli, ["incidents", *db, "--format", "json", "--place", "Slov"]).stdout.splitlines()]
    assert row["counts"]["injured"] == 2
    history = runner.invoke(cli, ["history", SLOVIANSK, *db, "--format", "json"])
    [entry] = json.loads(history.stdout)
    assert (entry["by"], entry["action"], entry["field"], entry["before"], entry["after"], entry["reason"]) == (
        "tester", "correct", "counts.injured", None, 2, "hospital list")


def test_a_bad_value_or_a_missing_reason_is_refused_and_nothing_is_logged(ran):
    runner, _, db = ran
    bad = runner.invoke(cli, ["correct", SLOVIANSK, "counts.injured", "many", "--reason", "x", *db])
    assert bad.exit_code == 1 and "counts.injured" in bad.output and "Traceback" not in bad.output
    unknown = runner.invoke(cli, ["correct", SLOVIANSK, "colour", "red", "--reason", "x", *db])
    assert unknown.exit_code == 1 and "cannot correct 'colour'" in unknown.output
    missing = runner.invoke(cli, ["grade", SLOVIANSK, "confirmed", *db])
    assert missing.exit_code == 2 and "--reason" in missing.output
    assert "no analyst change yet" in runner.invoke(cli, ["history", SLOVIANSK, *db]).stdout


def test_grade_and_override_change_the_verdict_table_and_survive_a_rerun(ran):
    runner, folder, db = ran
    assert runner.invoke(cli, ["grade", KRASNODAR, "discounted", "--reason", "no fire on images", *db]).exit_code == 0
    result = runner.invoke(cli, ["override", SUMY, "no_violation", "--version", "us-ua", "--reason", "generator", *db])
    assert result.exit_code == 0, result.output
    again = runner.invoke(cli, ["run", str(folder)])
    krasnodar = next(line for line in again.stdout.splitlines() if KRASNODAR in line)
    sumy = next(line for line in again.stdout.splitlines() if SUMY in line)
    assert "discounted" in krasnodar and "no_violation (analyst_override)" in sumy
    explained = runner.invoke(cli, ["explain", SUMY, *db, "--version", "us-ua"]).stdout
    assert "OVERRIDDEN by tester" in explained and "violation" in explained  # the engine's trace stays


def test_merge_then_split_by_account_ids(ran):
    runner, _, db = ran
    merged = runner.invoke(cli, ["merge", SUMY, "bucha-homes-2025-03-19", "--reason", "one wave", *db])
    assert merged.exit_code == 0, merged.output
    listed = runner.invoke(cli, ["incidents", *db]).stdout
    assert listed.rstrip().endswith("3 incident(s)")
    # Either id still names the merged incident.
    assert runner.invoke(cli, ["explain", SUMY, *db]).stdout.startswith("bucha-homes-2025-03-19: 2 account(s)")
    split = runner.invoke(cli, ["split", SUMY, SUMY, "--reason", "two waves after all", *db])
    assert split.exit_code == 0, split.output
    assert runner.invoke(cli, ["incidents", *db]).stdout.rstrip().endswith("4 incident(s)")
    every = runner.invoke(cli, ["split", SUMY, SUMY, "--reason", "x", *db])
    assert every.exit_code == 1 and "some but not all" in every.output


def test_a_deferred_ingest_is_consolidated_and_judged_when_the_database_is_next_opened(example_dir):
    runner = CliRunner()
    db = ["--db", str(example_dir / "ceasewatch.db")]
    files = [str(example_dir / "agreement.yaml"), *map(str, sorted((example_dir / "feeds").glob("*")))]
    deferred = runner.invoke(cli, ["ingest", *files, *db, "--defer"])
    assert deferred.exit_code == 0, deferred.output
    assert "consolidated" not in deferred.stderr and "judged" not in deferred.stderr
    listed = runner.invoke(cli, ["incidents", *db])
    assert listed.stdout.rstrip().endswith("4 incident(s)") and "violation" in listed.stdout


def test_override_with_several_agreements_stored_needs_one_named(ran):
    runner, folder, db = ran
    other = folder / "another-deal.yaml"  # beside the site files it names
    other.write_text((folder / "agreement.yaml").read_text().replace("id: energy-moratorium-2025", "id: another-deal"))
    assert runner.invoke(cli, ["ingest", str(other), *db]).exit_code == 0
    result = runner.invoke(cli, ["override", SUMY, "no_violation", "--version", "us-ua", "--reason", "x", *db])
    assert result.exit_code == 1 and "name one with --agreement" in result.output
    assert "no analyst change yet" in runner.invoke(cli, ["history", SUMY, *db]).stdout
