"""`ceasewatch report`: the compliance report of a period, as HTML, PDF or Markdown."""

from __future__ import annotations

import sys

import click

from ..report.compliance import FORMATS, default_output, write_report
from .common import DB_HELP, parse_as_of, progress, report_ingest, service
from .main import cli
from .period import FROM, TO, parse_period


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--db", help=DB_HELP + " With FOLDER: FOLDER/ceasewatch.db.")
@click.option("--agreement", "agreement_id", metavar="ID", help="The agreement [default: the only one stored].")
@FROM
@TO
@click.option("--version", "version", metavar="V|all", default="all", show_default=True,
              help="Report one version of the terms, or all side by side.")
@click.option("--as-of", "as_of", metavar="TIME",
              help="The stated generation time, and the moment `perform` commitments are judged at (ISO 8601 "
                   "with offset). Fix it to get the same bytes again. [default: now]")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True)
@click.option("-o", "--output", metavar="FILE",
              help="Where to write; '-' for standard output (HTML, Markdown). [default: compliance-report.FORMAT]")
def report(folder, db, agreement_id, time_from, time_to, version, as_of, fmt, output) -> None:
    """Write a compliance report: summary, version differences, time slices, charts, annexes.

    With FOLDER (a monitoring folder), what is new in it is ingested and judged first, as
    `run` does. The PDF holds the 1,000 most severe incidents of the annex (and the 200
    most severe differences) and writes the full annex beside it as FILE-annex.csv;
    Markdown writes its figures to FILE-figures/. Progress goes to standard error.

    \b
    Example:
      ceasewatch report examples/energy-moratorium-2025 --format pdf -o moratorium.pdf
      ceasewatch report --db monitor.db --from 2025-03-18 --to 2025-03-25 --as-of 2025-03-26T00:00Z
    """
    start, end = parse_period(time_from, time_to)
    when = parse_as_of(as_of)
    output = output or default_output(fmt)
    problems = False
    with service(db, folder) as cw:
        if folder is not None:
            ingested = cw.run(folder, progress=progress)
            report_ingest(ingested)
            problems = bool(ingested.problems)
        data = cw.compliance_data(
            agreement_id, time_from=start, time_to=end, version=None if version == "all" else version,
            as_of=when, progress=_say,
        )
        written = write_report(data, fmt, output, progress=_say)
    for path in written.paths:
        click.echo(str(path), err=True)
    if problems:
        sys.exit(1)


def _say(message: str) -> None:
    click.echo(f"report: {message}", err=True)
