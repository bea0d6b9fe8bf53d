"""Claims, and which reports each incident came from.

Revision ID: 0002
Revises: 0001
Created: 2025-12-02

`claims`: what a report asserts that is not a located incident (spec: incidents.md,
"Claim"), one row per claim with the whole record as JSON. `report_incidents`: the reports
each incident or fulfilment record was extracted from, so an incident's reports can be
listed (and consolidation can merge incidents across reports).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def key() -> sa.Text:
    """Text for ids, compared byte by byte on PostgreSQL as on SQLite."""
    return sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def upgrade() -> None:
    """Create the claims and report_incidents tables."""
    op.create_table(
        "claims",
        sa.Column("id", key(), primary_key=True),
        sa.Column("report", key(), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("quantity", sa.Integer),
        sa.Column("qualifier", sa.Text),
        sa.Column("unit", sa.Text),
        sa.Column("weapon", sa.Text),
        sa.Column("weapon_model", sa.Text),
        sa.Column("actor", sa.Text),
        sa.Column("start_utc", sa.Text),
        sa.Column("end_utc", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["report"], ["reports.id"]),
    )
    op.create_index("ix_claims_report", "claims", ["report", "position"])
    op.create_table(
        "report_incidents",
        sa.Column("report_id", key(), nullable=False),
        sa.Column("incident_id", key(), nullable=False),
        sa.PrimaryKeyConstraint("report_id", "incident_id"),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"]),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
    )
    op.create_index("ix_report_incidents_incident", "report_incidents", ["incident_id"])


def downgrade() -> None:
    """Drop the two tables."""
    op.drop_table("report_incidents")
    op.drop_table("claims")
