"""When an incident happened: the best of the time mentions that describe it, as a UTC interval.

Time mentions are tried by level, nearest first: the incident's own clause, its sentence,
the later sentences that continue its story ("the attack came at 8:50 p.m."), the
earlier attack sentences of its paragraph, and last the report's default window
([P - 3 days, end of P], marked "time unknown"). Within a level, intervals that overlap
are intersected (each mention narrows the others); if they disagree, the narrowest wins.
A mention right after "launched" gives the launch time, never the impact time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Mapping

from ..model.agreement import Event
from ..model.interval import Interval

_LAUNCH_BEFORE = re.compile(r"\blaunch(?:ed|es|ing)?\b[^.;]{0,30}$", re.I)
_DAY_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tonight)\b|\d{4}-\d{2}-\d{2}",
    re.I,
)
# A speech verb, then only words that say where or how it was said, then the time.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|wrote|posted|announced|reported|stated|added|claimed|confirmed|accused)"
    r"(?:\s+(?:on|in|at|a|an|the|its|his|her|their|statement|post|video|address|telegram|facebook|x|tv|"
    r"television|reporters|journalists|briefing|interview|late|early|media|channel)){0,5}\s+$",
    re.I,
)


@dataclass(frozen=True)
class Timing:
    """An interval and the mentions (spans) it was read from; `known` is False for the default window."""

    interval: Interval
    spans: tuple[tuple[int, int], ...]
    known: bool = True


def best_timing(mentions: Iterable[Any], text: str, zone: str | None, events: Mapping[str, Event] | None) -> Timing | None:
    """The interval the mentions agree on (their intersection), else the narrowest; None if none reads.

    Launch times and times of saying ("officials said on Thursday") are left out.
    """
    read = [(m, _interval(m, zone, events)) for m in mentions if not is_launch(text, m) and not is_said_time(text, m)]
    read = [(m, iv) for m, iv in read if iv is not None and iv.is_known]
    if not read:
        return None
    together = read[0][1]
    for _, iv in read[1:]:
        together = intersection(together, iv)
        if together is None:
            break
    if together is not None:
        return Timing(together, tuple((m.start, m.end) for m, _ in read))
    m, iv = min(read, key=lambda pair: width(pair[1]))
    return Timing(iv, ((m.start, m.end),))


def with_days(mentions: list[Any], donors: list[Any]) -> list[Any]:
    """A clock time that names no day takes the day of the nearest donor that names exactly one.

    "On May 2, at 09:40 a.m., ... At 1:15 p.m. a second drone hit Y, ...": 1:15 p.m. on May 2.
    `donors` are the story's other time mentions, nearest first; without one the clock stays
    as the time reader left it (the most recent such time before the end of P).
    """
    day = next((d for d in (_single_day(m) for m in donors) if d is not None), None)
    if day is None:
        return mentions
    out = []
    for m in mentions:
        if _is_dateless_clock(m) and m.local_earliest is not None and m.local_latest is not None:
            shift = datetime.combine(day, m.local_earliest.time()) - m.local_earliest
            m = replace(m, local_earliest=m.local_earliest + shift, local_latest=m.local_latest + shift,
                        note=f"{m.note}; day from the story: {day}", until=None)
        out.append(m)
    return out


def _is_dateless_clock(m: Any) -> bool:
    return m.kind == "clock" and not _DAY_WORDS.search(m.text)


def _single_day(m: Any) -> date | None:
    """The one local day a dated mention covers (a date, a weekday, a part of one day), else None."""
    if _is_dateless_clock(m) or m.kind in ("relative", "duration_ago", "period"):
        return None
    if m.local_earliest is None or m.local_latest is None:
        return None
    last = m.local_latest - timedelta(microseconds=1) if m.local_latest > m.local_earliest else m.local_latest
    first = m.local_earliest.date()
    return first if last.date() == first else None


def launch_timing(mentions: Iterable[Any], text: str, zone: str | None, events: Mapping[str, Event] | None) -> Timing | None:
    """The launch interval, only when the text says when something was launched."""
    for m in mentions:
        if is_launch(text, m):
            iv = _interval(m, zone, events)
            if iv is not None and iv.is_known:
                return Timing(iv, ((m.start, m.end),))
    return None


def is_launch(text: str, mention: Any) -> bool:
    """True when the time mention follows "launched" closely: it dates the launch."""
    return bool(_LAUNCH_BEFORE.search(text[max(0, mention.start - 40):mention.start]))


def is_said_time(text: str, mention: Any) -> bool:
    """True when the time dates a statement: "said on Thursday", "told reporters late Monday"."""
    return bool(_SAID_BEFORE.search(text[max(0, mention.start - 50):mention.start]))


def intersection(a: Interval, b: Interval) -> Interval | None:
    """The common part of two known intervals, or None when they do not meet."""
    start = max(a.earliest, b.earliest)
    end = min(a.latest, b.latest)
    return Interval(start, end) if start <= end else None


def width(iv: Interval):
    """How long the interval is (a timedelta)."""
    return iv.latest - iv.earliest


def overlaps(a: Interval, b: Interval) -> bool:
    """True when two known intervals share a moment."""
    return intersection(a, b) is not None


def _interval(mention: Any, zone: str | None, events: Mapping[str, Event] | None) -> Interval | None:
    try:
        return mention.interval(zone or "Europe/Kyiv", events)
    except (ValueError, KeyError, TypeError):
        return None  # a relative time whose event the agreement does not name
