"""The ACLED rule: drafts at one place, on a shared local day, by one side are one incident.

A draft whose side is unknown joins the drafts of its place; one whose time is unknown joins
any draft of its place. A district or suburb named beside its city on the same day by the
same side joins the city.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from ..model.interval import Interval
from .drafts import Draft
from .timing import Timing, intersection

_NEIGHBOURS_KM = 15.0  # a district or suburb this close to a city named the same day is that city


@dataclass
class Built:
    """A draft with its time read, ready to merge."""

    draft: Draft
    time: Timing
    launch: Timing | None


@dataclass
class _Group:
    """Drafts merged so far into one incident, with the sides and local days they cover."""

    members: list[Built]
    actors: set[str]
    days: set[date]


def merge(built: list[Built]) -> list[list[Built]]:
    """Drafts grouped by the ACLED rule, in the order their first draft was read."""
    groups: dict[str, list[_Group]] = {}  # by place
    order: list[_Group] = []
    for b in built:
        days = _local_days(b.time.interval, zone_of(b.draft)) if b.time.known else set()
        for group in groups.setdefault(b.draft.place_key, []):
            if _same_incident(group, b, days):
                group.members.append(b)
                group.days |= days
                group.actors |= {b.draft.actor} - {None}
                break
        else:
            group = _Group([b], {b.draft.actor} - {None}, set(days))
            groups[b.draft.place_key].append(group)
            order.append(group)
    return [g.members for g in order]


def merge_neighbours(groups: list[list[Built]]) -> list[list[Built]]:
    """A district or suburb named beside its city on the same day by the same side joins the city.

    The place kept is the one with more people (the city), whatever was named first.
    """
    merged: list[list[Built]] = []
    for group in groups:
        for target in merged:
            if _neighbours(target, group):
                target.extend(group)
                target.sort(key=lambda b: -(b.draft.mention.place.population or 0))
                break
        else:
            merged.append(list(group))
    return merged


def _neighbours(a: list[Built], b: list[Built]) -> bool:
    pa, pb = a[0].draft.mention.place, b[0].draft.mention.place
    if pa.name == pb.name or "settlement" not in (pa.precision, pb.precision) or pa.precision == "admin1" or pb.precision == "admin1":
        return False
    if pa.admin1_code != pb.admin1_code or None in (pa.lat, pa.lon, pb.lat, pb.lon):
        return False
    if _km(pa.lat, pa.lon, pb.lat, pb.lon) > _NEIGHBOURS_KM:
        return False
    sides = {x.draft.actor for x in a + b} - {None}
    if len(sides) > 1:
        return False
    ta, tb = group_time(a)[0], group_time(b)[0]
    return not (group_time(a)[1] and group_time(b)[1]) or intersection(ta, tb) is not None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _same_incident(group: _Group, b: Built, days: set[date]) -> bool:
    if b.draft.actor is not None and group.actors and b.draft.actor not in group.actors:
        return False
    if not (group.members[0].time.known and b.time.known):
        return True
    return bool(group.days & days)


def _local_days(iv: Interval, zone: ZoneInfo) -> set[date]:
    first = iv.earliest.astimezone(zone).date()
    last = iv.latest.astimezone(zone).date()
    if (last - first).days > 7:
        return {first, last}
    return {date.fromordinal(d) for d in range(first.toordinal(), last.toordinal() + 1)}


def zone_of(draft: Draft) -> ZoneInfo:
    """The zone of the draft's place (Kyiv time when the gazetteer gives none)."""
    return ZoneInfo(draft.mention.place.zone or "Europe/Kyiv")


def group_time(group: list[Built]) -> tuple[Interval, bool, list[tuple[int, int]]]:
    """The merged time: known times intersected where they overlap, else covered; and its spans."""
    known = [b.time for b in group if b.time.known]
    if not known:
        return group[0].time.interval, False, []
    iv = known[0].interval
    for t in known[1:]:
        both = intersection(iv, t.interval)
        iv = both if both is not None else Interval(min(iv.earliest, t.interval.earliest), max(iv.latest, t.interval.latest))
    return iv, True, [span for t in known for span in t.spans]
