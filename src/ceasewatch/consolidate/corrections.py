"""The analyst's hand: replaying the audit log into what consolidation must respect.

Every change an analyst makes is one row of the append-only log, anchored on the accounts
of the incident it was made on (account ids never change; incident ids may, as accounts
join). Replaying the log in order gives:
- merges: sets of accounts that stay in one incident, and splits: pairs that stay apart
  (a later merge undoes an earlier split of the same accounts, and the other way round);
- field corrections, grades and verdict overrides, each applied to the incident that holds
  most of its anchor accounts (ties: the smallest incident id), the latest one winning.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

ACTIONS = ("correct", "merge", "split", "grade", "override")


@dataclass(frozen=True)
class LogEntry:
    """One row of the analyst log."""

    seq: int
    at: str  # UTC time text
    by: str
    action: str  # one of ACTIONS
    incident_id: str  # as it was called when the change was made
    accounts: tuple[str, ...]  # the anchor accounts
    reason: str
    field: str | None = None
    before: Any = None
    after: Any = None
    agreement_id: str | None = None
    version: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The entry as JSON-ready data (history, API)."""
        return {
            "seq": self.seq, "at": self.at, "by": self.by, "action": self.action, "incident": self.incident_id,
            "accounts": list(self.accounts), "field": self.field, "agreement": self.agreement_id,
            "version": self.version, "before": self.before, "after": self.after, "reason": self.reason,
        }


@dataclass
class Constraints:
    """What the log says about grouping: accounts kept together, pairs kept apart."""

    together: list[set[str]] = field(default_factory=list)
    apart: set[tuple[str, str]] = field(default_factory=set)


def grouping_constraints(log: Iterable[LogEntry]) -> Constraints:
    """Replay merges and splits in log order."""
    out = Constraints()
    for entry in log:
        if entry.action == "merge":
            merged = set(entry.accounts)
            out.apart = {p for p in out.apart if not (p[0] in merged and p[1] in merged)}
            joined = [s for s in out.together if s & merged]
            out.together = [s for s in out.together if not s & merged] + [merged.union(*joined)]
        elif entry.action == "split":
            moved = set(entry.accounts)
            rest = set(entry.before or ()) - moved
            out.apart |= {_pair(a, b) for a in moved for b in rest}
            kept: list[set[str]] = []
            for s in out.together:
                for part in (s & moved, s - moved):
                    if len(part) > 1:
                        kept.append(part)
            out.together = kept
    return out


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def anchored_incident(anchors: Iterable[str], incident_of: Mapping[str, str]) -> str | None:
    """The incident holding most of the anchor accounts (ties: the smallest id); None if none."""
    votes = Counter(incident_of[a] for a in anchors if a in incident_of)
    if not votes:
        return None
    return min(votes, key=lambda incident_id: (-votes[incident_id], incident_id))


def per_incident(log: Iterable[LogEntry], incident_of: Mapping[str, str], actions: tuple[str, ...]) -> dict[str, list[LogEntry]]:
    """The entries of `actions` by the incident they now apply to, in log order."""
    out: dict[str, list[LogEntry]] = {}
    for entry in log:
        if entry.action in actions:
            target = anchored_incident(entry.accounts, incident_of)
            if target is not None:
                out.setdefault(target, []).append(entry)
    return out


def apply_field_corrections(record: dict[str, Any], entries: list[LogEntry]) -> list[dict[str, Any]]:
    """Set each corrected field (dotted for counts: counts.killed) on the record; the applied list."""
    applied = []
    for entry in entries:
        if entry.action != "correct" or entry.field is None:
            continue
        if "." in entry.field:
            outer, inner = entry.field.split(".", 1)
            record[outer] = {**(record.get(outer) or {}), inner: entry.after}
        else:
            record[entry.field] = entry.after
        applied.append({"seq": entry.seq, "field": entry.field, "value": entry.after, "by": entry.by,
                        "at": entry.at, "reason": entry.reason})
    return applied


def latest_grade(entries: list[LogEntry]) -> LogEntry | None:
    """The last grade set, unless it was cleared ('auto') afterwards."""
    grades = [e for e in entries if e.action == "grade"]
    if not grades or grades[-1].after in (None, "auto"):
        return None
    return grades[-1]


def active_overrides(entries: list[LogEntry]) -> dict[tuple[str, str], LogEntry]:
    """(agreement, version) -> the last override of that verdict, unless cleared afterwards."""
    out: dict[tuple[str, str], LogEntry] = {}
    for entry in entries:
        if entry.action != "override":
            continue
        key = (entry.agreement_id, entry.version)
        if entry.after in (None, "auto"):
            out.pop(key, None)
        else:
            out[key] = entry
    return out
