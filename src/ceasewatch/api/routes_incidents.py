"""GET /api/incidents, /api/incidents/{id} and /api/verdicts."""

from __future__ import annotations

import gzip

from fastapi import APIRouter, Depends, Query, Request, Response

from ..core import Ceasewatch
from ..store import IncidentQuery
from .app import GZIP_LEVEL, GZIP_MIN_BYTES, get_ceasewatch, json_bytes, json_response
from .detail import incident_detail_json
from .filters import incident_filters
from .schemas import IncidentList, VerdictList, incident_json
from .schemas_detail import IncidentDetail

router = APIRouter(tags=["incidents"])
BAD_FILTER = {400: {"description": "A filter names an unknown version or a malformed value"},
              404: {"description": "No such agreement"}}


@router.get("/incidents", response_model=IncidentList, responses=BAD_FILTER)
def list_incidents(request: Request, query: IncidentQuery = Depends(incident_filters),
                   cw: Ceasewatch = Depends(get_ceasewatch)):
    """A page of strike incidents: filtered, sorted, with the total the filters select.

    An answer given before is given again from memory while the database is unchanged.
    """
    token = cw.store.change_token()
    if token is None:
        return Response(json_bytes(_incident_page(cw, query)), media_type="application/json")
    cache = request.app.state.page_cache
    gzipped = "gzip" in request.headers.get("accept-encoding", "")
    key = ("incidents", query, token, gzipped)
    body = cache.get(key)
    if body is None:
        body = json_bytes(_incident_page(cw, query))
        if gzipped and len(body) >= GZIP_MIN_BYTES:
            # Kept compressed as the app's GZip middleware would send it: compressed once, not per request.
            body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        cache.put(key, body)
    if gzipped and body[:2] == b"\x1f\x8b":
        return Response(body, media_type="application/json",
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(body, media_type="application/json")


def _incident_page(cw: Ceasewatch, query: IncidentQuery) -> dict:
    query = cw.incident_query(query)
    # The query is complete now: asking the store directly spares a second look-up of the agreement.
    page = cw.store.incident_page(query)
    versions = version_keys(cw, query)
    return {
        "total": page.total, "limit": query.limit, "offset": query.offset,
        "agreement": query.agreement, "version": query.version,
        "items": [incident_json(row, versions) for row in page.rows],
    }


@router.get("/incidents/{incident_id}", response_model=IncidentDetail,
            responses={404: {"description": "No such strike incident, account or agreement"}})
def get_incident(
    incident_id: str,
    agreement: str | None = Query(None, max_length=200, description="Agreement id [default: the first stored]."),
    cw: Ceasewatch = Depends(get_ceasewatch),
):
    """One incident: every field, its accounts, disagreements, grade and the analyst's history,
    the verdict trace per version, the record's history and its reports.

    `incident_id` may be an account's id: the answer is then its incident's (200, not a
    redirect), with `requested_id` the id asked for and `incident.id` the incident's own.
    """
    return json_response(incident_detail_json(cw, incident_id, agreement))


@router.get("/verdicts", response_model=VerdictList, responses=BAD_FILTER)
def list_verdicts(
    query: IncidentQuery = Depends(incident_filters),
    only_version: bool = Query(False, description="Only the rows of `version` (default: every version)."),
    cw: Ceasewatch = Depends(get_ceasewatch),
):
    """Verdict rows (incident, version) for a page of the incidents the filters select."""
    query = cw.incident_query(query)
    page = cw.incident_page(query)
    versions = [query.version] if only_version and query.version else version_keys(cw, query)
    items = [
        {"incident": row.record["id"], "agreement": query.agreement, "version": v,
         "verdict": (vr := row.verdicts[v]).verdict, "reason": vr.reason, "unknown": list(vr.unknown),
         "commitment": vr.commitment}
        for row in page.rows for v in versions if v in row.verdicts
    ]
    return json_response({"total": page.total, "limit": query.limit, "offset": query.offset,
                          "agreement": query.agreement, "items": items})


def version_keys(cw: Ceasewatch, query: IncidentQuery) -> list[str]:
    """The versions of the query's agreement, in file order (none without an agreement)."""
    agreement = cw.agreement(query.agreement) if query.agreement else None
    return list(agreement.versions) if agreement else []
