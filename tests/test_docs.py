"""The docs name every command, option and setting users can meet."""

from pathlib import Path

import click
import pytest

from ceasewatch.cli.main import cli
from ceasewatch.config import describe_settings

DOCS = Path(__file__).resolve().parent.parent / "docs"


def commands(group: click.Group, prefix: str = ""):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            yield from commands(command, path + " ")
        else:
            yield path, command


@pytest.mark.parametrize("path,command", list(commands(cli)), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_and_option_is_in_the_cli_reference(path, command):
    reference = (DOCS / "cli.md").read_text()
    assert f"`ceasewatch {path}" in reference
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.opts[0] in reference, f"{path}: {param.opts[0]} is not documented"


def test_every_setting_is_in_the_cli_reference():
    reference = (DOCS / "cli.md").read_text()
    for name, env, default, _ in describe_settings():
        assert f"`{env}`" in reference and f"| {name} |" in reference


def test_readme_links_only_to_docs_that_exist():
    readme = (DOCS.parent / "README.md").read_text()
    for page in DOCS.glob("*.md"):
        assert f"docs/{page.name}" in readme, f"{page.name} is not linked from the README"
