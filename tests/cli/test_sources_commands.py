"""`ceasewatch sources` and ingesting a registry file: grades follow the registry in use."""

import json

from click.testing import CliRunner

from ceasewatch.cli.main import cli

# The example's Sloviansk report quotes a prosecutor's office; the Bucha one, "local officials".
MONITOR_REGISTRY = """ceasewatch-sources: 1
sources:
  - {name: Oblast Watch, aliases: [local officials], kind: monitor, affiliation: independent, reliability: B}
"""


def test_check_names_file_line_and_key_and_stores_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("ceasewatch-sources: 1\nsources:\n  - {name: X, kind: radio}\n")
    result = CliRunner().invoke(cli, ["sources", "check", str(bad)])
    assert result.exit_code == 1 and f"{bad}:3: sources[0].kind" in result.output


def test_an_ingested_registry_is_kept_and_regrades_the_incidents(example_text_dir):
    runner = CliRunner()
    db = ["--db", str(example_text_dir / "ceasewatch.db")]
    assert runner.invoke(cli, ["run", str(example_text_dir)]).exit_code == 0
    before = {json.loads(line)["place"]: json.loads(line)["grade"]
              for line in runner.invoke(cli, ["incidents", *db, "--format", "json"]).stdout.splitlines()}
    assert before["Bucha"] == "alleged"
    registry = example_text_dir / "sources.yaml"  # a monitoring folder's registry: read by `run`
    registry.write_text(MONITOR_REGISTRY)
    result = runner.invoke(cli, ["run", str(example_text_dir)])
    assert result.exit_code == 0 and "sources.yaml: 1 added" in result.stderr
    after = {json.loads(line)["place"]: json.loads(line)["grade"]
             for line in runner.invoke(cli, ["incidents", *db, "--format", "json"]).stdout.splitlines()}
    assert after["Bucha"] == "confirmed"  # an independent monitor says so
    assert after["Sloviansk"] == before["Sloviansk"]
    listed = runner.invoke(cli, ["sources", "list", *db, "--format", "json"]).stdout.splitlines()
    assert any(json.loads(line)["name"] == "Oblast Watch" for line in listed)
