"""The query-string filters that lists, the map, the verdicts and the exports share."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Literal

from fastapi import Query

from ..errors import InputError, Problem
from ..model.interval import is_date_only, parse_instant
from ..model.verdict import VERDICTS
from ..store import GRADES, UNGRADED, IncidentQuery

SortKey = Literal["start", "-start", "end", "-end", "place", "-place", "actor", "-actor", "id", "-id"]
VerdictName = Literal[VERDICTS]
GradeName = Literal[(*GRADES, UNGRADED)]
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000  # larger values cannot be bound as a database integer
TEXT_FILTER_MAX = 200
TARGET_PATTERN = r"[a-z_]+(\.[a-z_]+)*"


def incident_filters(
    agreement: str | None = Query(None, max_length=TEXT_FILTER_MAX, description="Agreement id [default: the first stored]."),
    version: str | None = Query(None, max_length=TEXT_FILTER_MAX, description="Version whose verdicts filter and colour [default: the agreement's first]."),
    verdict: list[VerdictName] = Query([], description="Keep incidents with any of these verdicts under `version` (repeat the parameter)."),
    actor: list[str] = Query([], description="Party codes of the actor; `unknown` for incidents whose actor is not known."),
    grade: list[GradeName] = Query([], description="Credibility grades; `ungraded` for incidents without one."),
    target: str | None = Query(None, max_length=TEXT_FILTER_MAX, description="A taxonomy code: incidents with a target at or below it (`energy` keeps `energy.grid`)."),
    place: str | None = Query(None, max_length=TEXT_FILTER_MAX, description="A piece of the place name, any case."),
    region: str | None = Query(None, max_length=TEXT_FILTER_MAX, description="An ISO 3166-2 region code (admin1_code), exactly: UA-59."),
    time_from: str | None = Query(None, alias="from", max_length=40, description="ISO 8601 time with an offset, or a date (its 00:00 UTC): keep incidents whose impact interval ends at or after it."),
    time_to: str | None = Query(None, alias="to", max_length=40, description="ISO 8601 time with an offset, or a date (the end of that UTC day): keep incidents whose impact interval starts at or before it."),
    q: str | None = Query(None, max_length=TEXT_FILTER_MAX, description="A piece of the id, the place or a claimant's name, any case."),
    differ: str | None = Query(None, max_length=2 * TEXT_FILTER_MAX + 1, description="Two versions, `A,B`: keep incidents whose verdict (or its reason) differs between them."),
    sort: SortKey = Query("start", description="Sort key; a leading `-` sorts descending. Unknown values sort last."),
    limit: int = Query(100, ge=1, le=MAX_LIMIT, description="Page size."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Incidents skipped before the page."),
) -> IncidentQuery:
    """An IncidentQuery from the query string; InputError (400) names a bad value."""
    for name, value in (("agreement", agreement), ("version", version), ("place", place), ("region", region),
                        ("q", q), ("differ", differ), *(("actor", a) for a in actor)):
        if value is not None and "\x00" in value:
            raise InputError([Problem("query", None, name, "contains a NUL character")])
    if target and not re.fullmatch(TARGET_PATTERN, target):
        raise InputError([Problem("query", None, "target", f"not a taxonomy code: {target!r} (e.g. energy.grid)")])
    return IncidentQuery(
        agreement=agreement or None,
        version=version or None,
        verdicts=tuple(verdict),
        actors=tuple(a for a in actor if a),
        grades=tuple(grade),
        target=target or None,
        place=place or None,
        region=region or None,
        time_from=query_instant("from", time_from, end_of_day=False),
        time_to=query_instant("to", time_to, end_of_day=True),
        text=q or None,
        differ=_pair(differ),
        sort=sort.lstrip("-"),
        descending=sort.startswith("-"),
        limit=limit,
        offset=offset,
    )


def query_instant(name: str, text: str | None, *, end_of_day: bool) -> datetime | None:
    """A time with an offset, or a bare date read as a UTC day (its start, or its end)."""
    if not text:
        return None
    try:
        if is_date_only(text):
            return parse_instant(text + "T00:00:00Z") + (timedelta(days=1) if end_of_day else timedelta(0))
        return parse_instant(text)
    except (ValueError, OverflowError) as e:
        raise InputError([Problem("query", None, name, str(e))]) from None


def _pair(text: str | None) -> tuple[str, str] | None:
    if not text:
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts) or parts[0] == parts[1]:
        raise InputError([Problem("query", None, "differ", f"expected two different versions as A,B, got {text!r}")])
    return parts[0], parts[1]
