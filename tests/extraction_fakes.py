"""A stand-in extractor for tests of everything around extraction (reading, storing, scoring)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ceasewatch.model import UTC, Claim, Evidence, Extraction, Incident, Interval, Report


def utc(text: str) -> datetime:
    """'2025-03-18 18:50' as an aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def day(text: str, zone_hours: int = 2) -> Interval:
    """One local day (00:00 to 24:00) at a fixed UTC offset, as a UTC interval."""
    start = utc(text) - timedelta(hours=zone_hours)
    return Interval(start, start + timedelta(days=1))


class PhraseExtractor:
    """Each phrase found in a report's text gives the incident (or claim) fields mapped to it.

    The evidence span is the phrase where the text has it, so spans always quote the
    report; the ids are derived from the report id and the phrase, so they are stable.
    """

    def __init__(self, incidents: dict[str, dict[str, Any]] | None = None, claims: dict[str, dict[str, Any]] | None = None):
        self.incidents = incidents or {}
        self.claims = claims or {}
        self.seen: list[tuple[Report, object]] = []  # (report, agreement) of each call

    def __call__(self, report: Report, *, agreement=None) -> Extraction:
        self.seen.append((report, agreement))
        incidents = [
            Incident(id=f"{report.id}-{n}", evidence=(span,), **fields)
            for n, (span, fields) in enumerate(self._found(report, self.incidents))
        ]
        claims = [
            Claim(id=f"{report.id}-c{n}", text=span.text, report=report.id, evidence=(span,), **fields)
            for n, (span, fields) in enumerate(self._found(report, self.claims))
        ]
        return Extraction(report, tuple(incidents), tuple(claims))

    @staticmethod
    def _found(report: Report, table: dict[str, dict[str, Any]]):
        for phrase, fields in table.items():
            start = report.text.find(phrase)
            if start >= 0:
                yield Evidence(report.id, start, start + len(phrase), phrase), fields
