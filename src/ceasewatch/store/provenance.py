"""Where the stored data came from: a fingerprint of the inputs, report headers, feed files.

A compliance report prints these so that a reader can check that two reports rest on the
same evidence, and follow each quoted span back to its source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select

from .connection import Connected
from .tables import agreements, incidents, reports

# Ids per IN (...) list, as in records.py: under every backend's limit on bound parameters.
_IDS_PER_QUERY = 900
# Rows fetched per round while hashing: keeps memory flat over millions of records.
_HASH_ROWS = 5000


@dataclass(frozen=True)
class ReportHeader:
    """What a report's citation needs: who published it, where, when, under what title."""

    id: str
    source: str | None
    url: str | None
    published: str | None
    title: str | None


class ProvenanceStore(Connected):
    """The fingerprint and the sources of stored data; part of Store."""

    def fingerprint(self) -> str:
        """A SHA-256 over the stored inputs: 'sha256:' and 64 hex digits.

        It covers each agreement's id and content hash (its YAML text and every file it
        names), each record's id and content hash (current revision), and each stored
        report's id, all in id order and length-prefixed. Ingest times, revision numbers
        and verdicts are left out: the same inputs give the same fingerprint in any
        database, and verdicts follow from the inputs and the software version.
        """
        digest = hashlib.sha256()
        parts = (
            (b"agreements", select(agreements.c.id, agreements.c.content_hash).order_by(agreements.c.id)),
            (b"records", select(incidents.c.id, incidents.c.content_hash).order_by(incidents.c.id)),
            (b"reports", select(reports.c.id).order_by(reports.c.id)),
        )
        with self._read() as conn:
            for label, query in parts:
                _update(digest, label)
                for row in conn.execution_options(yield_per=_HASH_ROWS).execute(query):
                    for value in row:
                        _update(digest, value.encode())
        return "sha256:" + digest.hexdigest()

    def report_headers(self, report_ids: Iterable[str]) -> dict[str, ReportHeader]:
        """The headers of those of `report_ids` that are stored (absent ids are left out)."""
        ids = sorted(set(report_ids))
        r = reports.c
        found: dict[str, ReportHeader] = {}
        with self._read() as conn:
            for start in range(0, len(ids), _IDS_PER_QUERY):
                part = ids[start:start + _IDS_PER_QUERY]
                query = select(r.id, r.source, r.url, r.published, r.title).where(r.id.in_(part))
                for row in conn.execute(query):
                    found[row.id] = ReportHeader(row.id, row.source, row.url, row.published, row.title)
        return found

    def report_texts(self, report_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(id, text) of those of `report_ids` that are stored, by id, a few hundred at a time."""
        ids = sorted(set(report_ids))
        r = reports.c
        for start in range(0, len(ids), _IDS_PER_QUERY):
            part = ids[start:start + _IDS_PER_QUERY]
            with self._read() as conn:
                rows = conn.execute(select(r.id, r.text).where(r.id.in_(part)).order_by(r.id)).all()
            yield from ((row.id, row.text) for row in rows)

    def record_files(self) -> list[tuple[str | None, int]]:
        """(source file, number of current records read from it), by file name; None: no file."""
        c = incidents.c
        query = select(c.source_file, func.count()).group_by(c.source_file)
        with self._read() as conn:
            rows = [(row[0], row[1]) for row in conn.execute(query)]
        return sorted(rows, key=lambda row: (row[0] is None, row[0] or ""))

    def report_outlets(self) -> list[tuple[str | None, int]]:
        """(outlet, number of stored reports from it), by outlet; None: outlet unknown."""
        query = select(reports.c.source, func.count()).group_by(reports.c.source)
        with self._read() as conn:
            rows = [(row[0], row[1]) for row in conn.execute(query)]
        return sorted(rows, key=lambda row: (row[0] is None, row[0] or ""))


def _update(digest, part: bytes) -> None:
    # Length-prefixed, so that no two different sequences of parts give the same bytes.
    digest.update(len(part).to_bytes(8, "big"))
    digest.update(part)
