"""Settings: how ceasewatch runs (not what it judges: that is the agreement file)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

DEFAULT_DB = "ceasewatch.db"


@dataclass(frozen=True)
class Settings:
    """Every option, with its default and the help text that --help and docs/cli.md show."""

    db: str = field(
        default=DEFAULT_DB,
        metadata={
            "env": "CEASEWATCH_DB",
            "help": "Database URL or SQLite path: sqlite:///file.db, a path, or postgresql://user@host/db.",
        },
    )

    @classmethod
    def load(cls, *, db: str | None = None, folder: str | Path | None = None) -> Settings:
        """Settings from flags, then the environment, then defaults.

        `folder` is a monitoring folder: without --db its database is FOLDER/ceasewatch.db,
        which wins over CEASEWATCH_DB so that each folder keeps its own verdicts.
        """
        if db:
            return cls(db=db)
        if folder is not None:
            return cls(db=str(Path(folder) / DEFAULT_DB))
        return cls(db=os.environ.get("CEASEWATCH_DB") or DEFAULT_DB)


def describe_settings() -> list[tuple[str, str, str, str]]:
    """(name, environment variable, default, help) for each setting: drives the docs."""
    return [
        (f.name, f.metadata["env"], str(f.default), f.metadata["help"])
        for f in fields(Settings)
    ]
