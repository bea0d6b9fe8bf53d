"""create_app: the FastAPI application of the REST API (pages are added by ceasewatch.web)."""

from __future__ import annotations

import json
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
import orjson
from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.middleware.gzip import GZipMiddleware

from .. import __version__
from ..core import Ceasewatch
from .page_cache import PageCache
from .errors import install_error_handlers
from .security import SecurityHeaders

DESCRIPTION = """Read-only access to a ceasewatch database: agreements with their versions and
commitment windows, incidents with their verdicts under every version, the trace of each
verdict, reports with their evidence spans, and exports of exactly what a filter selects.
Field names are those of the exchange format (docs/feeds.md). Times are ISO 8601 UTC."""


GZIP_MIN_BYTES = 4096
GZIP_LEVEL = 1  # fast: most use is local


def create_app(cw: Ceasewatch) -> FastAPI:
    """The API app over one service; its OpenAPI description is at /api/openapi.json."""
    from . import routes_agreements, routes_counts, routes_exports, routes_incidents, routes_map, routes_reports

    app = FastAPI(
        title="ceasewatch", version=__version__, description=DESCRIPTION,
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,  # the docs UIs load from a CDN
        lifespan=few_threads,
    )
    app.state.cw = cw
    app.state.page_cache = PageCache()
    install_error_handlers(app)
    for module in (routes_agreements, routes_incidents, routes_map, routes_reports, routes_exports, routes_counts):
        app.include_router(module.router, prefix="/api")
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
    app.add_middleware(SecurityHeaders)
    return app


# Threads running the (synchronous) routes at once, per process. The routes are mostly Python
# work, which one process runs one thread at a time anyway: with anyio's default of 40, twenty
# concurrent list requests cost 16 ms of CPU each instead of 10 (threads contending for the
# interpreter, database connections beyond the pool's opened and closed). Two still overlap a
# wait on the database; more processes (`serve --workers`) are the way to use more cores.
ROUTE_THREADS = 2


@asynccontextmanager
async def few_threads(app: FastAPI):
    """Lifespan: cap the threads the routes run in (the limiter belongs to the running event loop)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = ROUTE_THREADS
    yield


def get_ceasewatch(request: Request) -> Ceasewatch:
    """The service the app was made with (a FastAPI dependency)."""
    return request.app.state.cw


def json_response(payload: Any) -> Response:
    """JSON already shaped like the route's response model, without re-validating it."""
    return Response(json_bytes(payload), media_type="application/json")


def json_bytes(payload: Any) -> bytes:
    """Compact UTF-8 JSON of a payload."""
    # Lists of a hundred incidents are the hot path: pydantic validation would double their cost,
    # and orjson writes the compact UTF-8 JSON of json.dumps(ensure_ascii=False) 5 times faster.
    try:
        return orjson.dumps(payload)
    except TypeError:  # what orjson refuses (keys that are not strings, integers over 64 bits)
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
