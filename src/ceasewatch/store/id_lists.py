"""Sorted id lists of recent list queries, kept until the database changes.

A dashboard asks for page after page of the same selection; finding the selection costs
far more than reading one page of it. The store keeps the sorted ids of the last few
selections and serves pages as slices, for as long as a change token says nothing was
committed since: SQLite's `data_version` read on a connection kept for that alone
(it changes when any other connection commits), PostgreSQL's current snapshot (its
horizon and its list of transactions in progress change when any writer starts or commits). An in-memory SQLite database has one shared
connection, whose own writes `data_version` does not see: nothing is cached there.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from typing import Any, Hashable

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .connection import is_memory

# Selections kept at once, and the largest one kept (about 70 bytes an id).
MAX_LISTS = 8
MAX_IDS = 250_000


class ChangeToken:
    """A value that differs whenever anything was committed to the database since it was read."""

    def __init__(self, engine: Engine, url) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._sqlite: sqlite3.Connection | None = None
        self.available = not is_memory(url)
        if self.available and url.get_backend_name() == "sqlite":
            self._sqlite = sqlite3.connect(url.database, check_same_thread=False)

    def read(self) -> Any:
        """The current token, or None when changes cannot be seen (then nothing is cached)."""
        if not self.available:
            return None
        if self._sqlite is not None:
            with self._lock:
                return self._sqlite.execute("PRAGMA data_version").fetchone()[0]
        with self._engine.connect() as conn:
            return conn.execute(text("SELECT pg_current_snapshot()::text")).scalar()


class IdLists:
    """The sorted ids of the last MAX_LISTS selections, each under the token it was read at."""

    def __init__(self) -> None:
        self._lists: OrderedDict[Hashable, tuple[Any, tuple[str, ...]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, token: Any) -> tuple[str, ...] | None:
        """The ids stored for `key` if they were read at `token`."""
        with self._lock:
            found = self._lists.get(key)
            if found is None or found[0] != token:
                return None
            self._lists.move_to_end(key)
            return found[1]

    def put(self, key: Hashable, token: Any, ids: tuple[str, ...]) -> None:
        """Keep `ids` for `key` (dropping the least recently used selection when full)."""
        if len(ids) > MAX_IDS:
            return
        with self._lock:
            self._lists[key] = (token, ids)
            self._lists.move_to_end(key)
            while len(self._lists) > MAX_LISTS:
                self._lists.popitem(last=False)
