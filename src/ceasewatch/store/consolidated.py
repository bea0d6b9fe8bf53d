"""Accounts in, consolidated incidents out: what consolidation reads and writes.

Consolidation reads a summary of every account (a few columns each), groups them, and
rebuilds only the incidents whose basis changed: their accounts' records are read and the
incidents written chunk by chunk inside one transaction, so readers see either the old
incidents or the new ones, never half of each.
"""

from __future__ import annotations

import json
from itertools import islice
import hashlib
from typing import Any, Callable, Iterable, Sequence

from sqlalchemy import select

from ..consolidate.accounts import AccountSummary, epoch_seconds, target_set
from ..consolidate.closure import NearQuery, Summaries
from ..consolidate.build import AccountInfo, BuiltIncident, consolidation_json
from ..errors import NotFound
from .connection import Connected, executemany, fetch_rows
from .records import INCIDENTS, _parts, _row, _save_rows, canonical_json
from .tables import accounts, incident_accounts, incidents, now_text

CHUNK_SIZE = 2000  # incidents rebuilt per round: their accounts' records are read at once

_SUMMARY_SQL = (
    "SELECT id, content_hash, kind, actor, start_utc, end_utc, lat, lon, geo_precision, admin1_code, country,"
    " targets, report, outlet, source_file, source_line, CASE WHEN kind = 'strike' THEN NULL ELSE record END FROM accounts"
)
_LINK = "INSERT INTO incident_accounts (account_id, incident_id, account_hash) VALUES (?, ?, ?)"
_CHANGED_ACCOUNTS = (
    "SELECT a.id FROM accounts a LEFT JOIN incident_accounts l ON l.account_id = a.id"
    " WHERE l.account_id IS NULL OR l.account_hash <> a.content_hash"
)

# (incident id, its member account ids) -> built incident; called with the members' records.
Builder = Callable[[Sequence[tuple[str, tuple[str, ...]]], dict[str, dict[str, Any]]], list[BuiltIncident]]


class ConsolidatedStore(Connected):
    """Reading accounts for consolidation and writing the incidents it builds; part of Store."""

    def account_summaries(self) -> Summaries:
        """Every stored account as consolidation groups it, and what else it needs of each."""
        found: Summaries = ([], {})
        with self._read() as conn:
            cursor = conn.connection.cursor()
            try:
                cursor.execute(_SUMMARY_SQL)
                while rows := cursor.fetchmany(10000):
                    _add_summaries(found, rows)
            finally:
                cursor.close()
        return found

    def summaries_of(self, ids: Iterable[str]) -> Summaries:
        """The summaries (and infos) of the accounts named."""
        found: Summaries = ([], {})
        with self._read() as conn:
            for part in _parts(sorted(set(ids))):
                _add_summaries(found, fetch_rows(conn, f"{_SUMMARY_SQL} WHERE id IN ({', '.join('?' * len(part))})", part))
        return found

    def accounts_near(self, query: NearQuery) -> Summaries:
        """Accounts of a kind whose start lies in a window and whose place is in a box or a region."""
        where = ["kind = ?", "start_utc >= ?", "start_utc <= ?", "end_utc >= ?"]
        params: list[Any] = [query.kind, query.start_from, query.start_to, query.end_from]
        places = []
        if query.box is not None:
            south, west, north, east = query.box
            places.append("(lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)")
            params += [south, north, west, east]
        if query.region is not None:
            places.append("admin1_code = ?")
            params.append(query.region)
        if places:
            where.append(f"({' OR '.join(places)})")
        found: Summaries = ([], {})
        with self._read() as conn:
            _add_summaries(found, fetch_rows(conn, f"{_SUMMARY_SQL} WHERE {' AND '.join(where)}", params))
        return found

    def changed_accounts(self) -> set[str]:
        """Accounts added or revised since they were last grouped into an incident."""
        with self._read() as conn:
            return {row[0] for row in fetch_rows(conn, _CHANGED_ACCOUNTS, [])}

    def incident_bases(self) -> dict[str, str | None]:
        """The basis each stored incident was built from."""
        with self._read() as conn:
            return dict(conn.execute(select(incidents.c.id, incidents.c.basis)).all())

    def incident_grades(self) -> dict[str, str | None]:
        """Every incident's credibility grade (None for records that are not graded)."""
        with self._read() as conn:
            return dict(conn.execute(select(incidents.c.id, incidents.c.grade)).all())

    def account(self, account_id: str) -> dict[str, Any]:
        """One account's record; NotFound if none has that id."""
        with self._read() as conn:
            text = conn.execute(select(accounts.c.record).where(accounts.c.id == account_id)).scalar()
        if text is None:
            raise NotFound(f"no account {account_id!r} in the store")
        return json.loads(text)

    def accounts_of(self, incident_id: str) -> list[str]:
        """The ids of the accounts an incident is built from, sorted."""
        link = incident_accounts.c
        query = select(link.account_id).where(link.incident_id == incident_id).order_by(link.account_id)
        with self._read() as conn:
            return list(conn.execute(query).scalars())

    def incident_of_accounts(self, account_ids: Iterable[str]) -> dict[str, str]:
        """account id -> the incident it is in now, for those of `account_ids` that are in one."""
        out: dict[str, str] = {}
        with self._read() as conn:
            for part in _parts(sorted(set(account_ids))):
                sql = f"SELECT account_id, incident_id FROM incident_accounts WHERE account_id IN ({', '.join('?' * len(part))})"
                out.update(fetch_rows(conn, sql, part))
        return out

    def reports_of_incidents(self, incident_ids: Iterable[str]) -> dict[str, list[str]]:
        """incident id -> the sorted ids of the reports its accounts came from (feed rows have none)."""
        out: dict[str, list[str]] = {}
        with self._read() as conn:
            for part in _parts(list(incident_ids)):
                sql = (
                    "SELECT DISTINCT l.incident_id, a.report FROM incident_accounts l JOIN accounts a"
                    f" ON a.id = l.account_id WHERE a.report IS NOT NULL AND l.incident_id IN ({', '.join('?' * len(part))})"
                )
                for incident_id, report in fetch_rows(conn, sql, part):
                    out.setdefault(incident_id, []).append(report)
        return {incident_id: sorted(reports) for incident_id, reports in out.items()}

    def resolve_incident_id(self, any_id: str) -> str:
        """The incident an id names: an incident's own id, or that of an account in it."""
        with self._read() as conn:
            if conn.execute(select(incidents.c.id).where(incidents.c.id == any_id)).first() is not None:
                return any_id
            found = conn.execute(
                select(incident_accounts.c.incident_id).where(incident_accounts.c.account_id == any_id)
            ).scalar()
        if found is None:
            raise NotFound(f"no incident or account {any_id!r} in the store")
        return found

    def consolidation(self, incident_id: str) -> dict[str, Any]:
        """An incident's consolidation details (accounts, sources, disagreements, corrections)."""
        with self._read() as conn:
            row = conn.execute(
                select(incidents.c.consolidation, incidents.c.grade).where(incidents.c.id == incident_id)
            ).first()
        if row is None:
            raise NotFound(f"no incident {incident_id!r} in the store")
        details = json.loads(row.consolidation) if row.consolidation else {}
        return {**details, "grade": row.grade}

    def save_consolidation(
        self, changed: Iterable[tuple[str, tuple[str, ...]]], build: Builder, removed: Sequence[str]
    ) -> tuple[int, int]:
        """Rebuild the `changed` incidents and delete the `removed` ones, in one transaction.

        `changed`: (incident id, member account ids); `build` turns a chunk of them, given
        their accounts' records, into incidents. Returns (incidents written, removed).
        """
        stored_at = now_text()
        written = 0
        changed = iter(changed)
        with self._write() as conn:
            _unlink(conn, "incident_id", list(removed))
            while chunk := list(islice(changed, CHUNK_SIZE)):
                members = [m for _, ms in chunk for m in ms]
                _unlink(conn, "account_id", members)
                records, hashes = _records(conn, members)
                built = build(chunk, records)
                rows = [_incident_row(b, stored_at) for b in built]
                _save_rows(conn, rows, [0, 0, 0], INCIDENTS)
                executemany(conn, _LINK, [(m, incident_id, hashes[m]) for incident_id, ms in chunk for m in ms])
                written += len(built)
            _delete_incidents(conn, list(removed))
        return written, len(removed)


def _add_summaries(found: Summaries, rows: Iterable[tuple]) -> None:
    """Append each row's summary and info."""
    summaries, infos = found
    for row in rows:
        summaries.append(_summary(row))
        infos[row[0]] = AccountInfo(row[0], row[1], row[12], row[13], row[14], row[15])


def _summary(row: tuple) -> AccountSummary:
    (account_id, _, kind, actor, start, end, lat, lon, precision, admin1, country, targets, *_, record) = row
    parties: tuple[str, ...] = ()
    quantity = None
    if record is not None:
        data = json.loads(record)
        parties = tuple(sorted(data.get("parties") or ()))
        quantity = canonical_json({"q": data["quantity"]}) if data.get("quantity") is not None else None
    return AccountSummary(
        account_id, kind, actor, epoch_seconds(start), epoch_seconds(end), lat, lon, precision or "unknown",
        admin1, country, target_set(targets), parties, quantity,
    )


def _records(conn: Any, ids: list[str]) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The accounts' records and their content hashes, in one read."""
    records, hashes = {}, {}
    for part in _parts(ids):
        sql = f"SELECT id, content_hash, record FROM accounts WHERE id IN ({', '.join('?' * len(part))})"
        for account_id, content_hash, text in fetch_rows(conn, sql, part):
            records[account_id] = json.loads(text)
            hashes[account_id] = content_hash
    return records, hashes


def _incident_row(built: BuiltIncident, stored_at: str) -> tuple:
    """The incidents row; its content hash covers the grade and details as well as the record."""
    details = consolidation_json(built.consolidation)
    row = _row(built.record, built.source_file, built.source_line, stored_at, 0)
    content_hash = hashlib.sha256(f"{row[1]}\x00{built.grade}\x00{details}".encode()).hexdigest()
    return (row[0], content_hash, *row[2:], built.grade, built.account_count, built.basis, details)


def _unlink(conn: Any, column: str, ids: list[str]) -> None:
    for part in _parts(ids):
        executemany(conn, f"DELETE FROM incident_accounts WHERE {column} IN ({', '.join('?' * len(part))})", [part])


def _delete_incidents(conn: Any, ids: list[str]) -> None:
    """Delete incidents no group is called by any more, with their verdicts and history."""
    for part in _parts(ids):
        marks = ", ".join("?" * len(part))
        for table, column in (("verdicts", "incident_id"), ("incident_history", "incident_id"), ("incidents", "id")):
            executemany(conn, f"DELETE FROM {table} WHERE {column} IN ({marks})", [part])

