"""Opening a database: the URL forms accepted, SQLite's settings, and write transactions."""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError

# Long enough to ride out another process's write (an ingest beside a running API), short
# enough that a stuck writer surfaces as an error rather than a hang.
SQLITE_BUSY_TIMEOUT_MS = 10_000

_POSTGRES_SCHEMES = ("postgresql", "postgres")
_PASSWORD_IN_URL = re.compile(r"(://[^:/@]*:)[^@]*@")


def redact(url: str) -> str:
    """The URL as it may be shown to people: any password replaced by ***."""
    return _PASSWORD_IN_URL.sub(r"\1***@", url)


def parse_url(text: str) -> URL:
    """The SQLAlchemy URL for a database URL or a bare SQLite file path; StoreError if none fits."""
    text = text.strip()
    if not text:
        raise StoreError("empty database URL (use sqlite:///path/to.db or postgresql://user@host/db)")
    if "://" not in text:
        return URL.create("sqlite", database=text)
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as e:
        raise StoreError(f"not a database URL: {redact(text)} ({e})") from None
    backend, _, driver = url.drivername.partition("+")
    if backend in _POSTGRES_SCHEMES:
        if driver not in ("", "psycopg"):
            raise StoreError(f"unsupported PostgreSQL driver {driver!r} in {redact(text)}: use postgresql://…")
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return url.set(drivername="sqlite")
    raise StoreError(f"unsupported database URL {redact(text)}: use sqlite:///path/to.db or postgresql://…")


def shown_url(url: URL) -> str:
    """A parsed URL as text, password hidden."""
    return url.render_as_string(hide_password=True)


def is_memory(url: URL) -> bool:
    """True for an in-memory SQLite database."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def open_engine(url: URL) -> Engine:
    """An engine for `url`, with ceasewatch's SQLite settings; StoreError if its folder is missing."""
    if url.get_backend_name() != "sqlite":
        return create_engine(url)
    if is_memory(url):
        # One connection shared by every caller: each new one would be a new, empty database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        folder = Path(url.database).expanduser().absolute().parent
        if not folder.is_dir():
            raise StoreError(f"folder {folder} does not exist")
        engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _configure_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite would open transactions on its own (and not before a SELECT); instead
    # Connected._write issues BEGIN IMMEDIATE, and reads run without a transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses at most the last commit
    cursor.close()


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL (it stays so), waiting while another connection holds it."""
    # Switching needs the file to itself and fails at once, not after busy_timeout, when
    # others have it open: as when several processes open a new database together.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] not in ("wal", "memory"):
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class Connected:
    """What every part of Store shares: the engine, its URL, and transactions."""

    def __init__(self, engine: Engine, url: URL):
        self._engine = engine
        self._url = url
        self._dbapi_error: type[Exception] = engine.dialect.loaded_dbapi.Error

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return shown_url(self._url)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._errors_named(), self._engine.connect() as conn:
            # Begun explicitly: writes that go straight to the driver's cursor would not
            # start SQLAlchemy's transaction, and commit() would then commit nothing.
            transaction = conn.begin()
            if conn.dialect.name == "sqlite":
                # Take the write lock now: a deferred transaction that reads, then writes,
                # fails with "database is locked" if another writer got in between.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                transaction.rollback()
                raise
            transaction.commit()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection for reading; each statement sees committed data."""
        with self._errors_named(), self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _errors_named(self) -> Iterator[None]:
        try:
            yield
        except (SQLAlchemyError, self._dbapi_error) as e:
            reason = getattr(e, "orig", None) or e
            raise StoreError(f"database error on {self.url}: {reason}") from e


def fetch_rows(conn: Connection, sql: str, params: Sequence[Any]) -> list[tuple]:
    """Rows of one query (written with ? placeholders), straight through the driver."""
    cursor = conn.connection.cursor()
    try:
        cursor.execute(_driver_sql(conn, sql), params)
        return cursor.fetchall()
    finally:
        cursor.close()


def executemany(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run `sql` (written with ? placeholders) once per row, straight through the driver.

    Used for bulk writes: SQLAlchemy's per-row parameter processing costs more than
    the insert itself at a million rows, and these rows are plain str/int/float/bytes.
    """
    if not rows:
        return
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(_driver_sql(conn, sql), rows)
    finally:
        cursor.close()


def _driver_sql(conn: Connection, sql: str) -> str:
    # sqlite3 takes ? placeholders, psycopg %s; the SQL given here never holds a literal ? or %.
    return sql if conn.dialect.paramstyle == "qmark" else sql.replace("?", "%s")
