"""Alembic's command line for these migrations, with no alembic.ini.

    export CEASEWATCH_DB=sqlite:///scratch.db
    python -m ceasewatch.store.migrations upgrade head
    python -m ceasewatch.store.migrations revision --autogenerate --rev-id 0002 -m "add reports.author"
"""

from __future__ import annotations

import os
import sys

from alembic.config import CommandLine

from ceasewatch.store.connection import parse_url
from ceasewatch.store.schema import alembic_config


def main(argv: list[str] | None = None) -> None:
    """Run one Alembic command against CEASEWATCH_DB (default ./ceasewatch.db)."""
    cli = CommandLine(prog="python -m ceasewatch.store.migrations")
    options = cli.parser.parse_args(argv)
    if not hasattr(options, "cmd"):
        cli.parser.error("too few arguments")
    url = parse_url(os.environ.get("CEASEWATCH_DB", "ceasewatch.db"))
    cli.run_cmd(alembic_config(url=url.render_as_string(hide_password=False)), options)


if __name__ == "__main__":
    main(sys.argv[1:])
