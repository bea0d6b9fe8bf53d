"""`ceasewatch counts` end to end: report texts of our own, ingested and extracted for real."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasewatch.cli.main import cli

# Three outlets, three speakers, three figures for the drones of one night (our own sentences).
NIGHT = Path(__file__).resolve().parents[1] / "cases" / "counts_night"


def copy_reports(folder: Path, replace: dict[str, str] | None = None) -> list[str]:
    """The night's reports copied into `folder`, some sentences replaced; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for source in sorted(NIGHT.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        for old, new in (replace or {}).items():
            text = text.replace(old, new)
        (folder / source.name).write_text(text, encoding="utf-8")
        paths.append(str(folder / source.name))
    return paths


@pytest.fixture(scope="module")
def night_db(tmp_path_factory) -> str:
    """A database holding the three reports, ingested through the CLI."""
    folder = tmp_path_factory.mktemp("counts")
    db = str(folder / "monitor.db")
    result = CliRunner().invoke(cli, ["ingest", *copy_reports(folder / "reports"), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def counts(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["counts", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_three_reports_of_one_night_give_one_group_of_three_figures(night_db):
    [group] = counts("--db", night_db)
    assert group["actor"] == "RU" and group["unit"] == "drones" and group["measure"] == "launched"
    assert [(f["quantity"], f["qualifier"]) for f in group["figures"]] == [(80, "more_than"), (96, "exactly"), (110, "about")]
    assert group["low"] == {"quantity": 80, "qualifier": "more_than"}
    assert group["high"] == {"quantity": 110, "qualifier": "about"}
    assert (group["start"], group["end"]) == ("2025-04-21T18:00:00Z", "2025-04-22T03:00:00Z")


def test_each_figure_names_its_speaker_outlet_report_and_words(night_db):
    [group] = counts("--db", night_db)
    by_outlet = {f["source"]: f for f in group["figures"]}
    assert set(by_outlet) == {"Kharkiv Daily Ledger", "Lviv Morning Post", "Black Sea Wire"}
    assert by_outlet["Lviv Morning Post"]["speaker"] == "President Volodymyr Zelensky"
    assert by_outlet["Black Sea Wire"]["speaker"] == "presidential adviser Andriy Kravets"
    assert "Ukrainian Air Force" in by_outlet["Kharkiv Daily Ledger"]["speaker"]
    assert "96 attack drones" in by_outlet["Kharkiv Daily Ledger"]["text"]
    assert all(f["claim"].startswith("clm-") and f["report"].startswith("rep-") for f in group["figures"])


def test_table_shows_each_figure_and_the_range_without_an_average(night_db):
    result = CliRunner().invoke(cli, ["counts", "--db", night_db])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2025-04-21 18:00 – 2025-04-22 03:00 UTC · RU · drones launched" in out
    assert "more than 80 Shahed" in out and "about 110" in out and "Lviv Morning Post" in out
    assert "range: more than 80 – about 110 drones (3 figures, no average)" in out
    assert not re.search(r"(?<![0-9a-f])(95|286)(?![0-9a-f])", out)  # neither the mean nor the sum of 80, 96, 110


def test_filters_keep_or_drop_the_group(night_db):
    assert len(counts("--db", night_db, "--actor", "RU")) == 1
    assert counts("--db", night_db, "--actor", "UA") == []
    assert counts("--db", night_db, "--actor", "unknown") == []
    assert len(counts("--db", night_db, "--from", "2025-04-22", "--to", "2025-04-22")) == 1
    assert counts("--db", night_db, "--from", "2025-04-22T03:01:00Z") == []
    assert counts("--db", night_db, "--to", "2025-04-20") == []


def test_bad_time_is_a_usage_error(night_db):
    result = CliRunner().invoke(cli, ["counts", "--db", night_db, "--from", "yesterday"])
    assert result.exit_code == 2 and "--from" in result.output


def test_folder_without_a_database_is_an_error_and_stays_empty(tmp_path):
    result = CliRunner().invoke(cli, ["counts", str(tmp_path)])
    assert result.exit_code == 1 and "no database yet" in result.output
    assert list(tmp_path.iterdir()) == []


def test_folder_reads_its_own_database(tmp_path):
    paths = copy_reports(tmp_path / "reports")
    assert CliRunner().invoke(cli, ["ingest", *paths, "--db", str(tmp_path / "ceasewatch.db")]).exit_code == 0
    result = CliRunner().invoke(cli, ["counts", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["counts", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_tally_told_as_launched_overnight_joins_the_night(tmp_path):
    paths = copy_reports(tmp_path / "reports", {
        "Russian forces sent 96 attack drones against Ukraine overnight": "Russia launched 96 drones at Ukraine overnight",
    })
    db = str(tmp_path / "monitor.db")
    assert CliRunner().invoke(cli, ["ingest", *paths, "--db", db]).exit_code == 0
    assert [len(g["figures"]) for g in counts("--db", db)] == [3]
