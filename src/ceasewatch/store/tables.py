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
    func,
    literal_column,
)

from ..model.interval import UTC, format_utc, parse_instant


def key_text() -> Text:
    """Text for ids: byte order ("C" collation) on PostgreSQL, so ORDER BY matches SQLite."""
    return Text().with_variant(Text(collation="C"), "postgresql")


metadata = MetaData()


def history_columns(key: str, parent: str) -> list:
    """The columns of a history table: the earlier revisions of the records of `parent`."""
    return [
        Column(key, key_text(), nullable=False),
        Column("revision", Integer, nullable=False),
        Column("content_hash", Text, nullable=False),
        Column("record", Text, nullable=False),
        Column("source_file", Text),
        Column("source_line", Integer),
        Column("stored_at", Text, nullable=False),
        PrimaryKeyConstraint(key, "revision"),
        ForeignKeyConstraint([key], [f"{parent}.id"]),
    ]


def record_columns() -> list[Column]:
    """The columns of a revised record table: incidents, and the accounts they are built from."""
    return [
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
    ]

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
    *record_columns(),
    # Added by consolidation (migration 0004): see docs/consolidation.md.
    Column("grade", Text),
    Column("account_count", Integer),
    Column("basis", Text),  # hash of what the incident was built from: accounts, corrections, sources
    Column("consolidation", Text),  # JSON: accounts, sources, disagreements, corrections
    Index("ix_incidents_start_utc", "start_utc"),
    Index("ix_incidents_actor", "actor"),
    Index("ix_incidents_kind", "kind"),
)

incident_history = Table("incident_history", metadata, *history_columns("incident_id", "incidents"))

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

claims = Table(
    "claims",
    metadata,
    Column("id", key_text(), primary_key=True),
    Column("report", key_text(), nullable=False),
    Column("position", Integer, nullable=False),  # its order among its report's claims
    Column("kind", Text, nullable=False),
    Column("speaker", Text),
    Column("source", Text),
    Column("quantity", Integer),
    Column("qualifier", Text),
    Column("unit", Text),
    Column("weapon", Text),
    Column("weapon_model", Text),
    Column("actor", Text),
    Column("start_utc", Text),
    Column("end_utc", Text),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),  # the whole claim, exchange-format JSON
    ForeignKeyConstraint(["report"], ["reports.id"]),
    Index("ix_claims_report", "report", "position"),
)

# What each report or feed row says happened (migration 0004): one account each. The
# incidents above are built from them by consolidation.
accounts = Table(
    "accounts",
    metadata,
    *record_columns(),
    Column("report", key_text()),  # the report it was extracted from; NULL for a feed row
    Column("outlet", Text),  # that report's source
    ForeignKeyConstraint(["report"], ["reports.id"]),
    Index("ix_accounts_report", "report"),
    Index("ix_accounts_near", "start_utc", "kind", "lat", "lon", "admin1_code"),
)

account_history = Table("account_history", metadata, *history_columns("account_id", "accounts"))

incident_accounts = Table(
    "incident_accounts",
    metadata,
    Column("account_id", key_text(), primary_key=True),
    Column("incident_id", key_text(), nullable=False),
    Column("account_hash", Text, nullable=False),  # the account's content hash when it was grouped
    ForeignKeyConstraint(["account_id"], ["accounts.id"]),
    ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
    Index("ix_incident_accounts_incident", "incident_id"),
)

# The analyst's corrections, append-only: rows are added, never changed or deleted.
analyst_log = Table(
    "analyst_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("by", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("incident_id", key_text(), nullable=False),  # as it was called when the change was made
    Column("accounts", Text, nullable=False),  # JSON list: the accounts the change is anchored on
    Column("field", Text),
    Column("agreement_id", key_text()),
    Column("version", key_text()),
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("reason", Text, nullable=False),
    Index("ix_analyst_log_incident", "incident_id"),
)

store_state = Table(
    "store_state",
    metadata,
    Column("name", key_text(), primary_key=True),
    Column("value", Text, nullable=False),
)


# The dashboard's indexes (migration 0003). Lists sort by START_KEY, the start time with
# unknown starts last; indexing that expression (rather than start_utc itself) leaves the
# plans of the pipeline's own record streams as they were.
START_KEY = func.coalesce(incidents.c.start_utc, literal_column("'9999-12-31T23:59:59Z'"))
Index("ix_incidents_kind_start_key", incidents.c.kind, START_KEY, incidents.c.id)
Index("ix_incidents_kind_actor_start_key", incidents.c.kind, incidents.c.actor, START_KEY, incidents.c.id)
Index("ix_incidents_admin1_code", incidents.c.admin1_code)
Index("ix_incidents_grade", incidents.c.grade)
Index(
    "ix_verdicts_version_verdict",
    verdicts.c.agreement_id, verdicts.c.version, verdicts.c.verdict, verdicts.c.incident_id,
)
Index("ix_incidents_map", *(incidents.c[name] for name in ("kind", "geo_precision", "lat", "lon", "admin1_code", "id")))
Index("ix_verdicts_shown", *(verdicts.c[name] for name in ("agreement_id", "version", "incident_id", "verdict", "reason")))


def time_from_text(text: str) -> datetime:
    """Stored time text back to an aware UTC datetime."""
    return parse_instant(text)


def now_text() -> str:
    """The current time as stored text."""
    return format_utc(datetime.now(UTC))
