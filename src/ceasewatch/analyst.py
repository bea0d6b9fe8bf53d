"""The analyst's hand on the core service: corrections that survive every re-run (issue 4).

Each action checks its input, appends one entry to the append-only audit log, then
consolidates and judges again, so the change shows at once. Entries are anchored on the
accounts of the incident they were made on, never on its id alone: ids may change as new
reports join an incident, accounts do not (docs/consolidation.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .consolidate import LogEntry
from .consolidate.analyst import check_grade, check_verdict, corrected_value, parse_value, verdict_overrides
from .consolidate.corrections import active_overrides, per_incident
from .errors import ConfigError
from .store.rows import VerdictRow

if TYPE_CHECKING:
    from .store import Store


class AnalystActions:
    """Correct, merge, split, grade, override, and read the log; part of Ceasewatch."""

    store: Store  # and judge_pending(), agreement(): provided by Ceasewatch

    def resolve_id(self, any_id: str) -> str:
        """The incident an id names now: its own id, or that of an account in it (NotFound if none)."""
        return self.store.resolve_incident_id(any_id)

    def correct(self, incident_id: str, field: str, value: Any, *, by: str, reason: str) -> LogEntry:
        """Set one field of an incident (`counts.killed` for a count); `value` as typed is parsed as JSON."""
        incident_id = self.resolve_id(incident_id)
        value = parse_value(value) if isinstance(value, str) else value
        before, after = corrected_value(self.store.record(incident_id), field, value)
        return self._log(incident_id, "correct", by, reason, field=field, before=before, after=after)

    def merge(self, incident_ids: Iterable[str], *, by: str, reason: str) -> LogEntry:
        """Make two or more incidents one, whatever the merge rules say."""
        ids = sorted({self.resolve_id(i) for i in incident_ids})
        if len(ids) < 2:
            raise ConfigError("merge needs two or more different incidents")
        kinds = {self.store.record(i).get("kind", "strike") for i in ids}
        if len(kinds) > 1:
            raise ConfigError(f"cannot merge records of different kinds ({', '.join(sorted(kinds))})")
        accounts = [a for i in ids for a in self.store.accounts_of(i)]
        return self._log(ids[0], "merge", by, reason, accounts=accounts, before=ids)

    def split(self, incident_id: str, account_ids: Iterable[str], *, by: str, reason: str) -> LogEntry:
        """Take the accounts named out of an incident: they become an incident of their own."""
        incident_id = self.resolve_id(incident_id)
        members = self.store.accounts_of(incident_id)
        moved = sorted(set(account_ids))
        strangers = [a for a in moved if a not in members]
        if strangers:
            raise ConfigError(f"{', '.join(strangers)} not among the accounts of {incident_id}: {', '.join(members)}")
        if not moved or len(moved) == len(members):
            raise ConfigError(f"name some but not all of the accounts of {incident_id}: {', '.join(members)}")
        return self._log(incident_id, "split", by, reason, accounts=moved, before=members, after=moved)

    def set_grade(self, incident_id: str, grade: str, *, by: str, reason: str) -> LogEntry:
        """Set an incident's credibility grade (`auto` gives it back to the rules)."""
        incident_id = self.resolve_id(incident_id)
        before = self.store.consolidation(incident_id).get("grade")
        return self._log(incident_id, "grade", by, reason, before=before, after=check_grade(grade))

    def override_verdict(
        self, incident_id: str, verdict: str, *, agreement: str, version: str, by: str, reason: str
    ) -> LogEntry:
        """Replace the engine's verdict under one version (`auto` gives it back to the engine)."""
        incident_id = self.resolve_id(incident_id)
        self.agreement(agreement).version(version)  # NotFound / KeyError naming what exists
        current = {v.version: v.verdict for v in self.store.verdicts(agreement) if v.incident_id == incident_id}
        entry = self._log(
            incident_id, "override", by, reason, agreement_id=agreement, version=version,
            before=current.get(version), after=check_verdict(verdict), judge=False,
        )
        self.store.forget_verdicts(agreement, [incident_id])
        self.judge_pending()
        return entry

    def active_overrides(self, incident_id: str) -> dict[tuple[str, str], LogEntry]:
        """(agreement, version) -> the analyst's override standing on this incident's verdict."""
        incident_id = self.resolve_id(incident_id)
        log, incident_of = self._override_log()
        return active_overrides(per_incident(log, incident_of, ("override",)).get(incident_id, []))

    def _overrides(self, agreement_id: str, incident_ids: list[str]) -> dict[tuple[str, str], VerdictRow]:
        """(incident, version) -> the verdict row an analyst set, for the incidents given (judging)."""
        log, incident_of = self._override_log(agreement_id)
        wanted = set(incident_ids)
        return {key: row for key, row in verdict_overrides(log, incident_of).items() if key[0] in wanted}

    def _override_log(self, agreement_id: str | None = None) -> tuple[list[LogEntry], dict[str, str]]:
        """The override entries (of one agreement, if named) and the incidents their anchors are in now."""
        log = [e for e in self.store.analyst_log()
               if e.action == "override" and agreement_id in (None, e.agreement_id)]
        return log, self.store.incident_of_accounts(a for e in log for a in e.accounts) if log else {}

    def analyst_history(self, incident_id: str) -> list[LogEntry]:
        """Every log entry that touched this incident's accounts (or was made on its id), oldest first."""
        incident_id = self.resolve_id(incident_id)
        accounts = set(self.store.accounts_of(incident_id))
        return [e for e in self.store.analyst_log() if e.incident_id == incident_id or accounts.intersection(_touched(e))]

    def _log(self, incident_id: str, action: str, by: str, reason: str, *, accounts: Iterable[str] | None = None,
             judge: bool = True, **fields: Any) -> LogEntry:
        if not reason.strip():
            raise ConfigError("a reason is required: the audit log says why every change was made")
        if not by.strip():
            raise ConfigError("say who makes the change (--by, or CEASEWATCH_ANALYST)")
        anchors = tuple(accounts if accounts is not None else self.store.accounts_of(incident_id))
        entry = self.store.append_log(LogEntry(0, "", by.strip(), action, incident_id, anchors, reason.strip(), **fields))
        if judge:
            self.judge_pending()
        return entry


def _touched(entry: LogEntry) -> set[str]:
    """The accounts an entry concerns: its anchors, and for a split the incident it was split from."""
    touched = set(entry.accounts)
    if entry.action == "split" and isinstance(entry.before, list):
        touched.update(entry.before)
    return touched
