"""Consolidation on the core service: accounts into incidents, sources and grades (issue 4).

Part of Ceasewatch (a mixin, like analyst.py): it keeps the core module to the pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .consolidate import RULES_VERSION, ConsolidationOutcome, incident_builder, plan_consolidation, plan_incremental
from .sources import SourceRegistry, load_registry
from .store.analyst import CONSOLIDATED, CONSOLIDATION_OWED, REGISTRY_KEY, REGISTRY_NAME_KEY
from .store.records import ACCOUNTS_CHANGED

if TYPE_CHECKING:
    from .store import Store


# Above this many changed accounts (or this share of the incidents), looking up each one's
# neighbours costs more than grouping everything again: a bulk load is consolidated whole.
INCREMENTAL_MIN = 500
INCREMENTAL_SHARE = 0.02


class Consolidating:
    """consolidate(), the source registry, incident details; part of Ceasewatch."""

    store: Store

    def consolidate(self) -> ConsolidationOutcome:
        """Group the stored accounts into incidents, rebuilding only those whose inputs changed.

        docs/consolidation.md gives the rules; the analyst's corrections are replayed from
        the audit log, so they survive every re-run. When no account, log entry, registry
        or rule changed since the last consolidation, nothing is read.
        """
        log = self.store.analyst_log()
        registry = self.source_registry()
        stamp = (self.store.state(ACCOUNTS_CHANGED) or "", str(log[-1].seq if log else 0), registry.content_hash,
                 RULES_VERSION)
        last = (self.store.state(CONSOLIDATED) or "").split("|")
        if last == list(stamp):
            if self.store.state(CONSOLIDATION_OWED) is not None:
                self.store.set_state({CONSOLIDATION_OWED: None})
            return ConsolidationOutcome(self.store.count_accounts(None), self.store.count_records(None), 0, 0)
        stored_bases = self.store.incident_bases()
        changed = self.store.changed_accounts() if len(last) == 4 and last[1:] == list(stamp[1:]) else None
        if changed is not None and len(changed) <= max(INCREMENTAL_MIN, len(stored_bases) * INCREMENTAL_SHARE):
            # Only a few accounts changed since the last consolidation: regroup what they can reach.
            plan, infos = plan_incremental(self.store, changed, log, stored_bases, registry.content_hash)
            total = len(set(stored_bases) - set(plan.removed) | set(plan.groups))
        else:
            summaries, infos = self.store.account_summaries()
            plan = plan_consolidation(summaries, infos, log, stored_bases, registry.content_hash)
            total = len(plan.groups)
        rebuilt, removed = self.store.save_consolidation(
            plan.members(), incident_builder(plan, infos, registry), plan.removed
        )
        self.store.set_state({CONSOLIDATION_OWED: None, CONSOLIDATED: "|".join(stamp)})
        return ConsolidationOutcome(self.store.count_accounts(None), total, rebuilt, removed)

    def source_registry(self) -> SourceRegistry:
        """The source registry stored by the last sources file ingested, else the built-in one."""
        text = self.store.state(REGISTRY_KEY)
        return load_registry(text, self.store.state(REGISTRY_NAME_KEY) or "<stored sources>") if text else load_registry()

    def sources(self) -> list:
        """The sources of the registry in use (docs/sources.md), sorted by name."""
        return list(self.source_registry().sources)

    def incident_details(self, incident_id: str) -> dict:
        """How an incident was consolidated: its accounts and their sources, disagreements,
        corrections, grade and the rule that gave it (NotFound if there is no such incident)."""
        return self.store.consolidation(self.resolve_id(incident_id))

