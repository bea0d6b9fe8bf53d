"""`ceasewatch counts`: every source's tally of weapons for the same night, side by side."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import DEFAULT_DB
from ..report.count_text import render_count_groups
from .common import DB_HELP, service
from .main import cli
from .period import parse_period


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, exists=True))
@click.option("--db", help=DB_HELP + " With FOLDER: FOLDER/ceasewatch.db.")
@click.option("--from", "time_from", metavar="TIME",
              help="Groups whose figures' times end at or after TIME (ISO 8601 with offset, or a date: its 00:00 UTC).")
@click.option("--to", "time_to", metavar="TIME",
              help="Groups whose figures' times begin at or before TIME (ISO 8601 with offset, or a date: the end "
                   "of that UTC day).")
@click.option("--actor", metavar="CODE", help="Groups of this actor (a party code, or 'unknown' for not stated).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def counts(folder, db, time_from, time_to, actor, fmt) -> None:
    """Show the counts of drones, missiles or strikes that sources give, side by side.

    Figures of the same tally (same actor, unit and what was counted, overlapping
    windows) are grouped; each shows who said it, where, and in what words, and each
    group its lowest and highest figure. No average or total is ever made. FOLDER is a
    monitoring folder whose database is read (nothing is ingested). JSON is one object
    per group, one per line. How groups are made: docs/counts.md.

    \b
    Example:
      ceasewatch counts examples/energy-moratorium-2025
      ceasewatch counts --db monitor.db --from 2025-03-18 --to 2025-03-19 --actor RU --format json
    """
    start, end = parse_period(time_from, time_to)
    if folder is not None and db is None and not (Path(folder) / DEFAULT_DB).exists():
        # Reading must not leave an empty database behind in someone's folder.
        raise click.ClickException(f"{folder} has no database yet: run `ceasewatch run {folder}` first")
    with service(db, folder) as cw:
        groups = cw.count_groups(time_from=start, time_to=end, actor=actor or None)
    if fmt == "json":
        for group in groups:
            click.echo(json.dumps(group.to_record(), ensure_ascii=False))
    else:
        click.echo(render_count_groups(groups))
