"""What consolidation knows of an account before reading its whole record.

Clustering needs only a few columns of each account (kind, actor, time, place, targets),
so it can run over hundreds of thousands of accounts without loading their evidence.
Times are seconds since the epoch (UTC): cheap to compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ..model.place import PRECISIONS

# Most precise first; an account's place is only as good as its precision.
PRECISION_RANK = {name: rank for rank, name in enumerate((*PRECISIONS, "unknown"))}
LOCATED = frozenset({"point", "settlement", "district"})  # have coordinates worth comparing


@dataclass(frozen=True)
class AccountSummary:
    """The columns of one account that decide which incident it belongs to."""

    id: str
    kind: str = "strike"
    actor: str | None = None
    start: float | None = None  # seconds since the epoch; None: unbounded
    end: float | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"
    admin1_code: str | None = None
    country: str | None = None
    targets: frozenset[str] = frozenset()
    parties: tuple[str, ...] = ()  # fulfilments: who took part
    quantity: str | None = None  # fulfilments: the quantity as canonical JSON, None when unknown

    @property
    def rank(self) -> int:
        return PRECISION_RANK.get(self.precision, len(PRECISION_RANK))

    @property
    def width(self) -> float:
        """The length of its time interval in seconds; infinite when a bound is unknown."""
        if self.start is None or self.end is None:
            return float("inf")
        return self.end - self.start

    @property
    def located(self) -> bool:
        return self.precision in LOCATED and self.lat is not None and self.lon is not None


@lru_cache(maxsize=65536)
def epoch_seconds(text: str | None) -> float | None:
    """Stored UTC time text ('2025-03-18T18:50:00Z') as seconds since the epoch."""
    if text is None:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def target_set(joined: str | None) -> frozenset[str]:
    """The stored targets column ('energy.grid;energy.gas') as a set."""
    return frozenset(joined.split(";")) if joined else frozenset()
