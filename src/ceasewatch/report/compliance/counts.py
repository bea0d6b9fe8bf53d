"""The report's "counts side by side": each tally of weapons with every source's figure and the range."""

from __future__ import annotations

from dataclasses import dataclass

from ...consolidate.count_groups import CountGroup
from ..count_text import figure_text, range_text, window_text


@dataclass(frozen=True)
class CountFigureRow:
    """One source's figure, as the report prints it."""

    figure: str  # "more than 80"
    who: str  # the speaker, then the outlet
    report: str | None
    claim: str


@dataclass(frozen=True)
class CountRow:
    """One tally: its window, actor and unit, each figure, and the range (never an average)."""

    window: str
    actor: str
    unit: str
    figures: tuple[CountFigureRow, ...]
    range: str


def count_rows(groups: tuple[CountGroup, ...]) -> tuple[CountRow, ...]:
    """The groups as rows, in the order they were grouped."""
    return tuple(
        CountRow(
            window=window_text(g.window),
            actor=g.actor or "actor not stated",
            unit=f"{g.unit} {g.measure}",
            figures=tuple(
                CountFigureRow(figure_text(f), ", ".join(x for x in (f.speaker, f.source) if x) or "source not named",
                               f.report, f.claim_id)
                for f in g.figures
            ),
            range=range_text(g),
        )
        for g in groups
    )
