"""GET /api/counts: every source's tally of weapons for the same night, side by side."""

from __future__ import annotations


from fastapi import APIRouter, Depends, Query

from ..core import Ceasewatch
from ..errors import InputError, Problem
from .app import get_ceasewatch, json_response
from .filters import query_instant
from .schemas_counts import CountGroupOut

router = APIRouter(tags=["counts"])


@router.get("/counts", response_model=list[CountGroupOut],
            responses={400: {"description": "A malformed time or actor"}})
def list_counts(
    time_from: str | None = Query(None, alias="from", max_length=40, description="ISO 8601 time with an offset, or a date (its 00:00 UTC): keep groups whose figures' times end at or after it."),
    time_to: str | None = Query(None, alias="to", max_length=40, description="ISO 8601 time with an offset, or a date (the end of that UTC day): keep groups whose figures' times begin at or before it."),
    actor: str | None = Query(None, max_length=200, description="A party code; `unknown` for groups whose actor is not stated."),
    cw: Ceasewatch = Depends(get_ceasewatch),
):
    """Groups of figures for the same tally, each with its sources and range (docs/counts.md)."""
    if actor is not None and "\x00" in actor:
        raise InputError([Problem("query", None, "actor", "contains a NUL character")])
    start, end = query_instant("from", time_from, end_of_day=False), query_instant("to", time_to, end_of_day=True)
    groups = cw.count_groups(time_from=start, time_to=end, actor=actor or None)
    return json_response([g.to_record() for g in groups])

