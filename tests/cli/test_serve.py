"""`ceasewatch serve`: opens the folder's database (running a fresh folder once) and starts uvicorn."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ceasewatch.cli.main import cli


@pytest.fixture
def served(monkeypatch):
    """uvicorn.run replaced: records the app, host and port instead of serving."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


def test_serving_a_fresh_folder_runs_it_first_then_serves_its_database(served, example_dir):
    result = CliRunner().invoke(cli, ["serve", str(example_dir), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (example_dir / "ceasewatch.db").exists()
    assert "no database yet: running it once first" in result.stderr
    [(app, options)] = served
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    from fastapi.testclient import TestClient

    assert TestClient(app).get("/api/incidents").json()["total"] == 4  # the worked example, judged


def test_serving_a_folder_with_a_database_does_not_ingest(served, example_dir):
    CliRunner().invoke(cli, ["run", str(example_dir)])
    result = CliRunner().invoke(cli, ["serve", str(example_dir)])
    assert result.exit_code == 0, result.output
    assert "running it once" not in result.stderr and len(served) == 1


def test_serving_a_database_url_only_reads_it(served, tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "empty.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert served[0][1]["host"] == "0.0.0.0"


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert "Example:" in result.output and "ceasewatch serve examples/energy-moratorium-2025" in result.output
