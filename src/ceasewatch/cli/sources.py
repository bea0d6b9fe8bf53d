"""`ceasewatch sources`: the source registry in use, and checking a registry file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..sources import SourcesError, load_registry
from .common import DB_HELP, print_problems, service
from .main import cli


@cli.group()
def sources() -> None:
    """The source registry: who reports, for which side, how reliably (docs/sources.md)."""


@sources.command("list")
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def sources_list(db, fmt) -> None:
    """List the sources of the registry the store grades with (its last ingested file, else the built-in one).

    \b
    Example:
      ceasewatch sources list --db examples/energy-moratorium-2025/ceasewatch.db
    """
    with service(db) as cw:
        found = cw.sources()
    if fmt == "json":
        for s in found:
            click.echo(json.dumps({"name": s.name, "aliases": list(s.aliases), "kind": s.kind,
                                   "affiliation": s.affiliation, "reliability": s.reliability}, ensure_ascii=False))
        return
    rows = [("name", "kind", "affiliation", "reliability", "aliases")]
    rows += [(s.name, s.kind, s.affiliation, s.reliability, ", ".join(s.aliases)) for s in found]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row[:4], widths)) + "  " + row[4])


@sources.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def sources_check(file) -> None:
    """Check a registry file laid over the built-in one; every mistake as FILE:LINE: key: message.

    Nothing is stored: `ceasewatch ingest FILE` (or a monitoring folder's sources.yaml,
    read by `run`) makes it the registry that grades are given with.

    \b
    Example:
      ceasewatch sources check my-sources.yaml
    """
    try:
        registry = load_registry(Path(file).read_text(encoding="utf-8"), file)
    except SourcesError as e:
        print_problems(e)
    click.echo(f"{file}: fine; {len(registry.sources)} source(s) in effect with the built-in ones")
