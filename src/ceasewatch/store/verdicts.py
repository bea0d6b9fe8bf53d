"""Verdicts: the summary of each incident's verdict under each version of an agreement."""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from sqlalchemy import delete, select

from ..errors import NotFound, StoreError
from .connection import Connected, executemany
from .rows import VerdictRow
from .tables import agreements, verdicts

# Rows per executemany: keeps memory flat however many verdicts a call brings.
CHUNK_SIZE = 20_000

_UPSERT = (
    "INSERT INTO verdicts (agreement_id, agreement_revision, version, incident_id, verdict, reason, unknown,"
    " commitment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (agreement_id, version, incident_id) DO UPDATE SET"
    " agreement_revision = excluded.agreement_revision, verdict = excluded.verdict,"
    " reason = excluded.reason, unknown = excluded.unknown, commitment = excluded.commitment"
)


class VerdictStore(Connected):
    """Saving, reading and deleting verdicts; part of Store."""

    def save_verdicts(self, agreement_id: str, agreement_revision: int, rows: Iterable[VerdictRow]) -> int:
        """Store verdicts (replacing any for the same version and incident) in one transaction.

        `agreement_revision` must be the agreement's current revision: verdicts reached
        under an older text would be stale the moment they were stored. Returns the count.
        """
        written = 0
        with self._write() as conn:
            current = conn.execute(select(agreements.c.revision).where(agreements.c.id == agreement_id)).scalar()
            if current is None:
                raise NotFound(f"no agreement {agreement_id!r}: store it before its verdicts")
            if current != agreement_revision:
                raise StoreError(
                    f"verdicts for revision {agreement_revision} of agreement {agreement_id!r}, but its"
                    f" current revision is {current}: judge the incidents again"
                )
            rows = iter(rows)
            while batch := list(islice(rows, CHUNK_SIZE)):
                executemany(conn, _UPSERT, [
                    (agreement_id, agreement_revision, row.version, row.incident_id, row.verdict, row.reason,
                     ",".join(row.unknown) or None, row.commitment)
                    for row in batch
                ])
                written += len(batch)
        return written

    def forget_verdicts(self, agreement_id: str, incident_ids: list[str]) -> None:
        """Delete the verdicts of these incidents under one agreement, so they are judged again."""
        with self._write() as conn:
            conn.execute(delete(verdicts).where(
                verdicts.c.agreement_id == agreement_id, verdicts.c.incident_id.in_(incident_ids)
            ))

    def verdicts(self, agreement_id: str, version: str | None = None) -> Iterator[VerdictRow]:
        """Stored verdicts of an agreement (of one version, if given), by version then incident id."""
        v = verdicts.c
        query = select(v.incident_id, v.version, v.verdict, v.reason, v.unknown, v.commitment).where(
            v.agreement_id == agreement_id
        )
        if version is not None:
            query = query.where(v.version == version)
        with self._read() as conn:
            result = conn.execution_options(yield_per=5000).execute(query.order_by(v.version, v.incident_id))
            for row in result:
                yield VerdictRow(
                    incident_id=row.incident_id,
                    version=row.version,
                    verdict=row.verdict,
                    reason=row.reason,
                    unknown=tuple(row.unknown.split(",")) if row.unknown else (),
                    commitment=row.commitment,
                )

    def delete_verdicts(self, agreement_id: str) -> None:
        """Delete every verdict of an agreement (before judging it again from scratch)."""
        with self._write() as conn:
            conn.execute(delete(verdicts).where(verdicts.c.agreement_id == agreement_id))
