"""What `ceasewatch counts` prints: each group of figures side by side, and its range."""

from __future__ import annotations

from ..consolidate.count_groups import CountFigure, CountGroup
from ..model import Interval, format_utc

_QUALIFIER_WORDS = {"more_than": "more than", "at_least": "at least", "about": "about", "up_to": "up to"}
QUOTE_CHARS = 100  # the sentence is cut here in the table; JSON has it whole


def render_count_groups(groups: list[CountGroup]) -> str:
    """Every group as a block: header, one line per figure with its source and words, the range."""
    if not groups:
        return "no counts of weapons stored"
    return "\n\n".join(render_count_group(g) for g in groups)


def render_count_group(group: CountGroup) -> str:
    """One group: window, actor, unit, each figure with who said it, and the range (no average)."""
    lines = [f"{window_text(group.window)} · {group.actor or 'actor not stated'} · {_unit_text(group)}"]
    shown = [figure_text(f) + (f" {f.weapon_model}" if f.weapon_model else "") for f in group.figures]
    width = max(len(text) for text in shown)
    for f, text in zip(group.figures, shown):
        lines.append(f"  {text:<{width}}  {_who(f)}  [{f.claim_id} in {f.report or 'no report'}]")
        lines.append(f"  {'':<{width}}  “{_quote(f.text)}”")
    lines.append(f"  range: {range_text(group)}")
    return "\n".join(lines)


def figure_text(figure: CountFigure) -> str:
    """The figure as its source gave it: "more than 80", "dozens (read as 24)", "96"."""
    if figure.qualifier == "dozens":
        return f"dozens (read as {figure.quantity})"
    words = _QUALIFIER_WORDS.get(figure.qualifier or "")
    return f"{words} {figure.quantity}" if words else str(figure.quantity)


def range_text(group: CountGroup) -> str:
    """'80–110 drones (3 figures, no average)'; one figure says so instead of giving a range."""
    n = len(group.figures)
    if n == 1:
        return f"{figure_text(group.low)} {group.unit} (1 figure)"
    low, high = figure_text(group.low), figure_text(group.high)
    joined = "–" if low.isdigit() and high.isdigit() else " – "  # "80–110", "more than 80 – about 110"
    shown = low if low == high else f"{low}{joined}{high}"
    return f"{shown} {group.unit} ({n} figures, no average)"


def window_text(window: Interval) -> str:
    """'2025-04-21 18:00 – 2025-04-22 03:00 UTC', or 'time not known'."""
    if not window.is_known:
        return "time not known"
    start, end = (format_utc(t).replace("T", " ")[:16] for t in (window.earliest, window.latest))
    return f"{start} – {end} UTC"


def _unit_text(group: CountGroup) -> str:
    kind = " at one incident" if group.figures[0].kind == "count" else ""
    return f"{group.unit} {group.measure}{kind}"


def _who(figure: CountFigure) -> str:
    said = figure.speaker or "speaker not named"
    actor = "" if figure.actor else " (actor not stated)"
    return f"{said}, {figure.source or 'outlet not known'}{actor}"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"
