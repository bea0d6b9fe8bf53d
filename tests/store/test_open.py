"""Opening a store: the URL forms, bad URLs, SQLite's settings, closing."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ceasewatch.errors import StoreError
from ceasewatch.store import Store
from ceasewatch.store.connection import parse_url

from .conftest import postgres_base_url
from .samples import save_incidents, strike


def test_sqlite_url_creates_the_file_and_keeps_data_across_opens(tmp_path):
    path = tmp_path / "cw.db"
    with Store.open(f"sqlite:///{path}") as store:
        save_incidents(store, [strike("a")])
    assert path.is_file()
    with Store.open(f"sqlite:///{path}") as store:
        assert store.count_records() == 1


def test_bare_path_is_a_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store.open("relative.db") as store:
        save_incidents(store, [strike("a")])
        assert store.url == "sqlite:///relative.db"
    assert (tmp_path / "relative.db").is_file()


def test_in_memory_url_shares_one_database_between_connections():
    with Store.open("sqlite://") as store:
        save_incidents(store, [strike("a")])
        # A second connection checked out at the same time sees the same database.
        with store._read() as first, store._read() as second:
            assert first.execute(text("SELECT count(*) FROM incidents")).scalar() == 1
            assert second.execute(text("SELECT count(*) FROM incidents")).scalar() == 1


def test_sqlite_file_uses_wal_foreign_keys_normal_sync_and_a_busy_timeout(tmp_path):
    with Store.open(str(tmp_path / "cw.db")) as store, store._read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_a_write_is_visible_to_another_store_on_the_same_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    with Store.open(url) as reader, Store.open(url) as writer:
        assert reader.count_records() == 0
        save_incidents(writer, [strike("a")])
        assert reader.count_records() == 1


def test_reading_while_writing_on_the_same_store(store):
    # The judging loop streams records and stores what it found before the stream ends.
    save_incidents(store, [strike(f"i{n}", hours=n) for n in range(5)])
    stream = store.records()
    assert next(stream)["id"] == "i0"
    save_incidents(store, [strike("late", hours=99)])
    assert [r["id"] for r in stream] == ["i1", "i2", "i3", "i4"]  # the stream's own snapshot
    assert store.count_records() == 6


@pytest.mark.parametrize("scheme", ["postgresql", "postgresql+psycopg"])
def test_postgresql_urls_open_with_psycopg(scheme, postgres_url):
    url = make_url(postgres_url).set(drivername=scheme).render_as_string(hide_password=False)
    with Store.open(url) as store:
        assert store.url.startswith("postgresql+psycopg://")
        save_incidents(store, [strike("a")])
        assert store.count_records() == 1


def test_unreachable_server_is_a_store_error_naming_the_url_without_its_password():
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://monitor:s3cret@127.0.0.1:1/ceasewatch")
    message = str(caught.value)
    assert "postgresql://monitor:***@127.0.0.1:1/ceasewatch" in message
    assert "s3cret" not in message


def test_missing_postgresql_database_is_a_store_error_naming_it():
    url = postgres_base_url().rsplit("/", 1)[0] + "/no_such_database_here"
    with pytest.raises(StoreError, match="no_such_database_here"):
        Store.open(url)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("", "empty database URL"),
        ("   ", "empty database URL"),
        ("mysql://root:pw@localhost/cw", "unsupported database URL mysql://root:***@localhost/cw"),
        ("http://example.com/cw", "unsupported database URL http://example.com/cw"),
        ("postgresql+asyncpg://u@h/db", "unsupported PostgreSQL driver 'asyncpg' in postgresql+asyncpg://u@h/db"),
        ("postgresql://u:pw@host:notaport/db", "not a database URL: postgresql://u:***@host:notaport/db"),
        (":::// nonsense", "not a database URL: :::// nonsense"),
    ],
)
def test_bad_urls_are_store_errors_that_name_them_without_passwords(url, expected):
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    assert expected in str(caught.value)
    assert ":pw@" not in str(caught.value)


def test_file_in_a_missing_folder_is_a_store_error_naming_the_url(tmp_path):
    missing = tmp_path / "no" / "such" / "folder" / "cw.db"
    with pytest.raises(StoreError, match="does not exist") as caught:
        Store.open(f"sqlite:///{missing}")
    assert str(missing) in str(caught.value)
    assert not missing.parent.exists()


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open") as caught:
        Store.open(str(path))
    assert str(path) in str(caught.value)


def test_url_property_hides_the_password():
    url = parse_url("postgresql://monitor:s3cret@db.example/ceasewatch")
    unopened = Store(create_engine(url), url)  # create_engine does not connect
    assert unopened.url == "postgresql+psycopg://monitor:***@db.example/ceasewatch"


def test_closing_the_store_checkpoints_and_removes_the_wal_file(tmp_path):
    path = tmp_path / "cw.db"
    with Store.open(str(path)) as store:
        save_incidents(store, [strike("a")])
        assert path.with_name("cw.db-wal").exists()
    assert not path.with_name("cw.db-wal").exists()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM incidents").fetchone() == (1,)
