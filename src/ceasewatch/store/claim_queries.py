"""Reading stored claims across every report, by kind (counts side by side, issue 4)."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from sqlalchemy import select

from ..model import Claim
from .connection import Connected
from .tables import claims

# Claims fetched per round: a stream never holds the whole table in memory.
_STREAM_ROWS = 2000


class ClaimQueryStore(Connected):
    """Claims of every report, streamed; part of Store."""

    def claims_of_kinds(self, kinds: Iterable[str]) -> Iterator[Claim]:
        """Every stored claim whose kind is one of `kinds`, by claim id, a chunk at a time."""
        wanted = sorted(set(kinds))
        if not wanted:
            return
        after = ""
        while True:
            # Keyset paging on the primary key: each round is a short read of its own.
            query = (
                select(claims.c.id, claims.c.record)
                .where(claims.c.kind.in_(wanted), claims.c.id > after)
                .order_by(claims.c.id)
                .limit(_STREAM_ROWS)
            )
            with self._read() as conn:
                rows = conn.execute(query).all()
            for row in rows:
                yield Claim.from_record(json.loads(row.record))
            if len(rows) < _STREAM_ROWS:
                return
            after = rows[-1].id
