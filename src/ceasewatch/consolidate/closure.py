"""Which accounts a change can reach: the part of the store a consolidation must regroup.

Two accounts *interact* when they could ever meet as candidates while grouping: both can
merge, their times overlap (with room to spare) and their places are within the largest
tolerance of each other, or in one region. Grouping never joins accounts that are not linked
by a chain of interactions, so grouping each connected part alone gives exactly what grouping
everything at once gives. A consolidation after new or changed accounts therefore regroups
only the accounts linked to them (and the incidents those were in), and leaves every other
incident as it is.

The search asks the store for each account's possible neighbours (`NearQuery`: a window of
start times, a box, a region), so only the part of the store near the change is read.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterable, Mapping

from .accounts import AccountSummary
from .build import AccountInfo
from .matching import MAX_MATCH_SPAN_S, MAX_TOLERANCE_KM, mergeable_time, widened

MARGIN_S = 3600.0  # beyond the matching slack: a generous reach only costs a larger closure
MARGIN_KM = 1.0


@dataclass(frozen=True)
class NearQuery:
    """The accounts that may interact with one account, as the store is asked for them."""

    kind: str
    start_from: str  # UTC time text: the earliest start a neighbour may have
    start_to: str
    end_from: str  # the earliest end a neighbour may have
    box: tuple[float, float, float, float] | None = None  # south, west, north, east
    region: str | None = None  # admin1 code


Summaries = tuple[list[AccountSummary], dict[str, AccountInfo]]  # in the order read, and infos by id


def affected_accounts(
    changed: Iterable[str],
    load: Callable[[Iterable[str]], Summaries],
    near: Callable[[NearQuery], Summaries],
    incident_of: Callable[[Iterable[str]], Mapping[str, str]],
    members_of: Callable[[str], Iterable[str]],
    together: Iterable[Iterable[str]] = (),
) -> tuple[dict[str, AccountSummary], dict[str, AccountInfo]]:
    """The accounts to regroup when `changed` accounts are new or revised, with their infos.

    The result holds the changed accounts and every account linked to them by interactions,
    analyst merges, or a shared incident at the last consolidation (`incident_of`,
    `members_of`), and nothing else.
    """
    bound: dict[str, set[str]] = {}
    for group in together:
        group = set(group)
        for account_id in group:
            bound.setdefault(account_id, set()).update(group)
    summaries: dict[str, AccountSummary] = {}
    infos: dict[str, AccountInfo] = {}

    def remember(found: Summaries) -> list[AccountSummary]:
        summaries.update((s.id, s) for s in found[0])
        infos.update(found[1])
        return found[0]

    queue = deque(remember(load(changed)))
    done: set[str] = set()
    while queue:
        account = queue.popleft()
        if account.id in done:
            continue
        done.add(account.id)
        linked = set(bound.get(account.id, ()))
        stored = incident_of([account.id]).get(account.id)
        if stored is not None:
            linked.update(members_of(stored))
        unknown = [a for a in linked if a not in summaries]
        if unknown:
            remember(load(unknown))
        neighbours = [summaries[a] for a in linked if a in summaries]
        if mergeable(account):
            neighbours += [n for n in remember(near(near_query(account))) if mergeable(n) and _meet(account, n)]
        queue.extend(n for n in neighbours if n.id not in done)
    return {a: summaries[a] for a in done}, {a: infos[a] for a in done}


def mergeable(account: AccountSummary) -> bool:
    """Whether grouping may ever join this account to another by the rules alone."""
    if account.start is None or account.end is None:
        return False
    if account.kind != "strike":
        return True
    placed = account.located or (account.precision == "admin1" and account.admin1_code is not None)
    return placed and mergeable_time(account)


def near_query(account: AccountSummary) -> NearQuery:
    """What to ask the store for: every account that may interact with this one (a superset)."""
    start, end = _reach(account)
    lo, hi = start - MARGIN_S - 3600.0, end + MARGIN_S + 3600.0  # the other's own widening and margin
    window = (_text(lo - MAX_MATCH_SPAN_S), _text(hi), _text(lo))
    if account.kind != "strike":
        return NearQuery(account.kind, *window)
    box = None
    if account.located:
        km = MAX_TOLERANCE_KM + MARGIN_KM
        dlat = km / 111.32
        dlon = dlat / max(math.cos(math.radians(min(abs(account.lat) + dlat, 89.0))), 0.01)
        box = (account.lat - dlat, account.lon - dlon, account.lat + dlat, account.lon + dlon)
    return NearQuery(account.kind, *window, box=box, region=account.admin1_code)


def _meet(a: AccountSummary, b: AccountSummary) -> bool:
    """Times overlap within the reach; for fulfilments the parties agree too."""
    a_start, a_end = _reach(a)
    b_start, b_end = _reach(b)
    if not (a_start <= b_end and b_start <= a_end):
        return False
    return a.kind == "strike" or a.parties == b.parties


def _reach(account: AccountSummary) -> tuple[float, float]:
    start, end = widened(account.start, account.end)
    return start - MARGIN_S, end + MARGIN_S


def _text(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
