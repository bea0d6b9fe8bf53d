"""The differences between versions: incidents whose verdict depends on whose terms you read."""

from __future__ import annotations

from dataclasses import dataclass

from .data import ALLEGED, ComplianceData, Entry
from .reasons import reason_text


@dataclass(frozen=True)
class Reading:
    """An incident's verdict under one version, with why."""

    version: str
    verdict: str  # violation | undetermined | no_violation | not_applicable | not_judged
    detail: str  # the reason or the unknown tests: 'out_of_scope', 'time, scope', or ''
    why: str  # one sentence with the figures compared
    alleged: bool = False  # a violation on facts only the other side gives (grade alleged)

    @property
    def label(self) -> str:
        """The verdict as printed: 'alleged violation' when only the other side says it happened."""
        return f"alleged {self.verdict}" if self.alleged else self.verdict


@dataclass(frozen=True)
class Difference:
    """One incident and its reading under each version shown."""

    entry: Entry
    readings: tuple[Reading, ...]


def readings(data: ComplianceData, entry: Entry) -> tuple[Reading, ...]:
    """The incident's reading under each version shown, in the versions' order."""
    out = []
    for version in data.versions:
        row = entry.verdicts.get(version)
        detail = "" if row is None else (row.reason or ", ".join(row.unknown))
        verdict = entry.verdict(version)
        out.append(Reading(version, verdict, detail, reason_text(data.agreement, version, entry.record, row),
                           alleged=verdict == "violation" and entry.grade == ALLEGED))
    return tuple(out)


def version_differences(data: ComplianceData) -> tuple[Difference, ...]:
    """Incidents whose verdict or reason differs between the versions shown, by time then id."""
    if len(data.versions) < 2:
        return ()
    return tuple(Difference(e, readings(data, e)) for e in data.entries if e.differs(data.versions))
