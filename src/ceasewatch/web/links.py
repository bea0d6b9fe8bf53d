"""Filter state as a URL query string, so every view of the dashboard can be shared as a link."""

from __future__ import annotations

from urllib.parse import urlencode

from ..model import format_utc
from ..store import IncidentQuery


def query_pairs(query: IncidentQuery, *, paging: bool = True) -> list[tuple[str, str]]:
    """The query-string pairs that rebuild `query` (defaults left out)."""
    pairs: list[tuple[str, str]] = []
    for name, value in (("agreement", query.agreement), ("version", query.version), ("target", query.target),
                        ("place", query.place), ("region", query.region), ("q", query.text)):
        if value:
            pairs.append((name, value))
    pairs += [("verdict", v) for v in query.verdicts]
    pairs += [("actor", a) for a in query.actors]
    pairs += [("grade", g) for g in query.grades]
    if query.time_from is not None:
        pairs.append(("from", format_utc(query.time_from)))
    if query.time_to is not None:
        pairs.append(("to", format_utc(query.time_to)))
    if query.differ:
        pairs.append(("differ", ",".join(query.differ)))
    if query.sort != "start" or query.descending:
        pairs.append(("sort", ("-" if query.descending else "") + query.sort))
    if paging:
        if query.limit != 100:
            pairs.append(("limit", str(query.limit)))
        if query.offset:
            pairs.append(("offset", str(query.offset)))
    return pairs


def query_string(query: IncidentQuery, *, paging: bool = True, **changes: str | None) -> str:
    """The encoded query string of `query`, with single parameters replaced (None drops one)."""
    pairs = [(k, v) for k, v in query_pairs(query, paging=paging) if k not in changes]
    pairs += [(k, v) for k, v in changes.items() if v is not None]
    return urlencode(pairs)
