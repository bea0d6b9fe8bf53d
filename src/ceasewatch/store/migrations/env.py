"""Alembic's environment: migrate the connection Store hands over, or a URL from the command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from ceasewatch.store.tables import metadata


def migrate(connection: Connection) -> None:
    """Run the pending migrations on `connection`, inside its transaction if it has one."""
    # render_as_batch: SQLite cannot ALTER most things, so autogenerate writes batch
    # operations (copy the table, swap it in) that work on both backends.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def migrate_from_command_line(url: str) -> None:
    """Open `url` the way Store does (same SQLite settings) and migrate it in one transaction."""
    from ceasewatch.store.connection import Connected, open_engine, parse_url

    parsed = parse_url(url)
    engine = open_engine(parsed)
    try:
        with Connected(engine, parsed)._write() as connection:
            migrate(connection)
    finally:
        engine.dispose()


config = context.config
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif config.attributes.get("connection") is not None:
    migrate(config.attributes["connection"])
else:
    migrate_from_command_line(config.get_main_option("sqlalchemy.url"))
