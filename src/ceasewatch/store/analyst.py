"""The analyst's audit log (append-only) and the store's small named values.

The log is never updated or deleted from: a correction undone is a new entry. The named
values hold the source registry the incidents were graded with, so that re-running
consolidation later grades the same way without the file at hand.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select

from ..consolidate.corrections import LogEntry
from .connection import Connected
from .tables import analyst_log, now_text, store_state

REGISTRY_KEY = "sources.registry"  # the registry file's text
REGISTRY_NAME_KEY = "sources.name"  # the file it was read from
CONSOLIDATION_OWED = "consolidation"  # 'stale' when a consolidation is owed (after migration 0004, ingest --defer)
CONSOLIDATED = "consolidation.stamp"  # what the incidents were last built from: accounts' token, log, registry, rules


class AnalystStore(Connected):
    """The audit log and the named values; part of Store."""

    def append_log(self, entry: LogEntry) -> LogEntry:
        """Add one entry (its seq and time are given by the store); the stored entry."""
        at = now_text()
        values = {
            "at": at, "by": entry.by, "action": entry.action, "incident_id": entry.incident_id,
            "accounts": json.dumps(list(entry.accounts)), "field": entry.field,
            "agreement_id": entry.agreement_id, "version": entry.version,
            "before": _json(entry.before), "after": _json(entry.after), "reason": entry.reason,
        }
        with self._write() as conn:
            seq = conn.execute(insert(analyst_log).values(**values).returning(analyst_log.c.seq)).scalar_one()
        return LogEntry(seq, at, entry.by, entry.action, entry.incident_id, entry.accounts, entry.reason,
                        entry.field, entry.before, entry.after, entry.agreement_id, entry.version)

    def analyst_log(self) -> list[LogEntry]:
        """Every entry, oldest first."""
        with self._read() as conn:
            rows = conn.execute(select(analyst_log).order_by(analyst_log.c.seq)).all()
        return [_entry(row) for row in rows]

    def state(self, name: str) -> str | None:
        """A named value, or None."""
        with self._read() as conn:
            return conn.execute(select(store_state.c.value).where(store_state.c.name == name)).scalar()

    def set_state(self, values: dict[str, str | None]) -> None:
        """Set (or, with None, remove) named values, in one transaction."""
        with self._write() as conn:
            for name, value in values.items():
                conn.execute(store_state.delete().where(store_state.c.name == name))
                if value is not None:
                    conn.execute(insert(store_state).values(name=name, value=value))


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


def _entry(row: Any) -> LogEntry:
    return LogEntry(
        seq=row.seq, at=row.at, by=row.by, action=row.action, incident_id=row.incident_id,
        accounts=tuple(json.loads(row.accounts)), reason=row.reason, field=row.field,
        before=json.loads(row.before) if row.before is not None else None,
        after=json.loads(row.after) if row.after is not None else None,
        agreement_id=row.agreement_id, version=row.version,
    )
