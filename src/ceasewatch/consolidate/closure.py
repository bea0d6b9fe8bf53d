"""Which accounts a change can reach: the part of the store a consolidation must regroup.

Two accounts *interact* when they could ever meet as candidates while grouping: both can
merge, their times overlap (with room to spare) and their places are within the largest
tolerance of each other, or in one region. Grouping never joins accounts that are not linked
by a chain of interactions, so grouping each connected part alone gives exactly what grouping
everything at once gives. A consolidation after new or changed accounts therefore regroups
only the accounts linked to them (and the incidents those were in), and leaves every other
incident as it is.
"""

from __future__ import annotations

import math
from collections import deque
from typing import Iterable, Mapping

from .accounts import PRECISION_RANK, AccountSummary
from .matching import MAX_TOLERANCE_KM, mergeable_time, widened

CELL_DEG = 0.5
SLOT_S = 3 * 3600.0
MARGIN_S = 3600.0  # beyond the matching slack: a generous reach only costs a larger closure
MARGIN_KM = 1.0
_ADMIN1_RANK = PRECISION_RANK["admin1"]


def affected_accounts(
    summaries: Iterable[AccountSummary],
    changed: Iterable[str],
    incident_of: Mapping[str, str],
    together: Iterable[Iterable[str]] = (),
) -> set[str]:
    """The accounts to regroup when `changed` accounts are new or revised.

    `incident_of`: account -> the incident it was in at the last consolidation. The result
    holds the changed accounts, every account linked to them by interactions, analyst merges
    or a shared stored incident, and nothing else.
    """
    by_id = {s.id: s for s in summaries}
    members: dict[str, list[str]] = {}
    for account_id, incident_id in incident_of.items():
        members.setdefault(incident_id, []).append(account_id)
    bound: dict[str, set[str]] = {}
    for group in together:
        group = {g for g in group if g in by_id}
        for account_id in group:
            bound.setdefault(account_id, set()).update(group)
    index = _Index(by_id.values())
    found: set[str] = set()
    queue = deque(c for c in changed if c in by_id)
    while queue:
        account_id = queue.popleft()
        if account_id in found:
            continue
        found.add(account_id)
        linked = set(members.get(incident_of.get(account_id, ""), ())) | bound.get(account_id, set())
        linked |= index.neighbours(by_id[account_id])
        queue.extend(linked - found)
    return found


class _Index:
    """Mergeable accounts by grid cell (or region, or parties) and time slot."""

    def __init__(self, accounts: Iterable[AccountSummary]):
        self.keys: dict[tuple, list[AccountSummary]] = {}
        for account in accounts:
            if _mergeable(account):
                for key in _own_keys(account):
                    self.keys.setdefault(key, []).append(account)

    def neighbours(self, account: AccountSummary) -> set[str]:
        if not _mergeable(account):
            return set()
        start, end = _reach(account)
        out = set()
        for key in _search_keys(account):
            for other in self.keys.get(key, ()):
                o_start, o_end = _reach(other)
                if o_start <= end and start <= o_end:
                    out.add(other.id)
        out.discard(account.id)
        return out


def _mergeable(account: AccountSummary) -> bool:
    if account.start is None or account.end is None:
        return False
    if account.kind != "strike":
        return True
    return account.rank <= _ADMIN1_RANK and mergeable_time(account)


def _reach(account: AccountSummary) -> tuple[float, float]:
    start, end = widened(account.start, account.end)
    return start - MARGIN_S, end + MARGIN_S


def _slots(account: AccountSummary) -> range:
    start, end = _reach(account)
    return range(math.floor(start / SLOT_S), math.floor(end / SLOT_S) + 1)


def _own_keys(account: AccountSummary) -> list[tuple]:
    slots = _slots(account)
    if account.kind != "strike":
        return [("parties", account.kind, account.parties, s) for s in slots]
    keys = [("region", account.admin1_code, s) for s in slots] if account.admin1_code else []
    if account.located:
        row, col = math.floor(account.lat / CELL_DEG), math.floor(account.lon / CELL_DEG)
        keys += [("cell", row, col, s) for s in slots]
    return keys


def _search_keys(account: AccountSummary) -> list[tuple]:
    slots = _slots(account)
    if account.kind != "strike":
        return [("parties", account.kind, account.parties, s) for s in slots]
    keys = [("region", account.admin1_code, s) for s in slots] if account.admin1_code else []
    if account.located:
        row, col = math.floor(account.lat / CELL_DEG), math.floor(account.lon / CELL_DEG)
        km_lat = 111.32 * CELL_DEG
        km_lon = km_lat * max(math.cos(math.radians(min(abs(account.lat) + CELL_DEG, 89.0))), 0.01)
        reach = MAX_TOLERANCE_KM + MARGIN_KM
        rows, cols = math.ceil(reach / km_lat), math.ceil(reach / km_lon)
        keys += [
            ("cell", row + dr, col + dc, s)
            for dr in range(-rows, rows + 1) for dc in range(-cols, cols + 1) for s in slots
        ]
    return keys
