"""`ceasewatch incidents` and `ceasewatch history`: the consolidated list, and one incident's audit log."""

from __future__ import annotations

import json

import click

from ..model.verdict import VERDICTS
from ..report.incident_list import incident_json, incidents_csv, render_incident_table
from ..store import GRADES, UNGRADED, IncidentQuery
from .common import DB_HELP, service
from .main import cli
from .period import FROM, TO, parse_period


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, exists=True))
@click.option("--db", help=DB_HELP + " With FOLDER: FOLDER/ceasewatch.db.")
@click.option("--agreement", "agreement_id", metavar="ID", help="Whose verdicts to show [default: the first stored].")
@click.option("--version", metavar="V", help="The version --verdict filters on [default: the agreement's first].")
@click.option("--verdict", "verdicts", multiple=True, type=click.Choice(VERDICTS), help="Keep this verdict (repeatable).")
@click.option("--actor", "actors", multiple=True, metavar="CODE", help="Keep this actor ('unknown': none known; repeatable).")
@click.option("--grade", "grades", multiple=True, type=click.Choice((*GRADES, UNGRADED)), help="Keep this grade (repeatable).")
@click.option("--target", metavar="CODE", help="Keep incidents with a target code at or below CODE (energy covers energy.grid).")
@click.option("--place", metavar="TEXT", help="Keep incidents whose place name contains TEXT (any case).")
@FROM
@TO
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def incidents(folder, db, agreement_id, version, verdicts, actors, grades, target, place, time_from, time_to, fmt) -> None:
    """List the consolidated incidents: place, time, actor, targets, grade, reports, verdicts.

    Each incident is one strike however many reports told it (docs/consolidation.md).
    JSON is one object per line: the exchange-format record plus `grade`, `reports` (the
    ids of the reports behind it) and `verdicts` (per version). A violation of an
    incident that is only alleged says so.

    \b
    Example:
      ceasewatch incidents examples/energy-moratorium-2025
      ceasewatch incidents --db monitor.db --grade contested --grade alleged --format csv > doubtful.csv
      ceasewatch incidents --db monitor.db --version kremlin --verdict violation --from 2025-03-18
    """
    start, end = parse_period(time_from, time_to)
    query = IncidentQuery(
        agreement=agreement_id, version=version, verdicts=tuple(verdicts), actors=tuple(actors),
        grades=tuple(grades), target=target, place=place, time_from=start, time_to=end,
    )
    with service(db, folder) as cw:
        query = cw.incident_query(query)
        agreement = cw.agreement(query.agreement) if query.agreement else None
        versions = tuple(agreement.versions) if agreement else ()
        rows = list(cw.incident_stream(query))
        reports = cw.store.reports_of_incidents(r.record["id"] for r in rows)
    listed = [(row, reports.get(row.record["id"], [])) for row in rows]
    if fmt == "json":
        for row, ids in listed:
            click.echo(json.dumps(incident_json(row, ids, versions), ensure_ascii=False))
    elif fmt == "csv":
        click.echo(incidents_csv(listed, versions), nl=False)
    else:
        click.echo(render_incident_table(listed, versions))


@cli.command()
@click.argument("incident_id")
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def history(incident_id, db, fmt) -> None:
    """Show every analyst change that touched an incident: who, when, what, before, after, why.

    INCIDENT_ID may be the incident's id or the id of any account in it (ids change as
    reports join an incident; the log follows its accounts). The log is append-only.

    \b
    Example:
      ceasewatch history inc-31ed4a04ba1cef0f --db examples/energy-moratorium-2025/ceasewatch.db
    """
    with service(db) as cw:
        resolved = cw.resolve_id(incident_id)
        entries = cw.analyst_history(resolved)
    if fmt == "json":
        click.echo(json.dumps([e.to_record() for e in entries], ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo(f"{resolved}: no analyst change yet")
    for e in entries:
        what = e.action + (f" {e.field}" if e.field else "") + (f" [{e.agreement_id}/{e.version}]" if e.version else "")
        click.echo(f"#{e.seq} {e.at} {e.by}: {what} on {e.incident_id}")
        if e.before is not None or e.after is not None:
            click.echo(f"    before: {json.dumps(e.before, ensure_ascii=False)}")
            click.echo(f"    after:  {json.dumps(e.after, ensure_ascii=False)}")
        click.echo(f"    why: {e.reason}")
