"""Positive (`perform`) commitments: fulfilled, pending or breached as of a moment."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Sequence

from ..model.agreement import Agreement, Commitment
from ..model.incident import Fulfilment
from ..model.interval import UTC
from ..model.verdict import PerformStatus


def perform_status(agreement: Agreement, records: Sequence[Fulfilment],
                   as_of: datetime | None = None) -> list[PerformStatus]:
    """Every perform commitment of every version (file order) as of `as_of` (default: now).

    "`fulfilled` when fulfilment records whose `end` ≤ min(`by`, T) add up to at least
    `quantity` for every party; else `breached` when T > `by`; else `pending`."
    """
    now = datetime.now(UTC) if as_of is None else as_of
    if now.tzinfo is None or now.utcoffset() != timedelta(0):
        raise ValueError(f"as_of must be an aware UTC datetime, got {as_of!r}")
    return [
        _status(key, c, records, now)
        for key, version in agreement.versions.items()
        for c in version.commitments
        if c.mode == "perform"
    ]


def _status(version: str, c: Commitment, records: Sequence[Fulfilment], now: datetime) -> PerformStatus:
    cutoff = now if c.by is None else min(c.by, now)
    # A record whose end is unknown cannot be shown to fall before the cutoff: it does not count.
    counted = [
        r for r in records
        if isinstance(r, Fulfilment) and r.kind == c.act and r.time.latest is not None and r.time.latest <= cutoff
    ]
    done = {party: sum(r.quantity_for(party) for r in counted) for party in c.parties}
    # No quantity written: one record of the act per party is enough.
    needed = 1 if c.quantity is None else c.quantity
    if all(n >= needed for n in done.values()):
        status = "fulfilled"
    elif c.by is not None and now > c.by:
        status = "breached"
    else:
        status = "pending"
    return PerformStatus(
        version=version,
        commitment=c.id,
        status=status,
        as_of=now,
        by=c.by,
        quantity=c.quantity,
        done=done,
        records=tuple(r.id for r in counted if any(r.quantity_for(p) for p in c.parties)),
    )
