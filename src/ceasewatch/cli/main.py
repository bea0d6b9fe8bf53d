"""The `ceasewatch` command: the group; each topic's commands live in their own module."""

from __future__ import annotations

import importlib

import click

from .. import __version__

# Command -> the module that defines it. A module is imported only when its command runs
# (or when --help lists them all), so `ceasewatch extract` does not pay for matplotlib.
COMMAND_MODULES = {
    "agreement": ".agreements",
    "correct": ".analyst",
    "counts": ".counts",
    "eval": ".extract",
    "explain": ".judging",
    "export": ".export",
    "extract": ".extract",
    "grade": ".analyst",
    "history": ".incidents",
    "incidents": ".incidents",
    "ingest": ".judging",
    "merge": ".analyst",
    "override": ".analyst",
    "report": ".report",
    "run": ".judging",
    "serve": ".serve",
    "sources": ".sources",
    "split": ".analyst",
    "verdicts": ".judging",
}


class LazyGroup(click.Group):
    """A command group that imports each command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMAND_MODULES:
            importlib.import_module(COMMAND_MODULES[name], __package__)  # registers it on `cli`
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="ceasewatch")
def cli() -> None:
    """Judge reported strikes against every party's version of a ceasefire's terms.

    \b
    Start with the bundled example:
      ceasewatch run examples/energy-moratorium-2025
      ceasewatch verdicts --db examples/energy-moratorium-2025/ceasewatch.db --diff
    """
