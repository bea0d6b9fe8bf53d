import json

import pytest
from click.testing import CliRunner

from ceasewatch.cli.main import cli


@pytest.fixture
def runner():
    return CliRunner()


def test_run_prints_the_verdict_table_with_differences_marked(runner, example_dir):
    result = runner.invoke(cli, ["run", str(example_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    sumy = next(line for line in lines if "sumy-hospitals" in line)
    assert sumy.startswith("≠") and "violation" in sumy and "no_violation (out_of_scope)" in sumy
    sloviansk = next(line for line in lines if "sloviansk-grid" in line)
    assert not sloviansk.startswith("≠")
    assert "exchange (us-ua): fulfilled" in result.stdout
    assert (example_dir / "ceasewatch.db").exists()


def test_run_json_has_the_documented_shape(runner, example_dir):
    result = runner.invoke(cli, ["run", str(example_dir), "--format", "json", "--as-of", "2025-03-19T12:00:00Z"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["agreement"] == "energy-moratorium-2025"
    assert out["versions"] == ["us-ua", "kremlin"]
    krasnodar = next(i for i in out["incidents"] if i["id"].startswith("krasnodar"))
    assert krasnodar["verdicts"]["us-ua"] == {
        "verdict": "no_violation", "reason": "before_start", "unknown": [], "commitment": "ua-halt",
    }
    assert {"id", "place", "actor", "start", "end", "targets", "verdicts"} <= set(krasnodar)
    # the exchange record ends at 22:00Z on the 19th: as of noon it does not count yet
    assert {(c["version"], c["id"], c["status"]) for c in out["commitments"]} == {
        ("us-ua", "exchange", "pending"), ("kremlin", "exchange", "pending"),
    }


def test_bad_as_of_is_a_usage_error(runner, example_dir):
    result = runner.invoke(cli, ["run", str(example_dir), "--as-of", "tomorrow"])
    assert result.exit_code == 2 and "--as-of" in result.output


def test_agreement_check_prints_a_summary_in_utc(runner, example_dir):
    result = runner.invoke(cli, ["agreement", "check", str(example_dir / "agreement.yaml")])
    assert result.exit_code == 0, result.output
    assert "energy-moratorium-2025" in result.stdout
    assert "2025-03-18T16:55:00Z" in result.stdout  # the latest moment of the Russian order


def test_agreement_check_lists_every_mistake_with_file_and_line(runner, tmp_path):
    bad = tmp_path / "agreement.yaml"
    bad.write_text(
        "ceasewatch: 1\nid: test\nparties: {RU: Russia}\ntimezone: Europe/Kyiv\n"
        "versions:\n  v1:\n    commitments:\n"
        "      - {id: a, party: RU, refrain: strike, from: no-such-event, for: 2 months}\n"
    )
    result = runner.invoke(cli, ["agreement", "check", str(bad)])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) >= 2
    assert all(line.startswith(f"{bad}:8: ") for line in errors)


def test_ingest_reports_bad_rows_and_exits_non_zero(runner, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "ok", "actor": "RU"}\n{"id": "bad", "start": "yesterday", "end": "today"}\n')
    db = tmp_path / "t.db"
    result = runner.invoke(cli, ["ingest", str(feed), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{feed}:2: start: " in result.stderr
    assert "1 added" in result.stderr


def test_verdicts_csv_and_diff(runner, example_dir):
    db = str(example_dir / "ceasewatch.db")
    assert runner.invoke(cli, ["run", str(example_dir)]).exit_code == 0
    result = runner.invoke(cli, ["verdicts", "--db", db, "--diff", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0].startswith("agreement,incident,")
    assert len(rows) == 1 + 2 * 2  # two incidents differ, two versions each


def test_verdicts_unknown_version_names_the_known_ones(runner, example_dir):
    db = str(example_dir / "ceasewatch.db")
    runner.invoke(cli, ["run", str(example_dir)])
    result = runner.invoke(cli, ["verdicts", "--db", db, "--version", "nato"])
    assert result.exit_code == 1 and "us-ua" in result.output


def test_explain_prints_the_trace(runner, example_dir):
    db = str(example_dir / "ceasewatch.db")
    runner.invoke(cli, ["run", str(example_dir)])
    result = runner.invoke(cli, ["explain", "sumy-hospitals-2025-03-19", "--db", db, "--version", "kremlin"])
    assert result.exit_code == 0, result.output
    assert "out_of_scope" in result.stdout and "scope" in result.stdout
    as_json = runner.invoke(cli, ["explain", "sumy-hospitals-2025-03-19", "--db", db, "--format", "json"])
    explained = json.loads(as_json.stdout)
    assert {v["version"] for v in explained["verdicts"]} == {"us-ua", "kremlin"}
    assert explained["incident"] == "sumy-hospitals-2025-03-19" and explained["grade"] == "alleged"
    assert [a["id"] for a in explained["accounts"]] == ["sumy-hospitals-2025-03-19"]
    assert "1 account(s), grade alleged" in result.stdout


def test_explain_unknown_incident_is_a_clean_error(runner, example_dir):
    db = str(example_dir / "ceasewatch.db")
    runner.invoke(cli, ["run", str(example_dir)])
    result = runner.invoke(cli, ["explain", "nothing-here", "--db", db])
    assert result.exit_code == 1 and "nothing-here" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["run"], ["ingest"], ["agreement", "check"], ["verdicts"], ["explain"]])
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_every_command_module_is_listed_and_defines_its_command(runner):
    from ceasewatch.cli.main import COMMAND_MODULES

    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMAND_MODULES:
        assert name in result.stdout
        assert cli.get_command(None, name) is not None, name
