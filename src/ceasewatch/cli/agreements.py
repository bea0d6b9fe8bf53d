"""Commands about agreement files."""

from __future__ import annotations

import click

from ..core import Ceasewatch
from ..errors import InputError
from ..report import agreement_summary
from .common import print_problems
from .main import cli


@cli.group()
def agreement() -> None:
    """Work with agreement files."""


@agreement.command("check")
@click.argument("file", type=click.Path())
def agreement_check(file: str) -> None:
    """Check an agreement file and print what it says, in UTC.

    Every mistake is listed as FILE:LINE: key: message, and nothing is stored.

    \b
    Example:
      ceasewatch agreement check examples/energy-moratorium-2025/agreement.yaml
    """
    try:
        parsed = Ceasewatch.check_agreement(file)  # needs no store
    except InputError as e:
        print_problems(e)
    click.echo(agreement_summary(parsed))


