"""The dashboard's and the API's questions on the core service (issue 5): pages, maps, one incident.

Part of Ceasewatch (a mixin, like analyst.py and consolidating.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Iterator

from .adjudicate import perform_status
from .errors import NotFound
from .model import UTC, Claim, Fulfilment, PerformStatus, Report
from .model.incident import KINDS
from .store import IncidentPage, IncidentQuery, IncidentRevision, IncidentRow, MapCells

if TYPE_CHECKING:
    from .store import Store

# The map's grid: cells per 256-pixel tile width (64-pixel cells), and the most points
# a view sends before it clusters them.
MAP_CELLS_PER_TILE = 4
MAP_POINT_LIMIT = 400


class Browsing:
    """incident_query, incident_page, incident_map, incident, reports, commitments; part of Ceasewatch."""

    store: Store  # and agreement(), agreements(): provided by Ceasewatch

    def incident_query(self, query: IncidentQuery) -> IncidentQuery:
        """The query with its agreement (the one named, else the first stored) and version
        (else the agreement's first) filled in; NotFound or KeyError naming what exists."""
        agreement = self.agreement(query.agreement)
        if agreement is None:
            return replace(query, version=None, verdicts=(), differ=None)
        for version in (query.version, *(query.differ or ())):
            if version is not None:
                agreement.version(version)
        return replace(query, agreement=agreement.id, version=query.version or next(iter(agreement.versions)))

    def incident_page(self, query: IncidentQuery) -> IncidentPage:
        """One page of the incidents a query selects, with their verdicts and the total."""
        return self.store.incident_page(self.incident_query(query))

    def incident_stream(self, query: IncidentQuery) -> Iterator[IncidentRow]:
        """Every incident a query selects (for exports), sorted, without paging."""
        return self.store.incident_stream(self.incident_query(query))

    def incident_map(self, query: IncidentQuery, bbox: tuple[float, float, float, float] | None, zoom: int) -> MapCells:
        """What the map draws at `zoom` in `bbox` (south, west, north, east): points or clusters."""
        cell_deg = 360 / 2 ** zoom / MAP_CELLS_PER_TILE
        return self.store.map_cells(self.incident_query(query), bbox, cell_deg, MAP_POINT_LIMIT)

    def incident(self, incident_id: str, agreement_id: str | None = None) -> IncidentRow:
        """One strike incident with its grade and verdicts under an agreement; NotFound if none."""
        agreement = self.agreement(agreement_id)
        row = self.store.incident_row(incident_id, agreement.id if agreement else None)
        if row is None:
            raise NotFound(f"no strike incident {incident_id!r} in the store")
        return row

    def incident_history(self, incident_id: str) -> list[IncidentRevision]:
        """Every stored revision of a record, oldest first."""
        return self.store.record_history(incident_id)

    def report(self, report_id: str) -> Report:
        """A stored report; NotFound if there is none."""
        return self.store.report(report_id)

    def incident_reports(self, incident_id: str) -> list[str]:
        """Ids of the reports behind a record: those it was extracted from, then those its evidence quotes."""
        record = self.store.record(incident_id)
        quoted = [e["report"] for e in record.get("evidence") or ()]
        return list(dict.fromkeys([*self.store.report_ids_for(incident_id), *quoted]))

    def report_claims(self, report_id: str) -> list[Claim]:
        """The claims stored for one report, in text order."""
        return self.store.claims(report_id)

    def report_citations(self, report_id: str) -> list[dict]:
        """The records with evidence spans in a report (NotFound if the report is not stored)."""
        self.store.report(report_id)
        return self.store.records_citing(report_id)

    def commitment_statuses(self, agreement_id: str, as_of: datetime | None = None) -> list[PerformStatus]:
        """Each `perform` commitment's status, under every version, as of a moment (default now)."""
        fulfilments = [Fulfilment.from_record(r) for kind in KINDS[1:] for r in self.store.records(kind)]
        return perform_status(self.agreements(agreement_id)[0], fulfilments, as_of or datetime.now(UTC))

