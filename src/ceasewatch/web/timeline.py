"""The timeline as SVG shapes: a lane per party with each version's commitment windows,
their start uncertainty drawn as a band, and incident impact intervals as bars."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..model import Agreement, format_utc
from ..store import IncidentRow

WIDTH = 1100
LABEL_WIDTH = 190
ROW_HEIGHT = 18
ROW_GAP = 4
AXIS_HEIGHT = 30
MIN_BAR = 3  # pixels: an exact time is still visible
LABEL_CHAR = 6.5  # pixels per character of a bar label, near enough to keep labels apart
_STEPS = [timedelta(hours=h) for h in (1, 2, 3, 6, 12, 24, 48, 96, 168, 336, 720)]


@dataclass(frozen=True)
class Shape:
    """A rectangle (bar, band, window) or a label; `href` makes it a link, `title` a tooltip."""

    kind: str  # "rect" or "text"
    x: float
    y: float
    width: float = 0
    height: float = 0
    css: str = ""
    text: str = ""
    title: str = ""
    href: str | None = None


@dataclass
class Timeline:
    """Everything the template draws, in pixels."""

    start: datetime
    end: datetime
    width: int = WIDTH
    height: int = 0
    shapes: list[Shape] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)


def default_range(agreement: Agreement | None, rows: list[IncidentRow]) -> tuple[datetime, datetime] | None:
    """From the earliest event or incident to the latest incident end (or event), with margins."""
    times = [t for row in rows for t in _row_times(row)]
    if agreement is not None:
        times += [t for e in agreement.events.values() for t in (e.interval.earliest, e.interval.latest) if t]
    if not times:
        return None
    start, end = min(times), max(times)
    margin = max((end - start) / 12, timedelta(hours=1))
    return start - margin, end + margin


def build(agreement: Agreement | None, rows: list[IncidentRow], version: str | None,
          start: datetime, end: datetime, link) -> Timeline:
    """Lay the timeline out between `start` and `end`; `link(id)` gives an incident's URL."""
    timeline = Timeline(start, end)
    scale = (WIDTH - LABEL_WIDTH) / max((end - start).total_seconds(), 1)

    def x(t: datetime) -> float:
        t = min(max(t, start), end)
        return LABEL_WIDTH + (t - start).total_seconds() * scale

    y = AXIS_HEIGHT
    if agreement is not None:
        y = _events(timeline, agreement, x, y)
    parties = list(agreement.parties) if agreement else []
    if any(row.record.get("actor") is None for row in rows) or not parties:
        parties.append(None)
    for party in parties:
        y = _lane(timeline, agreement, party, [r for r in rows if r.record.get("actor") == party], version, x, y, link)
    timeline.height = y + ROW_GAP
    timeline.ticks = _ticks(start, end, x)
    return timeline


def _events(timeline: Timeline, agreement: Agreement, x, y: float) -> float:
    timeline.shapes.append(Shape("text", 4, y + 13, css="lane-title", text="Named events"))
    y += ROW_HEIGHT + ROW_GAP
    for event in agreement.events.values():
        a, b = event.interval.earliest, event.interval.latest
        if a is None or b is None:
            continue
        title = f"{event.name}: {format_utc(a)} – {format_utc(b)}" + (f" ({event.source})" if event.source else "")
        timeline.shapes.append(Shape("text", 12, y + 13, css="row-label", text=event.name))
        timeline.shapes.append(Shape("rect", x(a), y, max(x(b) - x(a), MIN_BAR), ROW_HEIGHT, "event-band", title=title))
        y += ROW_HEIGHT + ROW_GAP
    return y


def _lane(timeline, agreement, party, rows, version, x, y, link) -> float:
    name = agreement.parties.get(party, party) if agreement and party else "actor unknown"
    timeline.shapes.append(Shape("rect", 0, y, WIDTH, 2, "lane-rule"))
    timeline.shapes.append(Shape("text", 4, y + 15, css="lane-title", text=f"{party or '?'} · {name}"))
    y += ROW_HEIGHT + ROW_GAP
    for key, v in (agreement.versions.items() if agreement else ()):
        for c in v.commitments:
            if c.mode != "refrain" or c.start is None or (party is not None and party not in c.parties):
                continue
            y = _window(timeline, key, c, x, y)
    for lane_row in _pack(rows, x):
        for row in lane_row:
            r = row.record
            a, b = _row_times(row)
            verdict = row.verdicts.get(version) if version else None
            shown = verdict.verdict + (f" ({verdict.reason})" if verdict.reason else "") if verdict else "no verdict"
            if row.grade == "alleged" and verdict and verdict.verdict == "violation":
                shown = f"alleged {shown}"  # facts only the other side gives: every surface says so
            title = f"{r['id']} · {r.get('place') or '?'} · {r.get('start')} – {r.get('end')} · {version}: {shown}"
            width = max(x(b) - x(a), MIN_BAR)
            css = f"bar verdict-{verdict.verdict if verdict else 'unjudged'}"
            timeline.shapes.append(Shape("rect", x(a), y, width, ROW_HEIGHT, css, title=title, href=link(r["id"])))
            timeline.shapes.append(Shape("text", x(a) + width + 3, y + 13, css="bar-label", text=_label(r)))
        y += ROW_HEIGHT + ROW_GAP
    return y + ROW_GAP


def _window(timeline, version_key: str, c, x, y: float) -> float:
    s0, s1 = c.start.earliest + c.grace, c.start.latest + c.grace
    label = f"{version_key}: {c.id}"
    timeline.shapes.append(Shape("text", 12, y + 13, css="row-label", text=label))
    band_title = f"{label} starts between {format_utc(s0)} and {format_utc(s1)} ({c.start_ref})"
    timeline.shapes.append(Shape("rect", x(s0), y, max(x(s1) - x(s0), MIN_BAR), ROW_HEIGHT, "start-band", title=band_title))
    window_end = c.end.earliest if c.end else timeline.end
    if window_end > s1:
        title = f"{label} in force from {format_utc(s1)}" + (f" to {format_utc(c.end.earliest)}" if c.end else " (no end)")
        timeline.shapes.append(Shape("rect", x(s1), y + 5, max(x(window_end) - x(s1), 0), ROW_HEIGHT - 10, "window", title=title))
    if c.end is not None and c.end.latest > c.end.earliest:
        timeline.shapes.append(Shape("rect", x(c.end.earliest), y, max(x(c.end.latest) - x(c.end.earliest), MIN_BAR),
                                     ROW_HEIGHT, "end-band", title=f"{label} ends between {format_utc(c.end.earliest)} and {format_utc(c.end.latest)}"))
    return y + ROW_HEIGHT + ROW_GAP


def _pack(rows: list[IncidentRow], x) -> list[list[IncidentRow]]:
    """Greedy rows: a bar (and its label) goes to the first row it does not overlap."""
    packed: list[list[IncidentRow]] = []
    ends: list[float] = []  # pixels: where each row's last label ends
    for row in sorted((r for r in rows if _row_times(r)), key=_row_times):
        a, b = _row_times(row)
        left, right = x(a), max(x(b), x(a) + MIN_BAR) + 3 + LABEL_CHAR * len(_label(row.record))
        for i, last in enumerate(ends):
            if left > last + 4:
                packed[i].append(row)
                ends[i] = right
                break
        else:
            packed.append([row])
            ends.append(right)
    return packed


def _label(record: dict) -> str:
    return (record.get("place") or record["id"])[:40]


def _row_times(row: IncidentRow) -> tuple[datetime, datetime] | tuple[()]:
    r = row.record
    if not r.get("start") or not r.get("end"):
        return ()
    return datetime.fromisoformat(r["start"]), datetime.fromisoformat(r["end"])


def _ticks(start: datetime, end: datetime, x) -> list[tuple[float, str]]:
    span = end - start
    step = next((s for s in _STEPS if span / s <= 10), _STEPS[-1])
    first = start.replace(minute=0, second=0, microsecond=0)
    if step >= timedelta(days=1):
        first = first.replace(hour=0)
    else:
        hours = int(step.total_seconds() // 3600)
        first = first.replace(hour=first.hour - first.hour % hours)
    ticks, t = [], first
    while t <= end:
        if t >= start:
            label = t.strftime("%d %b %H:%M") if step < timedelta(days=1) else t.strftime("%d %b")
            ticks.append((x(t), label))
        t += step
    return ticks
