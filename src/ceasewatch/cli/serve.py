"""`ceasewatch serve`: the dashboard and the REST API on a local web server (read-only)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..config import DEFAULT_DB, Settings
from .common import DB_HELP, progress, report_ingest, service
from .main import cli

WEB_PACKAGES = "fastapi, uvicorn, jinja2, orjson and xstatic-leaflet"
APP_FACTORY = "ceasewatch.web.app:app_from_env"  # what each of several workers imports and calls


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--db", help=DB_HELP + " With FOLDER: FOLDER/ceasewatch.db.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (another machine can reach 0.0.0.0).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes; the number of cores suits a read-only dashboard (SQLite or PostgreSQL).")
def serve(folder: str | None, db: str | None, host: str, port: int, workers: int) -> None:
    """Serve the dashboard (map, timeline, incidents, differences) and the API at /api.

    Read-only: it never writes, except that a FOLDER without a database is first run
    once (`ceasewatch run FOLDER`), so a fresh copy of a monitoring folder can be served
    at once. The OpenAPI description is at /api/openapi.json. Stop with Ctrl-C.

    \b
    Example:
      ceasewatch serve examples/energy-moratorium-2025
      ceasewatch serve --db monitor.db --port 8080 --workers 2
    """
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as e:
        raise click.ClickException(f"the dashboard needs {WEB_PACKAGES}: pip install -e . ({e})") from None
    # Checked before opening: opening creates the database file.
    fresh = folder is not None and db is None and not (Path(folder) / DEFAULT_DB).exists()
    with service(db, folder) as cw:
        if fresh:
            click.echo(f"{folder} has no database yet: running it once first", err=True)
            report_ingest(cw.run(folder, progress=progress))
        click.echo(f"ceasewatch: serving {cw.store.url} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
        if workers == 1:
            uvicorn.run(create_app(cw), host=host, port=port, log_level="warning")
            return
        # Each worker is a new process that builds its own app: it finds the database (with its
        # password, which cw.store.url hides) in the environment it inherits.
        os.environ["CEASEWATCH_DB"] = Settings.load(db=db, folder=folder).db
        uvicorn.run(APP_FACTORY, factory=True, workers=workers, host=host, port=port, log_level="warning")
