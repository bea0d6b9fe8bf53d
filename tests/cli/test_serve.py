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


def test_several_workers_get_the_app_factory_and_the_database_with_its_password(served, tmp_path, monkeypatch):
    monkeypatch.setenv("CEASEWATCH_DB", "elsewhere.db")  # restored after the test; serve overwrites it
    database = str(tmp_path / "several.db")
    result = CliRunner().invoke(cli, ["serve", "--db", database, "--workers", "3"])
    assert result.exit_code == 0, result.output
    [(app, options)] = served
    assert app == "ceasewatch.web.app:app_from_env" and options["factory"] is True and options["workers"] == 3
    import os

    assert os.environ["CEASEWATCH_DB"] == database


def test_zero_workers_is_refused(served, tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--workers", "0"])
    assert result.exit_code == 2 and not served


def test_two_workers_start_answer_and_stop_cleanly(tmp_path):
    """A real server with two processes on 127.0.0.1 (each builds its app from CEASEWATCH_DB)."""
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(Path(sys.executable).parent / "ceasewatch"), "serve", "--db", str(tmp_path / "served.db"),
               "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline, answer = time.monotonic() + 20, None
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/incidents", timeout=1)
            except httpx.HTTPError:
                time.sleep(0.1)
        assert answer is not None, "no answer within 20 s" if server.poll() is None else server.stderr.read()
        assert answer.status_code == 200 and answer.json()["total"] == 0
    finally:
        server.terminate()
        code = server.wait(10)
    assert code == 0
