"""Filtered, sorted, paged questions about incidents: what the dashboard and the API ask.

Every question starts from one IncidentQuery. Filters on verdicts need an agreement and a
version; the core fills them in before the store sees the query.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Iterator

import orjson
from sqlalchemy import Select, Text, and_, false, func, literal, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from ..model.interval import format_utc
from .connection import Connected
from .id_lists import ChangeToken, IdLists
from .rows import VerdictRow
from .tables import START_KEY, agreements, incidents, verdicts

SORT_KEYS = ("start", "end", "place", "actor", "id")
GRADES = ("confirmed", "corroborated", "reported", "alleged", "contested", "discounted")
UNGRADED = "ungraded"  # the filter value for incidents without a grade
UNKNOWN_ACTOR = "unknown"  # the filter value for incidents whose actor is not known
# The places a marker can stand for; coarser incidents are drawn as regions or not at all.
POINT_PRECISIONS = ("point", "settlement", "district")
# Rows fetched per round when a query is streamed (exports).
_STREAM_ROWS = 2000


@dataclass(frozen=True)
class IncidentQuery:
    """Which strike incidents to list, count, map or export; an empty field filters nothing."""

    agreement: str | None = None  # whose verdicts to show and filter on
    version: str | None = None  # the version `verdicts` filters on
    verdicts: tuple[str, ...] = ()  # any of these under `version`
    actors: tuple[str, ...] = ()  # party codes; "unknown" for no known actor
    grades: tuple[str, ...] = ()  # credibility grades; "ungraded" for none yet
    target: str | None = None  # a taxonomy code: incidents with a code at or below it
    place: str | None = None  # a piece of the place name, any case
    region: str | None = None  # an ISO 3166-2 code (admin1_code), exactly
    time_from: datetime | None = None  # the impact interval overlaps [time_from, time_to]
    time_to: datetime | None = None
    text: str | None = None  # a piece of the id, place or a claimant's name, any case
    differ: tuple[str, str] | None = None  # two versions whose verdicts must differ
    sort: str = "start"  # one of SORT_KEYS
    descending: bool = False
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class IncidentRow:
    """One incident as a list shows it: its record, its grade and its verdict per version."""

    record: dict[str, Any]
    grade: str | None
    verdicts: dict[str, VerdictRow] = field(default_factory=dict)


@dataclass(frozen=True)
class IncidentPage:
    """One page of a query's incidents and how many there are in all."""

    total: int
    rows: tuple[IncidentRow, ...]


class QueryStore(Connected):
    """Filtered questions about incidents; part of Store."""

    def incident_page(self, query: IncidentQuery) -> IncidentPage:
        """The page of incidents that `query` selects (limit, offset), sorted, with the total."""
        token = self._change_token().read()
        if token is not None:
            ids = self._selection(query, token)
            with self._read() as conn:
                rows = self._rows_for(conn, list(ids[query.offset:query.offset + query.limit]), query.agreement)
            return IncidentPage(len(ids), tuple(rows))
        where, joins = query_conditions(query)
        counted = join_verdicts(select(func.count()).select_from(incidents), joins, query).where(*where)
        # Ids first, records after: the page is found on the indexes alone, and only the
        # rows shown are read in full.
        ids = join_verdicts(select(incidents.c.id).select_from(incidents), joins, query).where(*where)
        ids = ids.order_by(*_order(query)).limit(query.limit).offset(query.offset)
        with self._read() as conn:
            total = conn.execute(counted).scalar_one()
            page_ids = list(conn.execute(ids).scalars())
            rows = self._rows_for(conn, page_ids, query.agreement)
        return IncidentPage(total, tuple(rows))

    def _selection(self, query: IncidentQuery, token) -> tuple[str, ...]:
        """Every id `query` selects, sorted: kept between pages until the database changes."""
        key = replace(query, limit=0, offset=0)
        lists = self.__dict__.setdefault("_id_lists", IdLists())
        ids = lists.get(key, token)
        if ids is None:
            where, joins = query_conditions(query)
            statement = join_verdicts(select(incidents.c.id).select_from(incidents), joins, query).where(*where)
            with self._read() as conn:
                ids = tuple(conn.execute(statement.order_by(*_order(query))).scalars())
            lists.put(key, token, ids)
        return ids

    def change_token(self) -> Any:
        """A value that differs whenever anything was committed since; None when it cannot be known."""
        return self._change_token().read()

    def _change_token(self) -> ChangeToken:
        token = self.__dict__.get("_token")
        if token is None:
            token = self.__dict__.setdefault("_token", ChangeToken(self._engine, self._url))
        return token

    def incident_stream(self, query: IncidentQuery) -> Iterator[IncidentRow]:
        """Every incident `query` selects (limit and offset ignored), sorted, a chunk at a time."""
        where, joins = query_conditions(query)
        ids_query = join_verdicts(select(incidents.c.id).select_from(incidents), joins, query).where(*where)
        with self._read() as conn:
            page_ids = list(conn.execute(ids_query.order_by(*_order(query))).scalars())
        for start in range(0, len(page_ids), _STREAM_ROWS):
            with self._read() as conn:
                rows = self._rows_for(conn, page_ids[start:start + _STREAM_ROWS], query.agreement)
            yield from rows

    def incident_row(self, incident_id: str, agreement: str | None) -> IncidentRow | None:
        """One incident with its verdicts under `agreement`; None if there is no such strike."""
        with self._read() as conn:
            rows = self._rows_for(conn, [incident_id], agreement)
        return rows[0] if rows and rows[0].record.get("kind", "strike") == "strike" else None

    def agreement_heads(self) -> list[tuple[str, int]]:
        """(id, current revision) of every stored agreement, by id: a cheap check for caches."""
        with self._read() as conn:
            return [tuple(row) for row in conn.execute(select(agreements.c.id, agreements.c.revision).order_by(agreements.c.id))]

    def records_citing(self, report_id: str, limit: int = 500) -> list[dict[str, Any]]:
        """Records (of any kind) with an evidence span in that report, by id; at most `limit`."""
        # Records are stored as canonical JSON (no spaces), so a span's report reads exactly so.
        pattern = "%" + _escape(json.dumps({"report": report_id}, ensure_ascii=False, separators=(",", ":"))[1:-1]) + "%"
        c = incidents.c
        query = select(c.record).where(c.record.like(pattern, escape="\\")).order_by(c.id).limit(limit)
        with self._read() as conn:
            found = [json.loads(text) for text in conn.execute(query).scalars()]
        return [r for r in found if any(e.get("report") == report_id for e in r.get("evidence") or ())]

    def _rows_for(self, conn, ids: list[str], agreement: str | None) -> list[IncidentRow]:
        """The rows of `ids`, in that order, with their verdicts under `agreement`."""
        if not ids:
            return []
        c = incidents.c
        found = {
            row.id: row
            for row in conn.execute(select(c.id, c.record, grade_column()).where(c.id.in_(ids))).all()
        }
        by_incident: dict[str, dict[str, VerdictRow]] = {}
        if agreement is not None:
            v = verdicts.c
            # By incident only, the agreement checked here: given the agreement too, SQLite (without
            # statistics) reads every verdict of the agreement on its (agreement, verdict) index.
            query = select(v.agreement_id, v.incident_id, v.version, v.verdict, v.reason, v.unknown, v.commitment)
            for row in conn.execute(query.where(v.incident_id.in_(ids)).order_by(v.version)).all():
                if row.agreement_id != agreement:
                    continue
                by_incident.setdefault(row.incident_id, {})[row.version] = VerdictRow(
                    row.incident_id, row.version, row.verdict, row.reason,
                    tuple(row.unknown.split(",")) if row.unknown else (), row.commitment,
                )
        out = []
        for incident_id in ids:
            row = found.get(incident_id)
            if row is not None:
                record = orjson.loads(row.record)  # pages of 100 are the API's hot path
                grade = row.grade if row.grade is not None else record.get("grade")
                out.append(IncidentRow(record, grade, by_incident.get(incident_id, {})))
        return out


def grade_column() -> ColumnElement:
    """The incidents' grade column once consolidation adds one; until then, none (NULL)."""
    column = incidents.c.get("grade")
    return (column if column is not None else literal(None)).label("grade")


def query_conditions(query: IncidentQuery) -> tuple[list[ColumnElement], dict[str, Any]]:
    """The WHERE terms of a query, and the verdict joins they need (alias name -> version)."""
    c = incidents.c
    where: list[ColumnElement] = [c.kind == "strike"]
    joins: dict[str, Any] = {}
    if query.verdicts and query.version:
        joins["chosen"] = query.version
    if query.differ:
        joins["left"], joins["right"] = query.differ
    if query.actors:
        known = [a for a in query.actors if a != UNKNOWN_ACTOR]
        terms = [c.actor.in_(known)] if known else []
        if UNKNOWN_ACTOR in query.actors:
            terms.append(c.actor.is_(None))
        where.append(or_(*terms))
    if query.grades:
        where.append(_grade_condition(query.grades))
    if query.target:
        where.append(_target_condition(query.target))
    if query.place:
        where.append(func.lower(c.place).like(_contains(query.place), escape="\\"))
    if query.region:
        where.append(c.admin1_code == query.region)
    if query.time_from is not None:
        where.append(c.end_utc >= format_utc(query.time_from))
    if query.time_to is not None:
        where.append(c.start_utc <= format_utc(query.time_to))
    if query.text:
        pattern = _contains(query.text)
        where.append(or_(
            func.lower(c.id).like(pattern, escape="\\"),
            func.lower(c.place).like(pattern, escape="\\"),
            func.lower(_claimants()).like(pattern, escape="\\"),
        ))
    return where, joins


def join_verdicts(statement: Select, joins: dict[str, Any], query: IncidentQuery) -> Select:
    """Join one verdicts alias per version a filter names (the chosen one, or the two compared)."""
    aliases = {name: verdicts.alias(f"v_{name}") for name in joins}
    for name, alias in aliases.items():
        statement = statement.join(alias, and_(
            alias.c.incident_id == incidents.c.id,
            alias.c.agreement_id == query.agreement,
            alias.c.version == joins[name],
        ))
    if "chosen" in aliases:
        statement = statement.where(aliases["chosen"].c.verdict.in_(query.verdicts))
    if "left" in aliases:
        left, right = aliases["left"].c, aliases["right"].c
        statement = statement.where(or_(
            left.verdict != right.verdict,
            func.coalesce(left.reason, "") != func.coalesce(right.reason, ""),
            func.coalesce(left.unknown, "") != func.coalesce(right.unknown, ""),
        ))
    return statement


def _order(query: IncidentQuery) -> list[ColumnElement]:
    c = incidents.c
    tie = c.id.desc() if query.descending else c.id.asc()
    if query.sort == "id":
        return [tie]
    if query.sort == "start" and not query.descending:
        return [START_KEY.asc(), tie]  # the indexed key: the same order, unknown starts last
    column = {"start": c.start_utc, "end": c.end_utc, "place": c.place, "actor": c.actor}[query.sort]
    return [column.desc().nulls_last() if query.descending else column.asc().nulls_last(), tie]


def _grade_condition(grades: tuple[str, ...]) -> ColumnElement:
    column = incidents.c.get("grade")
    if column is None:  # nothing is graded yet
        return true() if UNGRADED in grades else false()
    named = [g for g in grades if g != UNGRADED]
    terms = [column.in_(named)] if named else []
    if UNGRADED in grades:
        terms.append(column.is_(None))
    return or_(*terms)


def _target_condition(code: str) -> ColumnElement:
    """Incidents with a code at or below `code` in their ';'-joined targets."""
    # Wrapped in separators, a code is ";code;" and a code below it starts ";code.".
    wrapped = literal(";") + incidents.c.targets + literal(";")
    escaped = _escape(code)
    return or_(wrapped.like(f"%;{escaped};%", escape="\\"), wrapped.like(f"%;{escaped}.%", escape="\\"))


class _ClaimedBy(FunctionElement):
    """The record's `claimed_by` list as JSON text (SQLite's json_extract, PostgreSQL's ->)."""

    type = Text()
    inherit_cache = True


@compiles(_ClaimedBy)
def _claimed_by_sqlite(element, compiler, **kw):
    return f"json_extract({compiler.process(incidents.c.record, **kw)}, '$.claimed_by')"


@compiles(_ClaimedBy, "postgresql")
def _claimed_by_postgresql(element, compiler, **kw):
    return f"CAST((CAST({compiler.process(incidents.c.record, **kw)} AS jsonb) -> 'claimed_by') AS TEXT)"


def _claimants() -> ColumnElement:
    return _ClaimedBy()


def _contains(text: str) -> str:
    return f"%{_escape(text.lower())}%"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
