"""Encoded answers of the incident list, kept per query and database state.

A dashboard pages back and forth through one filtered list, and several people look at the
same lists: the hundred records of a page, read, decoded and encoded again, are the same
bytes until the database changes. So each process keeps the encoded answers it gave, keyed
by the query and the store's change token (SQLite's data_version, PostgreSQL's snapshot),
and forgets the oldest beyond a budget of bytes. A write to the database changes the token:
no answer from before it is served again. Without a token (an in-memory database) nothing
is kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Hashable

DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024


class PageCache:
    """Encoded answers by key, the least recently used forgotten beyond `budget` bytes."""

    def __init__(self, budget: int = DEFAULT_BUDGET_BYTES):
        self.budget = budget
        self._answers: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        """The answer kept for `key`, or None."""
        with self._lock:
            body = self._answers.get(key)
            if body is not None:
                self._answers.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        """Keep an answer (an answer larger than the whole budget is not kept)."""
        if len(body) > self.budget:
            return
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._size -= len(old)
            self._answers[key] = body
            self._size += len(body)
            while self._size > self.budget:
                _, dropped = self._answers.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._answers)
