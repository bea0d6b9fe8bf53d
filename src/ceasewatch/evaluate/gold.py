"""Gold files: what a careful analyst finds in one article (layout: docs/eval.md)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..model.incident import GEO_PRECISIONS

_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class GoldIncident:
    """One incident of a gold file, as the scoring rules read it."""

    id: str
    first_date: date | None  # the local date range the text supports
    last_date: date | None
    place: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None  # optional in gold files; else looked up from `admin1`
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str = "unknown"
    clock: time | None = None  # local time, when the text gives one
    actor: str | None = None
    targets: tuple[str, ...] = ()
    weapon: str | None = None
    scored: bool = True


@dataclass(frozen=True)
class GoldArticle:
    """A gold file: the article it describes and its incidents."""

    path: str
    article: str  # the article's file name inside articles/
    published: str | None
    incidents: tuple[GoldIncident, ...]


def read_gold(path: str | Path) -> GoldArticle:
    """Read one gold file; InputError listing every mistake in it."""
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError([Problem(name, getattr(e, "lineno", None), "json", f"cannot read: {e}")]) from None
    if not isinstance(data, dict) or not isinstance(data.get("incidents", []), list):
        raise InputError([Problem(name, None, "incidents", "expected an object with a list of incidents")])
    problems: list[Problem] = []
    incidents = []
    for index, raw in enumerate(data.get("incidents", [])):
        try:
            incidents.append(_incident(raw, index))
        except _GoldFieldError as e:
            problems.append(Problem(name, None, f"incidents[{index}].{e.field}", e.message))
    article = data.get("article") or Path(path).with_suffix(".txt").name
    if not isinstance(article, str):
        problems.append(Problem(name, None, "article", "expected the article's file name"))
    if problems:
        raise InputError(problems)
    published = data.get("published")
    return GoldArticle(name, article, published if isinstance(published, str) else None, tuple(incidents))


class _GoldFieldError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def _incident(raw: Any, index: int) -> GoldIncident:
    if not isinstance(raw, dict):
        raise _GoldFieldError("", "expected an object")
    first, last = _dates(raw.get("date"))
    precision = raw.get("geo_precision") or "unknown"
    if precision not in GEO_PRECISIONS:
        raise _GoldFieldError("geo_precision", f"{precision!r} is not one of: {', '.join(GEO_PRECISIONS)}")
    lat, lon = _coordinate(raw, "lat", 90), _coordinate(raw, "lon", 180)
    if (lat is None) != (lon is None):
        raise _GoldFieldError("lat", "give both lat and lon, or neither")
    targets = raw.get("targets") or []
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise _GoldFieldError("targets", "expected a list of target codes")
    return GoldIncident(
        id=str(raw.get("id") or f"gold-{index}"),
        first_date=first, last_date=last,
        place=_text(raw, "place"), admin1=_text(raw, "admin1"), admin1_code=_text(raw, "admin1_code"),
        country=_text(raw, "country"), lat=lat, lon=lon, geo_precision=precision,
        clock=_clock(raw.get("time")), actor=_text(raw, "actor"), targets=tuple(targets),
        weapon=_text(raw, "weapon"), scored=raw.get("scored", True) is not False,
    )


def _dates(value: Any) -> tuple[date | None, date | None]:
    if value is None:
        return None, None
    if isinstance(value, str):
        value = [value, value]
    if not isinstance(value, list) or len(value) != 2:
        raise _GoldFieldError("date", "expected [first, last] local dates such as [\"2025-03-18\", \"2025-03-19\"]")
    try:
        first, last = date.fromisoformat(value[0]), date.fromisoformat(value[1])
    except (TypeError, ValueError):
        raise _GoldFieldError("date", f"{value!r} are not ISO dates") from None
    if last < first:
        raise _GoldFieldError("date", f"{value[1]} is before {value[0]}")
    return first, last


def _clock(value: Any) -> time | None:
    if value is None:
        return None
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if not match:
        raise _GoldFieldError("time", f"{value!r} is not a local clock time such as 20:50")
    return time(int(match.group(1)), int(match.group(2)))


def _coordinate(raw: dict, key: str, limit: float) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value) > limit:
        raise _GoldFieldError(key, f"expected a number within ±{limit}, got {value!r}")
    return float(value)


def _text(raw: dict, key: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _GoldFieldError(key, f"expected text, got {value!r}")
    return value.strip() or None
