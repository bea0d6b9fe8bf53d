"""Records and helpers the store tests share."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from ceasewatch.model import Incident, Interval
from ceasewatch.model.incident import Fulfilment
from ceasewatch.model.interval import UTC
from ceasewatch.store import Store
from ceasewatch.store.tables import metadata

T0 = datetime(2025, 3, 18, 18, 50, tzinfo=UTC)


def strike(incident_id: str, hours: float | None = 0, **fields: Any) -> dict[str, Any]:
    """An exchange-format strike record, `hours` after T0 (None: time unknown)."""
    time = Interval.unknown() if hours is None else Interval.exact(T0 + timedelta(hours=hours))
    fields.setdefault("actor", "RU")
    fields.setdefault("targets", ("energy.grid",))
    return Incident(id=incident_id, time=time, **fields).to_record()


def exchange(record_id: str, hours: float = 0) -> dict[str, Any]:
    """An exchange-format prisoner-exchange record."""
    return Fulfilment(record_id, "prisoner-exchange", ("RU", "UA"), 175, Interval.exact(T0 + timedelta(hours=hours))).to_record()


def contents(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: equal before and after a failed write."""
    with store._read() as conn:
        return {
            table.name: sorted(tuple(map(repr, row)) for row in conn.execute(select(table)))
            for table in metadata.sorted_tables
        }


def consolidated(store: Store) -> None:
    """Build the incidents from the stored accounts, as every ingest does."""
    from ceasewatch import Ceasewatch

    Ceasewatch(store).consolidate()


def save_incidents(store: Store, records: Any, **options: Any) -> Any:
    """Save records as accounts and build the incidents from them; the save's counts."""
    counts = store.save_records(records, **options)
    consolidated(store)
    return counts
