"""Response shapes of one incident's page: traces, history, reports, and of reports themselves."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from .schemas import EvidenceOut, IncidentOut, Verdict


class RuleTestOut(BaseModel):
    """One of the four tests: its answer, the figures compared and the evidence behind them."""

    name: str
    answer: str
    reason: str | None = None
    figures: dict[str, Any] = {}
    note: str | None = None
    evidence: list[EvidenceOut] = []


class CommitmentTraceOut(BaseModel):
    """One commitment's verdict on the incident, with all four tests."""

    commitment: str
    verdict: str
    reason: str | None = None
    unknown: list[str] = []
    tests: list[RuleTestOut] = []


class TraceOut(BaseModel):
    """The incident's verdict under one version and how it was reached (ceasewatch explain)."""

    agreement: str
    version: str
    incident: str
    verdict: Verdict
    reason: str | None = None
    unknown: list[str] = []
    commitment: str | None = None
    outcome: str | None = None
    trace: list[CommitmentTraceOut] = []


class RevisionOut(BaseModel):
    """One stored revision of the record: when, from which file and line, what changed."""

    revision: int
    stored_at: str
    source_file: str | None = None
    source_line: int | None = None
    current: bool
    changed: list[str] = Field([], description="Fields that differ from the revision before.")


class ReportHeaderOut(BaseModel):
    """A report an incident's evidence comes from (its text: GET /api/reports/{id})."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    stored: bool = Field(description="False when the evidence names a report the store does not hold.")


class IncidentDetail(BaseModel):
    """Everything about one incident."""

    incident: IncidentOut
    traces: list[TraceOut]
    history: list[RevisionOut]
    reports: list[ReportHeaderOut]
    claims: list[dict[str, Any]] = Field([], description="Claims (exchange format) of the incident's reports: aggregates, denials, statements.")


class SpanOut(EvidenceOut):
    """An evidence span in a report, and the record that cites it."""

    record: str


class ReportOut(BaseModel):
    """A stored report: its text and every evidence span that records cite in it."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    text: str
    spans: list[SpanOut]


class SourceOut(BaseModel):
    """A source of reports (filled once consolidation, issue 4, brings the source registry)."""

    name: str
    kind: str | None = None
    affiliation: str | None = None
    reliability: str | None = None
