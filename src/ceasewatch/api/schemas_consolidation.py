"""Response shapes of consolidation: accounts and who attests them, disagreements, the analyst's
hand, and the source registry (docs/sources.md, docs/consolidation.md)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class AttesterOut(BaseModel):
    """Who says so (or denies it), as the source registry resolved their words."""

    label: str = Field(description="The words of the report or feed row: 'the Russian Defence Ministry'.")
    source: str | None = Field(None, description="The registry source those words name, if any.")
    kind: str | None = Field(None, description="government, military, media, monitor or ngo; null when unknown.")
    affiliation: str | None = Field(None, description="A party code, 'independent', or null when unknown.")
    reliability: str | None = Field(None, description="Admiralty scale A-F of the registry source; null without one.")
    rule: str | None = Field(None, description="The step of the resolution that decided (docs/sources.md).")


class AccountOut(BaseModel):
    """One report's (or feed row's) telling of the incident, with its own fields."""

    id: str = Field(description="The account id: GET /api/incidents/{id} resolves it to this incident.")
    report: str | None = Field(None, description="The report it was extracted from (GET /api/reports/{id}); null for a feed row.")
    outlet: AttesterOut | None = Field(None, description="The report's outlet; null for a feed row.")
    source_file: str | None = None
    attesters: list[AttesterOut] = Field(description="Who says it happened: its speakers, else its outlet.")
    deniers: list[AttesterOut] = []
    place: str | None = None
    start: str | None = None
    end: str | None = None
    actor: str | None = None
    targets: list[str] = []


class DisagreementValueOut(BaseModel):
    """One value the accounts give for a field, and the accounts giving it."""

    value: Any = None
    accounts: list[str]


class DisagreementOut(BaseModel):
    """A field the accounts do not agree on: every value, what the incident took, and why."""

    field: str = Field(description="An exchange-format field, `counts.NAME`, `time` or `launch_time`.")
    values: list[DisagreementValueOut]
    chosen: Any = Field(None, description="What the incident holds: null when the disagreement leaves it unknown.")
    why: str = Field(description="Why that was chosen (ceasewatch's words, not stored).")


class CorrectionOut(BaseModel):
    """An analyst's correction of one field, applied to the incident."""

    seq: int = Field(description="Its entry in the analyst log.")
    field: str
    value: Any = None
    by: str
    at: str
    reason: str


class LogEntryOut(BaseModel):
    """One entry of the append-only analyst log (ceasewatch history)."""

    seq: int
    at: str = Field(description="When, UTC.")
    by: str
    action: str = Field(description="correct, merge, split, grade or override.")
    incident: str = Field(description="The incident's id when the change was made.")
    accounts: list[str] = Field(description="The accounts the change is anchored on.")
    field: str | None = None
    agreement: str | None = None
    version: str | None = None
    before: Any = None
    after: Any = None
    reason: str


class SourceOut(BaseModel):
    """A source of the registry in use: its names, what it is, whose side, how reliable."""

    name: str
    aliases: list[str] = []
    kind: str
    affiliation: str = Field(description="A party code, or 'independent'.")
    reliability: str = Field(description="Admiralty scale: A completely reliable … F cannot be judged.")


def source_json(source) -> dict[str, Any]:
    """A registry Source as SourceOut."""
    return {"name": source.name, "aliases": list(source.aliases), "kind": source.kind,
            "affiliation": source.affiliation, "reliability": source.reliability}
