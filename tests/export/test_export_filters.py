import io
import json

import pytest
from click.testing import CliRunner

from ceasewatch.cli.main import cli
from ceasewatch.errors import ConfigError
from ceasewatch.export import ExportFilter, write_export
from ceasewatch.model import parse_instant


def ids(cw, **filters):
    buffer = io.StringIO()
    write_export("jsonl", cw.export_selection(ExportFilter(**filters)), buffer)
    return [json.loads(line)["id"] for line in buffer.getvalue().splitlines()]


def test_no_filter_exports_every_record_strikes_by_start_then_exchanges(example_cw):
    assert ids(example_cw) == ["krasnodar-oil-depot-2025-03-19", "sloviansk-grid-2025-03-18",
                               "bucha-homes-2025-03-19", "sumy-hospitals-2025-03-19", "exchange-2025-03-19"]


def test_actor_filter_keeps_that_actor_s_strikes_only(example_cw):
    assert ids(example_cw, actors=("UA",)) == ["krasnodar-oil-depot-2025-03-19"]


def test_verdict_filter_reads_the_version_named(example_cw):
    assert ids(example_cw, version="us-ua", verdicts=("violation",)) == [
        "sloviansk-grid-2025-03-18", "sumy-hospitals-2025-03-19"]
    assert ids(example_cw, version="kremlin", verdicts=("violation",)) == [
        "krasnodar-oil-depot-2025-03-19", "sloviansk-grid-2025-03-18"]


def test_verdict_filter_without_a_version_is_refused_when_there_are_several(example_cw):
    with pytest.raises(ConfigError, match="--verdict needs --version"):
        ids(example_cw, verdicts=("violation",))


def test_period_keeps_records_whose_interval_overlaps_it(example_cw):
    window = {"time_from": parse_instant("2025-03-18T18:51:00Z"), "time_to": parse_instant("2025-03-18T18:59:00Z")}
    assert ids(example_cw, **window) == ["krasnodar-oil-depot-2025-03-19"]
    evening = {"time_from": parse_instant("2025-03-18T21:00:00Z"), "time_to": parse_instant("2025-03-18T22:00:00Z")}
    assert ids(example_cw, **evening) == ["krasnodar-oil-depot-2025-03-19", "bucha-homes-2025-03-19",
                                          "sumy-hospitals-2025-03-19", "exchange-2025-03-19"]
    late = {"time_from": parse_instant("2025-03-19T21:00:00Z")}
    assert ids(example_cw, **late) == ["exchange-2025-03-19"]


def test_export_command_takes_the_verdicts_command_s_filter_names(example_cw, example_dir):
    result = CliRunner().invoke(cli, [
        "export", "--db", str(example_dir / "ceasewatch.db"), "--format", "acled-csv", "--agreement",
        "energy-moratorium-2025", "--version", "kremlin", "--verdict", "no_violation", "--actor", "RU",
        "--from", "2025-03-18", "--to", "2025-03-19"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and {line.split(",")[0] for line in lines[1:]} == {
        "bucha-homes-2025-03-19", "sumy-hospitals-2025-03-19"}


def test_export_command_reports_a_verdict_filter_without_version_cleanly(example_cw, example_dir):
    result = CliRunner().invoke(cli, ["export", "--db", str(example_dir / "ceasewatch.db"), "--format", "csv",
                                      "--verdict", "violation"])
    assert result.exit_code == 1 and "--verdict needs --version (versions: us-ua, kremlin)" in result.stderr
