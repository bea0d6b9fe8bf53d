"""Durations as people write them in agreements: `10m`, `2h`, `30d`, `1h30m`, `PT10M`, `P30D`.

A duration is elapsed time (a `timedelta`), so it is added in UTC. Months and years are
refused: their length depends on the calendar (28 to 31 days, 365 or 366), and a window
that silently meant 28 or 31 days would change verdicts.
"""

from __future__ import annotations

import re
from datetime import timedelta

_NUMBER = r"(\d+(?:\.\d+)?)"
# Units in this order, each at most once: 1w2d3h4m5s. Lower case only: `M` is a month in ISO.
_COMPACT = re.compile(
    rf"^(?:{_NUMBER}w)?(?:{_NUMBER}d)?(?:{_NUMBER}h)?(?:{_NUMBER}m)?(?:{_NUMBER}s)?$"
)
_ISO = re.compile(
    rf"^P(?:{_NUMBER}W)?(?:{_NUMBER}D)?(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?$"
)
_ISO_CALENDAR = re.compile(rf"^P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?")
_CALENDAR_WORDS = re.compile(r"^\d+(?:\.\d+)?(mo|mon|mons|month|months|y|yr|yrs|year|years|M|Y)$")
_UNITS = (timedelta(weeks=1), timedelta(days=1), timedelta(hours=1), timedelta(minutes=1), timedelta(seconds=1))
_EXAMPLES = "write e.g. 90s, 10m, 2h, 30d, 1h30m, or ISO 8601 PT10M, P30D, P1DT2H"


def parse_duration(text: str) -> timedelta:
    """The elapsed time `text` names; ValueError quoting `text` when it names none."""
    if not isinstance(text, str):
        raise ValueError(f"not a duration: {text!r} ({_EXAMPLES})")
    compact = re.sub(r"\s+", "", text)
    if not compact:
        raise ValueError(f"empty duration ({_EXAMPLES})")
    _refuse_calendar_units(text, compact)
    match = _COMPACT.match(compact) or _ISO.match(compact.upper())
    if match is None or not any(match.groups()):
        raise ValueError(f"not a duration: {text!r} ({_EXAMPLES})")
    return sum(
        (unit * float(n) for unit, n in zip(_UNITS, match.groups()) if n is not None),
        timedelta(0),
    )


def format_duration(delta: timedelta) -> str:
    """The compact form of a duration: 30d, 1h30m, 90s -> 1m30s, zero -> 0s."""
    seconds = delta.total_seconds()
    if seconds == 0:
        return "0s"
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    parts = []
    for unit, label in ((86400, "d"), (3600, "h"), (60, "m")):
        n, seconds = divmod(seconds, unit)
        if n:
            parts.append(f"{int(n)}{label}")
    if seconds:
        parts.append(f"{seconds:g}s")
    return sign + "".join(parts)


def _refuse_calendar_units(text: str, compact: str) -> None:
    """Raise with the reason when `text` counts months or years."""
    upper = compact.upper()
    iso = _ISO_CALENDAR.match(upper) if upper.startswith("P") else None
    years = months = False
    if iso is not None:
        years, months = iso.group(1) is not None, iso.group(2) is not None
    words = _CALENDAR_WORDS.match(compact)
    if words is not None:
        unit = words.group(1)
        years = unit.lower().startswith("y")
        months = not years
    if months:
        hint = " (minutes are a lower-case m: 10m)" if words is not None and words.group(1) == "M" else ""
        raise ValueError(
            f"{text!r} counts months, which are refused: a month is 28 to 31 days long, "
            f"so the end would be ambiguous; write days instead (e.g. 30d){hint}"
        )
    if years:
        raise ValueError(
            f"{text!r} counts years, which are refused: a year is 365 or 366 days long, "
            "so the end would be ambiguous; write days instead (e.g. 365d)"
        )
