"""create_app: the FastAPI application of the REST API (pages are added by ceasewatch.web)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.middleware.gzip import GZipMiddleware

from .. import __version__
from ..core import Ceasewatch
from .errors import install_error_handlers
from .security import SecurityHeaders

DESCRIPTION = """Read-only access to a ceasewatch database: agreements with their versions and
commitment windows, incidents with their verdicts under every version, the trace of each
verdict, reports with their evidence spans, and exports of exactly what a filter selects.
Field names are those of the exchange format (docs/feeds.md). Times are ISO 8601 UTC."""


def create_app(cw: Ceasewatch) -> FastAPI:
    """The API app over one service; its OpenAPI description is at /api/openapi.json."""
    from . import routes_agreements, routes_exports, routes_incidents, routes_map, routes_reports

    app = FastAPI(
        title="ceasewatch", version=__version__, description=DESCRIPTION,
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,  # the docs UIs load from a CDN
    )
    app.state.cw = cw
    install_error_handlers(app)
    for module in (routes_agreements, routes_incidents, routes_map, routes_reports, routes_exports):
        app.include_router(module.router, prefix="/api")
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=1)  # fast: most use is local
    app.add_middleware(SecurityHeaders)
    return app


def get_ceasewatch(request: Request) -> Ceasewatch:
    """The service the app was made with (a FastAPI dependency)."""
    return request.app.state.cw


def json_response(payload: Any) -> Response:
    """JSON already shaped like the route's response model, without re-validating it."""
    # Lists of a hundred incidents are the hot path: pydantic validation would double their cost.
    return Response(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), media_type="application/json")
