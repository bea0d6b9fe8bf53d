"""`ceasewatch export`: stored incidents as JSON Lines, CSV, GeoJSON or an ACLED-style CSV."""

from __future__ import annotations

import sys
from contextlib import nullcontext

import click

from ..export import EXPORT_FORMATS, VERDICT_FORMATS, ExportFilter, write_export
from ..model.verdict import VERDICTS
from .common import DB_HELP, service
from .main import cli
from .period import FROM, TO, parse_period


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="jsonl/csv: the exchange format (ingest reads it back); geojson; acled-csv.")
@click.option("--agreement", "agreement_id", metavar="ID",
              help="Whose verdicts to show and filter on [default: the only one stored].")
@click.option("--version", "version", metavar="V", help="Show (and filter --verdict on) this version only.")
@click.option("--verdict", "verdicts", multiple=True, type=click.Choice(VERDICTS),
              help="Keep incidents with this verdict under --version (repeat for several).")
@click.option("--actor", "actors", multiple=True, metavar="CODE",
              help="Keep incidents of this actor (a party code, or 'unknown'; repeat for several).")
@FROM
@TO
@click.option("-o", "--output", metavar="FILE", help="Write to FILE [default: standard output].")
def export(db, fmt, agreement_id, version, verdicts, actors, time_from, time_to, output) -> None:
    """Export stored records: the exchange format, GeoJSON, or an ACLED-style CSV.

    jsonl holds every record as stored (evidence included) and csv the same without
    evidence: `ceasewatch ingest` reads either back into another database. Without
    --verdict or --actor, prisoner-exchange records come too (after the strikes).
    geojson and acled-csv hold strikes only, with their verdicts per version.

    \b
    Example:
      ceasewatch export --db monitor.db --format jsonl -o all.jsonl
      ceasewatch export --db monitor.db --format geojson --version us-ua --verdict violation -o v.geojson
      ceasewatch export --db monitor.db --format acled-csv --from 2025-03-18 --to 2025-03-31 -o acled.csv
    """
    start, end = parse_period(time_from, time_to)
    selection = ExportFilter(agreement_id, version, tuple(verdicts), tuple(actors), start, end)
    with service(db) as cw:
        chosen = cw.export_selection(selection, needs_agreement=fmt in VERDICT_FORMATS)
        with _destination(output) as stream:
            written = write_export(fmt, chosen, stream)
    click.echo(f"exported {written:,} record(s){f' to {output}' if output else ''}", err=True)


def _destination(output: str | None):
    """The file to write, or standard output (left open)."""
    if output:
        return open(output, "w", encoding="utf-8", newline="")
    return nullcontext(sys.stdout)
