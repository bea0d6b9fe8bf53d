"""Verdicts and their traces (spec: agreements.md, "How an incident is judged")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from .incident import Evidence

VERDICTS = ("violation", "undetermined", "no_violation", "not_applicable")  # most severe first
REASONS = ("before_start", "after_end", "in_flight_exempt", "out_of_scope")
TESTS = ("party", "time", "in_flight", "scope")
ANSWERS = ("yes", "no", "unknown")
PERFORM_STATUSES = ("fulfilled", "pending", "breached")


@dataclass(frozen=True)
class TestResult:
    """One test of one commitment: its answer, the figures it compared, the evidence."""

    name: str  # one of TESTS
    answer: str  # one of ANSWERS
    reason: str | None = None  # one of REASONS when answer == "no"
    figures: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None  # e.g. "launch time unknown: assumed after the start"
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class CommitmentVerdict:
    """The verdict of one commitment on one incident, with all four tests."""

    commitment: str
    verdict: str  # violation | no_violation | undetermined
    reason: str | None
    unknown: tuple[str, ...]
    tests: tuple[TestResult, ...]


@dataclass(frozen=True)
class Verdict:
    """An incident's verdict under one version, and the trace that reached it."""

    incident_id: str
    agreement_id: str
    version: str
    verdict: str  # one of VERDICTS
    reason: str | None = None
    unknown: tuple[str, ...] = ()
    commitment: str | None = None
    outcome: str | None = None  # shown beside the verdict (an intercepted strike counts)
    trace: tuple[CommitmentVerdict, ...] = ()  # empty when only the summary was kept


@dataclass(frozen=True)
class PerformStatus:
    """A positive commitment's state as of a moment."""

    version: str
    commitment: str
    status: str  # one of PERFORM_STATUSES
    as_of: datetime
    by: datetime | None
    quantity: int | None
    done: Mapping[str, int]  # party -> number counted by the deadline
    records: tuple[str, ...]  # ids of the fulfilment records counted
