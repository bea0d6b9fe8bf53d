"""Scoring one article's predicted incidents against its gold incidents (docs/eval.md).

A prediction matches a gold incident when the place and the date both agree:
- place: within 50 km (great circle) of the gold point; or, when either side is of admin1
  precision, the same admin1 region (by ISO 3166-2 code when both have one, else by name,
  else by one side's point lying inside the other side's region);
  or, for an unscored gold incident of country precision, the same country;
- date: the predicted interval read as local dates in the gold place's zone overlaps the
  gold date range widened by one day each side.
Pairs are made one-to-one, nearest first. On matched pairs: actor, targets (top-level codes
as sets), weapon (where gold gives one) and time (where gold gives a clock time).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Sequence
from zoneinfo import ZoneInfo

from ..model import UTC, Incident, Interval
from .gold import GoldIncident

MATCH_RADIUS_KM = 50.0
DATE_SLACK = timedelta(days=1)
TIME_MAX_WIDTH = timedelta(hours=1)
TIME_TOLERANCE = timedelta(minutes=30)
EARTH_RADIUS_KM = 6371.0088  # mean radius, the sphere the adjudicator measures on too
# The zone local dates and times are read in, by the gold incident's country.
ZONES = {"UA": ZoneInfo("Europe/Kyiv"), "RU": ZoneInfo("Europe/Moscow")}
DEFAULT_ZONE = ZONES["UA"]

# (admin1 name, country) -> ISO 3166-2 code, or None when unknown.
Admin1Codes = Callable[[str, "str | None"], "str | None"]
# (ISO 3166-2 code, lat, lon) -> whether the point lies in that region; None when its shape is unknown.
RegionContains = Callable[[str, float, float], "bool | None"]
_REGION_WORDS = re.compile(r"\b(oblast|krai|kray|territory|region|province|republic|autonomous|of|the)\b")


@dataclass(frozen=True)
class Pair:
    """A predicted incident matched to a scored gold incident, and what agrees between them."""

    predicted: Incident
    gold: GoldIncident
    distance_km: float | None
    actor_right: bool
    targets_right: bool
    weapon_right: bool | None  # None: gold gives no weapon
    time_right: bool | None  # None: gold gives no clock time


@dataclass(frozen=True)
class Matching:
    """One article's predictions and gold incidents, paired up."""

    pairs: tuple[Pair, ...]
    misses: tuple[GoldIncident, ...]  # scored gold incidents no prediction matched
    extras: tuple[Incident, ...]  # predictions that matched nothing
    dropped: tuple[Incident, ...]  # predictions matched to unscored gold: counted nowhere


def zone_for(gold: GoldIncident) -> ZoneInfo:
    """The zone a gold incident's local dates and time are read in."""
    return ZONES.get(gold.country or "", DEFAULT_ZONE)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(h, 1.0)))


def pair_distance(predicted: Incident, gold: GoldIncident) -> float | None:
    """Distance between the two points, or None when either has none."""
    if None in (predicted.lat, predicted.lon, gold.lat, gold.lon):
        return None
    return distance_km(predicted.lat, predicted.lon, gold.lat, gold.lon)


def same_admin1(
    predicted: Incident, gold: GoldIncident, gold_code: str | None, contains: RegionContains | None = None
) -> bool:
    """Same admin1 region: by code where both have one, else by name (region words ignored),
    else by one side's point lying in the other side's region (when `contains` knows it)."""
    if predicted.admin1_code and gold_code:
        return predicted.admin1_code.upper() == gold_code.upper()
    if predicted.admin1 and gold.admin1:
        return _region_name(predicted.admin1) == _region_name(gold.admin1)
    if contains is None:
        return False
    if gold_code and predicted.lat is not None and predicted.lon is not None:
        return bool(contains(gold_code.upper(), predicted.lat, predicted.lon))
    if predicted.admin1_code and gold.lat is not None and gold.lon is not None:
        return bool(contains(predicted.admin1_code.upper(), gold.lat, gold.lon))
    return False


def place_matches(
    predicted: Incident, gold: GoldIncident, gold_code: str | None, contains: RegionContains | None = None
) -> bool:
    """The place rule: 50 km, or the same admin1 region, or (unscored, country) the same country."""
    distance = pair_distance(predicted, gold)
    if distance is not None and distance <= MATCH_RADIUS_KM:
        return True
    if "admin1" in (predicted.geo_precision, gold.geo_precision) and same_admin1(predicted, gold, gold_code, contains):
        return True
    if not gold.scored and gold.geo_precision == "country":
        return bool(predicted.country) and predicted.country == gold.country
    return False


def local_dates(interval: Interval, zone: ZoneInfo) -> tuple[date | None, date | None]:
    """First and last local date an interval touches; None for an unbounded side.

    An interval that ends exactly at local midnight ("that day, 00:00 to 24:00") ends on
    the day before: it does not reach into the next one.
    """
    first = interval.earliest.astimezone(zone).date() if interval.earliest else None
    last = None
    if interval.latest is not None:
        local = interval.latest.astimezone(zone)
        last = local.date()
        at_midnight = (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)
        if at_midnight and interval.earliest is not None and interval.latest > interval.earliest:
            last -= timedelta(days=1)
    return first, last


def date_matches(interval: Interval, gold: GoldIncident) -> bool:
    """The date rule: the local dates overlap the gold range widened by a day each side."""
    if gold.first_date is None or gold.last_date is None:
        return True  # a gold incident without dates is matched on its place alone
    first, last = local_dates(interval, zone_for(gold))
    low, high = gold.first_date - DATE_SLACK, gold.last_date + DATE_SLACK
    return (first is None or first <= high) and (last is None or last >= low)


def time_right(interval: Interval, gold: GoldIncident) -> bool | None:
    """The time rule: at most an hour wide, its middle within 30 minutes of the gold clock
    time on one of the gold dates. None when gold gives no time."""
    if gold.clock is None:
        return None
    if not interval.is_known or interval.latest - interval.earliest > TIME_MAX_WIDTH:
        return False
    middle = interval.earliest + (interval.latest - interval.earliest) / 2
    day, zone = gold.first_date, zone_for(gold)
    while day is not None and day <= gold.last_date:
        told = datetime.combine(day, gold.clock, tzinfo=zone).astimezone(UTC)
        if abs(middle - told) <= TIME_TOLERANCE:
            return True
        day += timedelta(days=1)
    return False


def top_levels(codes: Sequence[str]) -> frozenset[str]:
    """Target codes cut to their top level: energy.grid -> energy."""
    return frozenset(code.split(".")[0] for code in codes)


def match_article(
    predicted: Sequence[Incident],
    gold: Sequence[GoldIncident],
    admin1_codes: Admin1Codes | None = None,
    region_contains: RegionContains | None = None,
) -> Matching:
    """Pair predictions with gold incidents one-to-one, nearest first."""
    codes = [g.admin1_code or (admin1_codes(g.admin1, g.country) if admin1_codes and g.admin1 else None) for g in gold]
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if place_matches(p, g, codes[j], region_contains) and date_matches(p.time, g):
                distance = pair_distance(p, g)
                candidates.append((math.inf if distance is None else distance, i, j))
    candidates.sort()
    taken_p: dict[int, int] = {}
    taken_g: set[int] = set()
    for _, i, j in candidates:
        if i not in taken_p and j not in taken_g:
            taken_p[i] = j
            taken_g.add(j)
    pairs = tuple(_pair(predicted[i], gold[j]) for i, j in sorted(taken_p.items()) if gold[j].scored)
    dropped = tuple(predicted[i] for i, j in sorted(taken_p.items()) if not gold[j].scored)
    misses = tuple(g for j, g in enumerate(gold) if g.scored and j not in taken_g)
    extras = tuple(p for i, p in enumerate(predicted) if i not in taken_p)
    return Matching(pairs, misses, extras, dropped)


def _pair(predicted: Incident, gold: GoldIncident) -> Pair:
    return Pair(
        predicted=predicted,
        gold=gold,
        distance_km=pair_distance(predicted, gold),
        actor_right=predicted.actor == gold.actor,
        targets_right=top_levels(predicted.targets) == top_levels(gold.targets),
        weapon_right=None if gold.weapon is None else predicted.weapon == gold.weapon,
        time_right=time_right(predicted.time, gold),
    )


def _region_name(name: str) -> str:
    """A region's name without the words that differ between sources: 'Sumy Oblast' -> 'sumy'."""
    words = _REGION_WORDS.sub(" ", name.casefold().replace("-", " "))
    return " ".join(re.sub(r"[^\w\s]", "", words).split())
