"""Consolidation: each report's account apart from the incidents they are merged into (issue 4).

Revision ID: 0004
Revises: 0003
Created: 2026-11-28

Until now each stored record was an incident. From here a stored record is an *account*:
what one report or one feed row says happened. Consolidation groups the accounts that
describe the same strike into one incident (docs/consolidation.md), so:

- `accounts` and `account_history` take over what `incidents` and `incident_history`
  held, revisions and all; an account names the report it came from (`report`) and that
  report's outlet (`outlet`). `report_incidents` is folded into `accounts.report`.
- `incidents` keeps its columns (every reader stays as it was) and gains the grade, the
  number of accounts, and `consolidation` (JSON: accounts, sources, disagreements,
  corrections). `basis` is a hash of everything an incident was built from, so a
  consolidation rebuilds only the incidents whose inputs changed.
- `incident_accounts` says which incident each account is in, and the account's content
  hash when it was put there (an account whose hash differs has changed since).
- `analyst_log` is the append-only audit log of the analyst's corrections.
- `store_state` keeps small named values: the source registry, and whether the incidents
  must be consolidated again.

The incidents and verdicts stored before are emptied: they are rebuilt from the accounts by
the next consolidation, which `store_state` asks for.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

RECORD_COLUMNS = (
    "id, revision, content_hash, kind, actor, start_utc, end_utc, country, admin1_code, place, lat, lon,"
    " geo_precision, targets, record, source_file, source_line, stored_at"
)


def key() -> sa.Text:
    """Text for ids, compared byte by byte on PostgreSQL as on SQLite."""
    return sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def upgrade() -> None:
    """Move records to accounts, add the consolidation tables, empty the incidents."""
    op.create_table(
        "accounts",
        sa.Column("id", key(), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("actor", sa.Text),
        sa.Column("start_utc", sa.Text),
        sa.Column("end_utc", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("admin1_code", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Text),
        sa.Column("targets", sa.Text),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("source_file", sa.Text),
        sa.Column("source_line", sa.Integer),
        sa.Column("stored_at", sa.Text, nullable=False),
        sa.Column("report", key()),
        sa.Column("outlet", sa.Text),
        sa.ForeignKeyConstraint(["report"], ["reports.id"]),
    )
    op.create_index("ix_accounts_report", "accounts", ["report"])
    # Incremental consolidation looks for an account's neighbours by start time, kind and place.
    op.create_index("ix_accounts_near", "accounts", ["start_utc", "kind", "lat", "lon", "admin1_code"])
    op.create_table(
        "account_history",
        sa.Column("account_id", key(), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("source_file", sa.Text),
        sa.Column("source_line", sa.Integer),
        sa.Column("stored_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("account_id", "revision"),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"]),
    )
    op.execute(
        f"INSERT INTO accounts ({RECORD_COLUMNS}, report, outlet)"
        f" SELECT {RECORD_COLUMNS},"
        " (SELECT min(l.report_id) FROM report_incidents l WHERE l.incident_id = incidents.id),"
        " (SELECT min(r.source) FROM report_incidents l JOIN reports r ON r.id = l.report_id"
        "  WHERE l.incident_id = incidents.id)"
        " FROM incidents"
    )
    op.execute(
        "INSERT INTO account_history (account_id, revision, content_hash, record, source_file, source_line, stored_at)"
        " SELECT incident_id, revision, content_hash, record, source_file, source_line, stored_at FROM incident_history"
    )
    op.drop_table("report_incidents")
    for table in ("verdicts", "incident_history", "incidents"):
        op.execute(f"DELETE FROM {table}")

    op.add_column("incidents", sa.Column("grade", sa.Text))
    op.add_column("incidents", sa.Column("account_count", sa.Integer))
    op.add_column("incidents", sa.Column("basis", sa.Text))
    op.add_column("incidents", sa.Column("consolidation", sa.Text))
    op.create_index("ix_incidents_grade", "incidents", ["grade"])

    op.create_table(
        "incident_accounts",
        sa.Column("account_id", key(), primary_key=True),
        sa.Column("incident_id", key(), nullable=False),
        sa.Column("account_hash", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"]),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
    )
    op.create_index("ix_incident_accounts_incident", "incident_accounts", ["incident_id"])
    op.create_table(
        "analyst_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("incident_id", key(), nullable=False),
        sa.Column("accounts", sa.Text, nullable=False),
        sa.Column("field", sa.Text),
        sa.Column("agreement_id", key()),
        sa.Column("version", key()),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_analyst_log_incident", "analyst_log", ["incident_id"])
    op.create_table(
        "store_state",
        sa.Column("name", key(), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.execute("INSERT INTO store_state (name, value) VALUES ('consolidation', 'stale')")


def downgrade() -> None:
    """Back to one record per account: the accounts become the incidents again (verdicts are re-judged)."""
    for table in ("verdicts", "incident_accounts", "incident_history"):
        op.execute(f"DELETE FROM {table}")
    op.execute("DELETE FROM incidents")
    op.drop_index("ix_incidents_grade", table_name="incidents")
    for name in ("consolidation", "basis", "account_count", "grade"):
        # Plain ALTER (SQLite 3.35+): a batch rebuild would lose 0003's expression indexes.
        op.execute(f"ALTER TABLE incidents DROP COLUMN {name}")
    op.execute(f"INSERT INTO incidents ({RECORD_COLUMNS}) SELECT {RECORD_COLUMNS} FROM accounts")
    op.execute(
        "INSERT INTO incident_history (incident_id, revision, content_hash, record, source_file, source_line, stored_at)"
        " SELECT account_id, revision, content_hash, record, source_file, source_line, stored_at FROM account_history"
    )
    op.create_table(
        "report_incidents",
        sa.Column("report_id", key(), nullable=False),
        sa.Column("incident_id", key(), nullable=False),
        sa.PrimaryKeyConstraint("report_id", "incident_id"),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"]),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
    )
    op.create_index("ix_report_incidents_incident", "report_incidents", ["incident_id"])
    op.execute("INSERT INTO report_incidents (report_id, incident_id) SELECT report, id FROM accounts WHERE report IS NOT NULL")
    for table in ("store_state", "analyst_log", "incident_accounts", "account_history", "accounts"):
        op.drop_table(table)
