"""The --from and --to options that `report` and `export` share: the period of impact times."""

from __future__ import annotations

from datetime import datetime, timedelta

import click

from ..model import UTC, parse_instant
from ..model.interval import is_date_only

FROM = click.option("--from", "time_from", metavar="TIME",
                    help="Incidents whose impact interval ends at or after TIME (ISO 8601 with offset, or a date: "
                         "its 00:00 UTC).")
TO = click.option("--to", "time_to", metavar="TIME",
                  help="Incidents whose impact interval begins at or before TIME (ISO 8601 with offset, or a date: "
                       "the end of that UTC day).")


def parse_period(time_from: str | None, time_to: str | None) -> tuple[datetime | None, datetime | None]:
    """The two bounds as UTC datetimes; a bare date is a whole UTC day (so --to 2025-03-19 includes it)."""
    start = _instant(time_from, "--from", end_of_day=False)
    end = _instant(time_to, "--to", end_of_day=True)
    if start is not None and end is not None and end < start:
        raise click.BadParameter(f"{time_to} is before --from {time_from}", param_hint="--to")
    return start, end


def _instant(text: str | None, option: str, *, end_of_day: bool) -> datetime | None:
    if text is None:
        return None
    if is_date_only(text):
        day = datetime.fromisoformat(text.strip()).replace(tzinfo=UTC)
        return day + timedelta(days=1) - timedelta(seconds=1) if end_of_day else day
    try:
        return parse_instant(text)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint=option) from None
