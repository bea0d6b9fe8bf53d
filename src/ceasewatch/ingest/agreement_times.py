"""Times as agreements write them, read into UTC intervals (agreements.md, "Times are intervals").

A time with an offset is exact. A time without one is read in the agreement's zone with the
daylight saving in force on that date; a wall time that happened twice (clocks went back)
is the interval covering both, and one that never happened (clocks went forward) is refused.
A bare date is that whole local day, 00:00 to 24:00.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..model.interval import UTC, Interval, is_date_only, parse_instant


def read_time(text: str, tz: ZoneInfo | None) -> Interval:
    """The UTC interval that `text` names; ValueError saying why when it names none."""
    text = text.strip()
    if is_date_only(text):
        try:
            day = date.fromisoformat(text)
        except ValueError as e:
            raise ValueError(f"not a date: {text!r} ({e})") from None
        start = _local(datetime.combine(day, time()), tz, text)
        end = _local(datetime.combine(day + timedelta(days=1), time()), tz, text)
        return Interval(start.earliest, end.latest)
    try:
        written = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        raise ValueError(f"not an ISO 8601 time: {text!r} (write e.g. 2025-03-18T17:30)") from None
    if written.tzinfo is not None:
        return Interval.exact(parse_instant(text))
    return _local(written, tz, text)


def read_deadline(text: str, tz: ZoneInfo | None) -> datetime:
    """One exact UTC moment; a bare date or a twice-lived wall time is refused as ambiguous."""
    interval = read_time(text, tz)
    if interval.earliest != interval.latest:
        if is_date_only(text):
            raise ValueError(
                f"{text!r} is a whole day; a deadline is one moment: write a time of day, "
                f"e.g. {text.strip()}T00:00 (its start) or the next day's T00:00 (its end)"
            )
        raise ValueError(f"{text!r} happened twice (the clocks went back); write its UTC offset")
    return interval.earliest


def _local(naive: datetime, tz: ZoneInfo | None, text: str) -> Interval:
    if tz is None:
        raise ValueError(
            f"{text!r} has no UTC offset and the agreement sets no timezone: add `timezone:` "
            f"(e.g. Europe/Kyiv) or write the offset ({text}Z or {text}+02:00)"
        )
    first = parse_instant(naive.isoformat(), tz)  # fold 0: the earlier of two readings
    second = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    lived = [t for t in (first, second) if t.astimezone(tz).replace(tzinfo=None) == naive]
    if not lived:
        raise ValueError(f"{text!r} never happened in {tz.key} (the clocks went forward); check the time")
    return Interval(min(lived), max(lived))
