"""Reading times: every time expression of a report, resolved against its publication P, as
intervals that become UTC once the place's zone is known (spec/incidents.md, "Reading times";
the conventions in full are in docs/times.md).

    pub = Publication.parse("2025-03-19")
    for mention in find_times(text, pub, events=agreement.events):
        mention.interval("Europe/Kyiv", agreement.events)   # -> Interval in UTC

Unknown stays wide: what cannot be read is left out, and what can be read only roughly
("overnight", "after the call", a weekday in a report dated only by month) keeps its width.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from ..model.agreement import Event
from ..model.interval import Interval
from .publication import Publication
from .time_context import anchor_clocks_to_events, take_days_from_sentences
from .time_mention import KINDS, TimeMention
from .time_scan import Found, scan
from .time_tokens import chunk_bounds, tokenize
from .time_zones import CANDIDATE_ZONES

DEFAULT_LOOKBACK = timedelta(days=3)
MAX_MENTIONS = 20_000  # far above any real report (a 2,000-character report has 10 to 30)

__all__ = ["CANDIDATE_ZONES", "KINDS", "MAX_MENTIONS", "Publication", "TimeMention", "default_interval", "find_times"]


def find_times(text: str, publication: Publication | None, *, events: Mapping[str, Event] | None = None) -> list[TimeMention]:
    """Every time expression in `text`, in order and not overlapping, read against `publication`;
    with `events`, times relative to an agreement's events are linked to them by name."""
    if not text:
        return []
    found: list[Found] = []
    for start, end in chunk_bounds(text):
        found.extend(scan(tokenize(text, start, end), publication, events))
        if len(found) >= MAX_MENTIONS:
            del found[MAX_MENTIONS:]  # a hostile text (megabytes of clock times): stop, in bounded time
            break
    take_days_from_sentences(text, found, publication)
    anchor_clocks_to_events(text, found)
    return [item.mention for item in found]


def default_interval(publication: Publication | None) -> Interval:
    """When a report gives no time at all: [P - 3 days, end of P]; unknown without a P."""
    if publication is None:
        return Interval.unknown()
    return Interval(publication.earliest - DEFAULT_LOOKBACK, publication.latest)
