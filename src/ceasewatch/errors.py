"""Every error ceasewatch raises on purpose.

    CeasewatchError
      ConfigError        bad or missing setting
      InputError         a file a user wrote is wrong; carries every Problem found
        AgreementError   an agreement file (or one of its site files) is wrong
        FeedError        rows of an incident feed are wrong
      RuleError          an agreement cannot be applied as written
      StoreError         the database cannot be opened or written
      NotFound           no stored object with that id

Raise the narrowest class, with the offending value in the message. Surfaces (CLI, API)
translate these at their edge; nothing else catches broad exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in an input file: where it is and what is wrong."""

    file: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.key}: {self.message}"


class CeasewatchError(Exception):
    """Base class of every error ceasewatch raises on purpose."""


class ConfigError(CeasewatchError):
    """A setting is missing or invalid."""


class InputError(CeasewatchError):
    """A user's file is wrong. `problems` lists every mistake found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class AgreementError(InputError):
    """An agreement file or one of the site files it names is wrong."""


class FeedError(InputError):
    """Rows of an incident feed are wrong."""


class RuleError(CeasewatchError):
    """An agreement cannot be applied as written."""


class StoreError(CeasewatchError):
    """The database cannot be opened, migrated or written."""


class NotFound(CeasewatchError):
    """No stored object has the id asked for."""
