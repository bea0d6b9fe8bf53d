"""What a consolidation run must do: the groups, and which incidents to rebuild or remove."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Protocol, Sequence

from ..sources import SourceRegistry
from .accounts import AccountSummary
from .build import AccountInfo, BuiltIncident, basis_of, build_incident
from .closure import NearQuery, Summaries, affected_accounts
from .clustering import AccountGroup, group_accounts
from .corrections import LogEntry, grouping_constraints, per_incident

# The log entries that change an incident's record or grade (overrides change verdicts only).
RECORD_ACTIONS = ("correct", "grade")


@dataclass(frozen=True)
class ConsolidationPlan:
    """The groups of a consolidation, and the work it leaves to do."""

    groups: dict[str, AccountGroup]  # incident id -> its accounts
    entries: dict[str, list[LogEntry]]  # incident id -> corrections that apply to it
    bases: dict[str, str]  # incident id -> basis
    changed: list[str]  # incidents to (re)build, sorted
    removed: list[str]  # stored incidents no group is called by any more, sorted

    def members(self) -> list[tuple[str, tuple[str, ...]]]:
        """(incident id, account ids) of the incidents to rebuild."""
        return [(incident_id, self.groups[incident_id].members) for incident_id in self.changed]


@dataclass(frozen=True)
class ConsolidationOutcome:
    """What a consolidation did."""

    accounts: int
    incidents: int
    rebuilt: int
    removed: int


def plan_consolidation(
    summaries: Sequence[AccountSummary],
    infos: Mapping[str, AccountInfo],
    log: Sequence[LogEntry],
    stored_bases: Mapping[str, str | None],
    registry_hash: str,
) -> ConsolidationPlan:
    """Group the accounts (respecting the analyst's merges and splits) and compare with what is stored."""
    constraints = grouping_constraints(log)
    grouped = group_accounts(summaries, constraints.together, constraints.apart)
    incident_of = {member: g.id for g in grouped for member in g.members}
    return _plan(grouped, incident_of, log, infos, stored_bases, registry_hash, set(stored_bases))


def plan_incremental(
    store: AccountSource,
    changed_accounts: set[str],
    log: Sequence[LogEntry],
    stored_bases: Mapping[str, str | None],
    registry_hash: str,
) -> tuple[ConsolidationPlan, dict[str, AccountInfo]]:
    """The same plan as plan_consolidation, regrouping only what new or changed accounts can reach.

    Valid when the log and the registry are those of the last consolidation: every incident
    outside the reach of the changed accounts is then as it was (docs/consolidation.md).
    Returns the plan and the infos of the accounts it regroups.
    """
    constraints = grouping_constraints(log)
    reach, infos = affected_accounts(
        changed_accounts, store.summaries_of, store.accounts_near, store.incident_of_accounts,
        store.accounts_of, constraints.together,
    )
    grouped = group_accounts(
        reach.values(),
        [set(g) & reach.keys() for g in constraints.together],
        [pair for pair in constraints.apart if pair[0] in reach and pair[1] in reach],
    )
    anchors = {a for e in log for a in e.accounts}
    incident_of = dict(store.incident_of_accounts(anchors | reach.keys()))
    before = {incident_of[a] for a in reach if a in incident_of}
    incident_of.update((member, g.id) for g in grouped for member in g.members)
    return _plan(grouped, incident_of, log, infos, stored_bases, registry_hash, before), infos


def _plan(
    grouped: list[AccountGroup],
    incident_of: Mapping[str, str],
    log: Sequence[LogEntry],
    infos: Mapping[str, AccountInfo],
    stored_bases: Mapping[str, str | None],
    registry_hash: str,
    before: set[str],
) -> ConsolidationPlan:
    """The plan for these groups: `incident_of` maps every account the log names to its incident
    now; `before` holds the stored incidents the groups replace (those not regrouped are removed)."""
    groups = {g.id: g for g in grouped}
    entries = per_incident(log, incident_of, RECORD_ACTIONS)
    bases = {gid: basis_of(g, infos, entries.get(gid, []), registry_hash) for gid, g in groups.items()}
    changed = sorted(gid for gid, basis in bases.items() if stored_bases.get(gid) != basis)
    return ConsolidationPlan(groups, entries, bases, changed, sorted(before - set(groups)))


class AccountSource(Protocol):
    """What plan_incremental reads from the store."""

    def summaries_of(self, ids: Iterable[str]) -> Summaries: ...
    def accounts_near(self, query: NearQuery) -> Summaries: ...
    def incident_of_accounts(self, ids: Iterable[str]) -> dict[str, str]: ...
    def accounts_of(self, incident_id: str) -> list[str]: ...


def incident_builder(plan: ConsolidationPlan, infos: Mapping[str, AccountInfo], registry: SourceRegistry):
    """The function the store calls with each chunk of incidents to rebuild and their records."""

    def build(chunk: Sequence[tuple[str, tuple[str, ...]]], records: dict[str, dict[str, Any]]) -> list[BuiltIncident]:
        return [
            build_incident(plan.groups[gid], records, infos, plan.entries.get(gid, []), registry, plan.bases[gid])
            for gid, _ in chunk
        ]

    return build
