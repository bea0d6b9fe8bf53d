"""The `ceasewatch` command: the group; each topic's commands live in their own module."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="ceasewatch")
def cli() -> None:
    """Judge reported strikes against every party's version of a ceasefire's terms.

    \b
    Start with the bundled example:
      ceasewatch run examples/energy-moratorium-2025
      ceasewatch explain sumy-hospitals-2025-03-19 --db examples/energy-moratorium-2025/ceasewatch.db
    """


# Each module adds its commands to `cli` when imported: one line per topic.
from . import agreements, judging  # noqa: E402,F401
