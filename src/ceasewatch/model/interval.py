"""Time intervals in UTC, and reading instants written by people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = timezone.utc


@dataclass(frozen=True)
class Interval:
    """A closed interval [earliest, latest] of aware UTC datetimes; None means unbounded."""

    earliest: datetime | None
    latest: datetime | None

    def __post_init__(self) -> None:
        for t in (self.earliest, self.latest):
            if t is not None and (t.tzinfo is None or t.utcoffset() != timedelta(0)):
                raise ValueError(f"interval bounds must be UTC datetimes, got {t!r}")
        if self.earliest is not None and self.latest is not None and self.earliest > self.latest:
            raise ValueError(f"interval ends before it starts: {self.earliest} > {self.latest}")

    @classmethod
    def exact(cls, t: datetime) -> Interval:
        """An interval of width zero."""
        return cls(t, t)

    @classmethod
    def unknown(cls) -> Interval:
        """Nothing is known: unbounded on both sides."""
        return cls(None, None)

    @property
    def is_known(self) -> bool:
        return self.earliest is not None and self.latest is not None

    def shift(self, delta: timedelta) -> Interval:
        """Both bounds moved by `delta` (elapsed time, so UTC arithmetic)."""
        return Interval(
            None if self.earliest is None else self.earliest + delta,
            None if self.latest is None else self.latest + delta,
        )

    def __str__(self) -> str:
        return f"[{format_utc(self.earliest)}, {format_utc(self.latest)}]"


def format_utc(t: datetime | None) -> str:
    """ISO 8601 in UTC with a Z, seconds precision; '…' for an unbounded side."""
    if t is None:
        return "…"
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def zone(name: str) -> ZoneInfo:
    """The IANA zone called `name`; ValueError with the name when there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r} (use an IANA name such as Europe/Kyiv)") from None


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_instant(text: str, default_zone: ZoneInfo | None = None) -> datetime:
    """Read an ISO 8601 time as an aware UTC datetime.

    A time without an offset is read in `default_zone`; with no default zone it is an
    error, because ceasewatch never guesses a zone. A bare date is its midnight.
    """
    text = text.strip()
    if not text:
        raise ValueError("empty time")
    try:
        t = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        raise ValueError(f"not an ISO 8601 time: {text!r}") from None
    if t.tzinfo is None:
        if default_zone is None:
            raise ValueError(f"{text!r} has no UTC offset; write it as {text}Z or with +HH:MM")
        t = t.replace(tzinfo=default_zone)
    return t.astimezone(UTC)


def is_date_only(text: str) -> bool:
    """True for a bare date such as 2025-03-19."""
    return bool(_DATE_ONLY.match(text.strip()))
