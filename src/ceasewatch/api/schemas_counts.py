"""Response shapes of /api/counts: groups of figures for the same tally, side by side."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Qualifier = Literal["exactly", "more_than", "at_least", "about", "up_to", "dozens"]


class CountBoundOut(BaseModel):
    """The lowest or highest figure of a group, as its source qualified it."""

    quantity: int
    qualifier: Qualifier | None = None


class CountFigureOut(BaseModel):
    """One source's figure with who said it, where, and the sentence it came from."""

    claim: str = Field(description="The claim's id.")
    report: str | None = None
    kind: Literal["aggregate", "count"] = Field(description="`count`: the figure of one located incident.")
    speaker: str | None = None
    source: str | None = Field(None, description="The outlet or body that published it.")
    quantity: int
    qualifier: Qualifier | None = None
    actor: str | None = Field(None, description="The figure's own actor; null when the text does not state it.")
    weapon_model: str | None = None
    start: str | None = None
    end: str | None = None
    text: str


class CountGroupOut(BaseModel):
    """Figures of one tally (actor, unit, what was counted, overlapping windows); never averaged."""

    id: str = Field(description="A hash of the member claim ids: stable while the members are.")
    actor: str | None = None
    unit: Literal["drones", "missiles", "bombs", "shells", "strikes"]
    measure: Literal["launched", "intercepted"]
    weapon: str | None = None
    weapon_model: str | None = None
    start: str | None = Field(None, description="The window every figure shares (its intersection).")
    end: str | None = None
    span_start: str | None = Field(None, description="The earliest start of any figure's window.")
    span_end: str | None = Field(None, description="The latest end of any figure's window.")
    low: CountBoundOut
    high: CountBoundOut
    figures: list[CountFigureOut] = Field(description="Lowest first.")
