"""One consolidated incident: merged record, corrections, sources, grade, and its basis.

The basis is a hash of everything the incident is built from (its accounts' contents, the
corrections that apply to it, the source registry, the incidents its accounts also fitted,
and this module's rules version). Consolidation rebuilds an incident only when its basis
changes, so re-running over the same reports writes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Mapping

from ..sources import AccountAttestation, AnalystGrade, SourceRegistry, grade_incident
from .clustering import AccountGroup
from .corrections import LogEntry, apply_field_corrections, latest_grade
from .merging import merge_records

# Raised whenever the merge or grade rules change, so that every incident is rebuilt.
RULES_VERSION = "1"


@dataclass(frozen=True)
class AccountInfo:
    """What consolidation needs of one account besides its place in a group."""

    id: str
    content_hash: str
    report: str | None = None
    outlet: str | None = None
    source_file: str | None = None
    source_line: int | None = None


@dataclass(frozen=True)
class BuiltIncident:
    """One incident ready to store."""

    record: dict[str, Any]
    grade: str | None  # None for fulfilment records: they are not graded
    account_count: int
    basis: str
    consolidation: dict[str, Any]
    source_file: str | None = None  # the file of its account, when it has one account
    source_line: int | None = None


def basis_of(group: AccountGroup, infos: Mapping[str, AccountInfo], entries: list[LogEntry], registry_hash: str) -> str:
    """The hash of everything `group`'s incident is built from."""
    digest = hashlib.sha256(f"{RULES_VERSION}\x00{registry_hash}\x00".encode())
    for member in group.members:
        digest.update(f"{member}\x00{infos[member].content_hash}\x00".encode())
    for entry in entries:
        digest.update(f"log:{entry.seq}\x00".encode())
    for member, others in sorted(group.alternatives.items()):
        digest.update(f"alt:{member}:{','.join(others)}\x00".encode())
    return digest.hexdigest()


def build_incident(
    group: AccountGroup,
    records: Mapping[str, dict[str, Any]],
    infos: Mapping[str, AccountInfo],
    entries: list[LogEntry],
    registry: SourceRegistry,
    basis: str,
) -> BuiltIncident:
    """Merge the group's accounts, apply the analyst's corrections, resolve sources, grade."""
    members = [records[m] for m in group.members]
    record, disagreements = merge_records(group.id, members)
    applied = apply_field_corrections(record, entries)
    kind = record.get("kind", "strike")
    accounts = [_account_entry(records[m], infos[m], registry, record.get("country")) for m in group.members]
    consolidation: dict[str, Any] = {
        "accounts": [entry for entry, _ in accounts],
        "reports": sorted({infos[m].report for m in group.members if infos[m].report}),
        "disagreements": disagreements,
        "corrections": applied,
        "alternatives": {m: list(others) for m, others in sorted(group.alternatives.items())},
    }
    grade = None
    if kind == "strike":
        analyst = latest_grade(entries)
        graded = grade_incident(
            record.get("actor"), [attestation for _, attestation in accounts],
            AnalystGrade(analyst.after, analyst.by, analyst.reason) if analyst else None,
        )
        grade = graded.grade
        consolidation["grade_rule"] = graded.rule
    single = infos[group.members[0]] if len(group.members) == 1 else None
    return BuiltIncident(
        record, grade, len(group.members), basis, consolidation,
        single.source_file if single else None, single.source_line if single else None,
    )


def _account_entry(
    record: dict[str, Any], info: AccountInfo, registry: SourceRegistry, country: str | None
) -> tuple[dict[str, Any], AccountAttestation]:
    """An account as the incident shows it, and what it attests for grading."""
    country = record.get("country") or country
    speakers = [registry.resolve(name, country=country) for name in record.get("claimed_by") or ()]
    outlet = registry.resolve(info.outlet, country=country) if info.outlet else None
    attesters = tuple(speakers) if speakers else ((outlet,) if outlet else (registry.resolve(None, country=country),))
    deniers = tuple(registry.resolve(name, country=country) for name in record.get("denied_by") or ())
    entry = {
        "id": record["id"],
        "report": info.report,
        "outlet": _attester_json(outlet) if outlet else None,
        "source_file": info.source_file,
        "attesters": [_attester_json(a) for a in attesters],
        "deniers": [_attester_json(a) for a in deniers],
        "place": record.get("place"),
        "start": record.get("start"),
        "end": record.get("end"),
        "actor": record.get("actor"),
        "targets": record.get("targets") or [],
    }
    return entry, AccountAttestation(record["id"], attesters, deniers, record.get("actor"))


def _attester_json(attester: Any) -> dict[str, Any]:
    return {
        "label": attester.label,
        "source": attester.source.name if attester.source else None,
        "kind": attester.kind,
        "affiliation": attester.affiliation,
        "reliability": attester.reliability,
        "rule": attester.rule,
    }


def consolidation_json(consolidation: dict[str, Any]) -> str:
    """The stored text of an incident's consolidation details."""
    return json.dumps(consolidation, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
