"""The API's edge: ceasewatch's errors as HTTP statuses, in one place."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from ..errors import ConfigError, InputError, NotFound, StoreError

log = logging.getLogger("ceasewatch.api")


def install_error_handlers(app: FastAPI) -> None:
    """NotFound -> 404; InputError, ConfigError, KeyError (an unknown version) -> 400;
    StoreError -> 503 without the database's words. Pages get HTML through `app.state.error_page`."""

    async def not_found(request: Request, error: NotFound) -> Response:
        return _answer(request, 404, str(error))

    async def bad_input(request: Request, error: Exception) -> Response:
        message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
        return _answer(request, 400, str(message))

    async def store_failed(request: Request, error: StoreError) -> Response:
        log.error("database error on %s: %s", request.url.path, error)
        return _answer(request, 503, "the database could not answer; see the server's log")

    app.add_exception_handler(NotFound, not_found)
    for error_type in (InputError, ConfigError, KeyError):
        app.add_exception_handler(error_type, bad_input)
    app.add_exception_handler(StoreError, store_failed)


def _answer(request: Request, status: int, message: str) -> Response:
    page = getattr(request.app.state, "error_page", None)
    if page is not None and not request.url.path.startswith("/api/"):
        return page(request, status, message)
    return JSONResponse({"detail": message}, status_code=status)
