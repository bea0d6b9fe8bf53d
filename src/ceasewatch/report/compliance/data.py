"""ComplianceData: everything a compliance report shows, read once from the store."""

from __future__ import annotations

import platform
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from importlib import metadata
from typing import Any

from ... import __version__
from ...adjudicate import perform_status
from ...consolidate.count_groups import (
    COUNTED_KINDS,
    CountGroup,
    group_counts,
    select_groups,
)
from ...model import Agreement, Fulfilment, PerformStatus, parse_instant
from ...model.incident import KINDS
from ...model.verdict import VERDICTS
from ...store import IncidentQuery, Store, VerdictRow
from ...store.provenance import ReportHeader
from .excerpts import CitedSentences, report_excerpts

GRADES = ("confirmed", "corroborated", "reported", "alleged", "contested", "discounted")
UNGRADED = "ungraded"  # an incident that consolidation has not graded (yet)
ALLEGED = "alleged"  # only the other side says so: a violation of this grade is printed as alleged
UNKNOWN_ACTOR = "unknown"
NOT_JUDGED = "not_judged"  # an incident with no stored verdict under a version
VERDICT_COLUMNS = (*VERDICTS, NOT_JUDGED)
# Libraries whose versions can change a report's bytes: printed in the method annex.
_LIBRARIES = ("Jinja2", "matplotlib")


@dataclass(frozen=True)
class Entry:
    """One strike in the report: its exchange-format record, grade and verdict per version."""

    record: Mapping[str, Any]
    grade: str
    verdicts: Mapping[str, VerdictRow]

    @property
    def id(self) -> str:
        return self.record["id"]

    @property
    def actor(self) -> str:
        """The actor's party code, or 'unknown'."""
        return self.record.get("actor") or UNKNOWN_ACTOR

    @cached_property
    def start(self) -> datetime | None:
        """The earliest impact time (UTC), None when unknown."""
        text = self.record.get("start")
        return None if text is None else parse_instant(text)

    @cached_property
    def end(self) -> datetime | None:
        """The latest impact time (UTC), None when unknown."""
        text = self.record.get("end")
        return None if text is None else parse_instant(text)

    def verdict(self, version: str) -> str:
        """The verdict under `version`, or 'not_judged'."""
        row = self.verdicts.get(version)
        return NOT_JUDGED if row is None else row.verdict

    def differs(self, versions: tuple[str, ...]) -> bool:
        """True when the verdict or its reason changes from one of `versions` to another."""
        seen = {(self.verdict(v), *_reason_key(self.verdicts.get(v))) for v in versions}
        return len(seen) > 1


@dataclass(frozen=True)
class ComplianceData:
    """The inputs of one report: one agreement, a period, the versions shown, the strikes."""

    agreement: Agreement
    versions: tuple[str, ...]
    time_from: datetime | None
    time_to: datetime | None
    as_of: datetime  # the stated generation time; perform commitments are judged at it
    entries: tuple[Entry, ...]  # by start time (unknown last), then id
    stored_strikes: int
    commitments: tuple[PerformStatus, ...]
    fingerprint: str
    reports: Mapping[str, ReportHeader] = field(default_factory=dict)
    record_files: tuple[tuple[str | None, int], ...] = ()
    report_outlets: tuple[tuple[str | None, int], ...] = ()
    software: tuple[tuple[str, str], ...] = ()
    excerpts: Mapping[str, CitedSentences] = field(default_factory=dict)  # report id -> cited sentences
    counts: tuple[CountGroup, ...] = ()  # tallies of weapons side by side, for the period (docs/counts.md)

    def parties(self) -> tuple[str, ...]:
        """Actors to tabulate: the agreement's parties in file order, others sorted, then unknown."""
        seen = {e.actor for e in self.entries}
        known = list(self.agreement.parties)
        others = sorted(a for a in seen if a not in self.agreement.parties and a != UNKNOWN_ACTOR)
        tail = [UNKNOWN_ACTOR] if UNKNOWN_ACTOR in seen else []
        return tuple(known + others + tail)

    def party_name(self, code: str) -> str:
        """'RU (Russian Federation)', or the code alone when the agreement does not name it."""
        if code == UNKNOWN_ACTOR:
            return "actor unknown"
        name = self.agreement.parties.get(code)
        return f"{code} ({name})" if name else code

    def verdict_columns(self) -> tuple[str, ...]:
        """The verdicts tables count: every verdict, and 'not_judged' only when some incident lacks one."""
        unjudged = any(len(e.verdicts) < len(self.versions) for e in self.entries)
        return tuple(c for c in VERDICT_COLUMNS if c != NOT_JUDGED or unjudged)

    def grades(self) -> tuple[str, ...]:
        """The grades present, in the scale's order, ungraded last."""
        present = {e.grade for e in self.entries}
        return tuple(g for g in (*GRADES, UNGRADED) if g in present)


def gather_compliance_data(
    store: Store,
    agreement: Agreement,
    *,
    versions: tuple[str, ...],
    time_from: datetime | None,
    time_to: datetime | None,
    as_of: datetime,
    progress: Callable[[str], None] | None = None,
) -> ComplianceData:
    """Read the strikes of the period with their grades and verdicts, and the provenance."""
    say = progress or (lambda _: None)
    say("reading incidents and verdicts")
    query = IncidentQuery(agreement=agreement.id, time_from=time_from, time_to=time_to, sort="start")
    entries = []
    for row in store.incident_stream(query):
        verdicts = {v: row.verdicts[v] for v in versions if v in row.verdicts}
        entries.append(Entry(row.record, row.grade or UNGRADED, verdicts))
    say(f"read {len(entries):,} incidents; reading sources and the database fingerprint")
    fulfilments = [Fulfilment.from_record(r) for kind in KINDS if kind != "strike" for r in store.records(kind)]
    statuses = [s for s in perform_status(agreement, fulfilments, as_of) if s.version in versions]
    spans: dict[str, set[tuple[int, int]]] = {}
    for e in entries:
        for span in e.record.get("evidence") or ():
            spans.setdefault(span["report"], set()).add((span["start"], span["end"]))
    say(f"quoting evidence from {len(spans):,} reports")
    excerpts = report_excerpts(store.report_texts(spans), spans)
    say("grouping the tallies of weapons")
    counts = select_groups(group_counts(store.claims_of_kinds(COUNTED_KINDS)), time_from=time_from, time_to=time_to)
    return ComplianceData(
        agreement=agreement,
        versions=versions,
        time_from=time_from,
        time_to=time_to,
        as_of=as_of,
        entries=tuple(entries),
        stored_strikes=store.count_records("strike"),
        commitments=tuple(statuses),
        fingerprint=store.fingerprint(),
        reports=store.report_headers(spans),
        record_files=tuple(store.record_files()),
        report_outlets=tuple(store.report_outlets()),
        software=software_versions(),
        counts=tuple(counts),
        excerpts=excerpts,
    )


def software_versions() -> tuple[tuple[str, str], ...]:
    """ceasewatch, Python and the libraries that draw and write the report."""
    found = [("ceasewatch", __version__), ("Python", platform.python_version())]
    for name in _LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return tuple(found)


def _reason_key(row: VerdictRow | None) -> tuple[str, str]:
    if row is None:
        return ("", "")
    return (row.reason or "", ",".join(row.unknown))
