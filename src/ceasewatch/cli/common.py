"""What every command shares: opening the service, translating errors, common options."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import datetime

import click

from ..config import Settings
from ..core import Ceasewatch, IngestReport
from ..errors import CeasewatchError, InputError
from ..model import parse_instant

DB_HELP = "Database: a SQLite path or URL, or postgresql://… [default: $CEASEWATCH_DB, else ./ceasewatch.db]"


@contextmanager
def service(db: str | None = None, folder: str | None = None):
    """Open the store and turn ceasewatch's own errors into clean messages at this edge."""
    try:
        with Ceasewatch.from_settings(Settings.load(db=db, folder=folder)) as cw:
            yield cw
    except InputError as e:
        print_problems(e)
    except CeasewatchError as e:
        raise click.ClickException(str(e)) from None
    except KeyError as e:  # an unknown version name: the message names the known ones
        raise click.ClickException(e.args[0]) from None


def parse_as_of(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_instant(text)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--as-of") from None


def report_ingest(report: IngestReport) -> None:
    """One line per file on stderr, then every problem; stdout stays for results."""
    for f in report.files:
        if f.skipped:
            status = "unchanged since last ingested, skipped"
        else:
            status = f"{f.added} added, {f.revised} revised, {f.unchanged} unchanged"
            if f.problems:
                status += f", {len(f.problems)} problem(s)"
        click.echo(f"{f.path}: {status}", err=True)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    c = report.consolidation
    if c is not None and c.rebuilt + c.removed:
        click.echo(
            f"consolidated {c.accounts} account(s) into {c.incidents} incident(s) ({c.rebuilt} rebuilt, {c.removed} removed)",
            err=True,
        )
    if report.judged:
        click.echo(f"judged {report.judged} incident(s) under each stored agreement", err=True)


def progress(path: str) -> None:
    if sys.stderr.isatty():
        click.echo(f"reading {path} …", err=True)


AS_OF = click.option("--as-of", "as_of", metavar="TIME", help="Judge `perform` commitments as of this ISO 8601 time (with offset). [default: now]")




def print_problems(error: InputError) -> None:
    """Each problem on its own line on stderr, then exit 1."""
    for problem in error.problems:
        click.echo(str(problem), err=True)
    sys.exit(1)
