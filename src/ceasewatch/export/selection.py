"""Which records an export writes: the filters, and the records with their grades and verdicts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..model import Agreement, format_utc
from ..model.incident import KINDS
from ..store import IncidentQuery, Store, VerdictRow


@dataclass(frozen=True)
class ExportFilter:
    """The export's filters; an empty field filters nothing (the `verdicts` command's names)."""

    agreement: str | None = None
    version: str | None = None  # the version whose verdicts --verdict filters on, and the only one shown
    verdicts: tuple[str, ...] = ()  # any of these under `version`
    actors: tuple[str, ...] = ()  # party codes; "unknown" for no known actor
    time_from: datetime | None = None  # the impact interval overlaps [time_from, time_to]
    time_to: datetime | None = None

    @property
    def strikes_only(self) -> bool:
        """True when a filter only a strike can meet is set (verdict, actor)."""
        return bool(self.verdicts or self.actors)


@dataclass(frozen=True)
class ExportItem:
    """One record to write: as stored, with its grade and its verdicts (strikes only)."""

    record: Mapping[str, Any]
    grade: str | None = None
    verdicts: Mapping[str, VerdictRow] | None = None

    @property
    def is_strike(self) -> bool:
        return self.record.get("kind", "strike") == "strike"


@dataclass(frozen=True)
class ExportSelection:
    """The agreement whose verdicts are shown (None: none stored), its versions, the items."""

    agreement: Agreement | None
    versions: tuple[str, ...]
    items: Iterator[ExportItem]


def select_records(store: Store, agreement: Agreement | None, selection: ExportFilter) -> ExportSelection:
    """Strikes first (by start time, unknown last, then id), then other records by the same order.

    Records of other kinds (prisoner exchanges) come only when no strike-only filter is set,
    and only when their time overlaps the period, so that an unfiltered export holds every
    record and ingests back whole.
    """
    versions: tuple[str, ...] = ()
    if agreement is not None:
        versions = (agreement.version(selection.version).key,) if selection.version else tuple(agreement.versions)
    query = IncidentQuery(
        agreement=agreement.id if agreement is not None else None,
        version=selection.version,
        verdicts=selection.verdicts,
        actors=selection.actors,
        time_from=selection.time_from,
        time_to=selection.time_to,
        sort="start",
    )
    return ExportSelection(agreement, versions, _items(store, query, selection, versions))


def _items(store: Store, query: IncidentQuery, selection: ExportFilter, versions: tuple[str, ...]) -> Iterator[ExportItem]:
    for row in store.incident_stream(query):
        yield ExportItem(row.record, row.grade, {v: row.verdicts[v] for v in versions if v in row.verdicts})
    if selection.strikes_only:
        return
    for kind in KINDS:
        if kind == "strike":
            continue
        for record in store.records(kind):
            if _overlaps(record, selection):
                yield ExportItem(record)


def _overlaps(record: Mapping[str, Any], selection: ExportFilter) -> bool:
    """The same rule as for strikes: with a bound given, an unknown time does not overlap."""
    start, end = record.get("start"), record.get("end")
    if selection.time_from is not None and (end is None or end < format_utc(selection.time_from)):
        return False
    return selection.time_to is None or (start is not None and start <= format_utc(selection.time_to))
