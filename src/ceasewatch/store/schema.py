"""Bringing a database to the newest schema, through Alembic only when it is behind."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from ..errors import StoreError
from .connection import Connected

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions. Kept here so that opening an up-to-date
# database costs one query and no Alembic import; a test checks it against Alembic's head.
SCHEMA_HEAD = "0004"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# Any fixed number: PostgreSQL sessions that migrate at once take turns on this lock.
_MIGRATION_LOCK_KEY = 0x0CEA5E


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """An Alembic Config for ceasewatch's migrations, built in code (there is no alembic.ini)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # ConfigParser syntax
    config.attributes["connection"] = connection
    return config


def schema_revision(conn: Connection) -> str | None:
    """The revision Alembic recorded in the database, or None for a database without one."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def bring_to_head(store: Connected) -> None:
    """Upgrade the store's database to SCHEMA_HEAD; cheap when it is there already."""
    with store._read() as conn:
        if schema_revision(conn) == SCHEMA_HEAD:
            return
    with store._write() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
        # Another process may have migrated while this one waited for the lock.
        found = schema_revision(conn)
        if found != SCHEMA_HEAD:
            _upgrade(conn, found)


def _upgrade(conn: Connection, found: str | None) -> None:
    from alembic import command
    from alembic.util.exc import CommandError

    try:
        command.upgrade(alembic_config(connection=conn), "head")
    except CommandError as e:
        raise StoreError(
            f"its schema revision {found!r} is unknown to this ceasewatch, which knows up to {SCHEMA_HEAD!r}"
            f" (was it written by a newer ceasewatch?): {e}"
        ) from None
