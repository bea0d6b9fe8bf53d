"""The database schema as SQLAlchemy Core tables, and how times are written in it.

This is the schema the newest migration produces; `tests/store` checks the two agree.
Times are ISO 8601 UTC text ('2025-03-18T18:50:00Z'): it sorts as time does and reads
the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Column,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)

from ..model.interval import UTC, format_utc, parse_instant


def key_text() -> Text:
    """Text for ids: byte order ("C" collation) on PostgreSQL, so ORDER BY matches SQLite."""
    return Text().with_variant(Text(collation="C"), "postgresql")


metadata = MetaData()

agreements = Table(
    "agreements",
    metadata,
    Column("id", key_text(), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("title", Text),
    Column("source_name", Text, nullable=False),
    Column("stored_at", Text, nullable=False),
)

agreement_revisions = Table(
    "agreement_revisions",
    metadata,
    Column("agreement_id", key_text(), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("title", Text),
    Column("source_name", Text, nullable=False),
    Column("source_text", Text, nullable=False),
    Column("stored_at", Text, nullable=False),
    PrimaryKeyConstraint("agreement_id", "revision"),
    ForeignKeyConstraint(["agreement_id"], ["agreements.id"]),
)

agreement_files = Table(
    "agreement_files",
    metadata,
    Column("agreement_id", key_text(), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("path", key_text(), nullable=False),
    Column("content", LargeBinary, nullable=False),
    PrimaryKeyConstraint("agreement_id", "revision", "path"),
    ForeignKeyConstraint(
        ["agreement_id", "revision"], ["agreement_revisions.agreement_id", "agreement_revisions.revision"]
    ),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", key_text(), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("actor", Text),
    Column("start_utc", Text),
    Column("end_utc", Text),
    Column("country", Text),
    Column("admin1_code", Text),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Text),
    Column("targets", Text),  # taxonomy codes joined with ';', NULL when there are none
    Column("record", Text, nullable=False),  # the whole exchange-format record, canonical JSON
    Column("source_file", Text),
    Column("source_line", Integer),
    Column("stored_at", Text, nullable=False),
    Index("ix_incidents_start_utc", "start_utc"),
    Index("ix_incidents_actor", "actor"),
    Index("ix_incidents_kind", "kind"),
)

incident_history = Table(
    "incident_history",
    metadata,
    Column("incident_id", key_text(), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("source_file", Text),
    Column("source_line", Integer),
    Column("stored_at", Text, nullable=False),
    PrimaryKeyConstraint("incident_id", "revision"),
    ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
)

ingested_files = Table(
    "ingested_files",
    metadata,
    Column("path", key_text(), nullable=False),
    Column("content_hash", Text, nullable=False),
    Column("stored_at", Text, nullable=False),
    PrimaryKeyConstraint("path", "content_hash"),
)

verdicts = Table(
    "verdicts",
    metadata,
    Column("agreement_id", key_text(), nullable=False),
    Column("agreement_revision", Integer, nullable=False),
    Column("version", key_text(), nullable=False),
    Column("incident_id", key_text(), nullable=False),
    Column("verdict", Text, nullable=False),
    Column("reason", Text),
    Column("unknown", Text),  # test names joined with ',', NULL when none was unknown
    Column("commitment", Text),
    PrimaryKeyConstraint("agreement_id", "version", "incident_id"),
    ForeignKeyConstraint(["agreement_id"], ["agreements.id"]),
    ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
    Index("ix_verdicts_agreement_verdict", "agreement_id", "verdict"),
    # Serves "delete this incident's verdicts" on a revision and "which incidents have
    # no verdict yet"; the primary key cannot, as `version` sits between its columns.
    Index("ix_verdicts_incident", "incident_id", "agreement_id"),
)

reports = Table(
    "reports",
    metadata,
    Column("id", key_text(), primary_key=True),
    Column("source", Text),
    Column("url", Text),
    Column("published", Text),
    Column("title", Text),
    Column("language", Text),
    Column("text", Text, nullable=False),
    Column("stored_at", Text, nullable=False),
)


def time_from_text(text: str) -> datetime:
    """Stored time text back to an aware UTC datetime."""
    return parse_instant(text)


def now_text() -> str:
    """The current time as stored text."""
    return format_utc(datetime.now(UTC))
