"""When a report was published, as precisely as it says: an instant, a day, a month or a year.

Relative words in a report ("Tuesday", "overnight", "8:50 p.m.") are read against this. A
day-only date is that day in the reader's zone (default Europe/Kyiv); a month-only date is the
whole month, and then every relative word stays as wide as the month makes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from functools import cached_property

from ..model.interval import UTC
from ..model.interval import zone as zone_info
from .time_words import MONTHS

_UNKNOWN = frozenset({"unknown", "none", "null", "n/a", "na", "-", "?", "undated"})
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?,?\s+(\d{4})")


@dataclass(frozen=True)
class Publication:
    """When a report was published, as precisely as it says."""

    earliest: datetime  # aware UTC
    latest: datetime  # aware UTC
    text: str | None = None
    zone: str = "Europe/Kyiv"  # the reader's zone: where a day-only date's midnights fall

    def __post_init__(self) -> None:
        for t in (self.earliest, self.latest):
            if t.tzinfo is None or t.utcoffset() != timedelta(0):
                raise ValueError(f"publication bounds must be UTC datetimes, got {t!r}")
        if self.earliest > self.latest:
            raise ValueError(f"publication ends before it starts: {self.earliest} > {self.latest}")

    @classmethod
    def parse(cls, text: str | None, zone: str = "Europe/Kyiv") -> Publication | None:
        """Read "2025-03-19", "2025-03-19T14:05:00Z", "2025-04", an RFC 2822 date or "19 March
        2025"; None for no date or "unknown"; ValueError for anything else."""
        if text is None or text.strip().lower() in _UNKNOWN | {""}:
            return None
        tz = zone_info(zone)
        written = text.strip()
        span = _calendar_span(written) or _instant(written, tz)
        if span is None:
            raise ValueError(f"not a publication date: {text!r} (write 2025-03-19, 2025-03-19T14:05:00Z or 2025-04)")
        first, last = span
        if isinstance(first, datetime):
            return cls(first, last, written, zone)
        return cls(_midnight_utc(first, tz), _midnight_utc(last, tz), written, zone)

    def local(self) -> tuple[datetime, datetime]:
        """Both bounds as wall times (naive) in the reader's zone."""
        return self._local

    @cached_property
    def _local(self) -> tuple[datetime, datetime]:
        tz = zone_info(self.zone)
        return (self.earliest.astimezone(tz).replace(tzinfo=None), self.latest.astimezone(tz).replace(tzinfo=None))

    def days(self) -> tuple[date, date]:
        """The first and last local day the report may have come out on."""
        start, end = self.local()
        if end == start:
            return start.date(), start.date()
        return start.date(), (end - timedelta(microseconds=1)).date()

    @property
    def within_a_day(self) -> bool:
        """True for an instant or a single day: relative words then have one reading."""
        first, last = self.days()
        return first == last

    def anchor_days(self) -> tuple[date, date]:
        """The days "today" can be: P's day, or the first and last day of a wider P."""
        first, last = self.days()
        return (last, last) if first == last else (first, last)

    def most_recent_days(self, offset: timedelta) -> tuple[date, date]:
        """The days of the most recent wall time `offset` after midnight, at or before the end
        of P (spec: Reading times); for a P wider than a day, at the earliest and latest P."""
        start, end = self.local()
        last = _most_recent_day(end, offset, strict=end != start)
        if self.within_a_day:
            return last, last
        return _most_recent_day(start, offset, strict=False), last

    def describe(self) -> str:
        """How precise P is, for notes: "2025-03-19", "2025-04 (month only)"."""
        first, last = self.days()
        if self.earliest == self.latest:
            return self.text or self.earliest.isoformat()
        if first == last:
            return first.isoformat()
        return f"{self.text or first.isoformat()} (known only from {first} to {last})"


def _most_recent_day(anchor: datetime, offset: timedelta, *, strict: bool) -> date:
    day = anchor.date()
    moment = datetime.combine(day, time()) + offset
    if moment > anchor or (strict and moment == anchor):
        day -= timedelta(days=1)
    return day


def _calendar_span(text: str) -> tuple[date, date] | None:
    """A day, month or year written without a time: [its first midnight, the next one]."""
    try:
        if m := _ISO_DAY.fullmatch(text):
            first = date(int(m[1]), int(m[2]), int(m[3]))
            return first, first + timedelta(days=1)
        if m := _ISO_MONTH.fullmatch(text):
            return _month_span(int(m[1]), int(m[2]))
        if m := _YEAR.fullmatch(text):
            return date(int(m[1]), 1, 1), date(int(m[1]) + 1, 1, 1)
        if (m := _DAY_MONTH_YEAR.fullmatch(text)) and m[2].lower() in MONTHS:
            first = date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
            return first, first + timedelta(days=1)
        if (m := _MONTH_DAY_YEAR.fullmatch(text)) and m[1].lower() in MONTHS:
            first = date(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
            return first, first + timedelta(days=1)
        if (m := _MONTH_YEAR.fullmatch(text)) and m[1].lower() in MONTHS:
            return _month_span(int(m[2]), MONTHS[m[1].lower()])
    except ValueError:
        raise ValueError(f"not a calendar date: {text!r}") from None
    return None


def _month_span(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, date(year + (month == 12), month % 12 + 1, 1)


def _instant(text: str, tz) -> tuple[datetime, datetime] | None:
    """An ISO 8601 or RFC 2822 date-time; one without an offset is read in the reader's zone."""
    try:
        t = datetime.fromisoformat(text)
    except ValueError:
        try:
            t = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=tz)
    t = t.astimezone(UTC)
    return t, t


def _midnight_utc(day: date, tz) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)
