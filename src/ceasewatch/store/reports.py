"""Reports, their claims, and which records came from which report.

A report is stored once by its content id and never changed. Saving an extraction stores,
in one transaction: the report (if new), its claims (replacing those of an earlier
extraction of the same report), and its incident and fulfilment records as accounts
through the records path (added, revised or unchanged by content), each naming the report.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, select

from ..errors import NotFound
from ..model import Claim, Extraction, Report
from .connection import Connected, executemany
from .records import ACCOUNTS, _row, _save_rows, canonical_json
from .rows import SaveCounts
from .tables import accounts, claims, incident_accounts, incidents, now_text, reports

_INSERT = (
    "INSERT INTO reports (id, source, url, published, title, language, text, stored_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
)
_CLAIM_COLUMNS = (
    "id", "report", "position", "kind", "speaker", "source", "quantity", "qualifier", "unit", "weapon",
    "weapon_model", "actor", "start_utc", "end_utc", "text", "record",
)
# A claim id met again (another extraction of another report gave the same id) takes the
# newest content, so a re-extraction never fails on an id it made before.
_UPSERT_CLAIM = (
    f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) VALUES ({', '.join('?' * len(_CLAIM_COLUMNS))})"
    f" ON CONFLICT (id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _CLAIM_COLUMNS[1:])}"
)


class ReportStore(Connected):
    """Saving and reading reports, claims and report-record links; part of Store."""

    def save_report(self, report: Report) -> bool:
        """Store a report unless one with its id is stored; True when it was new."""
        with self._write() as conn:
            known = conn.execute(select(reports.c.id).where(reports.c.id == report.id)).first()
            if known is not None:
                return False
            executemany(conn, _INSERT, [_report_row(report)])
        return True

    def save_extraction(self, extraction: Extraction, *, source_file: str | None = None) -> SaveCounts:
        """Store a report with its claims, records and links, in one transaction.

        The counts are those of the records (incidents and fulfilments): added, revised or
        unchanged by content, as for a feed. The report's claims replace any stored before.
        """
        report = extraction.report
        records = [r.to_record() for r in (*extraction.incidents, *extraction.fulfilments)]
        stored_at = now_text()
        counts = [0, 0, 0]
        with self._write() as conn:
            executemany(conn, _INSERT, [_report_row(report, stored_at)])
            rows = [
                _row(record, source_file, None, stored_at, i) + (report.id, report.source)
                for i, record in enumerate(records)
            ]
            _save_rows(conn, rows, counts, ACCOUNTS)
            conn.execute(delete(claims).where(claims.c.report == report.id))
            executemany(conn, _UPSERT_CLAIM, [
                _claim_row(claim, report.id, position) for position, claim in enumerate(extraction.claims)
            ])
        return SaveCounts(*counts)

    def report(self, report_id: str) -> Report:
        """The stored report with that id; NotFound if there is none."""
        r = reports.c
        with self._read() as conn:
            row = conn.execute(
                select(r.id, r.source, r.url, r.published, r.title, r.language, r.text).where(r.id == report_id)
            ).first()
        if row is None:
            raise NotFound(f"no report {report_id!r} in the store")
        return Report(
            id=row.id, text=row.text, title=row.title, source=row.source, url=row.url,
            published=row.published, language=row.language,
        )

    def reports(self) -> list[Report]:
        """Every stored report without its text (`text` is ''), newest publication first, then id."""
        r = reports.c
        query = select(r.id, r.source, r.url, r.published, r.title, r.language).order_by(
            r.published.desc().nulls_last(), r.id
        )
        with self._read() as conn:
            return [
                Report(id=row.id, text="", title=row.title, source=row.source, url=row.url,
                       published=row.published, language=row.language)
                for row in conn.execute(query)
            ]

    def claims(self, report_id: str | None = None) -> list[Claim]:
        """The stored claims of one report (or of every report), in the order the text gives them."""
        query = select(claims.c.record).order_by(claims.c.report, claims.c.position)
        if report_id is not None:
            query = query.where(claims.c.report == report_id)
        with self._read() as conn:
            return [Claim.from_record(json.loads(text)) for text in conn.execute(query).scalars()]

    def report_ids_for(self, incident_id: str) -> list[str]:
        """The ids of the reports an incident's accounts were extracted from (none for feed rows)."""
        a, link = accounts.c, incident_accounts.c
        with self._read() as conn:
            if conn.execute(select(incidents.c.id).where(incidents.c.id == incident_id)).first() is None:
                raise NotFound(f"no record {incident_id!r} in the store")
            query = (
                select(a.report).distinct().join_from(incident_accounts, accounts, a.id == link.account_id)
                .where(link.incident_id == incident_id, a.report.is_not(None)).order_by(a.report)
            )
            return list(conn.execute(query).scalars())


def _report_row(report: Report, stored_at: str | None = None) -> tuple:
    return (
        report.id, report.source, report.url, report.published, report.title, report.language, report.text,
        stored_at or now_text(),
    )


def _claim_row(claim: Claim, report_id: str, position: int) -> tuple:
    record = claim.to_record()
    record["report"] = report_id  # a claim belongs to the report it is saved with
    return (
        claim.id, report_id, position, claim.kind, claim.speaker, claim.source, claim.quantity, claim.qualifier,
        claim.unit, claim.weapon, claim.weapon_model, claim.actor, record["start"], record["end"], claim.text,
        canonical_json(record),
    )
