"""Records: saving accounts by content and revising them; reading incidents back.

What ingest stores is an *account*: an incident or fulfilment record as one report or feed
row gives it. Consolidation builds the incidents from the accounts (store/consolidated.py,
through the same add / revise / unchanged rules), and every reader reads the incidents.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from functools import cached_property
from itertools import islice, repeat
from typing import Any, Iterable, Iterator

from sqlalchemy import Select, bindparam, delete, func, select, text
from sqlalchemy.engine import Connection

from ..errors import NotFound, StoreError
from ..model.interval import format_utc, parse_instant
from .connection import Connected, executemany, fetch_rows
from .rows import IncidentRevision, SaveCounts
from .tables import incidents, ingested_files, now_text, time_from_text, verdicts

# Records handled per round: one lookup of their ids, then one executemany per table.
# Big enough that a million records cost a few hundred queries, small enough to keep
# memory flat and to stay under every backend's limit on bound parameters.
CHUNK_SIZE = 5000
# Ids per IN (...) list: SQLite before 3.32 allowed at most 999 bound parameters.
_IDS_PER_QUERY = 900

_COLUMNS = (
    "id", "revision", "content_hash", "kind", "actor", "start_utc", "end_utc", "country", "admin1_code",
    "place", "lat", "lon", "geo_precision", "targets", "record", "source_file", "source_line", "stored_at",
)
_HISTORY_COLUMNS = ("revision", "content_hash", "record", "source_file", "source_line", "stored_at")


@dataclass(frozen=True)
class RecordTable:
    """A table of revised records (accounts, or incidents) with its history and extra columns."""

    name: str
    history: str
    history_key: str  # the history's column naming the record
    extra: tuple[str, ...] = ()  # columns after stored_at, given at the end of each row
    drops_verdicts: bool = False  # a revision deletes the record's verdicts (incidents are judged)

    @cached_property
    def insert_sql(self) -> str:
        columns = _COLUMNS + self.extra
        return f"INSERT INTO {self.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    @cached_property
    def update_sql(self) -> str:
        return f"UPDATE {self.name} SET {', '.join(f'{c} = ?' for c in (_COLUMNS + self.extra)[1:])} WHERE id = ?"

    @cached_property
    def history_sql(self) -> str:
        columns = (self.history_key, *_HISTORY_COLUMNS)
        return f"INSERT INTO {self.history} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


ACCOUNTS = RecordTable("accounts", "account_history", "account_id", extra=("report", "outlet"))
INCIDENTS = RecordTable(
    "incidents", "incident_history", "incident_id",
    extra=("grade", "account_count", "basis", "consolidation"), drops_verdicts=True,
)
_MARK_FILE = (
    "INSERT INTO ingested_files (path, content_hash, stored_at) VALUES (?, ?, ?)"
    " ON CONFLICT (path, content_hash) DO NOTHING"
)


# One encoder for every record: json.dumps with options builds a new one on each call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def canonical_json(record: dict[str, Any]) -> str:
    """The one text of a record that its content hash is taken over: sorted keys, no spaces."""
    return _CANONICAL.encode(record)


class RecordStore(Connected):
    """Saving and reading records; part of Store."""

    def save_records(
        self,
        records: Iterable[dict[str, Any]],
        *,
        source_file: str | None = None,
        source_lines: Iterable[int | None] | None = None,
        file_hash: str | None = None,
    ) -> SaveCounts:
        """Store records by content, in one transaction; see docs/storage.md for the rules.

        A new id is added as revision 1; the same content again is unchanged; new content
        for a stored id is a revision (the old one goes to the history, the incident's
        verdicts are deleted). An id twice in one call: the later one is a further revision.
        With `file_hash`, (source_file, file_hash) is marked as ingested in the same transaction.
        `records` (and `source_lines`) may be streams: they are read a chunk at a time, and an
        exception raised while reading them rolls the whole call back.
        """
        if source_lines is None:
            pairs = zip(records, repeat(None))
        else:
            pairs = zip(records, source_lines, strict=True)
        return self.save_numbered_records(pairs, source_file=source_file, file_hash=file_hash)

    def save_numbered_records(
        self,
        pairs: Iterable[tuple[dict[str, Any], int | None]],
        *,
        source_file: str | None = None,
        file_hash: str | None = None,
    ) -> SaveCounts:
        """save_records for a stream of (record, source line) pairs."""
        if file_hash is not None and source_file is None:
            raise ValueError("file_hash needs the source_file it is the hash of")
        stored_at = now_text()
        counts = [0, 0, 0]  # added, revised, unchanged
        pairs = iter(pairs)
        with self._write() as conn:
            start = 0
            while chunk := list(islice(pairs, CHUNK_SIZE)):
                rows = [
                    _row(record, source_file, line, stored_at, start + i) + (None, None)
                    for i, (record, line) in enumerate(chunk)
                ]
                _save_rows(conn, rows, counts, ACCOUNTS)
                start += len(chunk)
            if file_hash is not None:
                executemany(conn, _MARK_FILE, [(source_file, file_hash, stored_at)])
        return SaveCounts(*counts)

    def mark_file_ingested(self, path: str, file_hash: str) -> None:
        """Remember that this file, with this content, was ingested without problems."""
        with self._write() as conn:
            executemany(conn, _MARK_FILE, [(path, file_hash, now_text())])

    def file_seen(self, path: str, file_hash: str) -> bool:
        """True if this file, with this content, was ingested before."""
        query = select(ingested_files.c.path).where(
            ingested_files.c.path == path, ingested_files.c.content_hash == file_hash
        )
        with self._read() as conn:
            return conn.execute(query).first() is not None

    def record(self, incident_id: str) -> dict[str, Any]:
        """The current revision of one record; NotFound if no record has that id."""
        with self._read() as conn:
            text = conn.execute(select(incidents.c.record).where(incidents.c.id == incident_id)).scalar()
        if text is None:
            raise NotFound(f"no record {incident_id!r} in the store")
        return json.loads(text)

    def records(self, kind: str | None = "strike") -> Iterator[dict[str, Any]]:
        """Current records of `kind` (None: every kind) by start time, unknown start last, then id."""
        query = select(incidents.c.record)
        if kind is not None:
            query = query.where(incidents.c.kind == kind)
        return self._stream_records(query)

    def unjudged_records(self, agreement_id: str) -> Iterator[dict[str, Any]]:
        """Strike records with no verdict (under any version) of `agreement_id`, in record order."""
        judged = select(verdicts.c.incident_id).where(
            verdicts.c.agreement_id == agreement_id, verdicts.c.incident_id == incidents.c.id
        )
        return self._stream_records(select(incidents.c.record).where(incidents.c.kind == "strike", ~judged.exists()))

    def count_records(self, kind: str | None = "strike") -> int:
        """How many records of `kind` (None: every kind) are stored."""
        query = select(func.count()).select_from(incidents)
        if kind is not None:
            query = query.where(incidents.c.kind == kind)
        with self._read() as conn:
            return conn.execute(query).scalar_one()

    def record_history(self, incident_id: str) -> list[IncidentRevision]:
        """Every revision of one incident, oldest first, the current one last; NotFound if none."""
        return self._history(INCIDENTS, incident_id)

    def account_history(self, account_id: str) -> list[IncidentRevision]:
        """Every revision of one account, oldest first, the current one last; NotFound if none."""
        return self._history(ACCOUNTS, account_id)

    def count_accounts(self, kind: str | None = "strike") -> int:
        """How many accounts of `kind` (None: every kind) are stored."""
        sql = "SELECT count(*) FROM accounts" + (" WHERE kind = ?" if kind is not None else "")
        with self._read() as conn:
            return fetch_rows(conn, sql, [kind] if kind is not None else [])[0][0]

    def _history(self, table: RecordTable, record_id: str) -> list[IncidentRevision]:
        columns = "revision, record, source_file, source_line, stored_at"
        with self._read() as conn:
            current = fetch_rows(conn, f"SELECT {columns} FROM {table.name} WHERE id = ?", [record_id])
            if not current:
                raise NotFound(f"no record {record_id!r} in the store")
            # History only grows, so reading it second, up to the current revision, is consistent.
            older = fetch_rows(
                conn,
                f"SELECT {columns} FROM {table.history} WHERE {table.history_key} = ? AND revision < ? ORDER BY revision",
                [record_id, current[0][0]],
            )
        return [_revision(record_id, row, current=False) for row in older] + [
            _revision(record_id, current[0], current=True)
        ]

    def _stream_records(self, query: Select) -> Iterator[dict[str, Any]]:
        """Yield the records a one-column query selects, in the store's record order."""
        query = query.order_by(incidents.c.start_utc.asc().nulls_last(), incidents.c.id)
        with self._read() as conn:
            for text in conn.execution_options(yield_per=2000).execute(query).scalars():
                yield json.loads(text)


def _row(record: dict[str, Any], source_file: str | None, line: int | None, stored_at: str, index: int) -> tuple:
    """The incidents row of one record, without its revision (known only after the lookup)."""
    try:
        text = canonical_json(record)
        targets = record.get("targets")
        return (
            record["id"], hashlib.sha256(text.encode()).hexdigest(), record["kind"], record.get("actor"),
            _utc_text(record.get("start")), _utc_text(record.get("end")), record.get("country"),
            record.get("admin1_code"), record.get("place"), record.get("lat"), record.get("lon"),
            record.get("geo_precision"), ";".join(targets) if targets else None, text, source_file, line,
            stored_at,
        )
    except (TypeError, ValueError, KeyError) as e:
        where = f"record {index}" + (f" (id {record.get('id')!r})" if isinstance(record, dict) else "")
        raise StoreError(f"{where} cannot be stored, nothing from this batch was: {e}") from e


def _utc_text(value: str | None) -> str | None:
    # Exchange-format times are validated UTC; only an unusual spelling needs parsing.
    if value is None or (len(value) == 20 and value[10] == "T" and value[19] == "Z"):
        return value
    return format_utc(parse_instant(value))


def _save_rows(conn: Connection, rows: list[tuple], counts: list[int], table: RecordTable) -> None:
    """Add, revise or skip one chunk of prepared rows of `table`."""
    stored = _stored_versions(conn, list({row[0] for row in rows}), table)
    latest: dict[str, tuple[int, str]] = dict(stored)  # id -> (revision, hash), as of this row
    pending: dict[str, tuple[int, tuple]] = {}  # id -> (revision, row) to write as current
    superseded: list[tuple] = []  # history rows for revisions made and replaced in this chunk
    copy_to_history: list[str] = []  # ids whose stored current row becomes history
    for row in rows:
        incident_id, content_hash = row[0], row[1]
        known = latest.get(incident_id)
        if known is None:
            revision = 1
            counts[0] += 1
        elif known[1] == content_hash:
            counts[2] += 1
            continue
        else:
            revision = known[0] + 1
            counts[1] += 1
            if incident_id in pending:
                old_revision, old = pending[incident_id]
                superseded.append((incident_id, old_revision, old[1], old[13], old[14], old[15], old[16]))
            else:
                copy_to_history.append(incident_id)
        latest[incident_id] = (revision, content_hash)
        pending[incident_id] = (revision, row)
    if copy_to_history:
        _move_to_history(conn, copy_to_history, table)
    executemany(conn, table.insert_sql, [
        (row[0], revision) + row[1:] for incident_id, (revision, row) in pending.items() if incident_id not in stored
    ])
    executemany(conn, table.update_sql, [
        (revision,) + row[1:] + (incident_id,) for incident_id, (revision, row) in pending.items()
        if incident_id in stored
    ])
    executemany(conn, table.history_sql, superseded)
    if pending and table is ACCOUNTS:
        mark_accounts_changed(conn)


ACCOUNTS_CHANGED = "accounts.changed"  # a fresh token each time accounts are added or revised


def mark_accounts_changed(conn: Connection) -> None:
    """Give the accounts a new change token, in the writing transaction (consolidation compares it)."""
    executemany(conn, "DELETE FROM store_state WHERE name = ?", [(ACCOUNTS_CHANGED,)])
    executemany(conn, "INSERT INTO store_state (name, value) VALUES (?, ?)", [(ACCOUNTS_CHANGED, uuid.uuid4().hex)])


def _stored_versions(conn: Connection, ids: list[str], table: RecordTable) -> dict[str, tuple[int, str]]:
    """(revision, content hash) of those of `ids` already stored in `table`."""
    found = {}
    for part in _parts(ids):
        sql = f"SELECT id, revision, content_hash FROM {table.name} WHERE id IN ({', '.join('?' * len(part))})"
        for record_id, revision, content_hash in fetch_rows(conn, sql, part):
            found[record_id] = (revision, content_hash)
    return found


def _move_to_history(conn: Connection, ids: list[str], table: RecordTable) -> None:
    """Copy the stored current rows of `ids` to the history (and delete their verdicts if judged)."""
    copy = text(
        f"INSERT INTO {table.history} ({table.history_key}, {', '.join(_HISTORY_COLUMNS)})"
        f" SELECT id, {', '.join(_HISTORY_COLUMNS)} FROM {table.name} WHERE id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    for part in _parts(ids):
        conn.execute(copy, {"ids": part})
        if table.drops_verdicts:
            conn.execute(delete(verdicts).where(verdicts.c.incident_id.in_(part)))


def _parts(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _IDS_PER_QUERY):
        yield ids[start:start + _IDS_PER_QUERY]


def _revision(record_id: str, row: tuple, *, current: bool) -> IncidentRevision:
    revision, record, source_file, source_line, stored_at = row
    return IncidentRevision(
        incident_id=record_id,
        revision=revision,
        record=json.loads(record),
        source_file=source_file,
        source_line=source_line,
        stored_at=time_from_text(stored_at),
        current=current,
    )
