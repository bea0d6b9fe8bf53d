"""What the store hands back: plain frozen records, no database objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class SaveCounts:
    """How many records one save added, revised, or found unchanged."""

    added: int = 0
    revised: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class StoredAgreement:
    """One stored revision of an agreement: its file's text and every file it names."""

    id: str
    revision: int
    content_hash: str
    title: str | None
    source_name: str
    source_text: str
    files: dict[str, bytes]
    stored_at: datetime


@dataclass(frozen=True)
class IncidentRevision:
    """One revision of a stored record; `current` is True for the one in use."""

    incident_id: str
    revision: int
    record: dict[str, Any]
    source_file: str | None
    source_line: int | None
    stored_at: datetime
    current: bool


@dataclass(frozen=True)
class VerdictRow:
    """The stored summary of one incident's verdict under one version of an agreement."""

    incident_id: str
    version: str
    verdict: str
    reason: str | None
    unknown: tuple[str, ...]
    commitment: str | None
