"""Commands that store inputs and judge them: run, ingest, verdicts, explain."""

from __future__ import annotations

import json
import sys

import click

from ..report.consolidation_text import render_consolidation
from ..report.trace_text import render_trace, trace_json
from ..report.verdict_table import render_table, table_json, tables_csv
from .common import AS_OF, DB_HELP, parse_as_of, progress, report_ingest, service
from .main import cli


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--db", help="Database [default: FOLDER/ceasewatch.db].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@AS_OF
@click.option("--strict", is_flag=True, help="Store nothing from a file that has any bad row.")
def run(folder: str, db: str | None, fmt: str, as_of: str | None, strict: bool) -> None:
    """Ingest a monitoring folder, judge, and print the verdict table.

    FOLDER holds agreement.yaml, the site files it names, feeds/*.jsonl|*.csv and
    reports/*.txt|*.html (report texts: read, extracted and stored).
    Only what is new is ingested; verdicts are recomputed when the agreement or an
    incident changed. Rows marked ≠ have verdicts that differ between versions.

    \b
    Example:
      ceasewatch run examples/energy-moratorium-2025
      ceasewatch run examples/energy-moratorium-2025 --format json --as-of 2025-03-19T12:00Z
    """
    when = parse_as_of(as_of)
    with service(db, folder) as cw:
        report = cw.run(folder, strict=strict, progress=progress)
        report_ingest(report)
        tables = cw.verdict_tables(as_of=when)
        _print_tables(tables, fmt)
    if report.problems:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", help=DB_HELP)
@click.option("--strict", is_flag=True, help="Store nothing from a file that has any bad row.")
@click.option("--defer", is_flag=True,
              help="Store only: consolidate and judge when this database is next opened (for bulk loads in several commands).")
def ingest(paths: tuple[str, ...], db: str | None, strict: bool, defer: bool) -> None:
    """Store agreement files, incident feeds and report texts, then consolidate and judge what is new.

    A PATH ending .yaml/.yml is an agreement (stored with its site files); .jsonl,
    .ndjson or .csv is a feed in the exchange format; .txt, .html or .htm is a report
    (extracted with the stored agreement when exactly one is stored). Each file is stored whole or not at
    all; bad rows are reported as FILE:LINE: field: message, the good rows are stored and
    the command exits 1 (with --strict, such a file stores nothing).

    \b
    Example:
      ceasewatch ingest agreement.yaml feeds/march.jsonl --db monitor.db
    """
    with service(db) as cw:
        report = cw.ingest(paths, strict=strict, progress=progress, defer=defer)
        report_ingest(report)
    if report.problems:
        sys.exit(1)


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option("--agreement", "agreement_id", metavar="ID", help="The agreement [default: every stored one].")
@click.option("--version", "version", metavar="V", help="Show only this version's column.")
@click.option("--diff", is_flag=True, help="Keep the incidents whose verdict differs between versions.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@AS_OF
def verdicts(db, agreement_id, version, diff, fmt, as_of) -> None:
    """Print every stored incident's verdict under each version.

    With several agreements stored and none named, JSON output is one object per
    agreement, one per line; CSV has one row per incident, version and agreement.

    \b
    Example:
      ceasewatch verdicts --db monitor.db --diff
      ceasewatch verdicts --db monitor.db --version kremlin --format csv > kremlin.csv
    """
    when = parse_as_of(as_of)
    with service(db) as cw:
        tables = cw.verdict_tables(agreement_id, version=version, diff=diff, as_of=when)
        _print_tables(tables, fmt)


def _print_tables(tables, fmt: str) -> None:
    if fmt == "json":
        for table in tables:
            click.echo(json.dumps(table_json(table), ensure_ascii=False))
    elif fmt == "csv":
        click.echo(tables_csv(tables), nl=False)
    else:
        click.echo("\n\n".join(render_table(t) for t in tables))


@cli.command()
@click.argument("incident_id")
@click.option("--db", help=DB_HELP)
@click.option("--agreement", "agreement_id", metavar="ID", help="The agreement [default: every stored one].")
@click.option("--version", "version", metavar="V", help="Only this version.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def explain(incident_id, db, agreement_id, version, fmt) -> None:
    """Show how an incident was put together and how its verdicts were reached.

    First its accounts (each report's or feed row's own version, with who says so and
    their side), the disagreements between them and any analyst correction; then each
    verdict with every test and the figures compared, and any analyst override beside
    the engine's verdict. INCIDENT_ID may also be the id of an account in the incident.

    \b
    Example:
      ceasewatch explain inc-dec818dfae3b989f --db examples/energy-moratorium-2025/ceasewatch.db
    """
    with service(db) as cw:
        resolved = cw.resolve_id(incident_id)
        details = cw.incident_details(resolved)
        found = cw.explain(resolved, agreement_id, version)
        overrides = cw.active_overrides(resolved)
    if fmt == "json":
        traces = []
        for v in found:
            trace = trace_json(v)
            entry = overrides.get((v.agreement_id, v.version))
            trace["override"] = entry.to_record() if entry else None
            traces.append(trace)
        click.echo(json.dumps({"incident": resolved, **details, "verdicts": traces}, ensure_ascii=False, indent=2))
        return
    parts = [render_consolidation(resolved, details)]
    for v in found:
        text = render_trace(v)
        entry = overrides.get((v.agreement_id, v.version))
        if entry is not None:
            text += f"\n  OVERRIDDEN by {entry.by} at {entry.at}: {entry.after} — {entry.reason} (log #{entry.seq})"
        parts.append(text)
    click.echo("\n\n".join(parts))