"""The analyst's commands: correct a field, merge, split, set a grade, override a verdict.

Every change needs a reason and goes to the append-only audit log (`ceasewatch history`);
all of them survive re-running the pipeline over the same or new reports.
"""

from __future__ import annotations

import getpass
import os

import click

from ..consolidate import LogEntry
from ..model.verdict import VERDICTS
from ..sources import GRADES
from .common import DB_HELP, service
from .main import cli

BY_HELP = "Who makes the change [default: $CEASEWATCH_ANALYST, else your login name]."
REASON_HELP = "Why (required: it goes to the audit log)."


def _by(value: str | None) -> str:
    return value or os.environ.get("CEASEWATCH_ANALYST") or getpass.getuser()


def _done(entry: LogEntry) -> None:
    click.echo(f"#{entry.seq} {entry.action} on {entry.incident_id} logged; `ceasewatch history {entry.incident_id}` shows it")


def analyst_options(command):
    """--db, --by and --reason, shared by every analyst command."""
    command = click.option("--reason", required=True, help=REASON_HELP)(command)
    command = click.option("--by", "by", metavar="NAME", help=BY_HELP)(command)
    return click.option("--db", help=DB_HELP)(command)


@cli.command()
@click.argument("incident_id")
@click.argument("field")
@click.argument("value")
@analyst_options
def correct(incident_id, field, value, db, by, reason) -> None:
    """Set one FIELD of an incident to VALUE, whatever the reports said.

    VALUE is read as JSON when it parses (42, null, ["energy.grid"], "2025-03-18T18:50:00Z"
    needs no quotes), else as text; targets may be joined with ';'. Counts are set one
    by one: counts.killed. The value is checked as a feed's would be.

    \b
    Example:
      ceasewatch correct inc-31ed4a04ba1cef0f counts.injured 2 --reason "hospital list of 19 March" --db monitor.db
      ceasewatch correct inc-31ed4a04ba1cef0f targets "energy.grid;energy.gas" --reason "site visit" --db monitor.db
    """
    with service(db) as cw:
        _done(cw.correct(incident_id, field, value, by=_by(by), reason=reason))


@cli.command()
@click.argument("incident_ids", nargs=-1, required=True)
@analyst_options
def merge(incident_ids, db, by, reason) -> None:
    """Make two or more incidents one (their accounts stay together in every re-run).

    \b
    Example:
      ceasewatch merge inc-1a2b inc-3c4d --reason "same strike: the depot fire seen from two towns" --db monitor.db
    """
    with service(db) as cw:
        _done(cw.merge(incident_ids, by=_by(by), reason=reason))


@cli.command()
@click.argument("incident_id")
@click.argument("account_ids", nargs=-1, required=True)
@analyst_options
def split(incident_id, account_ids, db, by, reason) -> None:
    """Take ACCOUNT_IDS out of an incident: they become an incident of their own.

    `ceasewatch explain INCIDENT_ID` lists an incident's accounts.

    \b
    Example:
      ceasewatch split inc-1a2b inc-9f8e --reason "a different night: the report's date was wrong" --db monitor.db
    """
    with service(db) as cw:
        _done(cw.split(incident_id, account_ids, by=_by(by), reason=reason))


@cli.command()
@click.argument("incident_id")
@click.argument("grade", type=click.Choice((*GRADES, "auto")))
@analyst_options
def grade(incident_id, grade, db, by, reason) -> None:
    """Set an incident's credibility GRADE (`auto` gives it back to the rules of docs/sources.md).

    \b
    Example:
      ceasewatch grade inc-dec818dfae3b989f discounted --reason "satellite images show no fire" --db monitor.db
    """
    with service(db) as cw:
        _done(cw.set_grade(incident_id, grade, by=_by(by), reason=reason))


@cli.command()
@click.argument("incident_id")
@click.argument("verdict", type=click.Choice((*VERDICTS, "auto")))
@click.option("--agreement", "agreement_id", metavar="ID", help="The agreement [default: the only one stored].")
@click.option("--version", required=True, metavar="V", help="The version whose verdict is overridden.")
@analyst_options
def override(incident_id, verdict, agreement_id, version, db, by, reason) -> None:
    """Replace the engine's VERDICT on an incident under one version (`auto` gives it back).

    The engine's own trace stays visible in `ceasewatch explain`, beside the override.

    \b
    Example:
      ceasewatch override inc-08106bca68d7c8a9 no_violation --version us-ua --reason "hospital generator, not the grid" --db monitor.db
    """
    with service(db) as cw:
        found = cw.agreements(agreement_id)  # NotFound when none is stored
        if len(found) > 1:
            ids = ", ".join(a.id for a in found)
            raise click.ClickException(f"several agreements are stored ({ids}): name one with --agreement")
        _done(cw.override_verdict(incident_id, verdict, agreement=found[0].id, version=version, by=_by(by),
                                  reason=reason))
