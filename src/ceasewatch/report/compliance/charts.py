"""Charts as PNG bytes, drawn offline with matplotlib's Agg canvas, the same bytes every run.

No pyplot: each figure is a plain Figure on its own canvas, so nothing global is touched and
no display is needed. PNGs carry no Software or date metadata, fonts are matplotlib's own
DejaVu Sans, and every input is sorted before it is drawn.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .data import ALLEGED, VERDICT_COLUMNS, ComplianceData
from .map_figure import draw_map

DPI = 110
MIN_DAYS = 7  # the daily chart never shows fewer days
# Verdict colours: red for violations, amber for undetermined, blue-grey for none.
COLOURS = {
    "violation": "#c0392b",
    "undetermined": "#e6a11a",
    "no_violation": "#5b8db8",
    "not_applicable": "#b9b9b9",
    "not_judged": "#e4e4e4",
}
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Chart:
    """A drawn figure: its PNG bytes, a file name, a caption and an alternative text."""

    name: str  # file stem: 'daily-incidents'
    png: bytes
    caption: str
    alt: str


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG with no varying metadata (no Software, no time)."""
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def draw_charts(data: ComplianceData) -> tuple[Chart, ...]:
    """The report's two figures: incidents per day, and the map."""
    return (daily_chart(data), map_chart(data))


def daily_chart(data: ComplianceData) -> Chart:
    """Incidents per UTC day (of their earliest impact time), per party, stacked by verdict."""
    parties = data.parties() or ("unknown",)
    first, n_days = _day_range(data)
    rows, cols = len(data.versions), len(parties)
    fig = Figure(figsize=(max(6.5, 3.2 * cols), 0.6 + 2.3 * rows), layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False, sharex=True)
    counts: Counter[tuple[str, str, int, str]] = Counter()
    for e in data.entries:
        if e.start is not None:
            day = (e.start - first) // _DAY
            for version in data.versions:
                counts[version, e.actor, day, e.verdict(version)] += 1
    for r, version in enumerate(data.versions):
        for c, party in enumerate(parties):
            ax = axes[r][c]
            bottom = [0] * n_days
            for verdict in VERDICT_COLUMNS:
                heights = [counts[version, party, d, verdict] for d in range(n_days)]
                if any(heights):
                    ax.bar(range(n_days), heights, width=0.85, bottom=bottom, color=COLOURS[verdict], align="edge")
                    bottom = [b + h for b, h in zip(bottom, heights)]
            if first is not None:
                _mark_starts(ax, data, version, party, first)
            ax.set_title(f"{version}: {data.party_name(party)}", fontsize=9, loc="left")
            ax.tick_params(labelsize=7)
            ax.spines[["top", "right"]].set_visible(False)
            ax.set_xlim(0, n_days)
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            if c == 0:
                ax.set_ylabel("incidents per day", fontsize=8)
    _day_ticks(axes[-1], first, n_days)
    fig.legend(handles=_legend(data), loc="outside lower center", ncols=5, fontsize=7, frameon=False)
    caption = ("Incidents per day (UTC, by the earliest time each could have happened) for each party, "
               "coloured by the verdict under each version. Shaded bands: the start of each commitment "
               "binding that party, as an interval; the dashed line is its latest moment." + _alleged_note(data))
    return Chart("daily-incidents", png_bytes(fig), caption, "Bar charts of incidents per day by party and verdict")


def map_chart(data: ComplianceData) -> Chart:
    """The period's incidents on the region basemap, one panel per version."""
    fig, unmapped, attribution = draw_map(data, COLOURS)
    png = png_bytes(fig)
    caption = (f"Incidents of the period by verdict, one map per version. Dots: incidents located to a point or "
               f"settlement (rings: a district); shaded regions: incidents known only by region (admin1), in the "
               f"colour of their most severe verdict. {unmapped:,} incident(s) known only by country or not at all "
               f"are not drawn. Borders as internationally recognised (Crimea is part of Ukraine). {attribution}."
               + _alleged_note(data))
    return Chart("incident-map", png, caption, "Map of the period's incidents coloured by verdict")


def _mark_starts(ax, data: ComplianceData, version: str, party: str, first: datetime) -> None:
    """Shade each start interval of the commitments of `version` that bind `party`."""
    seen = set()
    for commitment in data.agreement.versions[version].commitments:
        start = commitment.start
        if commitment.mode != "refrain" or start is None or start in seen:
            continue
        if party not in commitment.parties and party != "unknown":
            continue
        seen.add(start)
        s0, s1 = ((t - first) / _DAY for t in (start.earliest, start.latest))
        ax.axvspan(s0, max(s1, s0 + 0.02), color="#333333", alpha=0.15, linewidth=0)
        ax.axvline(s1, color="#333333", linewidth=0.8, linestyle="--")


def _day_range(data: ComplianceData) -> tuple[datetime | None, int]:
    """(first UTC midnight, number of days): the incidents' days and the versions' start days,
    at least MIN_DAYS wide so that a short period still reads as a timeline."""
    moments = [e.start for e in data.entries if e.start is not None]
    if not moments:
        return None, 1
    for version in data.versions:
        moments += [c.start.latest for c in data.agreement.versions[version].commitments
                    if c.mode == "refrain" and c.start is not None and c.start.latest is not None]
    first = _midnight(min(moments)) - _DAY  # one day before, to show what came before
    return first, max(MIN_DAYS, (_midnight(max(moments)) - first) // _DAY + 1)


def _midnight(t: datetime) -> datetime:
    return t.replace(hour=0, minute=0, second=0, microsecond=0)


def _day_ticks(bottom_axes, first: datetime | None, n_days: int) -> None:
    step = max(1, -(-n_days // (10 // len(bottom_axes) or 1)))  # at most about ten labels across the figure
    ticks = list(range(0, n_days, step))
    labels = [(first + t * _DAY).strftime("%d %b") if first else "" for t in ticks]
    for ax in bottom_axes:
        ax.set_xticks([t + 0.425 for t in ticks], labels, fontsize=7)


def _alleged_note(data: ComplianceData) -> str:
    """' Of the violations drawn, N under us-ua … are alleged …', or '' when none is."""
    counts = [(v, sum(1 for e in data.entries if e.grade == ALLEGED and e.verdict(v) == "violation")) for v in data.versions]
    named = [f"{n:,} under {v}" for v, n in counts if n]
    if not named:
        return ""
    return (f" Of the violations drawn, {', '.join(named)} are alleged: only the other side says the incident"
            " happened (the summary splits every verdict by grade).")


def _legend(data: ComplianceData) -> list[Patch]:
    present = {e.verdict(v) for e in data.entries for v in data.versions}
    return [Patch(color=COLOURS[v], label=v) for v in VERDICT_COLUMNS if v in present or v == "violation"]
