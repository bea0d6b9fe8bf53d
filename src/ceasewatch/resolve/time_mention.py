"""A time expression found in a text, and its interval in UTC once the place's zone is known."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..model.agreement import Event
from ..model.interval import Interval
from .time_zones import PlaceZone, earliest_utc, latest_utc, wall_time, zones_for

KINDS = ("clock", "date", "weekday", "part_of_day", "overnight", "relative", "duration_ago", "period")


@dataclass(frozen=True)
class TimeMention:
    """A time expression in a text: its span, how it reads in local wall time, and why.

    `local_earliest`/`local_latest` are naive wall times at the place (or in `zone` when the
    words name one). A missing latest side runs to `until` (the end of P) when that is set,
    else it is open; a missing earliest side is open. `utc_earliest`/`utc_latest`, when set,
    are bounds fixed in UTC ("over the past 24 hours") and win over the local ones.
    """

    start: int
    end: int
    text: str  # == report_text[start:end]
    kind: str  # one of KINDS
    local_earliest: datetime | None
    local_latest: datetime | None
    zone: str | None  # "UTC", "Europe/Moscow", ... when the words name a zone; None: the place's zone
    event: str | None = None  # the agreement event a relative time (or a clock beside one) hangs on
    offset_earliest: timedelta | None = None  # relative: from event.earliest; None: open before
    offset_latest: timedelta | None = None  # relative: from event.latest; None: to the end of P
    note: str | None = None  # how it was read, for traces
    utc_earliest: datetime | None = None
    utc_latest: datetime | None = None
    until: datetime | None = None  # the end of P (aware UTC), where open-ended readings stop

    def interval(self, place_zone: PlaceZone = None, events: Mapping[str, Event] | None = None) -> Interval:
        """The UTC interval: in the zone the words name, else the place's zone (one name or
        several), else widened over every candidate zone (time_zones.CANDIDATE_ZONES)."""
        if self.kind == "relative":
            return self._relative(events)
        zones = zones_for(self.zone, place_zone)
        if self.event is not None and events and self.event in events:
            anchored = self._on_event_day(events[self.event], zones)
            if anchored is not None:
                return anchored
        earliest = self.utc_earliest
        if earliest is None and self.local_earliest is not None:
            earliest = earliest_utc(self.local_earliest, zones)
        latest = self.utc_latest
        if latest is None:
            latest = latest_utc(self.local_latest, zones) if self.local_latest is not None else self.until
        return _ordered(earliest, latest)

    def _relative(self, events: Mapping[str, Event] | None) -> Interval:
        event = events.get(self.event) if events and self.event else None
        if event is None:
            return Interval(None, self.until)  # an event we cannot name: open before, up to P
        e = event.interval
        earliest = None
        if self.offset_earliest is not None and e.earliest is not None:
            earliest = e.earliest + self.offset_earliest
        if self.offset_latest is None:
            latest = self.until
        else:
            latest = None if e.latest is None else e.latest + self.offset_latest
        return _ordered(earliest, latest)

    def _on_event_day(self, event: Event, zones) -> Interval | None:
        """A clock time beside "two hours after the call": the first such wall time at or after
        the earliest moment the relative words allow (None when it falls past their end)."""
        if None in (self.local_earliest, self.local_latest, self.offset_earliest, event.interval.earliest):
            return None
        lower = event.interval.earliest + self.offset_earliest
        upper = self.until
        if self.offset_latest is not None and event.interval.latest is not None:
            upper = event.interval.latest + self.offset_latest
        bounds = []
        for zone in zones:
            floor = wall_time(lower, zone)
            days = (floor.date() - self.local_latest.date()).days
            if self.local_latest + timedelta(days=days) < floor:
                days += 1
            first = earliest_utc(self.local_earliest + timedelta(days=days), (zone,))
            last = latest_utc(self.local_latest + timedelta(days=days), (zone,))
            if upper is not None and first > upper:
                return None
            bounds.append((first, last))
        return Interval(min(b[0] for b in bounds), max(b[1] for b in bounds))


def _ordered(earliest: datetime | None, latest: datetime | None) -> Interval:
    """An interval even when widening over zones crossed its sides: never narrower than either."""
    if earliest is not None and latest is not None and earliest > latest:
        earliest, latest = latest, earliest
    return Interval(earliest, latest)
