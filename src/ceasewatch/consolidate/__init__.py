"""Consolidation: one incident from many reports' accounts, with the analyst's corrections (docs/consolidation.md)."""

from .accounts import AccountSummary
from .build import RULES_VERSION, AccountInfo, BuiltIncident
from .clustering import AccountGroup, group_accounts
from .corrections import ACTIONS, LogEntry
from .merging import merge_records
from .plan import ConsolidationOutcome, ConsolidationPlan, incident_builder, plan_consolidation, plan_incremental

__all__ = [
    "ACTIONS", "AccountGroup", "AccountInfo", "AccountSummary", "BuiltIncident", "ConsolidationOutcome",
    "ConsolidationPlan", "LogEntry", "RULES_VERSION", "group_accounts", "incident_builder", "merge_records",
    "plan_consolidation", "plan_incremental",
]
