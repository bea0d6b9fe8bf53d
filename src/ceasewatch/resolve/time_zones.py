"""Wall times to UTC: in the zone the words name, else the place's zone, else every candidate.

Daylight saving is taken as it stood on the date (zoneinfo). A wall time that a clock change
skips or repeats (Kyiv, 30 March 2025, 03:00-04:00) could be either offset: an earliest bound
takes the earlier instant and a latest bound the later one, so the interval only widens.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..model.interval import UTC
from ..model.interval import zone as zone_info

# Where a strike in a Ukrainian or Russian report can be when its place gives no zone: Ukraine
# (UTC+2, +3 in summer), Moscow time (western Russia, and Crimea: Europe/Simferopol keeps
# Moscow time, so it adds nothing), UTC+4 (Samara and the Volga) and UTC+5 (Bashkortostan,
# Orenburg, the Urals), all places long-range drones have struck.
CANDIDATE_ZONES = ("Europe/Kyiv", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg")

PlaceZone = str | Sequence[str] | None


def zones_for(explicit: str | None, place: PlaceZone) -> tuple[ZoneInfo, ...]:
    """The zones a wall time may be in: the one the words name first, else the place's, else
    every candidate zone. `place` may also be several zone names."""
    if explicit is not None:
        return _zones((explicit,))
    if place is None:
        return _zones(CANDIDATE_ZONES)
    if isinstance(place, str):
        return _zones((place,))
    return _zones(tuple(place)) if place else _zones(CANDIDATE_ZONES)


@lru_cache(maxsize=64)
def _zones(names: tuple[str, ...]) -> tuple[ZoneInfo, ...]:
    return tuple(zone_info(name) for name in names)


def earliest_utc(wall: datetime, zones: tuple[ZoneInfo, ...]) -> datetime:
    """The earliest UTC instant that the naive wall time can be in any of the zones."""
    return min(_instants(wall, zones))


def latest_utc(wall: datetime, zones: tuple[ZoneInfo, ...]) -> datetime:
    """The latest UTC instant that the naive wall time can be in any of the zones."""
    return max(_instants(wall, zones))


def _instants(wall: datetime, zones: tuple[ZoneInfo, ...]) -> list[datetime]:
    return [wall.replace(tzinfo=z, fold=fold).astimezone(UTC) for z in zones for fold in (0, 1)]


def wall_time(instant: datetime, zone: ZoneInfo) -> datetime:
    """The naive wall time of an aware instant in `zone`."""
    return instant.astimezone(zone).replace(tzinfo=None)
