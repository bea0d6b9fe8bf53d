"""Store: the one way ceasewatch reaches its database."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .agreements import AgreementStore
from .analyst import AnalystStore
from .claim_queries import ClaimQueryStore
from .consolidated import ConsolidatedStore
from .connection import open_engine, parse_url, redact
from .map_cells import MapStore
from .provenance import ProvenanceStore
from .queries import QueryStore
from .records import RecordStore
from .reports import ReportStore
from .schema import bring_to_head
from .verdicts import VerdictStore


class Store(AgreementStore, RecordStore, VerdictStore, ReportStore, QueryStore, MapStore, ProvenanceStore, ClaimQueryStore,
            ConsolidatedStore, AnalystStore):
    """Agreements, records and verdicts in SQLite or PostgreSQL, one transaction per write."""

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (and create or migrate) the database at `url`.

        `url`: sqlite:///path/to.db, sqlite:// (in memory), a bare file path, or
        postgresql://user:password@host:port/database. StoreError names the URL on failure.
        """
        parsed = parse_url(url)
        engine = None
        try:
            engine = open_engine(parsed)
            store = cls(engine, parsed)
            bring_to_head(store)
        except (StoreError, SQLAlchemyError, OSError) as e:
            if engine is not None:
                engine.dispose()
            raise StoreError(f"cannot open {redact(url)}: {_reason(e)}") from e
        return store

    def close(self) -> None:
        """Close its connections (an in-memory database is gone); do not use the store afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"


def _reason(error: Exception) -> str:
    # A database error wrapped on the way up already names the URL: give its cause only.
    if isinstance(error, StoreError) and error.__cause__ is not None:
        error = error.__cause__
    return str(getattr(error, "orig", None) or error)
