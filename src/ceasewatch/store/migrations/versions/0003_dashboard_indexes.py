"""Indexes for the dashboard's lists, filters and map (issue 5).

Revision ID: 0003
Revises: 0002
Created: 2025-11-28

A list page finds its ids on an index (kind, the start time with unknown starts last,
then id; or the same per actor) and reads only the records shown; the verdict filter finds
its incidents on (agreement, version, verdict); region-level incidents are grouped by
admin1_code; the map reads its columns from two covering indexes. The start key is an
expression, not start_utc itself, so that the plans of the pipeline's own record streams
(ordered by start_utc) stay as they were.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

START_KEY = "coalesce(start_utc, '9999-12-31T23:59:59Z')"

INDEXES = {
    "ix_incidents_kind_start_key": ("incidents", ["kind", START_KEY, "id"]),
    "ix_incidents_kind_actor_start_key": ("incidents", ["kind", "actor", START_KEY, "id"]),
    "ix_incidents_admin1_code": ("incidents", ["admin1_code"]),
    "ix_verdicts_version_verdict": ("verdicts", ["agreement_id", "version", "verdict", "incident_id"]),
    # Cover what the map reads of every incident and of every verdict of one version.
    "ix_incidents_map": ("incidents", ["kind", "geo_precision", "lat", "lon", "admin1_code", "id"]),
    "ix_verdicts_shown": ("verdicts", ["agreement_id", "version", "incident_id", "verdict", "reason"]),
}


def upgrade() -> None:
    """Create the dashboard's indexes."""
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, [sa.text(c) if "(" in c else c for c in columns])


def downgrade() -> None:
    """Drop them again."""
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
