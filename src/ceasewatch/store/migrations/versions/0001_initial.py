"""The first schema: agreements, incidents, verdicts, ingested files and reports.

Revision ID: 0001
Revises:
Created: 2025-11-28

Written out in full rather than imported from tables.py: a migration is a snapshot and
must not change when tables.py does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def key() -> sa.Text:
    """Text for ids, compared byte by byte on PostgreSQL as on SQLite."""
    return sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def upgrade() -> None:
    """Create every table."""
    op.create_table(
        "agreements",
        sa.Column("id", key(), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("stored_at", sa.Text, nullable=False),
    )
    op.create_table(
        "agreement_revisions",
        sa.Column("agreement_id", key(), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("stored_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("agreement_id", "revision"),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"]),
    )
    op.create_table(
        "agreement_files",
        sa.Column("agreement_id", key(), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("path", key(), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("agreement_id", "revision", "path"),
        sa.ForeignKeyConstraint(
            ["agreement_id", "revision"], ["agreement_revisions.agreement_id", "agreement_revisions.revision"]
        ),
    )
    op.create_table(
        "incidents",
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
    )
    op.create_index("ix_incidents_start_utc", "incidents", ["start_utc"])
    op.create_index("ix_incidents_actor", "incidents", ["actor"])
    op.create_index("ix_incidents_kind", "incidents", ["kind"])
    op.create_table(
        "incident_history",
        sa.Column("incident_id", key(), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("source_file", sa.Text),
        sa.Column("source_line", sa.Integer),
        sa.Column("stored_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("incident_id", "revision"),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
    )
    op.create_table(
        "ingested_files",
        sa.Column("path", key(), nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("stored_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("path", "content_hash"),
    )
    op.create_table(
        "verdicts",
        sa.Column("agreement_id", key(), nullable=False),
        sa.Column("agreement_revision", sa.Integer, nullable=False),
        sa.Column("version", key(), nullable=False),
        sa.Column("incident_id", key(), nullable=False),
        sa.Column("verdict", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("unknown", sa.Text),
        sa.Column("commitment", sa.Text),
        sa.PrimaryKeyConstraint("agreement_id", "version", "incident_id"),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"]),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
    )
    op.create_index("ix_verdicts_agreement_verdict", "verdicts", ["agreement_id", "verdict"])
    op.create_index("ix_verdicts_incident", "verdicts", ["incident_id", "agreement_id"])
    op.create_table(
        "reports",
        sa.Column("id", key(), primary_key=True),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("stored_at", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop every table, children first."""
    for table in (
        "reports", "verdicts", "ingested_files", "incident_history", "incidents",
        "agreement_files", "agreement_revisions", "agreements",
    ):
        op.drop_table(table)
