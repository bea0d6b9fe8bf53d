"""Commands that read report texts without storing anything: extract, eval."""

from __future__ import annotations

import json
import sys

import click

from ..core import Ceasewatch
from ..errors import CeasewatchError, InputError
from ..model import Extraction
from ..report.eval_text import score_json, score_table
from ..report.extraction_text import extraction_json, extraction_summary
from .common import print_problems
from .main import cli

AGREEMENT_HELP = "An agreement file: its parties' codes and named events (times such as 'two hours after the call ended')."


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--agreement", "agreement_path", metavar="FILE", type=click.Path(dir_okay=False), help=AGREEMENT_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
def extract(paths: tuple[str, ...], agreement_path: str | None, fmt: str) -> None:
    """Find incidents and claims in report texts and print them; nothing is stored.

    A PATH is a plain-text report (.txt, with optional Title:/Source:/URL:/Published:
    header lines, a blank line, then the body) or a saved HTML article page (.html,
    .htm). JSON output is one line per report: {"report", "incidents", "claims",
    "fulfilments", "notes"}, each incident in the exchange format with its evidence
    spans. A file that cannot be read is reported as FILE:LINE: field: message; the
    others are still read, and the command exits 1.

    \b
    Example:
      ceasewatch extract report.txt --agreement examples/energy-moratorium-2025/agreement.yaml
      ceasewatch extract articles/*.html --format table
    """
    failed = 0
    try:
        results = Ceasewatch.extract_paths(paths, agreement_path)
        for number, (path, found) in enumerate(results, start=1):
            _progress(number, len(paths), path)
            if isinstance(found, Extraction):
                _print_extraction(found, fmt)
            else:
                failed += 1
                for problem in found:
                    click.echo(str(problem), err=True)
    except InputError as e:
        print_problems(e)
    except CeasewatchError as e:
        raise click.ClickException(str(e)) from None
    if len(paths) > 1:
        click.echo(f"read {len(paths) - failed} of {len(paths)} report(s)", err=True)
    if failed:
        sys.exit(1)


@cli.command(name="eval")
@click.argument("set_dir", type=click.Path(file_okay=False))
@click.option("--agreement", "agreement_path", metavar="FILE", type=click.Path(dir_okay=False), help=AGREEMENT_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--verbose", is_flag=True, help="List each article's misses, extras and wrong fields.")
def evaluate(set_dir: str, agreement_path: str | None, fmt: str, verbose: bool) -> None:
    """Score extraction on an evaluation set: precision, recall, F1, field accuracy.

    SET_DIR holds articles/NAME.txt and gold/NAME.json (see docs/eval.md). Each
    article with a gold file is extracted and its incidents matched to the gold ones
    (same place within 50 km or the same region, dates within a day), one to one,
    nearest first. A gold file or article that cannot be read is reported and the
    command exits 1.

    \b
    Example:
      ceasewatch eval ../shared/eval/dev
      ceasewatch eval tests/cases/eval_set --verbose
    """
    try:
        score = Ceasewatch.evaluate(set_dir, agreement_path)
    except InputError as e:
        print_problems(e)
    except CeasewatchError as e:
        raise click.ClickException(str(e)) from None
    if fmt == "json":
        click.echo(json.dumps(score_json(score), ensure_ascii=False))
    else:
        click.echo(score_table(score, verbose=verbose))
    problems = [*score.problems, *(p for a in score.articles for p in a.problems)]
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        sys.exit(1)


def _print_extraction(extraction: Extraction, fmt: str) -> None:
    if fmt == "table":
        click.echo(extraction_summary(extraction) + "\n")
    else:
        click.echo(json.dumps(extraction_json(extraction), ensure_ascii=False))


def _progress(number: int, total: int, path: str) -> None:
    """'[12/40] path' on stderr, when a person is watching a batch of several files."""
    if total > 1 and sys.stderr.isatty():
        click.echo(f"[{number}/{total}] {path}", err=True)
