"""The method annex: the terms as read, the rules, the grading scale, sources and fingerprint."""

from __future__ import annotations

from dataclasses import dataclass

from ...geodata import basemap
from ...ingest import format_duration
from ...model import Commitment
from ...model.interval import format_utc
from .data import GRADES, UNGRADED, ComplianceData
from .reasons import short_interval

RULES = (
    ("party", ("The commitment binds the incident's actor. With the actor unknown, every commitment is "
              "considered and the answer is unknown.")),
    ("time", ("The impact interval [a, b] lies inside the window: a ≥ latest start (plus grace) and b ≤ earliest "
             "end gives yes; b before the earliest start gives no (before_start); a after the latest end gives no "
             "(after_end); a partial overlap is unknown.")),
    ("in_flight", ("Where a version exempts strikes already in flight, a launch before the earliest start gives no "
                  "(in_flight_exempt); a launch straddling the start is unknown; an unknown launch time is "
                  "assumed to be after the start, and the trace says so.")),
    ("scope", ("The targets' taxonomy codes fall at or below a code the commitment names, or the incident is at a "
              "listed site (within the list's tolerance); a code above one named, or a coarse place near a site, "
              "is unknown; outside a commitment's area is no (out_of_scope).")),
    ("verdict", ("violation when all four tests say yes; no_violation with the first reason where any says no; "
                "otherwise undetermined, naming the unknown tests. Of several commitments the most severe "
                "verdict decides (violation, then undetermined, then no_violation), the first in the file among "
                "equals; not_applicable when the version binds the known actor to nothing.")),
    ("outcome", "An intercepted strike counts as a strike: it is judged like a hit."),
)

GRADE_MEANINGS = {
    "confirmed": "the actor acknowledges it, or an independent monitor verified it",
    "corroborated": "two or more independent sources, or an independent and a party source",
    "reported": "one independent source",
    "alleged": "only the other side says so",
    "contested": "the actor's side denies it, or responsibility is claimed both ways",
    "discounted": "set aside by an analyst, with a reason",
    UNGRADED: "not graded yet: the incident has not been through consolidation",
}


@dataclass(frozen=True)
class CommitmentLine:
    """One commitment of one version, its window in UTC and its scope, as the table shows it."""

    version: str
    id: str
    parties: str
    act: str
    scope: str
    start: str
    end: str
    details: str


@dataclass(frozen=True)
class MethodAnnex:
    """Everything a reader needs to reproduce the report."""

    agreement: str
    timezone: str
    versions: tuple[tuple[str, str, str], ...]  # key, label, stated by
    events: tuple[tuple[str, str, str], ...]  # name, interval in UTC, source
    commitments: tuple[CommitmentLine, ...]
    rules: tuple[tuple[str, str], ...]
    grades: tuple[tuple[str, str], ...]
    sources: tuple[tuple[str, str], ...]  # what, where it came from and its licence
    software: tuple[tuple[str, str], ...]
    fingerprint: str
    period: str
    generated: str


def method_annex(data: ComplianceData, period: str) -> MethodAnnex:
    """The method annex of `data`; `period` is the period as the report states it."""
    a = data.agreement
    versions = tuple((v.key, v.label or "", ", ".join(v.stated_by)) for v in a.versions.values())
    events = tuple((e.name, short_interval(e.interval), e.source or "") for e in a.events.values())
    commitments = tuple(
        _commitment_line(key, c) for key in data.versions for c in a.versions[key].commitments
    )
    return MethodAnnex(
        agreement=f"{a.id}: {a.title}" if a.title else a.id,
        timezone=a.timezone,
        versions=versions,
        events=events,
        commitments=commitments,
        rules=RULES,
        grades=tuple((g, GRADE_MEANINGS[g]) for g in (*GRADES, UNGRADED)),
        sources=_sources(data),
        software=data.software,
        fingerprint=data.fingerprint,
        period=period,
        generated=format_utc(data.as_of),
    )


def _commitment_line(version: str, c: Commitment) -> CommitmentLine:
    parties = ", ".join(c.parties)
    if c.mode == "perform":
        return CommitmentLine(version, c.id, parties, f"perform {c.act}", f"{c.quantity} each party",
                              "", format_utc(c.by) if c.by else "", "deadline")
    scope = []
    if c.target_codes is not None:
        scope.append(", ".join(c.targets))
    if c.sites:
        scope.append("sites: " + ", ".join(c.sites))
    if c.area is not None:
        scope.append("area: " + (c.area.file or ", ".join(c.area.countries)))
    details = [f"from {c.start_ref}", f"in flight {c.in_flight}"]
    if c.grace:
        details.append(f"grace {format_duration(c.grace)}")
    return CommitmentLine(version, c.id, parties, f"refrain from {c.act}", "; ".join(scope) or "every target",
                          short_interval(c.start), short_interval(c.end) if c.end else "no end", "; ".join(details))


def _sources(data: ComplianceData) -> tuple[tuple[str, str], ...]:
    out = [(f"agreement file {data.agreement.source_name}", "written by the monitor; stored verbatim")]
    for key, site_list in data.agreement.site_lists.items():
        out.append((f"site list {key}: {site_list.file}", f"{len(site_list.sites):,} sites; licence as its file states"))
    for name, count in data.record_files:
        out.append((f"records from {name or 'no file (entered through the API or tests)'}", f"{count:,} records"))
    for outlet, count in data.report_outlets:
        out.append((f"reports from {outlet or 'an unnamed outlet'}", f"{count:,} reports; quoted as evidence"))
    shapes = basemap()
    if shapes is not None:
        out.append(("map regions", f"{shapes.attribution}"))
    return tuple(out)
