"""Grouping accounts into incidents: deterministic, greedy, most precise first.

Accounts are taken in an order that depends only on their content (most precise place
first, then the narrowest time, then id), so the same accounts in any order give the same
groups. Each account joins the best compatible group found so far (nearest in place, then
in time) or starts a new one. A group keeps the intersection of its members' intervals, so
a vague account ("on Monday") can join one strike that day but never bridge two. The
analyst's merges are groups given in advance; the analyst's splits are pairs that may never
share a group.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable

from .accounts import PRECISION_RANK, AccountSummary
from .matching import (
    MAX_TOLERANCE_KM, PLACE_TOLERANCE_KM, actors_compatible, distance_km, mergeable_time, place_tolerance_km, targets_compatible,
    targets_share, times_overlap, widened,
)

# The candidate index: a grid of cells by time slots. Small cells and short slots keep the
# candidates few where strikes are dense (hundreds a night in one region); a search reaches
# as many cells and slots as the tolerances need.
CELL_DEG = 0.1  # about 11 km of latitude: points and settlements
DISTRICT_CELL_DEG = 0.5  # district-level incidents, searched as far as 30 km
SLOT_S = 3 * 3600.0
_ADMIN1_RANK = PRECISION_RANK["admin1"]
_NO_ACTOR = object()  # the actor of a group whose members name different actors


@dataclass(frozen=True)
class AccountGroup:
    """The accounts of one incident, and the choices made on the way."""

    members: tuple[str, ...]  # sorted account ids; the first is the incident's id
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict)  # account -> other incidents it fitted

    @property
    def id(self) -> str:
        return self.members[0]


@dataclass
class _Group:
    """A group while it is being built."""

    index: int
    lead: AccountSummary  # the most precise member: the group's place
    members: list[str]
    kind: str
    actor: object
    start: float
    end: float
    agreed: bool  # the members' intervals share a common part, held in start/end
    hull: tuple[float, float]
    targets: frozenset[str]
    cannot: set[str]

    @property
    def first(self) -> str:
        return min(self.members)


def group_accounts(
    accounts: Iterable[AccountSummary],
    together: Iterable[Iterable[str]] = (),
    apart: Iterable[tuple[str, str]] = (),
) -> list[AccountGroup]:
    """The accounts grouped into incidents, sorted by id.

    `together`: sets of account ids an analyst merged; `apart`: pairs an analyst split.
    Ids that name no account are ignored.
    """
    by_id = {a.id: a for a in accounts}
    cannot: dict[str, set[str]] = {}
    for a, b in apart:
        if a in by_id and b in by_id:
            cannot.setdefault(a, set()).add(b)
            cannot.setdefault(b, set()).add(a)
    units = _units(by_id, together)
    units.sort(key=lambda unit: (unit[0].rank, unit[0].width, unit[0].id))
    builder = _Builder(cannot)
    for lead, members in units:
        builder.place(lead, members, [by_id[m] for m in members])
    return builder.result()


def _units(by_id: dict[str, AccountSummary], together: Iterable[Iterable[str]]) -> list[tuple[AccountSummary, list[str]]]:
    """Accounts bound by the analyst's merges into units (union-find), each with its lead account."""
    parent = {account_id: account_id for account_id in by_id}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in together:
        known = sorted(g for g in group if g in by_id)
        for other in known[1:]:
            a, b = root(known[0]), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for account_id in sorted(by_id):
        members.setdefault(root(account_id), []).append(account_id)
    units = []
    for ids in members.values():
        lead = min((by_id[i] for i in ids), key=lambda a: (a.rank, a.width, a.id))
        units.append((lead, ids))
    return units


class _Builder:
    """Groups under construction, with the indexes that find candidates quickly."""

    def __init__(self, cannot: dict[str, set[str]]):
        self.groups: list[_Group] = []
        self.cannot = cannot
        self.by_cell: dict[tuple, list[int]] = {}  # (lat cell, lon cell, day) -> located strike groups
        self.by_region: dict[tuple, list[int]] = {}  # (admin1 code, day) -> strike groups in that region
        self.by_parties: dict[tuple, list[int]] = {}  # (kind, parties, day) -> fulfilment groups
        self.alternatives: dict[str, list[int]] = {}
        self.has_districts = False  # searches reach a district's tolerance only once one exists

    def place(self, lead: AccountSummary, members: list[str], accounts: list[AccountSummary]) -> None:
        unit = self._new_group(lead, members, accounts)
        if not self._mergeable(unit):
            self.groups.append(unit)
            return
        found = [g for g in self._candidates(unit) if self._compatible(unit, g)]
        if not found:
            self.groups.append(unit)
            self._index(unit)
            return
        found.sort(key=lambda g: self._distance(unit, g))
        best = found[0]
        if len(found) > 1:
            for member in members:
                self.alternatives[member] = [g.index for g in found[1:]]
        self._join(best, unit)

    def result(self) -> list[AccountGroup]:
        out = []
        for group in self.groups:
            alternatives = {
                member: tuple(sorted(self.groups[i].first for i in self.alternatives[member]))
                for member in group.members if member in self.alternatives
            }
            out.append(AccountGroup(tuple(sorted(group.members)), alternatives))
        return sorted(out, key=lambda g: g.id)

    # --- one unit against the groups so far ---------------------------------------------

    def _new_group(self, lead: AccountSummary, members: list[str], accounts: list[AccountSummary]) -> _Group:
        starts = [a.start if a.start is not None else -math.inf for a in accounts]
        ends = [a.end if a.end is not None else math.inf for a in accounts]
        start, end = max(starts), min(ends)
        agreed = start <= end
        hull = (min(starts), max(ends))
        if not agreed:
            start, end = hull
        actors = {a.actor for a in accounts if a.actor is not None}
        actor = next(iter(actors)) if len(actors) == 1 else (None if not actors else _NO_ACTOR)
        cannot = set().union(*(self.cannot.get(m, set()) for m in members))
        targets = frozenset().union(*(a.targets for a in accounts))
        return _Group(len(self.groups), lead, list(members), lead.kind, actor, start, end, agreed, hull, targets, cannot)

    def _mergeable(self, unit: _Group) -> bool:
        if not (math.isfinite(unit.start) and math.isfinite(unit.end)):
            return False
        if unit.kind != "strike":
            return True
        return unit.lead.rank <= _ADMIN1_RANK and mergeable_time(unit.lead)

    def _candidates(self, unit: _Group) -> list[_Group]:
        index = self._index_of(unit)
        seen: set[int] = set()
        for key in self._keys(unit):
            found = index.get(key)
            if found:
                seen.update(found)
        return [self.groups[i] for i in sorted(seen)]

    def _compatible(self, unit: _Group, group: _Group) -> bool:
        if unit.kind != group.kind or unit.cannot.intersection(group.members):
            return False
        if not times_overlap(unit.start, unit.end, group.start, group.end):
            return False
        if unit.kind != "strike":
            q1, q2 = unit.lead.quantity, group.lead.quantity
            return unit.lead.parties == group.lead.parties and (q1 is None or q2 is None or q1 == q2)
        if unit.actor is _NO_ACTOR or group.actor is _NO_ACTOR:
            if unit.actor is not None and group.actor is not None:
                return False
        elif not actors_compatible(unit.actor, group.actor):
            return False
        return _places_compatible(unit, group)

    def _distance(self, unit: _Group, group: _Group) -> tuple:
        a, b = unit.lead, group.lead
        km = distance_km(a.lat, a.lon, b.lat, b.lon) if a.located and b.located else 0.0
        gap = abs((unit.start + unit.end) - (group.start + group.end)) / 2
        return round(km, 3), gap, group.first

    def _join(self, group: _Group, unit: _Group) -> None:
        group.members.extend(unit.members)
        group.targets |= unit.targets
        group.cannot |= unit.cannot
        if group.actor is None:
            group.actor = unit.actor
        group.hull = (min(group.hull[0], unit.hull[0]), max(group.hull[1], unit.hull[1]))
        start, end = max(group.start, unit.start), min(group.end, unit.end)
        if group.agreed and unit.agreed and start <= end:
            group.start, group.end = start, end
        else:
            group.agreed = False
            group.start, group.end = group.hull
            self._index(group)  # the hull may reach days the group was not indexed under

    # --- the indexes ----------------------------------------------------------------------

    def _index(self, group: _Group) -> None:
        """Register a group under its own cell (or region, or parties) for each time slot it may reach."""
        if group.lead.precision == "district":
            self.has_districts = True
        index = self._index_of(group)
        for key in self._own_keys(group):
            entries = index.setdefault(key, [])
            if not entries or entries[-1] != group.index:
                entries.append(group.index)
        if group.kind == "strike" and group.lead.located and group.lead.admin1_code:
            for slot in _slots(group):
                entries = self.by_region.setdefault((group.lead.admin1_code, slot), [])
                if not entries or entries[-1] != group.index:
                    entries.append(group.index)

    def _index_of(self, group: _Group) -> dict[tuple, list[int]]:
        if group.kind != "strike":
            return self.by_parties
        return self.by_cell if group.lead.located else self.by_region

    def _own_keys(self, group: _Group) -> list[tuple]:
        lead, slots = group.lead, _slots(group)
        if group.kind != "strike":
            return [(group.kind, lead.parties, slot) for slot in slots]
        if not lead.located:
            return [(lead.admin1_code, slot) for slot in slots] if lead.admin1_code else []
        grid, size = ("district", DISTRICT_CELL_DEG) if lead.precision == "district" else ("fine", CELL_DEG)
        row, col = math.floor(lead.lat / size), math.floor(lead.lon / size)
        return [(grid, row, col, slot) for slot in slots]

    def _keys(self, group: _Group) -> list[tuple]:
        """The keys a unit searches: its own, and for a located one every cell within reach.

        Points and settlements sit on a fine grid searched as far as a settlement's tolerance
        (a district unit: a district's); districts on a coarse grid searched as far as theirs.
        """
        lead = group.lead
        if group.kind != "strike" or not lead.located:
            return self._own_keys(group)
        slots = _slots(group)
        fine = max(PLACE_TOLERANCE_KM["settlement"], PLACE_TOLERANCE_KM[lead.precision])
        keys = _cells_within("fine", lead.lat, lead.lon, CELL_DEG, fine, slots)
        if self.has_districts:
            keys += _cells_within("district", lead.lat, lead.lon, DISTRICT_CELL_DEG, MAX_TOLERANCE_KM, slots)
        return keys


def _cells_within(grid: str, lat: float, lon: float, size: float, km: float, slots: range) -> list[tuple]:
    """The keys of every cell of a grid within `km` of a point, for each slot."""
    row, col = math.floor(lat / size), math.floor(lon / size)
    km_lat = 111.32 * size
    km_lon = km_lat * max(math.cos(math.radians(min(abs(lat) + size, 89.0))), 0.01)
    rows, cols = math.ceil(km / km_lat), math.ceil(km / km_lon)
    return [
        (grid, row + dr, col + dc, slot)
        for dr in range(-rows, rows + 1) for dc in range(-cols, cols + 1) for slot in slots
    ]


def _slots(group: _Group) -> range:
    start, end = widened(group.start, group.end)
    return range(math.floor(start / SLOT_S), math.floor(end / SLOT_S) + 1)


def _places_compatible(unit: _Group, group: _Group) -> bool:
    """Located pairs by distance; a region-level account by its region and shared targets."""
    a, b = unit.lead, group.lead
    if a.country and b.country and a.country != b.country:
        return False
    if a.located and b.located:
        if distance_km(a.lat, a.lon, b.lat, b.lon) > place_tolerance_km(a.precision, b.precision):
            return False
        return targets_compatible(unit.targets, group.targets)
    if a.admin1_code is None or a.admin1_code != b.admin1_code:
        return False
    if a.located or b.located:
        # A region-level account attaches to a located incident only on a target they share.
        return targets_share(unit.targets, group.targets)
    return targets_compatible(unit.targets, group.targets)
