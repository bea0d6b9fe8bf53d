"""create_app: the dashboard's pages, its static files and the REST API in one app."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import api
from ..core import Ceasewatch
from .context import templates

STATIC = Path(__file__).parent / "static"


def create_app(cw: Ceasewatch) -> FastAPI:
    """The API app with the pages added: every file a page loads is served from here."""
    from xstatic.pkg import leaflet  # Leaflet's files, from PyPI

    from . import views_incident, views_lists, views_overview

    app = api.create_app(cw)
    app.state.error_page = error_page
    for module in (views_overview, views_lists, views_incident):
        app.include_router(module.router)
    app.mount("/static/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    async def http_error(request: Request, error: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
        return error_page(request, error.status_code, str(error.detail))

    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": _jsonable(error.errors())}, status_code=422)
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        return error_page(request, 400, problems)

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    return app


def app_from_env() -> FastAPI:
    """The app over the database CEASEWATCH_DB names: the factory each `serve --workers` process calls."""
    from ..config import Settings

    # Never closed: the store lives as long as the worker process that serves it.
    return create_app(Ceasewatch.from_settings(Settings.load()))


def error_page(request: Request, status: int, message: str) -> Response:
    """An HTML page saying what went wrong (the message is escaped like any text)."""
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status_code=status)


def _jsonable(errors: list[dict]) -> list[dict]:
    return [{k: (v if isinstance(v, (str, int, float, list, type(None))) else str(v)) for k, v in e.items()
             if k != "ctx"} for e in errors]
