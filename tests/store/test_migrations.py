"""Migrations: applied once, atomic, in step with tables.py, shipped with the package."""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys
import threading
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from ceasewatch.errors import StoreError
from ceasewatch.store import Store, schema
from ceasewatch.store.tables import metadata

from .samples import strike

ROOT = Path(__file__).resolve().parents[2]
TABLES = {table.name for table in metadata.sorted_tables}


def test_schema_head_constant_is_the_newest_migration():
    assert ScriptDirectory.from_config(schema.alembic_config()).get_current_head() == schema.SCHEMA_HEAD


def test_tables_module_matches_what_the_migrations_build(store_url):
    with Store.open(store_url) as store, store._read() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_opening_records_the_newest_revision(store_url):
    with Store.open(store_url) as store, store._read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == schema.SCHEMA_HEAD
        assert TABLES <= set(inspect(conn).get_table_names())


def test_opening_an_up_to_date_database_skips_alembic(store_url, monkeypatch):
    Store.open(store_url).close()

    def must_not_run(*args):
        raise AssertionError("Alembic ran on an up-to-date database")

    monkeypatch.setattr(schema, "_upgrade", must_not_run)
    with Store.open(store_url) as store:
        assert store.count_accounts() == 0


def test_a_migration_that_fails_leaves_no_table_behind(store_url, monkeypatch):
    real_upgrade = schema._upgrade

    def upgrade_then_fail(conn, found):
        real_upgrade(conn, found)
        raise StoreError("simulated failure after the last migration step")

    monkeypatch.setattr(schema, "_upgrade", upgrade_then_fail)
    with pytest.raises(StoreError, match="simulated failure"):
        Store.open(store_url)
    monkeypatch.undo()
    with Store.open(store_url) as store, store._read() as conn:
        # Reopening migrates from scratch: nothing was left half-built to trip over.
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_a_database_from_a_newer_ceasewatch_is_refused(store_url):
    with Store.open(store_url) as store, store._write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(StoreError, match="schema revision '0099' is unknown") as caught:
        Store.open(store_url)
    assert f"knows up to '{schema.SCHEMA_HEAD}'" in str(caught.value)


def test_downgrade_to_nothing_and_upgrade_again(store_url):
    with Store.open(store_url) as store:
        store.save_records([strike("a")])
        with store._write() as conn:
            command.downgrade(schema.alembic_config(connection=conn), "base")
        with store._read() as conn:
            assert not TABLES & set(inspect(conn).get_table_names())
    with Store.open(store_url) as store:
        assert store.count_accounts() == 0


def test_command_line_runs_alembic_without_an_ini_file(tmp_path):
    env = {**os.environ, "CEASEWATCH_DB": f"sqlite:///{tmp_path / 'cw.db'}"}
    run = [sys.executable, "-m", "ceasewatch.store.migrations"]
    subprocess.run([*run, "upgrade", "head"], env=env, check=True, capture_output=True)
    current = subprocess.run([*run, "current"], env=env, check=True, capture_output=True, text=True)
    assert f"{schema.SCHEMA_HEAD} (head)" in current.stdout
    with Store.open(env["CEASEWATCH_DB"]) as store:
        assert store.count_accounts() == 0


def test_every_migration_file_is_covered_by_package_data():
    package = ROOT / "src" / "ceasewatch"
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["ceasewatch"]
    folder = package / "store" / "migrations"
    files = [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert {"env.py", "script.py.mako", "0001_initial.py"} <= {p.name for p in files}
    for path in files:
        is_module = path.suffix == ".py" and (path.parent / "__init__.py").exists()
        relative = path.relative_to(package).as_posix()
        assert is_module or any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative


def test_two_stores_opening_a_new_database_at_once_migrate_it_once(store_url):
    barrier = threading.Barrier(3)

    def open_and_close():
        barrier.wait()
        Store.open(store_url).close()

    with ThreadPoolExecutor(3) as pool:
        for future in [pool.submit(open_and_close) for _ in range(3)]:
            future.result()
    with Store.open(store_url) as store, store._read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [schema.SCHEMA_HEAD]
