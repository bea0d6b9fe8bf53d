"""Response shapes of one incident's page: traces, history, reports, and of reports themselves."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from .schemas import EvidenceOut, IncidentOut, Verdict
from .schemas_consolidation import AccountOut, CorrectionOut, DisagreementOut, LogEntryOut


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
    """Everything about one incident: its record, how it was consolidated and graded, its verdicts."""

    requested_id: str = Field(description="The id asked for: the incident's own, or that of one of its accounts.")
    incident: IncidentOut
    grade: str | None = Field(None, description="Credibility grade (docs/sources.md); null when not graded.")
    grade_rule: str | None = Field(None, description="The sentence of the rule that gave the grade.")
    accounts: list[AccountOut] = Field([], description="Each report's or feed row's account of the incident.")
    disagreements: list[DisagreementOut] = []
    corrections: list[CorrectionOut] = Field([], description="The analyst's field corrections applied to it.")
    analyst_history: list[LogEntryOut] = Field([], description="Every analyst log entry that touched it, oldest first.")
    traces: list[TraceOut]
    history: list[RevisionOut] = Field(description="Revisions of the stored record (not the analyst's log).")
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
